"""The end of a business day: tickets an earlier day left open are closed as expired.

The reads of :mod:`kiosk.queue.reads` already look at the current business day only, so a
ticket left waiting yesterday is never counted, shown or called today whether or not this
has run; closing the rows keeps the statistics and the status page right. A ticket left
*called* (in service at a window when the day ended) is expired too, with no finished time:
nobody knows whether it was served, so the statistics count it neither as served nor as a
no-show; the window keeps its open or closed state but serves nothing any more.

:func:`expire_if_due` runs the closing lazily, at most once per hall and business day in
each process (the ticket-issue and call-next paths call it); ``flask --app app queue expire``
runs it on demand.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from flask import current_app
from sqlalchemy import ColumnElement, CursorResult, and_, select, text, update

from kiosk.audit.service import record
from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.hall.service import business_day
from kiosk.queue import events
from kiosk.queue.models import Ticket, TicketStatus, WindowState
from kiosk.transaction import use_case

#: Written as the ``ix_tickets_open`` partial index's own condition, so the planner may use that index.
OPEN_CONDITION = text("tickets.status IN ('waiting', 'called')")
#: Where :func:`expire_if_due` remembers the business day it last closed, per hall (in ``app.extensions``).
EXTENSION_KEY = "queue_expired_through"


def _stale(hall_id: int, day: Any) -> ColumnElement[bool]:
    """Open tickets of the hall from before ``day``."""
    return and_(Ticket.hall_id == hall_id, Ticket.business_day < day, OPEN_CONDITION)


@use_case
def expire_stale_tickets(hall: Hall, now: datetime | None = None) -> int:
    """Close the hall's tickets still waiting or called from earlier business days as expired; returns how many.

    Windows still serving such a ticket let it go (and their displays are told); one audit entry
    records the count when there was anything to close.
    """
    day = business_day(hall, now)
    stale = _stale(hall.id, day)
    states = list(db.session.scalars(select(WindowState).where(
        WindowState.current_ticket_id.in_(select(Ticket.id).where(stale)))))
    for state in states:
        state.current_ticket_id = None
        state.current_ticket = None
    db.session.flush()
    result = cast(CursorResult, db.session.execute(
        update(Ticket).where(stale).values(status=TicketStatus.EXPIRED.value)
        .execution_options(synchronize_session=False)))
    count = result.rowcount or 0
    if count:
        # Objects of this session loaded before the update must not keep their old status.
        for obj in list(db.session.identity_map.values()):
            if isinstance(obj, Ticket):
                db.session.expire(obj)
        for state in states:
            events.publish_window(state.window, state)
        record("queue.expire", f"hall:{hall.code}", after={"expired": count, "before": day.isoformat()},
               hall_id=hall.id, actor="system")
    return count


def expire_if_due(hall: Hall, now: datetime | None = None) -> None:
    """Run :func:`expire_stale_tickets` unless this process already did for the hall's current business day."""
    done: dict[int, Any] = current_app.extensions.setdefault(EXTENSION_KEY, {})
    day = business_day(hall, now)
    if done.get(hall.id) == day:
        return
    expire_stale_tickets(hall, now)
    done[hall.id] = day
