"""Issuing tickets and reading the queue: numbering, positions, estimates, the live snapshot.

Numbering is safe across threads and processes: the first statement of the write
transaction is an upsert of the counter row (``… ON CONFLICT DO UPDATE … RETURNING``),
which takes SQLite's writer lock at once and PostgreSQL's row lock; the unique constraint
on (hall, service, business day, seq) is the last guard.
"""
from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from flask_babel import gettext as _
from sqlalchemy import and_, bindparam, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.database import writer_turn
from kiosk.dbtypes import utcnow
from kiosk.events.service import append_event
from kiosk.extensions import db
from kiosk.hall.models import Hall, Service
from kiosk.hall.service import business_day, is_open
from kiosk.notices import status as notices_status
from kiosk.queue.models import QueueCounter, Ticket

#: Minutes per case assumed when a service has no recent history.
DEFAULT_SERVICE_MINUTES = 5.0
#: How many recent finished tickets the estimate averages over.
ESTIMATE_SAMPLE = 30


class QueueError(Exception):
    """A queue action that cannot be done; ``message`` is translated, ``status`` is the HTTP status."""

    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def format_number(code: str, seq: int) -> str:
    """``A001`` … ``A999``, then ``A1000``."""
    return f"{code}{seq:03d}"


@cache
def _counter_upsert(dialect: str):
    """The day's counter increment as one upsert statement, built once per dialect."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = QueueCounter.__table__
    return (
        insert(table)
        .values(hall_id=bindparam("hall_id"), service_id=bindparam("service_id"),
                business_day=bindparam("day", type_=table.c.business_day.type), last_seq=1)
        .on_conflict_do_update(index_elements=["hall_id", "service_id", "business_day"],
                               set_={"last_seq": table.c.last_seq + 1})
        .returning(table.c.last_seq)
    )


def _next_seq(hall_id: int, service_id: int, day) -> int:
    """Increment and return the day's counter (one upsert statement, the transaction's first)."""
    statement = _counter_upsert(db.session.get_bind().dialect.name)
    return db.session.execute(statement, {"hall_id": hall_id, "service_id": service_id, "day": day}).scalar_one()


def check_can_ticket(hall: Hall, service: Service, now: datetime | None = None) -> None:
    """Raise :class:`QueueError` (409) when ``service`` cannot be ticketed now."""
    suspension = notices_status.service_suspension(service)
    if suspension is not None:
        raise QueueError(_("This service is suspended: %(reason)s", reason=suspension.reason))
    if not is_open(hall, now):
        raise QueueError(_("The hall is closed now. Please come back during business hours."))


def issue_ticket(hall: Hall, service: Service, priority: bool = False, now: datetime | None = None) -> Ticket:
    """Issue the next ticket of ``service`` and commit; raises :class:`QueueError` when not allowed.

    Everything that can be read or prepared beforehand is, so the write transaction holds only the
    counter upsert, the insert, one count and the event (SQLite admits one writer at a time).
    The returned ticket carries ``waiting_ahead``, counted in the same transaction.
    """
    check_can_ticket(hall, service, now)
    hall_id, service_id, code, day = hall.id, service.id, service.code, business_day(hall, now)
    token = secrets.token_urlsafe(16)
    session = db.session()
    session.expire_on_commit = False  # the objects hold what was just read or written: no reloads
    try:
        session.commit()  # end any read so the counter upsert opens the write transaction
        with writer_turn():
            seq = _next_seq(hall_id, service_id, day)
            # Stamp the arrival once the counter is ours, so arrival order always matches number order.
            ticket = Ticket(hall_id=hall_id, issued_service_id=service_id, service_id=service_id,
                            business_day=day, seq=seq, number=format_number(code, seq), token=token,
                            priority=bool(priority), status="waiting", issued_at=now or utcnow())
            session.add(ticket)
            session.flush()
            counts = waiting_counts(hall_id)
            ticket.waiting_ahead = (ahead_count(ticket) if priority else
                                    next(c["waiting"] for c in counts if c["code"] == code) - 1)
            append_event(hall_id, "queue", {"services": counts})
            session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.expire_on_commit = True
    return ticket


def ticket_by_token(token: str) -> Ticket | None:
    """The ticket with the public ``token``, or ``None``."""
    if not token or not isinstance(token, str) or len(token) > 64:
        return None
    return db.session.scalar(select(Ticket).where(Ticket.token == token))


def line_order():
    """The calling order: put back at the front, then priority, then arrival."""
    return (Ticket.front.desc(), Ticket.priority.desc(), Ticket.issued_at, Ticket.id)


def ahead_count(ticket: Ticket) -> int:
    """How many waiting tickets of the same line are called before ``ticket``."""
    if ticket.status != "waiting":
        return 0
    same_rank = and_(Ticket.front == ticket.front, Ticket.priority == ticket.priority,
                     or_(Ticket.issued_at < ticket.issued_at,
                         and_(Ticket.issued_at == ticket.issued_at, Ticket.id < ticket.id)))
    conditions = [same_rank]
    if not ticket.front:
        conditions.append(Ticket.front.is_(True))
        if not ticket.priority:
            conditions.append(Ticket.priority.is_(True))
    elif not ticket.priority:
        conditions.append(and_(Ticket.front.is_(True), Ticket.priority.is_(True)))
    before = or_(*conditions)
    return db.session.scalar(
        select(func.count()).select_from(Ticket).where(
            Ticket.hall_id == ticket.hall_id, Ticket.service_id == ticket.service_id,
            Ticket.status == "waiting", Ticket.id != ticket.id, before)
    ) or 0


@cache
def _waiting_query():
    waiting = and_(Ticket.service_id == Service.id, Ticket.status == "waiting")
    return (select(Service.code, func.count(Ticket.id)).outerjoin(Ticket, waiting)
            .where(Service.hall_id == bindparam("hall_id")).group_by(Service.id, Service.code, Service.sort_order)
            .order_by(Service.sort_order))


def waiting_counts(hall_id: int) -> list[dict]:
    """``[{"code": "A", "waiting": 4}, …]`` for every service of the hall, in display order."""
    rows = db.session.execute(_waiting_query(), {"hall_id": hall_id})
    return [{"code": code, "waiting": count} for code, count in rows]


def average_service_minutes(service: Service) -> float:
    """Mean minutes per case over the service's recent finished tickets (a default without history)."""
    since = utcnow() - timedelta(days=14)
    rows = db.session.execute(
        select(Ticket.called_at, Ticket.finished_at)
        .where(Ticket.service_id == service.id, Ticket.status == "done", Ticket.called_at.is_not(None),
               Ticket.finished_at.is_not(None), Ticket.finished_at >= since)
        .order_by(Ticket.finished_at.desc()).limit(ESTIMATE_SAMPLE)).all()
    durations = [(end - start).total_seconds() / 60 for start, end in rows if end > start]
    if not durations:
        return min(DEFAULT_SERVICE_MINUTES, float(service.time_limit_minutes or DEFAULT_SERVICE_MINUTES))
    return sum(durations) / len(durations)


