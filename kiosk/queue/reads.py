"""Reading the queue: line order, waiting counts, people ahead, windows, estimates, the live snapshot.

Nothing here writes; the snapshot is what the displays load on (re)connect
(``GET /api/v1/queue``) and carries no personal data.

Every read of the line touches only one hall's current business day
(:func:`kiosk.hall.service.business_day`) through the ``ix_tickets_day`` index: a ticket left
waiting from an earlier day is never counted, shown or called, whether or not
:mod:`kiosk.queue.expiry` has closed it yet.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Date, Select, and_, bindparam, case, func, or_, select

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.hall.models import Hall, Service, Window, window_services
from kiosk.hall.service import business_day, next_opening, service_is_open, window_preferences
from kiosk.i18n import localized
from kiosk.notices import status as notices_status
from kiosk.notices.status import SuspensionInfo
from kiosk.queue.models import QueueCounter, Ticket, WindowState

#: Minutes per case assumed when a service has no recent history.
DEFAULT_SERVICE_MINUTES = 5.0
#: How many recent finished tickets the estimate averages over.
ESTIMATE_SAMPLE = 30
#: How many calls the snapshot lists.
RECENT_CALLS = 8


def ticket_by_token(token: str) -> Ticket | None:
    """The ticket with the public ``token``, or ``None``."""
    if not token or not isinstance(token, str) or len(token) > 64:
        return None
    return db.session.scalar(select(Ticket).where(Ticket.token == token))


def line_order() -> tuple[Any, ...]:
    """The calling order: put back at the front, then priority, then arrival."""
    return (Ticket.front.desc(), Ticket.priority.desc(), Ticket.issued_at, Ticket.id)


def today_of(hall_id: int) -> date:
    """The current business day of the hall ``hall_id``."""
    return business_day(db.session.get_one(Hall, hall_id))


def is_current(ticket: Ticket, day: date | None = None) -> bool:
    """Whether ``ticket`` belongs to its hall's current business day (``day`` when given)."""
    return ticket.business_day == (day if day is not None else today_of(ticket.hall_id))


def ahead_count(ticket: Ticket, day: date | None = None) -> int:
    """How many waiting tickets of the same line are called before ``ticket`` (0 for an earlier day's)."""
    if ticket.status != "waiting" or not is_current(ticket, day):
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
            Ticket.hall_id == ticket.hall_id, Ticket.business_day == ticket.business_day,
            Ticket.status == "waiting", Ticket.service_id == ticket.service_id, Ticket.id != ticket.id, before)
    ) or 0


@cache
def _waiting_query() -> Select:
    """Every service of the hall with the day's waiting tickets: the count is an index-only range of
    ``ix_tickets_day`` (hall, day, status), joined to the services afterwards."""
    counts = (select(Ticket.service_id, func.count().label("waiting"))
              .where(Ticket.hall_id == bindparam("hall_id"), Ticket.business_day == bindparam("day", type_=Date()),
                     Ticket.status == "waiting")
              .group_by(Ticket.service_id).subquery("waiting"))
    return (select(Service.code, func.coalesce(counts.c.waiting, 0))
            .outerjoin(counts, counts.c.service_id == Service.id)
            .where(Service.hall_id == bindparam("hall_id")).order_by(Service.sort_order))


def waiting_counts(hall_id: int, day: date | None = None) -> list[dict]:
    """``[{"code": "A", "waiting": 4}, …]`` for every service of the hall, in display order (today's tickets)."""
    day = day if day is not None else today_of(hall_id)
    rows = db.session.execute(_waiting_query(), {"hall_id": hall_id, "day": day})
    return [{"code": code, "waiting": count} for code, count in rows]


def open_window_count(service: Service) -> int:
    """How many open windows serve ``service``."""
    return db.session.scalar(
        select(func.count()).select_from(WindowState)
        .join(window_services, window_services.c.window_id == WindowState.window_id)
        .where(window_services.c.service_id == service.id, WindowState.is_open.is_(True))) or 0


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
    windows = max(open_window_count(service), 1)
    return max(1, math.ceil(ahead * average_service_minutes(service) / windows))


def issued_today(service: Service, day: date) -> int:
    """How many tickets ``service`` has issued on ``day`` (its day's counter)."""
    return db.session.scalar(select(QueueCounter.last_seq).where(
        QueueCounter.hall_id == service.hall_id, QueueCounter.service_id == service.id,
        QueueCounter.business_day == day)) or 0


@dataclass
class ServiceLine:
    """A service as the take-a-number page shows it."""

    service: Service
    waiting: int
    wait_minutes: int
    suspension: SuspensionInfo | None
    #: The day's cap is reached.
    full: bool = False
    #: When a service with its own hours next takes tickets (``None``: it does now, or the hall is closed).
    opens_at: datetime | None = None


