"""Persistence: the SQLAlchemy models, the library folder, managed files, migrations."""
