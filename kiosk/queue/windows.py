"""Service windows: open and close, call next, recall, skip, put back, transfer, finish.

Every action is one use case: it locks the window's state row first (SQLite: the writer
lock; PostgreSQL: the row lock), changes the tickets, appends the display events and an
audit entry, and commits (rolling back when it cannot be done).

Only today's tickets are called or acted on: a ticket a window still serves from an earlier
business day counts as none, and finishing it closes it as expired (see :mod:`kiosk.queue.expiry`).
"""
from __future__ import annotations

from datetime import date
from typing import Any, cast

from flask_babel import gettext as _
from sqlalchemy import CursorResult, select, update

from kiosk.audit.service import record
from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.hall.models import Service, Window
from kiosk.notices import status as notices_status
from kiosk.queue import events
from kiosk.queue.errors import QueueError
from kiosk.queue.expiry import expire_if_due
from kiosk.queue.models import Ticket, TicketStatus, WindowState
from kiosk.queue.reads import is_current, serving_ticket, waiting_for


def _state_row(window: Window) -> WindowState:
    """The window's state row, added closed to the transaction when missing."""
    state = db.session.get(WindowState, window.id)
    if state is None:
        state = WindowState(window_id=window.id, is_open=False)
        db.session.add(state)
        db.session.flush()
    return state


def window_state(window: Window) -> WindowState:
    """The window's state row (created closed and committed when missing)."""
    state = db.session.get(WindowState, window.id)
    if state is None:
        state = _state_row(window)
        db.session.commit()
    return state


def _lock(window: Window) -> WindowState:
    """Start the write transaction on the window's row, then load its state."""
    db.session.commit()
    db.session.execute(update(WindowState).where(WindowState.window_id == window.id).values(updated_at=utcnow()))
    state = _state_row(window)
    db.session.refresh(state)
    return state


def _finish_current(state: WindowState, status: str = "done") -> Ticket | None:
    ticket = state.current_ticket
    if ticket is not None and ticket.status == "called":
        if is_current(ticket):
            ticket.status = status
            ticket.finished_at = utcnow()
        else:  # left in service when its day ended: nobody knows how it went
            ticket.status = TicketStatus.EXPIRED.value
    state.current_ticket_id = None
    state.current_ticket = None
    return ticket


def _current_or_error(window: Window, state: WindowState) -> Ticket:
    ticket = serving_ticket(state)
    if ticket is None or ticket.status != "called":
        raise QueueError(_("Window %(n)s is not serving a ticket.", n=window.number))
    return ticket


def _done(window: Window, action: str, user: Any, **audit: Any) -> None:
    """Write the audit entry and commit the action."""
    record(action, f"window:{window.number}", user=user, hall_id=window.hall_id, **audit)
    db.session.commit()


def set_open(window: Window, is_open: bool, user: Any = None) -> WindowState:
    """Open or close the window (closing finishes the ticket in service)."""
    try:
        state = _lock(window)
        before = {"open": state.is_open}
        if not is_open:
            _finish_current(state)
        state.is_open = is_open
        state.staff_user_id = getattr(user, "id", None) if is_open else None
        events.publish_window(window, state)
        _done(window, "queue.open" if is_open else "queue.close", user, before=before, after={"open": is_open})
    except Exception:
        db.session.rollback()
        raise
    return state


def _take_next(window: Window) -> Ticket | None:
    """Mark the first waiting ticket this window may call as called (``None`` when nobody waits)."""
    for candidate in waiting_for(window, limit=5):
        taken = cast(CursorResult, db.session.execute(
            update(Ticket).where(Ticket.id == candidate.id, Ticket.status == "waiting")
            .values(status="called", window_id=window.id, called_at=utcnow(), call_count=Ticket.call_count + 1,
                    front=False, target_window_id=None)))
        if taken.rowcount:
            db.session.refresh(candidate)
            return candidate
    return None


