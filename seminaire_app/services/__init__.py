"""The operations of Séminaire, shared by the desktop app, the command line and tests.

Each function takes a :class:`~seminaire_app.storage.library.Library` and typed
arguments, runs in one transaction, returns frozen dataclasses and raises the typed
errors of :mod:`seminaire_app.errors`.
"""
