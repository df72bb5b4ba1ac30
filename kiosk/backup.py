"""Consistent online backups of the database and restoring them into an empty database.

SQLite: the online backup API (``sqlite3.Connection.backup``) copies the database page by page while the
server keeps running, into ``hallkiosk-<UTC time>.sqlite3``. PostgreSQL: ``pg_dump -Fc`` (one consistent
snapshot) into ``hallkiosk-<UTC time>.dump``, restored with ``pg_restore`` in one transaction. The
password of a PostgreSQL URL goes to the tools in ``PGPASSWORD``, never on their command line.
"""
from __future__ import annotations

import os
import sqlite3
import subprocess
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy import func, inspect, select, table
from sqlalchemy.engine import URL

from kiosk.errors import KioskError
from kiosk.extensions import db

#: Tables the migrations fill by themselves: rows there do not make a database "not empty".
MIGRATION_TABLES = ("alembic_version", "late_fee_rules")
TOOL_TIMEOUT_SECONDS = 3600


class BackupError(KioskError):
    """A backup or restore that could not be made (translated message)."""


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _url() -> URL:
    return db.engine.url


def _libpq(url: URL) -> tuple[str, dict[str, str]]:
    """The libpq form of a SQLAlchemy PostgreSQL URL without its password, and the environment holding it."""
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=TOOL_TIMEOUT_SECONDS,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BackupError(_("%(tool)s could not run: %(reason)s", tool=command[0], reason=str(error))) from None
    if done.returncode != 0:
        raise BackupError(_("%(tool)s failed: %(reason)s", tool=command[0],
                            reason=(done.stderr.strip() or str(done.returncode))[-500:]))


def _sqlite_copy(source: sqlite3.Connection, target: Path | str, *, check: bool = False) -> None:
    """Copy the open SQLite database ``source`` into the file ``target`` with the online backup API, then close both.

    ``check`` first reads the source's schema, so a file that is not a database fails before anything is written.
    """
    with closing(source):
        if check:
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        with closing(sqlite3.connect(target)) as copy:
            source.backup(copy)


def backup(directory: Path) -> Path:
    """Write a consistent copy of the database into a new timestamped file in ``directory``; its path."""
    directory.mkdir(parents=True, exist_ok=True)
    url = _url()
    if url.get_backend_name() == "sqlite":
        target = directory / f"hallkiosk-{_stamp()}.sqlite3"
        _sqlite_copy(sqlite3.connect(_sqlite_path(url)), target)
        return target
    if url.get_backend_name() == "postgresql":
        target = directory / f"hallkiosk-{_stamp()}.dump"
        dsn, env = _libpq(url)
        _run(["pg_dump", "-Fc", "--no-owner", "-f", str(target), "--dbname", dsn], env)
        return target
    raise BackupError(_("Backups support SQLite and PostgreSQL only."))


def _sqlite_path(url: URL) -> str:
    if not url.database or url.database == ":memory:":
        raise BackupError(_("An in-memory database cannot be backed up or restored."))
    return url.database


def is_empty() -> bool:
    """Whether the database has no rows outside the tables the migrations fill themselves (or no tables)."""
    inspector = inspect(db.engine)
    for name in inspector.get_table_names():
        if name in MIGRATION_TABLES:
            continue
        if db.session.scalar(select(func.count()).select_from(table(name))):
            db.session.rollback()
            return False
    db.session.rollback()
    return True


def restore(path: Path, force: bool = False) -> None:
    """Restore the backup file ``path`` into this database, which must be empty unless ``force``."""
    if not force and not is_empty():
        raise BackupError(_("The database is not empty: restore only into an empty database, "
                            "or use --force to replace its contents."))
    url = _url()
    db.session.remove()
    if url.get_backend_name() == "sqlite":
        db.engine.dispose()
        _restore_sqlite(path, _sqlite_path(url))
    elif url.get_backend_name() == "postgresql":
        dsn, env = _libpq(url)
        _run(["pg_restore", "--no-owner", "--clean", "--if-exists", "--single-transaction", "--exit-on-error",
              "--dbname", dsn, str(path)], env)
    else:
        raise BackupError(_("Backups support SQLite and PostgreSQL only."))
    db.engine.dispose()


def _restore_sqlite(path: Path, database: str) -> None:
    try:
        _sqlite_copy(sqlite3.connect(f"file:{path}?mode=ro", uri=True), database, check=True)
    except sqlite3.DatabaseError as error:
        raise BackupError(_("%(path)s is not a SQLite backup (%(reason)s).", path=str(path),
                            reason=str(error))) from None
