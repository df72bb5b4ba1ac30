"""The queue snapshot the displays load on (re)connect (``GET /api/v1/queue``); no personal data."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.i18n import localized
from kiosk.notices import status as notices_status
from kiosk.queue.models import Ticket, WindowState
from kiosk.queue.service import waiting_counts
from kiosk.queue.windows import status_of

RECENT_CALLS = 8


def recent_calls(hall: Hall, limit: int = RECENT_CALLS) -> list[dict]:
    """The latest calls, newest first: ``[{"ticket", "window", "called_at"}]``."""
    rows = db.session.scalars(
        select(Ticket).where(Ticket.hall_id == hall.id, Ticket.called_at.is_not(None), Ticket.window_id.is_not(None))
        .order_by(Ticket.called_at.desc(), Ticket.id.desc()).limit(limit))
    return [{"ticket": t.number, "window": t.window.number, "called_at": t.called_at.isoformat()} for t in rows]


def queue_snapshot(hall: Hall) -> dict:
    """``{"hall", "services", "windows", "recent_calls"}`` for ``GET /api/v1/queue``."""
    counts = {row["code"]: row["waiting"] for row in waiting_counts(hall.id)}
    states = {state.window_id: state for state in db.session.scalars(
        select(WindowState).where(WindowState.window_id.in_([w.id for w in hall.windows])))}
    services = []
    for service in hall.services:
        suspension = notices_status.service_suspension(service)
        services.append({"code": service.code, "name": localized(service.names), "names": dict(service.names or {}),
                         "waiting": counts.get(service.code, 0), "suspended": suspension is not None})
    return {
        "hall": hall.code,
        "services": services,
        "windows": [status_of(window, states.get(window.id)) for window in hall.windows],
        "recent_calls": recent_calls(hall),
    }
