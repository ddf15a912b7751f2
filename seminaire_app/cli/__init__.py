"""The ``seminaire`` command line: a second client of the core, like calibredb.

It only parses arguments, calls :mod:`seminaire_app.services` and prints what they
return, as plain text or, with ``--json``, as JSON (references as CSL-JSON).
"""
