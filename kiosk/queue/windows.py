"""Service windows: open and close, call next, recall, skip, put back, transfer, finish.

Every action locks the window's state row first (SQLite: the writer lock; PostgreSQL: the
row lock), changes the tickets, appends the display events and an audit entry, and commits.
"""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, or_, select, update

from kiosk.audit.service import record
from kiosk.dbtypes import utcnow
from kiosk.events.service import append_event
from kiosk.extensions import db
from kiosk.hall.models import Service, Window, window_services
from kiosk.notices import status as notices_status
from kiosk.queue.models import Ticket, WindowState
from kiosk.queue.service import QueueError, line_order, waiting_counts


def window_state(window: Window) -> WindowState:
    """The window's state row (created closed when missing; the caller commits)."""
    state = db.session.get(WindowState, window.id)
    if state is None:
        state = WindowState(window_id=window.id, is_open=False)
        db.session.add(state)
        db.session.flush()
    return state


def status_of(window: Window, state: WindowState | None = None) -> dict:
    """``{"number", "status", "serving", "reason", "reason_texts", "until"}`` as displays need it."""
    state = state if state is not None else db.session.get(WindowState, window.id)
    suspension = notices_status.window_suspension(window)
    serving = state.current_ticket.number if state is not None and state.current_ticket is not None else None
    status = "suspended" if suspension is not None else "open" if state is not None and state.is_open else "closed"
    return {
        "number": window.number, "status": status, "serving": serving,
        "reason": suspension.reason if suspension else None,
        "reason_texts": dict(suspension.reason_texts) if suspension else {},
        "until": suspension.until.isoformat() if suspension and suspension.until else None,
    }


def open_window_count(service: Service) -> int:
    """How many open windows serve ``service``."""
    return db.session.scalar(
        select(func.count()).select_from(WindowState)
        .join(window_services, window_services.c.window_id == WindowState.window_id)
        .where(window_services.c.service_id == service.id, WindowState.is_open.is_(True))) or 0


def _lock(window: Window) -> WindowState:
    """Start the write transaction on the window's row, then load its state."""
    db.session.commit()
    locked = db.session.execute(
        update(WindowState).where(WindowState.window_id == window.id).values(updated_at=utcnow()))
    state = window_state(window) if locked.rowcount == 0 else db.session.get(WindowState, window.id)
    db.session.refresh(state)
    return state


def _publish(window: Window, state: WindowState, *, queue: bool = False) -> None:
    append_event(window.hall_id, "window", status_of(window, state))
    if queue:
        append_event(window.hall_id, "queue", {"services": waiting_counts(window.hall_id)})


def waiting_for(window: Window, limit: int | None = None) -> list[Ticket]:
    """Waiting tickets this window would call, in calling order."""
    service_ids = [service.id for service in window.services]
    query = (
        select(Ticket)
        .where(Ticket.hall_id == window.hall_id, Ticket.status == "waiting",
               or_(Ticket.target_window_id == window.id,
                   Ticket.service_id.in_(service_ids) & Ticket.target_window_id.is_(None)))
        .order_by(*line_order())
    )
    if limit:
        query = query.limit(limit)
    return list(db.session.scalars(query))


def _finish_current(state: WindowState, status: str = "done") -> Ticket | None:
    ticket = state.current_ticket
    if ticket is not None and ticket.status == "called":
        ticket.status = status
        ticket.finished_at = utcnow()
    state.current_ticket_id = None
    state.current_ticket = None
    return ticket


def set_open(window: Window, is_open: bool, user=None) -> WindowState:
    """Open or close the window (closing finishes the ticket in service)."""
    state = _lock(window)
    before = {"open": state.is_open}
    if not is_open:
        _finish_current(state)
    state.is_open = is_open
    state.staff_user_id = getattr(user, "id", None) if is_open else None
    record("queue.open" if is_open else "queue.close", f"window:{window.number}", before=before,
           after={"open": is_open}, user=user, hall_id=window.hall_id)
    _publish(window, state)
    db.session.commit()
    return state