def service_lines(hall: Hall) -> list[ServiceLine]:
    """Every open (not closed) service of the hall with waiting count, estimated wait, suspension, cap and hours."""
    counts = {row["code"]: row["waiting"] for row in waiting_counts(hall.id)}
    day = business_day(hall)
    lines = []
    for service in hall.services:
        if service.closed:
            continue
        waiting = counts.get(service.code, 0)
        full = service.daily_cap is not None and issued_today(service, day) >= service.daily_cap
        opens_at = None
        if service.own_hours is not None and not service_is_open(hall, service):
            opens_at = next_opening(hall, service=service)
        lines.append(ServiceLine(service, waiting, estimated_wait_minutes(service, waiting),
                                 notices_status.service_suspension(service), full, opens_at))
    return lines


def serving_ticket(state: WindowState | None, day: date | None = None) -> Ticket | None:
    """The ticket the window serves today (``None`` for one left from an earlier business day)."""
    ticket = state.current_ticket if state is not None else None
    if ticket is None or not is_current(ticket, day):
        return None
    return ticket


def status_of(window: Window, state: WindowState | None = None) -> dict:
    """``{"number", "status", "serving", "reason", "reason_texts", "until"}`` as displays need it."""
    state = state if state is not None else db.session.get(WindowState, window.id)
    suspension = notices_status.window_suspension(window)
    current = serving_ticket(state)
    serving = current.number if current is not None else None
    status = "suspended" if suspension is not None else "open" if state is not None and state.is_open else "closed"
    return {
        "number": window.number, "status": status, "serving": serving,
        "reason": suspension.reason if suspension else None,
        "reason_texts": dict(suspension.reason_texts) if suspension else {},
        "until": suspension.until.isoformat() if suspension and suspension.until else None,
    }


def waiting_for(window: Window, limit: int | None = None, day: date | None = None) -> list[Ticket]:
    """Today's waiting tickets this window would call, in calling order.

    The window's most preferred services come first (each line in its own order), then the next rank;
    services of equal rank, and tickets sent to this very window, share one line.
    """
    service_ids = [service.id for service in window.services]
    day = day if day is not None else today_of(window.hall_id)
    ranks = window_preferences(window)
    order = line_order()
    if len(set(ranks.values())) > 1:
        best = min(ranks.values())
        order = (case(ranks, value=Ticket.service_id, else_=best), *order)
    query = (
        select(Ticket)
        .where(Ticket.hall_id == window.hall_id, Ticket.business_day == day, Ticket.status == "waiting",
               or_(Ticket.target_window_id == window.id,
                   Ticket.service_id.in_(service_ids) & Ticket.target_window_id.is_(None)))
        .order_by(*order)
    )
    if limit:
        query = query.limit(limit)
    return list(db.session.scalars(query))


def skipped_today(window: Window, day: date) -> list[Ticket]:
    """Today's skipped tickets of the services this window serves (to put back at the front)."""
    service_ids = [service.id for service in window.services]
    return list(db.session.scalars(
        select(Ticket).where(Ticket.hall_id == window.hall_id, Ticket.status == "skipped",
                             Ticket.business_day == day, Ticket.service_id.in_(service_ids))
        .order_by(Ticket.finished_at.desc()).limit(20)))


def recent_calls(hall: Hall, limit: int = RECENT_CALLS, day: date | None = None) -> list[dict]:
    """Today's latest calls, newest first: ``[{"ticket", "window", "called_at"}]``."""
    day = day if day is not None else business_day(hall)
    rows = db.session.scalars(
        select(Ticket).where(Ticket.hall_id == hall.id, Ticket.business_day == day, Ticket.called_at.is_not(None),
                             Ticket.window_id.is_not(None))
        .order_by(Ticket.called_at.desc(), Ticket.id.desc()).limit(limit))
    return [{"ticket": t.number, "window": t.window.number if t.window else None,
             "called_at": t.called_at.isoformat() if t.called_at else None} for t in rows]


def queue_snapshot(hall: Hall) -> dict:
    """``{"hall", "services", "windows", "recent_calls"}`` for ``GET /api/v1/queue`` (today's queue)."""
    day = business_day(hall)
    counts = {row["code"]: row["waiting"] for row in waiting_counts(hall.id, day)}
    states = {state.window_id: state for state in db.session.scalars(
        select(WindowState).where(WindowState.window_id.in_([w.id for w in hall.windows])))}
    services = []
    for service in hall.services:
        suspension = notices_status.service_suspension(service)
        services.append({"code": service.code, "name": localized(service.names), "names": dict(service.names or {}),
                         "waiting": counts.get(service.code, 0), "suspended": suspension is not None,
                         "reason": suspension.reason if suspension else None,
                         "reason_texts": dict(suspension.reason_texts) if suspension else {},
                         "until": suspension.until.isoformat() if suspension and suspension.until else None})
    return {
        "hall": hall.code,
        "services": services,
        "windows": [status_of(window, states.get(window.id)) for window in hall.windows],
        "recent_calls": recent_calls(hall, day=day),
    }
