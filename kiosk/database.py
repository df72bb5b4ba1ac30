"""Engine tuning: SQLite in WAL mode with a busy timeout and foreign keys on; writer turns."""
from __future__ import annotations

import fcntl
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from flask import Flask, current_app
from sqlalchemy import event
from sqlalchemy.engine import Engine

from kiosk.extensions import db

SQLITE_BUSY_TIMEOUT_MS = 10_000
#: How long a writer waiting for another process's turn sleeps between tries (seconds).
TURN_RETRY_SECONDS = 0.002


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


_turn_lock = threading.Lock()
_turn_files: dict[str, int] = {}  # database path as configured → open lock file
os.register_at_fork(after_in_child=_turn_files.clear)  # flock belongs to an open file: reopen after fork


@contextmanager
def writer_turn():
    """Wait for the writer turn around a short, hot write transaction (issuing a ticket).

    Many server threads writing at once wait badly inside the database: SQLite makes the others
    poll with growing sleeps (up to 100 ms), PostgreSQL parks each on the row lock with a busy
    backend. Waiting here instead hands the turn over the moment it is free: a lock among the
    process's threads, and on SQLite also ``flock`` among the worker processes (on PostgreSQL the
    row lock already orders them). ``KIOSK_WRITER_TURNS=false`` switches this off.

    Both waits are cooperative under gevent: ``threading.Lock`` is gevent's once the worker has
    monkey-patched, and the ``flock`` is tried without blocking and retried after a short
    ``time.sleep`` (gevent's sleep there), so a waiting writer never stalls the other greenlets.
    """
    if not current_app.config.get("WRITER_TURNS", True):
        yield
        return
    engine = db.engine
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    with _turn_lock:
        if not database or database == ":memory:":
            yield
            return
        handle = _turn_files.get(database)
        if handle is None:
            handle = _turn_files[database] = os.open(f"{Path(database).resolve()}-writers.lock",
                                                     os.O_RDWR | os.O_CREAT, 0o600)
        _take_file_lock(handle)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _take_file_lock(handle: int) -> None:
    """Take the exclusive ``flock`` on ``handle``, sleeping between non-blocking tries."""
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            time.sleep(TURN_RETRY_SECONDS)
