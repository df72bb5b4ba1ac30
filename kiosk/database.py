"""Engine tuning: SQLite in WAL mode with a busy timeout and foreign keys on; SQLite writer turns."""
from __future__ import annotations

import fcntl
import os
import threading
from contextlib import contextmanager
from pathlib import Path

from flask import Flask, current_app
from sqlalchemy import event
from sqlalchemy.engine import Engine

from kiosk.extensions import db

SQLITE_BUSY_TIMEOUT_MS = 10_000


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def configure_engine(app: Flask) -> None:
    """Attach the SQLite pragmas to the app's engine (no-op for PostgreSQL)."""
    with app.app_context():
        engine: Engine = db.engine
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)


def is_sqlite() -> bool:
    """Whether the current app runs on SQLite."""
    return db.engine.dialect.name == "sqlite"


_turn_lock = threading.Lock()
_turn_files: dict[str, int] = {}
os.register_at_fork(after_in_child=_turn_files.clear)  # flock belongs to an open file: reopen after fork


@contextmanager
def writer_turn():
    """Wait for this database's writer turn around a short, hot write transaction (SQLite only).

    SQLite admits one writer at a time and makes the others poll with growing sleeps (up to 100 ms).
    With many server threads, a burst of kiosk requests then spends far longer asleep than writing.
    Waiting here instead (a lock among the process's threads, ``flock`` among worker processes)
    hands the turn over the moment it is free. PostgreSQL locks rows itself: there this does nothing.
    """
    engine = db.engine
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or not current_app.config.get("SQLITE_WRITER_TURNS", True):
        yield
        return
    path = str(Path(database).resolve()) + "-writers.lock"
    with _turn_lock:
        if path not in _turn_files:
            _turn_files[path] = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(_turn_files[path], fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(_turn_files[path], fcntl.LOCK_UN)
