"""full-text search index (FTS5), filled from the existing data

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 15:10:00
"""
from __future__ import annotations

from alembic import op
from sqlalchemy.orm import Session

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The index is derived data: building it with today's code is always right.
    from seminaire_app import search

    search.rebuild(Session(bind=op.get_bind()))


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_index")
