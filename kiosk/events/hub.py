"""One listener per process: it learns of new events once and fans them out to every open stream.

A stream costs a greenlet (under gunicorn's gevent worker) or a thread (the dev server, tests) and a
few kilobytes; it never queries the database while it waits. The :class:`Hub` of an app starts one
background listener on the first stream and lets it end when the last stream has closed for a while:

* **SQLite**: the listener reads ``events_after`` for the halls that have streams when a writer of any
  process on the same file commits an event (a datagram to each listener's socket,
  ``service.wake_listeners``; a writer of the same process also through ``service.wakeup``), and
  every ``EVENT_POLL_SECONDS`` in any case.
* **PostgreSQL**: writers ``NOTIFY hallkiosk_events, '<hall_id>:<event_id>'`` in the event's own
  transaction; the listener's own connection ``LISTEN``\\ s and reads the announced rows by id, so a
  lost notification only delays an event until the next safety poll. When that connection drops, the
  listener polls like on SQLite and reconnects every ``RECONNECT_SECONDS``.

The listener reads each new event row once per process and serialises it once: every stream of
the hall is handed the same SSE bytes, so a stream reads the database only when it connects or
resumes. It keeps the last :data:`RECENT_EVENTS` events of each hall in memory; a stream that
resumes from further back (``Last-Event-ID``) reads the gap from the database itself, then joins.

``queue`` events (waiting counts, one per ticket issued) are coalesced in memory: at most one per
hall every :data:`QUEUE_EVENT_SECONDS` reaches the streams, the latest of a burst, so a burst of
fifty tickets costs each display one message instead of fifty. Each ``queue`` payload holds every
count of the hall, so the latest supersedes the ones before it; a held one is sent before any
later event of the hall, so streams still see the hall's events in order.
Streams are capped per paired device and per client address (``STREAMS_PER_DEVICE``,
``STREAMS_PER_ADDRESS``), and :func:`close_all_streams` ends every stream of the process cleanly
(gunicorn calls it on a graceful reload or shutdown).
"""
from __future__ import annotations

import json
import logging
import os
import select
import socket
import threading
import time
import weakref
from collections import Counter, deque
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import NamedTuple

import psycopg
from flask import Flask
from sqlalchemy.engine import make_url

from kiosk.events.service import NOTIFY_CHANNEL, events_after, listener_folder, wakeup
from kiosk.extensions import db

log = logging.getLogger(__name__)

#: Events of each hall kept in memory for streams that are a little behind.
RECENT_EVENTS = 500
#: Rows the listener reads per query.
BATCH = 500
#: With a working ``LISTEN`` connection, the listener still reads the table this often (seconds).
SAFETY_POLL_SECONDS = 5.0
#: How often a dropped ``LISTEN`` connection is retried (seconds).
RECONNECT_SECONDS = 2.0
#: The listener ends after this long without streams (seconds); the next stream starts it again.
IDLE_SECONDS = 2.0
#: At most one ``queue`` event per hall reaches the streams this often (seconds); 0 sends every one.
QUEUE_EVENT_SECONDS = 0.1
#: How long the listener waits on its wake-up while no stream is open (seconds), so it ends promptly.
IDLE_WAIT_SECONDS = 0.1

_hubs: weakref.WeakSet[Hub] = weakref.WeakSet()


class Item(NamedTuple):
    """One event as streams send it: ``message`` is its SSE text, encoded once for every stream."""

    id: int
    type: str
    payload: dict
    message: bytes


def format_sse(event_id: int, type_: str, data: dict) -> str:
    """One SSE message."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"id: {event_id}\nevent: {type_}\ndata: {body}\n\n"


def item_of(event_id: int, type_: str, payload: dict) -> Item:
    """The event as streams send it (serialised here, once)."""
    return Item(event_id, type_, payload, format_sse(event_id, type_, payload).encode())


@dataclass
class _Feed:
    """What the listener knows of one hall: every event above ``floor`` up to ``last`` is in ``recent``.

    ``cursor`` is the newest event read from the database; ``held`` a ``queue`` event read but not
    sent yet (coalescing), newer than ``last``.
    """

    floor: int
    last: int
    cursor: int
    streams: int = 0
    recent: deque[Item] = field(default_factory=lambda: deque(maxlen=RECENT_EVENTS))
    held: Item | None = None
    queue_sent: float = float("-inf")

    def add(self, item: Item) -> None:
        self.recent.append(item)
        self.last = item.id
        if len(self.recent) == self.recent.maxlen:
            self.floor = max(self.floor, self.recent[0].id - 1)

    def take(self, row: Item, now: float, spacing: float) -> bool:
        """Take a newly read event; whether anything was sent (a ``queue`` event may be held instead)."""
        if row.id <= self.cursor:
            return False
        self.cursor = row.id
        if row.type == "queue" and now - self.queue_sent < spacing:
            self.held = row  # supersedes the one held before it
            return False
        self.flush(now)
        self.add(row)
        if row.type == "queue":
            self.queue_sent = now
        return True

    def flush(self, now: float) -> bool:
        """Send the held ``queue`` event, if any; whether there was one."""
        held, self.held = self.held, None
        if held is None:
            return False
        self.add(held)
        self.queue_sent = now
        return True

    def after(self, after: int) -> list[Item]:
        """The events in ``recent`` newer than ``after``, oldest first (read from the newest end)."""
        found: list[Item] = []
        for item in reversed(self.recent):
            if item.id <= after:
                break
            found.append(item)
        found.reverse()
        return found


class Batch(NamedTuple):
    """What a waiting stream gets: new events, or ``behind`` (read the database up to ``floor``), or ``closing``."""

    items: list[Item]
    behind: bool
    floor: int
    closing: bool


class Lease:
    """A stream's place in the hub; :meth:`close` gives it back (more than once is harmless)."""

    def __init__(self, hub: Hub, hall_id: int, keys: list[Hashable]) -> None:
        self.hub = hub
        self.hall_id = hall_id
        self.keys = keys
        self._open = True

    def wait(self, after: int, timeout: float) -> Batch:
        """The hall's events after ``after``, waiting up to ``timeout`` seconds for some."""
        return self.hub.wait(self.hall_id, after, timeout)

    def close(self) -> None:
        """Leave the hub: the stream has ended."""
        if self._open:
            self._open = False
            self.hub.release(self)