def estimated_wait_minutes(service: Service, ahead: int) -> int:
    """Estimated minutes until a customer with ``ahead`` people before them is called."""
    if ahead <= 0:
        return 0
    from kiosk.queue.windows import open_window_count

    windows = max(open_window_count(service), 1)
    return max(1, math.ceil(ahead * average_service_minutes(service) / windows))


@dataclass
class ServiceLine:
    """A service as the take-a-number page shows it."""

    service: Service
    waiting: int
    wait_minutes: int
    suspension: object | None


def service_lines(hall: Hall) -> list[ServiceLine]:
    """Every service of the hall with waiting count, estimated wait and suspension."""
    counts = {row["code"]: row["waiting"] for row in waiting_counts(hall.id)}
    lines = []
    for service in hall.services:
        waiting = counts.get(service.code, 0)
        lines.append(ServiceLine(service, waiting, estimated_wait_minutes(service, waiting),
                                 notices_status.service_suspension(service)))
    return lines


def ticket_print_context(ticket: Ticket) -> dict:
    """What the printing module needs to render the paper ticket."""
    service = ticket.issued_service
    return {
        "hall": db.session.get(Hall, ticket.hall_id),
        "number": ticket.number,
        "service_code": service.code,
        "service_names": dict(service.names or {}),
        "issued_at": ticket.issued_at,
        "waiting_ahead": ahead_count(ticket),
        "status_url": f"/t/{ticket.token}",
        "priority": bool(ticket.priority),
        "token": ticket.token,
    }
