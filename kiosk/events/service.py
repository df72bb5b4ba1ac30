"""Appending events and reading them back for the live stream.

Writers call :func:`append_event` inside the same transaction as the state
change, so an event exists exactly when the change does. Each process has one
listener (:mod:`kiosk.events.hub`) that reads ids above the last one it saw and
fans them out to its streams: writers in the same process wake it at once
through :data:`wakeup`; on PostgreSQL every inserted event is also announced with
``NOTIFY hallkiosk_events, '<hall_id>:<event_id>'`` in its own transaction, so
the listeners of other processes and instances learn of it at commit.
"""
from __future__ import annotations

import hashlib
import os
import socket
import tempfile
import threading
from datetime import timedelta
from pathlib import Path
from typing import cast

from sqlalchemy import CursorResult, delete, event, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from kiosk.dbtypes import utcnow
from kiosk.events.models import Event
from kiosk.extensions import db

#: The PostgreSQL ``NOTIFY`` channel of new events.
NOTIFY_CHANNEL = "hallkiosk_events"


class _Wakeup:
    """A process-wide signal: "new events were committed"."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._generation = 0

    def notify(self) -> None:
        with self._condition:
            self._generation += 1
            self._condition.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        """Wait until the generation moves past ``seen`` or ``timeout`` passes; return it."""
        with self._condition:
            if self._generation == seen:
                self._condition.wait(timeout)
            return self._generation

    @property
    def generation(self) -> int:
        return self._generation


wakeup = _Wakeup()

_sender: list[socket.socket] = []  # this process's socket for waking the listeners of other processes
os.register_at_fork(after_in_child=_sender.clear)


def listener_folder(database: str) -> Path:
    """Where the listeners of the SQLite file ``database`` keep their wake-up sockets (a short path)."""
    digest = hashlib.sha256(str(Path(database).resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"hallkiosk-events-{digest}"


def wake_listeners(database: str) -> None:
    """Wake the event listener of every process on the SQLite file ``database`` (a datagram each)."""
    folder = listener_folder(database)
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return
    if not _sender:
        sender = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sender.setblocking(False)
        _sender.append(sender)
    for name in names:
        path = folder / name
        try:
            _sender[0].sendto(b"!", str(path))
        except (ConnectionRefusedError, FileNotFoundError):  # its process has gone
            path.unlink(missing_ok=True)
        except OSError:  # its queue is full: it is awake already
            continue


def append_event(hall_id: int, type_: str, payload: dict) -> Event:
    """Add an event to the current transaction; listeners are woken after commit."""
    item = Event(hall_id=hall_id, type=type_, payload=payload, created_at=utcnow())
    db.session.add(item)
    db.session.info["events_pending"] = True
    return item


@event.listens_for(Session, "after_flush")
def _announce_events(session: Session, _context) -> None:
    """On PostgreSQL, ``NOTIFY`` each event just inserted, inside its transaction (sent at commit)."""
    fresh = [item for item in session.new if isinstance(item, Event)]
    if not fresh:
        return
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return
    for item in fresh:
        connection.execute(select(func.pg_notify(NOTIFY_CHANNEL, f"{item.hall_id}:{item.id}")))


@event.listens_for(Session, "after_commit")
def _wake_listeners(session: Session) -> None:
    if session.info.pop("events_pending", False):
        wakeup.notify()
        bind = session.get_bind()
        engine = bind.engine if isinstance(bind, Connection) else bind
        database = engine.url.database if engine.dialect.name == "sqlite" else None
        if database and database != ":memory:":
            wake_listeners(database)


def latest_event_id(hall_id: int) -> int:
    """The id of the newest event of the hall (0 when there is none)."""
    found = db.session.scalar(
        select(Event.id).where(Event.hall_id == hall_id).order_by(Event.id.desc()).limit(1)
    )
    return found or 0


def events_after(hall_id: int, last_id: int, limit: int = 200) -> list[Event]:
    """The hall's events with an id above ``last_id``, oldest first."""
    return list(
        db.session.scalars(
            select(Event)
            .where(Event.hall_id == hall_id, Event.id > last_id)
            .order_by(Event.id)
            .limit(limit)
        )
    )


def prune_events(older_than_days: int) -> int:
    """Delete events older than ``older_than_days``; return how many went."""
    cutoff = utcnow() - timedelta(days=older_than_days)
    result = cast(CursorResult, db.session.execute(delete(Event).where(Event.created_at < cutoff)))
    db.session.commit()
    return result.rowcount or 0
