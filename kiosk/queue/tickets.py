"""Issuing tickets: whether a service can be ticketed now, the day's numbering, the new ticket.

Numbering is safe across threads and processes: the first statement of the write
transaction is an upsert of the counter row (``… ON CONFLICT DO UPDATE … RETURNING``),
which takes SQLite's writer lock at once and PostgreSQL's row lock; the unique constraint
on (hall, service, business day, seq) is the last guard.
"""
from __future__ import annotations

import secrets
from datetime import date, datetime

from flask_babel import gettext as _
from sqlalchemy import Date, bindparam, text

from kiosk.database import writer_turn
from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.hall.models import Hall, Service
from kiosk.hall.service import business_day, is_open, service_is_open
from kiosk.i18n import localized
from kiosk.notices import status as notices_status
from kiosk.queue.errors import QueueError
from kiosk.queue.events import publish_queue
from kiosk.queue.expiry import expire_if_due
from kiosk.queue.models import QueueCounter, Ticket
from kiosk.queue.reads import ahead_count, issued_today


def format_number(code: str, seq: int) -> str:
    """``A001`` … ``A999``, then ``A1000``."""
    return f"{code}{seq:03d}"


#: The day's counter increment as one upsert (the same text on SQLite and PostgreSQL). Written as text
#: so SQLAlchemy caches its compiled form: a dialect ``insert().on_conflict_do_update()`` has no cache
#: key and was compiled again on every ticket.
_COUNTER_UPSERT = text(
    f"INSERT INTO {QueueCounter.__tablename__} (hall_id, service_id, business_day, last_seq) "
    "VALUES (:hall_id, :service_id, :day, 1) "
    "ON CONFLICT (hall_id, service_id, business_day) DO UPDATE SET last_seq = queue_counters.last_seq + 1 "
    "RETURNING last_seq"
).bindparams(bindparam("day", type_=Date()))


def _next_seq(hall_id: int, service_id: int, day: date) -> int:
    """Increment and return the day's counter (one upsert statement, the transaction's first)."""
    return db.session.execute(_COUNTER_UPSERT, {"hall_id": hall_id, "service_id": service_id, "day": day}).scalar_one()


def check_can_ticket(hall: Hall, service: Service, now: datetime | None = None) -> None:
    """Raise :class:`QueueError` (409) when ``service`` cannot be ticketed now."""
    if service.closed:
        raise QueueError(_("This service is closed. Please choose another one."))
    suspension = notices_status.service_suspension(service)
    if suspension is not None:
        raise QueueError(_("This service is suspended: %(reason)s", reason=suspension.reason))
    if not is_open(hall, now):
        raise QueueError(_("The hall is closed now. Please come back during business hours."))
    if not service_is_open(hall, service, now):
        raise QueueError(_("%(service)s takes no tickets at this time of day.", service=localized(service.names)))
    if service.daily_cap is not None and issued_today(service, business_day(hall, now)) >= service.daily_cap:
        raise QueueError(_full_message(service))


def _full_message(service: Service) -> str:
    return _("Today's tickets for %(service)s are all taken.", service=localized(service.names))


def issue_ticket(hall: Hall, service: Service, priority: bool = False, now: datetime | None = None) -> Ticket:
    """Issue the next ticket of ``service`` and commit; raises :class:`QueueError` when not allowed.

    Everything that can be read or prepared beforehand is, so the write transaction holds only the
    counter upsert, the insert, one count and the event (SQLite admits one writer at a time).
    The returned ticket carries ``waiting_ahead``, counted in the same transaction: the one
    figure the confirmation page and the printed ticket show.
    """
    check_can_ticket(hall, service, now)
    expire_if_due(hall, now)
    hall_id, service_id, code, day = hall.id, service.id, service.code, business_day(hall, now)
    cap, full = service.daily_cap, _full_message(service) if service.daily_cap is not None else ""
    priority = priority and service.priority_offered
    token = secrets.token_urlsafe(16)
    session = db.session()
    session.expire_on_commit = False  # the objects hold what was just read or written: no reloads
    try:
        session.commit()  # end any read so the counter upsert opens the write transaction
        with writer_turn():
            seq = _next_seq(hall_id, service_id, day)
            if cap is not None and seq > cap:  # another kiosk took the last one meanwhile
                raise QueueError(full)
            # Stamp the arrival once the counter is ours, so arrival order always matches number order.
            ticket = Ticket(hall_id=hall_id, issued_service_id=service_id, service_id=service_id,
                            business_day=day, seq=seq, number=format_number(code, seq), token=token,
                            priority=bool(priority), status="waiting", issued_at=now or utcnow())
            session.add(ticket)
            session.flush()
            counts = publish_queue(hall_id, day)
            if priority:
                ticket.waiting_ahead = ahead_count(ticket, day)
            else:
                ticket.waiting_ahead = next(c["waiting"] for c in counts if c["code"] == code) - 1
            session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.expire_on_commit = True
    return ticket
