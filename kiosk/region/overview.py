"""The region overview: every hall's line today, its longest current wait, open windows and suspensions.

Reads only today's tickets of each hall through ``ix_tickets_day`` (like :mod:`kiosk.queue.reads`) and the
active suspensions through ``ix_suspensions_hall_active``; nothing here writes.
"""
from __future__ import annotations

from functools import cache

from sqlalchemy import Date, Select, bindparam, func, select

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.hall.models import Hall, Window
from kiosk.hall.service import business_day
from kiosk.i18n import localized
from kiosk.notices.models import Suspension
from kiosk.notices.status import info_for
from kiosk.queue.models import Ticket, WindowState
from kiosk.queue.reads import waiting_counts


@cache
def _oldest_waiting_query() -> Select:
    """When the hall's longest-waiting ticket of the day was issued (a range of ``ix_tickets_day``)."""
    return select(func.min(Ticket.issued_at)).where(
        Ticket.hall_id == bindparam("hall_id"), Ticket.business_day == bindparam("day", type_=Date()),
        Ticket.status == "waiting")


@cache
def _windows_query() -> Select:
    """``(open windows, windows)`` of the hall."""
    return (select(func.count(WindowState.window_id).filter(WindowState.is_open.is_(True)), func.count(Window.id))
            .select_from(Window).outerjoin(WindowState, WindowState.window_id == Window.id)
            .where(Window.hall_id == bindparam("hall_id")))


def _suspensions(hall: Hall) -> list[dict]:
    rows = db.session.scalars(select(Suspension).where(Suspension.hall_id == hall.id, Suspension.ended_at.is_(None))
                              .order_by(Suspension.started_at))
    result = []
    for row in rows:
        info = info_for(row, hall)
        target = (row.window.number if row.scope == "window" and row.window is not None
                  else row.service.code if row.scope == "service" and row.service is not None else None)
        result.append({"scope": row.scope, "target": target, "reason": info.reason,
                       "until": info.until.isoformat() if info.until else None})
    return result


def hall_row(hall: Hall) -> dict:
    """One hall's line of the overview (JSON-ready)."""
    day = business_day(hall)
    oldest = db.session.scalar(_oldest_waiting_query(), {"hall_id": hall.id, "day": day})
    longest = max(0, int((utcnow() - oldest).total_seconds() // 60)) if oldest is not None else 0
    open_windows, windows = db.session.execute(_windows_query(), {"hall_id": hall.id}).one()
    services = waiting_counts(hall.id, day)
    return {
        "id": hall.id, "code": hall.code, "name": localized(hall.names) or hall.code,
        "services": services, "waiting": sum(service["waiting"] for service in services),
        "longest_wait_minutes": longest, "open_windows": open_windows or 0, "windows": windows or 0,
        "suspensions": _suspensions(hall),
    }


def overview(halls: list[Hall]) -> dict:
    """``{"generated_at", "halls": [hall_row, …]}`` for the given halls."""
    return {"generated_at": utcnow().isoformat(), "halls": [hall_row(hall) for hall in halls]}
