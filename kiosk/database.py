"""Engine tuning: SQLite in WAL mode with a busy timeout and foreign keys on; writer turns."""
from __future__ import annotations

import fcntl
import os
import threading
from collections import deque
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


#: Turns a process may take one after another while holding the ``flock``, when its own writers queue
#: and no other process waits for the turn.
TURNS_PER_HOLD = 8



class _FairLock:
    """A lock handed to its waiters in the order they came (first come, first served).

    gevent's lock (``threading.Lock`` after patching) lets a greenlet that arrives just as the lock
    is released take it before the waiters that were woken for it, so under a steady stream of
    requests the earliest writers could wait for seconds. Here the releaser hands the lock straight
    to the oldest waiter.
    """

    def __init__(self) -> None:
        self._guard = threading.Lock()  # held only for a few statements, never across a wait
        self._busy = False
        self._waiters: deque[threading.Event] = deque()

    def __enter__(self) -> None:
        with self._guard:
            if not self._busy:
                self._busy = True
                return
            turn = threading.Event()
            self._waiters.append(turn)
        try:
            turn.wait()  # the releaser has handed the lock to us: ``_busy`` stayed true
        except BaseException:  # interrupted (a timeout, the greenlet killed): leave no dead waiter behind
            with self._guard:
                handed = turn.is_set()
                if not handed:
                    self._waiters.remove(turn)
            if handed:
                self.__exit__()
            raise

    def __exit__(self, *_exc) -> None:
        with self._guard:
            if self._waiters:
                self._waiters.popleft().set()
            else:
                self._busy = False

    def reset(self) -> None:
        """Forget every holder and waiter (a freshly forked process has none)."""
        self._guard = threading.Lock()
        self._busy = False
        self._waiters = deque()


_turn_lock = _FairLock()
_turn_files: dict[str, tuple[int, int]] = {}  # database path as configured → open (turn, gate) lock files


class _TurnState:
    """Writers queued in this process, and the file whose ``flock`` it keeps between turns."""

    waiting = 0
    held = ""
    streak = 0


_turn_state = _TurnState()


def _forget_turns() -> None:
    _turn_lock.reset()
    _turn_files.clear()
    _turn_state.waiting, _turn_state.held, _turn_state.streak = 0, "", 0


os.register_at_fork(after_in_child=_forget_turns)  # flock belongs to an open file: reopen after fork


def _lock_files(database: str) -> tuple[int, int]:
    """The turn file and the gate file of ``database`` (opened once per process)."""
    files = _turn_files.get(database)
    if files is None:
        base = f"{Path(database).resolve()}-writers"
        files = _turn_files[database] = (os.open(f"{base}.lock", os.O_RDWR | os.O_CREAT, 0o600),
                                         os.open(f"{base}-gate.lock", os.O_RDWR | os.O_CREAT, 0o600))
    return files


def _others_wait(gate: int) -> bool:
    """Whether a writer of another process waits for the turn (it holds the gate while it waits)."""
    try:
        fcntl.flock(gate, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    fcntl.flock(gate, fcntl.LOCK_UN)
    return False


@contextmanager
def writer_turn():
    """Wait for the writer turn around a short, hot write transaction (issuing a ticket).

    Many server threads writing at once wait badly inside the database: SQLite makes the others
    poll with growing sleeps (up to 100 ms), PostgreSQL parks each on the row lock with a busy
    backend. Waiting here instead hands the turn over the moment it is free: a first-come,
    first-served lock among the process's threads (:class:`_FairLock`), and on SQLite also ``flock``
    among the worker processes (on PostgreSQL the row lock already orders them).
    ``KIOSK_WRITER_TURNS=false`` switches this off.

    The hand-over between processes is fair: a process takes the turn file's ``flock`` only through
    a gate (a second ``flock``) that it holds while it waits, so a process that has just given the
    turn up cannot take it straight back, and the holder sees the gate taken and gives the turn up
    after its current turn. With nobody else waiting, a process whose own writers are queued keeps
    the ``flock`` for up to :data:`TURNS_PER_HOLD` turns in a row: handing it between processes costs
    more than a short transaction.

    Both waits are cooperative under gevent: ``threading.Event`` is gevent's once the worker has
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
        turn, gate = _lock_files(database)
        if _turn_state.held != database:
            if _turn_state.held:  # another database's turn is still kept: give it back first
                fcntl.flock(_turn_files[_turn_state.held][0], fcntl.LOCK_UN)
                _turn_state.held = ""
            _take_file_lock(gate)
            try:
                _take_file_lock(turn)
            finally:
                fcntl.flock(gate, fcntl.LOCK_UN)
            _turn_state.held, _turn_state.streak = database, 0
        _turn_state.streak += 1
        try:
            yield
        finally:
            if not _turn_state.waiting or _turn_state.streak >= TURNS_PER_HOLD or _others_wait(gate):
                _turn_state.held, _turn_state.streak = "", 0
                fcntl.flock(turn, fcntl.LOCK_UN)


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
