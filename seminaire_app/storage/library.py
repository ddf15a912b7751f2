"""A library is a folder: ``seminaire.sqlite``, the managed ``files/`` and ``backups/``.

:class:`Library` opens (or creates) one, sets SQLite up on every connection (WAL,
foreign keys, full synchronous commits so that a power cut keeps the last completed
action), upgrades an older schema after a backup copy, and hands out transactions: one per
service call, or one for a whole series of reads (:meth:`Library.reading`).
"""

from __future__ import annotations

import functools
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ..domain import Changes
from ..errors import StorageError

log = logging.getLogger(__name__)

DATABASE_NAME = "seminaire.sqlite"
FILES_DIR = "files"
BACKUPS_DIR = "backups"
#: The Alembic head this code expects; a test checks it against the migration scripts.
SCHEMA_REVISION = "0002"

Listener = Callable[[Changes], None]


def driver_connection(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under ``session``'s transaction, for hot paths: tens of
    thousands of ids come back about three times faster than through SQLAlchemy rows."""
    conn = session.connection().connection.driver_connection
    assert isinstance(conn, sqlite3.Connection), "Séminaire libraries are SQLite"
    return conn


def _call_now(call: Callable[[], None]) -> None:
    call()


def default_library_dir() -> Path:
    """``$SEMINAIRE_LIBRARY`` or the platform's user-data folder."""
    env = os.environ.get("SEMINAIRE_LIBRARY")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("seminaire", appauthor=False) / "Bibliothèque"


def _configure_connection(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # The pysqlite driver's own transaction handling is switched off so that SQLAlchemy's
    # BEGIN is the only one (SQLAlchemy docs, "Serializable isolation / Savepoints").
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.execute("PRAGMA cache_size = -32000")
    cursor.close()


def _emit_begin(conn: Any) -> None:
    # With the driver's own transaction handling off, SQLAlchemy emits BEGIN itself:
    # transactional DDL (migrations) and SAVEPOINTs then behave.
    conn.exec_driver_sql("BEGIN")


class _Reading(threading.local):
    """The session of the :meth:`Library.reading` block a thread is in, if any."""

    session: Session | None = None


class Library:
    """An open library folder. Pass it explicitly; there is no global one."""

    def __init__(self, folder: Path, engine: Engine) -> None:
        self.folder = folder
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._listeners: list[Listener] = []
        self._dispatch: Callable[[Callable[[], None]], None] = _call_now
        self._reading = _Reading()
        #: Goes up with every committed change, at once (listeners may be called later):
        #: caches of derived data compare it to know whether they are still true.
        self.generation = 0

    # --- opening ----------------------------------------------------------------------
    @classmethod
    def open(cls, folder: Path | str, create: bool = True) -> Library:
        """Open the library in ``folder``, creating or upgrading it when needed."""
        folder = Path(folder).expanduser().resolve()
        db_path = folder / DATABASE_NAME
        if not db_path.exists():
            if not create:
                raise StorageError(f"no Séminaire library in {folder}")
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(f"cannot create the library folder {folder}: {exc}") from exc
        elif not os.access(db_path, os.R_OK | os.W_OK):
            raise StorageError(f"cannot read and write {db_path}: check its permissions")
        engine = create_engine(f"sqlite:///{db_path}")
        event.listen(engine, "connect", _configure_connection)
        event.listen(engine, "begin", _emit_begin)
        library = cls(folder, engine)
        try:
            library._ensure_schema()
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            engine.dispose()
            detail = getattr(exc, "orig", None) or exc
            raise StorageError(
                f"{db_path} is not a readable Séminaire database: {detail}") from exc
        (folder / FILES_DIR).mkdir(exist_ok=True)
        from .files import empty_trash

        empty_trash(folder / FILES_DIR)  # what the last session deleted can no longer be undone
        return library

    def _current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            has_table = conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'").first()
            if not has_table:
                return None
            row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
            return str(row[0]) if row else None

    def _ensure_schema(self) -> None:
        current = self._current_revision()
        if current == SCHEMA_REVISION:
            return
        from .migrate import is_known_revision, upgrade_to_head

        if current is not None and not is_known_revision(current):
            raise StorageError(
                f"this library was written by a newer Séminaire (schema {current}); "
                "update Séminaire to open it")
        if current is not None:
            backup = self.backup(f"before-upgrade-from-{current}")
            log.info("upgrading schema %s → head, backup in %s", current, backup)
        upgrade_to_head(self.engine)

    # --- transactions and change notification ----------------------------------------
    @contextmanager
    def begin(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error.
        Inside a :meth:`reading` block of the same thread, that block's transaction."""
        try:
            shared = self._reading.session
            if shared is not None:
                yield shared
                if shared.new or shared.dirty or shared.deleted:  # never to be flushed
                    raise StorageError("the library cannot be changed in a reading block")
                return
            with self._sessions.begin() as session:
                yield session
        except OperationalError as exc:
            raise StorageError(f"the library database failed: {exc.orig}") from exc

    @contextmanager
    def reading(self) -> Iterator[None]:
        """One read-only transaction for every :meth:`begin` of this thread in the block,
        so for every service called there: what they read is one state of the library
        (SQLite's snapshot), whatever is committed meanwhile. A write in the block is a
        StorageError. Blocks nest; other threads keep their own transactions."""
        if self._reading.session is not None:
            yield
            return
        session = self._sessions()
        try:
            connection = session.connection()  # BEGIN
            connection.exec_driver_sql("PRAGMA query_only = ON")
            self._reading.session = session
            try:
                yield
            finally:
                self._reading.session = None
                # The connection goes back to the pool: it must write again.
                connection.exec_driver_sql("PRAGMA query_only = OFF")
        except OperationalError as exc:
            raise StorageError(f"the library database failed: {exc.orig}") from exc
        finally:
            session.close()  # rolls back: nothing was written

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(changes)`` after each committed change (the UI refreshes)."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling ``listener``; unknown listeners are ignored."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def set_dispatcher(self, dispatch: Callable[[Callable[[], None]], None]) -> None:
        """How listeners are called. A GUI passes a function that queues the call to its
        own thread, since operations also commit on worker threads."""
        self._dispatch = dispatch

    def notify(self, changes: Changes) -> None:
        self.generation += 1
        for listener in list(self._listeners):
            self._dispatch(functools.partial(listener, changes))

    # --- folders ----------------------------------------------------------------------
    @property
    def database_path(self) -> Path:
        return self.folder / DATABASE_NAME

    @property
    def files_dir(self) -> Path:
        return self.folder / FILES_DIR

    def backup(self, reason: str) -> Path:
        """A consistent copy of the database in ``backups/`` (SQLite's online backup)."""
        target_dir = self.folder / BACKUPS_DIR
        target_dir.mkdir(exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = target_dir / f"{stamp}-{reason}.sqlite"
        try:
            src = sqlite3.connect(self.database_path)
            dst = sqlite3.connect(target)
            with dst:
                src.backup(dst)
            src.close()
            dst.close()
        except sqlite3.Error as exc:
            raise StorageError(f"cannot back up the library to {target}: {exc}") from exc
        return target

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
