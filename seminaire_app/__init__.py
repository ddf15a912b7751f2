"""Séminaire core: the library, the seminar, search, interchange and dossiers.

This package never imports Qt: the desktop layer (``ui``) and the command line both
call the plain functions of :mod:`seminaire_app.services`.
"""

__version__ = "0.1.0"
