"""Engine tuning: SQLite in WAL mode with a busy timeout and foreign keys on; writer turns."""
from __future__ import annotations

import fcntl
import os
import threading
from contextlib import contextmanager
from pathlib import Path

import gevent
from flask import Flask, current_app
from gevent import monkey
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


#: Turns a process may take one after another while holding the ``flock``, when its own writers queue.
TURNS_PER_HOLD = 8

_turn_lock = threading.Lock()
_turn_files: dict[str, int] = {}  # database path as configured → open lock file


class _TurnState:
    """Writers queued in this process, and the file whose ``flock`` it keeps between turns."""

    waiting = 0
    held = ""
    streak = 0


_turn_state = _TurnState()


def _forget_turns() -> None:
    _turn_files.clear()
    _turn_state.waiting, _turn_state.held, _turn_state.streak = 0, "", 0


os.register_at_fork(after_in_child=_forget_turns)  # flock belongs to an open file: reopen after fork


@contextmanager
def writer_turn():
    """Wait for the writer turn around a short, hot write transaction (issuing a ticket).

    Many server threads writing at once wait badly inside the database: SQLite makes the others
    poll with growing sleeps (up to 100 ms), PostgreSQL parks each on the row lock with a busy
    backend. Waiting here instead hands the turn over the moment it is free: a lock among the
    process's threads, and on SQLite also ``flock`` among the worker processes (on PostgreSQL the
    row lock already orders them). ``KIOSK_WRITER_TURNS=false`` switches this off.

    A process whose own writers are queued keeps the ``flock`` for up to :data:`TURNS_PER_HOLD`
    turns in a row before letting the other processes in: handing it between processes costs more
    than a short transaction.

    Both waits are cooperative under gevent: ``threading.Lock`` is gevent's once the worker has
    monkey-patched, and a ``flock`` that must wait blocks in a thread of gevent's pool rather than
    the hub, so a waiting writer never stalls the other greenlets.
    """
    if not current_app.config.get("WRITER_TURNS", True):
        yield
        return
    engine = db.engine
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    _turn_state.waiting += 1
    with _turn_lock:
        _turn_state.waiting -= 1
        if not database or database == ":memory:":
            yield
            return
        handle = _turn_files.get(database)
        if handle is None:
            handle = _turn_files[database] = os.open(f"{Path(database).resolve()}-writers.lock",
                                                     os.O_RDWR | os.O_CREAT, 0o600)
        if _turn_state.held != database:
            if _turn_state.held:  # another database's turn is still kept: give it back first
                fcntl.flock(_turn_files[_turn_state.held], fcntl.LOCK_UN)
            _take_file_lock(handle)
            _turn_state.held, _turn_state.streak = database, 0
        _turn_state.streak += 1
        try:
            yield
        finally:
            if not _turn_state.waiting or _turn_state.streak >= TURNS_PER_HOLD:
                _turn_state.held, _turn_state.streak = "", 0
                fcntl.flock(handle, fcntl.LOCK_UN)


def _take_file_lock(handle: int) -> None:
    """Take the exclusive ``flock`` on ``handle``; under gevent, wait for it off the hub."""
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        pass
    if monkey.is_module_patched("threading"):
        gevent.get_hub().threadpool.apply(fcntl.flock, (handle, fcntl.LOCK_EX))
    else:
        fcntl.flock(handle, fcntl.LOCK_EX)
