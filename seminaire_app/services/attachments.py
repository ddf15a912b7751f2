"""Files attached to references, editions and workshops: stored copies or links."""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import search
from ..domain import Attachment, AttachmentId, Changes, Owner
from ..errors import NotFound, ValidationError
from ..storage import files
from ..storage.library import Library
from ..storage.models import AttachmentRow, SettingRow
from ..textextract import extract_text
from . import lookup

LINK_BASE_SETTING = "link_base"


def link_base(lib: Library) -> Path:
    """The folder linked files are stored relative to: a setting, else the library's parent.

    Relative links survive moving the library and its neighbouring folders together.
    """
    with lib.begin() as session:
        setting = session.get(SettingRow, LINK_BASE_SETTING)
    return Path(setting.value) if setting else lib.folder.parent


def set_link_base(lib: Library, folder: Path) -> None:
    with lib.begin() as session:
        session.merge(SettingRow(key=LINK_BASE_SETTING, value=str(folder.resolve())))


def _resolved_path(lib: Library, base: Path, row: AttachmentRow) -> Path:
    if row.stored:
        return files.stored_path(lib.files_dir, row.sha256)
    path = Path(row.link_path)
    return base / path if row.link_relative else path


def _attachment(lib: Library, base: Path, row: AttachmentRow) -> Attachment:
    return Attachment(
        id=AttachmentId(row.id), owner=lookup.owner_of(row), filename=row.filename,
        stored=row.stored, sha256=row.sha256, path=str(_resolved_path(lib, base, row)),
        size=row.size, text_status=row.text_status, added=row.added)


def attach(lib: Library, owner: Owner, source: Path, link: bool = False) -> Attachment:
    """Attach ``source``: a managed copy, or with ``link`` a link to it where it is.

    Text is extracted before the transaction (it may take a while); an unreadable PDF is
    attached anyway, with ``text_status`` saying why it is not searchable.
    """
    source = Path(source).expanduser()
    if not source.is_file():
        raise ValidationError("file", "« {path} » is not a file that exists", path=source)
    with lib.begin() as session:  # before copying anything: no orphan file for a bad owner
        lookup.check_owner(session, owner)
    body, status = extract_text(source)
    base = link_base(lib)
    if link:
        sha, size = files.sha256_of(source), source.stat().st_size
        absolute = source.resolve()
        try:
            link_path, relative = str(absolute.relative_to(base)), True
        except ValueError:
            link_path, relative = str(absolute), False
    else:
        sha, size = files.store(lib.files_dir, source)
        link_path, relative = "", False
    with lib.begin() as session:
        lookup.check_owner(session, owner)
        row = AttachmentRow(
            filename=source.name, stored=not link, sha256=sha, link_path=link_path,
            link_relative=relative, size=size, text=body, text_status=status,
            added=datetime.now(), **lookup.owner_columns(owner))
        session.add(row)
        _reindex(session, row)
        result = _attachment(lib, base, row)
    lib.notify(Changes.ATTACHMENTS | Changes.REFERENCES)
    return result


def _reindex(session: Session, row: AttachmentRow, removed: bool = False) -> None:
    session.flush()
    if row.reference_id is not None:
        search.index_references(session, [row.reference_id])
    elif removed:
        search.unindex_attachment(session, row.id)
    else:
        search.index_attachment(session, row.id, row.filename, row.text)


def list_for(lib: Library, owner: Owner) -> list[Attachment]:
    """The attachments of one owner, in the order they were added."""
    base = link_base(lib)
    with lib.begin() as session:
        lookup.check_owner(session, owner)
        column = getattr(AttachmentRow, f"{owner.kind}_id")
        rows = session.scalars(select(AttachmentRow).where(column == owner.id)
                               .order_by(AttachmentRow.added, AttachmentRow.id))
        return [_attachment(lib, base, r) for r in rows]


def get(lib: Library, attachment_id: int) -> Attachment:
    base = link_base(lib)
    with lib.begin() as session:
        row = session.get(AttachmentRow, attachment_id)
        if row is None:
            raise NotFound("attachment", attachment_id)
        return _attachment(lib, base, row)


def detach(lib: Library, attachment_id: int) -> Attachment:
    """Remove an attachment; a stored copy no other attachment uses is deleted too."""
    base = link_base(lib)
    with lib.begin() as session:
        row = session.get(AttachmentRow, attachment_id)
        if row is None:
            raise NotFound("attachment", attachment_id)
        gone = _attachment(lib, base, row)
        session.delete(row)
        _reindex(session, row, removed=True)
        still_used = session.scalar(select(AttachmentRow.id).where(
            AttachmentRow.sha256 == row.sha256, AttachmentRow.stored.is_(True)))
    if gone.stored and still_used is None:
        # After the commit: a crash in between leaves an orphan, which `check` reports,
        # never an attachment whose file is gone.
        with contextlib.suppress(FileNotFoundError):
            os.unlink(gone.path)
    lib.notify(Changes.ATTACHMENTS | Changes.REFERENCES)
    return gone
