"""``python -m seminaire_app.cli``: the same as the ``seminaire`` command."""

from seminaire_app.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
