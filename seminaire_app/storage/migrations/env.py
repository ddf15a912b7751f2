"""Alembic environment: runs on the engine of the library being opened."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from seminaire_app.search import TABLE as SEARCH_TABLE
from seminaire_app.storage.models import Base

config = context.config
target_metadata = Base.metadata


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    # The FTS5 index and its shadow tables are derived data, created by hand.
    return not (type_ == "table" and name is not None and name.startswith(SEARCH_TABLE))


engine = config.attributes.get("engine") or create_engine(
    config.get_main_option("sqlalchemy.url") or "sqlite://")
with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True, include_name=include_name)
    context.run_migrations()