def call_next(window: Window, user=None) -> Ticket | None:
    """Finish the current ticket and call the next one for this window (``None`` when nobody waits)."""
    suspension = notices_status.window_suspension(window)
    if suspension is not None:
        raise QueueError(_("Window %(n)s is suspended: %(reason)s", n=window.number, reason=suspension.reason))
    state = _lock(window)
    if not state.is_open:
        db.session.rollback()
        raise QueueError(_("Window %(n)s is closed. Open it first.", n=window.number))
    finished = _finish_current(state)
    chosen = None
    for candidate in waiting_for(window, limit=5):
        now = utcnow()
        taken = db.session.execute(
            update(Ticket).where(Ticket.id == candidate.id, Ticket.status == "waiting")
            .values(status="called", window_id=window.id, called_at=now, call_count=Ticket.call_count + 1,
                    front=False, target_window_id=None))
        if taken.rowcount:
            db.session.refresh(candidate)
            chosen = candidate
            break
    state.current_ticket_id = chosen.id if chosen else None
    state.staff_user_id = getattr(user, "id", None) or state.staff_user_id
    db.session.flush()
    db.session.refresh(state)
    if chosen is not None:
        append_event(window.hall_id, "call", _call_payload(chosen, window, recall=False))
    if finished is not None and finished.status == "done":
        append_event(window.hall_id, "rating", {"window": window.number, "ticket": finished.number})
    record("queue.call_next", f"window:{window.number}", before={"ticket": getattr(finished, "number", None)},
           after={"ticket": getattr(chosen, "number", None)}, user=user, hall_id=window.hall_id)
    _publish(window, state, queue=True)
    db.session.commit()
    return chosen


def _call_payload(ticket: Ticket, window: Window, recall: bool) -> dict:
    return {"ticket": ticket.number, "window": window.number, "service": ticket.service.code,
            "called_at": utcnow().isoformat(), "recall": recall}


def _current_or_error(window: Window, state: WindowState) -> Ticket:
    ticket = state.current_ticket
    if ticket is None or ticket.status != "called":
        db.session.rollback()
        raise QueueError(_("Window %(n)s is not serving a ticket.", n=window.number))
    return ticket


def recall(window: Window, user=None) -> Ticket:
    """Announce the current ticket again (重呼)."""
    state = _lock(window)
    ticket = _current_or_error(window, state)
    ticket.call_count += 1
    append_event(window.hall_id, "call", _call_payload(ticket, window, recall=True))
    record("queue.recall", f"window:{window.number}", after={"ticket": ticket.number}, user=user,
           hall_id=window.hall_id)
    db.session.commit()
    return ticket


def skip(window: Window, user=None) -> Ticket:
    """Mark the current ticket as a no-show (过号); staff can put it back later."""
    state = _lock(window)
    ticket = _current_or_error(window, state)
    _finish_current(state, "skipped")
    record("queue.skip", f"window:{window.number}", after={"ticket": ticket.number}, user=user,
           hall_id=window.hall_id)
    _publish(window, state)
    db.session.commit()
    return ticket


def finish(window: Window, user=None) -> Ticket:
    """Finish serving the current ticket; the counter's rating screen asks for a rating."""
    state = _lock(window)
    ticket = _current_or_error(window, state)
    _finish_current(state, "done")
    append_event(window.hall_id, "rating", {"window": window.number, "ticket": ticket.number})
    record("queue.finish", f"window:{window.number}", after={"ticket": ticket.number}, user=user,
           hall_id=window.hall_id)
    _publish(window, state)
    db.session.commit()
    return ticket


def transfer(window: Window, *, service: Service | None = None, target: Window | None = None, user=None) -> Ticket:
    """Send the current ticket to another service's line or another window, keeping its arrival time."""
    if service is None and target is None:
        raise QueueError(_("Choose a service or a window to transfer to."), 400)
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
    record("queue.transfer", f"window:{window.number}", user=user, hall_id=window.hall_id,
           after={"ticket": ticket.number, "service": service.code if service else None,
                  "window": target.number if target else None})
    db.session.flush()
    _publish(window, state, queue=True)
    db.session.commit()
    return ticket


def skipped_today(window: Window, day) -> list[Ticket]:
    """Today's skipped tickets of the services this window serves (to put back at the front)."""
    service_ids = [service.id for service in window.services]
    return list(db.session.scalars(
        select(Ticket).where(Ticket.hall_id == window.hall_id, Ticket.status == "skipped",
                             Ticket.business_day == day, Ticket.service_id.in_(service_ids))
        .order_by(Ticket.finished_at.desc()).limit(20)))


def requeue(window: Window, number: str, day, user=None) -> Ticket:
    """Put a skipped ticket (by number, today) back at the front of its line."""
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
    append_event(window.hall_id, "queue", {"services": waiting_counts(window.hall_id)})
    db.session.commit()
    return ticket