class Hub:
    """The process's event listener of one app, and the streams waiting on it."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self._condition = threading.Condition(threading.Lock())
        self._feeds: dict[int, _Feed] = {}
        self._holders: Counter[Hashable] = Counter()
        self._thread: threading.Thread | None = None
        self._closing = False
        self._stopping = False
        self.listening = False  # the PostgreSQL LISTEN connection is up
        _hubs.add(self)

    # streams -----------------------------------------------------------------------------------

    def open(self, hall_id: int, newest: int, keys: dict[Hashable, int]) -> Lease | None:
        """Admit a stream of ``hall_id`` (newest event ``newest``) unless one of ``keys`` is at its cap."""
        with self._condition:
            if self._closing:
                return None
            if any(self._holders[key] >= cap for key, cap in keys.items()):
                return None
            for key in keys:
                self._holders[key] += 1
            feed = self._feeds.get(hall_id)
            if feed is None:
                feed = self._feeds[hall_id] = _Feed(floor=newest, last=newest, cursor=newest)
            feed.streams += 1
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="kiosk-events", daemon=True)
                self._thread.start()
            return Lease(self, hall_id, list(keys))

    def release(self, lease: Lease) -> None:
        """Give a stream's place back."""
        with self._condition:
            for key in lease.keys:
                self._holders[key] -= 1
                if self._holders[key] <= 0:
                    del self._holders[key]
            feed = self._feeds.get(lease.hall_id)
            if feed is not None:
                feed.streams -= 1

    def wait(self, hall_id: int, after: int, timeout: float) -> Batch:
        """New events of the hall after ``after``; empty when ``timeout`` passes first."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while True:
                feed = self._feeds[hall_id]
                if after < feed.floor:
                    return Batch([], True, feed.floor, self._closing)
                if feed.last > after:
                    return Batch(feed.after(after), False, feed.floor, self._closing)
                remaining = deadline - time.monotonic()
                if self._closing or remaining <= 0:
                    return Batch([], False, feed.floor, self._closing)
                self._condition.wait(remaining)

    @property
    def closing(self) -> bool:
        """Whether the hub has been closed (the process is reloading or shutting down)."""
        return self._closing

    def streams(self) -> int:
        """How many streams are open on this hub."""
        with self._condition:
            return sum(feed.streams for feed in self._feeds.values())

    def close(self) -> None:
        """End every stream: they send a last ``retry:`` and finish."""
        with self._condition:
            self._closing = True
            self._condition.notify_all()

    def stop(self, timeout: float = 5.0) -> None:
        """End every stream and the listener, and wait for the listener (an app being torn down)."""
        with self._condition:
            self._closing = self._stopping = True
            self._condition.notify_all()
            thread = self._thread
        wakeup.notify()
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    # the listener ------------------------------------------------------------------------------

    def _halls(self) -> list[int]:
        with self._condition:
            return [hall_id for hall_id, feed in self._feeds.items() if feed.streams > 0]

    def _publish(self, hall_id: int, rows: list[Item]) -> None:
        now = time.monotonic()
        with self._condition:
            feed = self._feeds[hall_id]
            sent = False
            for row in rows:
                sent = feed.take(row, now, QUEUE_EVENT_SECONDS) or sent
            if sent:
                self._condition.notify_all()

    def _flush_due(self) -> float | None:
        """Send the held ``queue`` events that are due; return seconds until the next one is (None: none held)."""
        now = time.monotonic()
        soonest: float | None = None
        with self._condition:
            sent = False
            for feed in self._feeds.values():
                if feed.held is None:
                    continue
                due = feed.queue_sent + QUEUE_EVENT_SECONDS - now
                if due <= 0:
                    sent = feed.flush(now) or sent
                elif soonest is None or due < soonest:
                    soonest = due
            if sent:
                self._condition.notify_all()
        return soonest

    def _read(self, halls: list[int]) -> None:
        """Read the new events of ``halls`` and wake their streams."""
        for hall_id in halls:
            with self._condition:
                last = self._feeds[hall_id].cursor
            while True:
                rows = [item_of(row.id, row.type, row.payload) for row in events_after(hall_id, last, BATCH)]
                db.session.remove()
                if rows:
                    self._publish(hall_id, rows)
                    last = rows[-1].id
                if len(rows) < BATCH:
                    break

    def _idle(self, since: float | None) -> tuple[bool, float | None]:
        """Whether the listener should end now (no streams for ``IDLE_SECONDS``), and since when it is idle."""
        with self._condition:
            if self._stopping:
                self._thread = None
                self._feeds.clear()
                return True, since
            busy = any(feed.streams > 0 for feed in self._feeds.values())
            if busy:
                return False, None
            now = time.monotonic()
            if since is not None and now - since >= IDLE_SECONDS:
                self._thread = None
                self._feeds.clear()
                return True, since
            return False, since if since is not None else now

    def _run(self) -> None:
        with self.app.app_context():
            postgres = db.engine.dialect.name == "postgresql"
            url = make_url(db.engine.url).set(drivername="postgresql") if postgres else None
            database = db.engine.url.database if db.engine.dialect.name == "sqlite" else None
            poll = float(self.app.config["EVENT_POLL_SECONDS"])
        connection: psycopg.Connection | None = None
        doorbell = _Doorbell(database) if database and database != ":memory:" else None
        next_connect = 0.0
        idle_since: float | None = None
        try:
            while True:
                stop, idle_since = self._idle(idle_since)
                if stop:
                    return
                if url is not None and connection is None and time.monotonic() >= next_connect:
                    connection = self._listen(url.render_as_string(hide_password=False))
                    next_connect = time.monotonic() + RECONNECT_SECONDS
                generation = wakeup.generation
                try:
                    with self.app.app_context():
                        self._read(self._halls())
                except Exception:  # noqa: BLE001 - a database hiccup must not end the listener
                    log.exception("reading new events failed")
                due = self._flush_due()
                quiet = self._closing or idle_since is not None
                wait = IDLE_WAIT_SECONDS if quiet else poll
                if due is not None:
                    wait = min(wait, due)
                if connection is not None:
                    try:
                        safety = IDLE_WAIT_SECONDS if quiet else SAFETY_POLL_SECONDS
                        for _ in connection.notifies(timeout=safety if due is None else min(safety, due),
                                                     stop_after=1):
                            pass
                    except psycopg.Error:
                        log.warning("the event listener connection dropped; polling until it is back")
                        self._drop(connection)
                        connection = None
                elif doorbell is not None and doorbell.ready:
                    doorbell.wait(wait)
                else:
                    wakeup.wait(generation, wait)
        finally:
            if connection is not None:
                self._drop(connection)
            if doorbell is not None:
                doorbell.close()

    def _listen(self, conninfo: str) -> psycopg.Connection | None:
        try:
            connection = psycopg.connect(conninfo, autocommit=True, connect_timeout=5)
            connection.execute(f"LISTEN {NOTIFY_CHANNEL}")
        except psycopg.Error:
            log.warning("the event listener cannot LISTEN; polling every EVENT_POLL_SECONDS")
            self.listening = False
            return None
        self.listening = True
        return connection

    def _drop(self, connection: psycopg.Connection) -> None:
        self.listening = False
        try:
            connection.close()
        except psycopg.Error:
            log.debug("closing the dropped listener connection failed")


class _Doorbell:
    """The listener's datagram socket that SQLite writers of any process ring after committing an event."""

    def __init__(self, database: str) -> None:
        folder = listener_folder(database)
        self.path = folder / f"{os.getpid()}-{id(self):x}.sock"
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.ready = False
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            self.path.unlink(missing_ok=True)
            self.sock.bind(str(self.path))
            self.sock.setblocking(False)
            self.ready = True
        except OSError:
            log.warning("no wake-up socket for the event listener; polling every EVENT_POLL_SECONDS")

    def wait(self, timeout: float) -> None:
        """Return when rung (draining every ring so far) or after ``timeout`` seconds."""
        readable, _, _ = select.select([self.sock], [], [], timeout)
        while readable:
            try:
                self.sock.recv(64)
            except BlockingIOError:
                return

    def close(self) -> None:
        self.sock.close()
        if self.ready:
            self.path.unlink(missing_ok=True)


def hub_of(app: Flask) -> Hub:
    """The app's hub in this process."""
    return app.extensions["event_hub"]


def init_hub(app: Flask) -> Hub:
    """Give ``app`` its hub (once per app and process)."""
    hub = app.extensions.get("event_hub")
    if hub is None:
        hub = app.extensions["event_hub"] = Hub(app)
    return hub


def close_all_streams() -> int:
    """End every stream of every app in this process (graceful reload or shutdown); return how many."""
    count = 0
    for hub in list(_hubs):
        count += hub.streams()
        hub.close()
    return count