def call_next(window: Window, user: Any = None) -> Ticket | None:
    """Finish the current ticket and call the next one for this window (``None`` when nobody waits)."""
    suspension = notices_status.window_suspension(window)
    if suspension is not None:
        raise QueueError(_("Window %(n)s is suspended: %(reason)s", n=window.number, reason=suspension.reason))
    expire_if_due(window.hall)
    try:
        state = _lock(window)
        if not state.is_open:
            raise QueueError(_("Window %(n)s is closed. Open it first.", n=window.number))
        finished = _finish_current(state)
        chosen = _take_next(window)
        state.current_ticket_id = chosen.id if chosen else None
        state.staff_user_id = getattr(user, "id", None) or state.staff_user_id
        db.session.flush()
        db.session.refresh(state)
        if chosen is not None:
            events.publish_call(chosen, window, recall=False)
        if finished is not None and finished.status == "done":
            events.publish_rating(window, finished)
        events.publish_window(window, state)
        events.publish_queue(window.hall_id)
        _done(window, "queue.call_next", user, before={"ticket": getattr(finished, "number", None)},
              after={"ticket": getattr(chosen, "number", None)})
    except Exception:
        db.session.rollback()
        raise
    return chosen


def recall(window: Window, user: Any = None) -> Ticket:
    """Announce the current ticket again (重呼)."""
    try:
        state = _lock(window)
        ticket = _current_or_error(window, state)
        ticket.call_count += 1
        events.publish_call(ticket, window, recall=True)
        _done(window, "queue.recall", user, after={"ticket": ticket.number})
    except Exception:
        db.session.rollback()
        raise
    return ticket


def skip(window: Window, user: Any = None) -> Ticket:
    """Mark the current ticket as a no-show (过号); staff can put it back later."""
    try:
        state = _lock(window)
        ticket = _current_or_error(window, state)
        _finish_current(state, "skipped")
        events.publish_window(window, state)
        _done(window, "queue.skip", user, after={"ticket": ticket.number})
    except Exception:
        db.session.rollback()
        raise
    return ticket


def finish(window: Window, user: Any = None) -> Ticket:
    """Finish serving the current ticket; the counter's rating screen asks for a rating."""
    try:
        state = _lock(window)
        ticket = _current_or_error(window, state)
        _finish_current(state, "done")
        events.publish_rating(window, ticket)
        events.publish_window(window, state)
        _done(window, "queue.finish", user, after={"ticket": ticket.number})
    except Exception:
        db.session.rollback()
        raise
    return ticket


def transfer(window: Window, *, service: Service | None = None, target: Window | None = None,
             user: Any = None) -> Ticket:
    """Send the current ticket to another service's line or another window, keeping its arrival time."""
    if service is None and target is None:
        raise QueueError(_("Choose a service or a window to transfer to."), 400)
    try:
        state = _lock(window)
        ticket = _current_or_error(window, state)
        state.current_ticket_id = None
        state.current_ticket = None
        ticket.status = "waiting"
        ticket.front = False
        if service is not None:
            ticket.service_id = service.id
        ticket.target_window_id = target.id if target is not None else None
        if target is not None and service is None and ticket.service not in target.services and target.services:
            ticket.service_id = target.services[0].id
        db.session.flush()
        events.publish_window(window, state)
        events.publish_queue(window.hall_id)
        _done(window, "queue.transfer", user, after={"ticket": ticket.number,
                                                     "service": service.code if service else None,
                                                     "window": target.number if target else None})
    except Exception:
        db.session.rollback()
        raise
    return ticket


def requeue(window: Window, number: str, day: date, user: Any = None) -> Ticket:
    """Put a skipped ticket (by number, today) back at the front of its line."""
    try:
        db.session.commit()
        ticket = db.session.scalar(select(Ticket).where(
            Ticket.hall_id == window.hall_id, Ticket.business_day == day, Ticket.number == (number or "").upper(),
            Ticket.status == "skipped"))
        if ticket is None:
            raise QueueError(_("No skipped ticket %(number)s today.", number=number), 404)
        ticket.status = "waiting"
        ticket.front = True
        ticket.finished_at = None
        record("queue.requeue", f"ticket:{ticket.number}", after={"window": window.number}, user=user,
               hall_id=window.hall_id)
        db.session.flush()
        events.publish_queue(window.hall_id)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return ticket
