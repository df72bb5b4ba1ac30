"""Suspending and resuming windows, services and the whole hall, with events and the audit log.

:func:`suspend` and :func:`resume` are use cases: each commits (or rolls back) itself. The
notice board appends its own ``service`` events and announces the change with
:data:`kiosk.notices.signals.suspension_changed`; the queue republishes the windows.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import or_, select

from kiosk.audit.service import record
from kiosk.dbtypes import utcnow
from kiosk.events.service import append_event
from kiosk.extensions import db
from kiosk.hall.models import Hall, Service, Window
from kiosk.hall.service import hall_zone, local_now
from kiosk.notices.errors import NoticeError
from kiosk.notices.labels import REASONS
from kiosk.notices.models import Suspension
from kiosk.notices.signals import suspension_changed
from kiosk.notices.status import active_service_row, info_for
from kiosk.staff import permissions

MAX_REASON = 200
MAX_AHEAD = timedelta(days=31)


def parse_reason(key, text) -> tuple[str, str]:
    """Validate a reason: a preset key, or "other" with 1–200 characters of free text."""
    key = (key or "").strip() if isinstance(key, str) else ""
    text = (text or "").strip() if isinstance(text, str) else ""
    if key not in REASONS:
        # The API accepts free text directly as the reason.
        key, text = ("other", text or key) if (text or key) else ("", "")
    if not key:
        raise NoticeError(_("Choose a reason for the suspension."))
    if key == "other" and not text:
        raise NoticeError(_("Type the reason for the suspension."))
    if len(text) > MAX_REASON:
        raise NoticeError(_("The reason may be at most %(n)s characters long.", n=MAX_REASON))
    return key, (text if key == "other" else "")


def parse_until(value, hall: Hall, now: datetime | None = None) -> datetime | None:
    """The expected resume time: ISO-8601 (a time without offset is the hall's local time), or ``None``."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise NoticeError(_("The expected resume time is not a valid date and time."))
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise NoticeError(_("The expected resume time is not a valid date and time.")) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=hall_zone(hall))
    now = now or utcnow()
    if moment <= now:
        raise NoticeError(_("The expected resume time must be in the future."))
    if moment - now > MAX_AHEAD:
        raise NoticeError(_("The expected resume time may be at most 31 days ahead."))
    return moment


#: The permission (``kiosk.staff.permissions``) each scope of suspension needs.
ACTIONS = {"window": "suspension.window", "service": "suspension.service", "hall": "suspension.hall"}


def check_role(user, scope: str, window: Window | None = None, hall: Hall | None = None) -> None:
    """Whether the permission table lets ``user`` suspend or resume here (else a 403 ``NoticeError``).

    Staff may act on their own default window only; supervisors on anything in their own hall.
    """
    action = ACTIONS.get(scope, "suspension.hall")
    if not permissions.allowed(user, action, window=window, hall=hall):
        raise NoticeError(permissions.denied_message(action), 403)


def _target_filter(scope: str, target):
    if scope == "window":
        return Suspension.window_id == target.id
    if scope == "service":
        return Suspension.service_id == target.id
    return Suspension.scope == "hall"


def _own_active(hall: Hall, scope: str, target) -> Suspension | None:
    return db.session.scalar(select(Suspension).where(
        Suspension.hall_id == hall.id, Suspension.scope == scope, Suspension.ended_at.is_(None),
        _target_filter(scope, target)))


def _label(scope: str, target) -> str:
    if scope == "window":
        return f"window:{target.number}"
    if scope == "service":
        return f"service:{target.code}"
    return "hall"


def suspend(hall: Hall, scope: str, target: Window | Service | None, reason_key: str, reason_text: str,
            until: datetime | None, user: Any) -> Suspension:
    """Suspend ``target`` (a Window, a Service, or ``None`` for the hall); replaces an active one of its own.

    Checks the user's role, writes the audit log and the display events, and commits.
    """
    try:
        check_role(user, scope, target if isinstance(target, Window) else None, hall)
        now = utcnow()
        previous = _own_active(hall, scope, target)
        if previous is not None:
            previous.ended_at, previous.ended_by = now, user.username
        row = Suspension(hall_id=hall.id, scope=scope, window_id=target.id if scope == "window" and target else None,
                         service_id=target.id if scope == "service" and target else None, reason_key=reason_key,
                         reason_text=reason_text, until=until, started_at=now, started_by=user.username)
        db.session.add(row)
        db.session.flush()
        record("notices.suspend", _label(scope, target), user=user, hall_id=hall.id,
               before={"suspension": previous.id} if previous else None,
               after={"suspension": row.id, "reason": reason_key, "text": reason_text,
                      "until": until.isoformat() if until else None})
        announce(hall, scope, target)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return row


def resume(hall: Hall, scope: str, target: Window | Service | None, user: Any) -> Suspension:
    """End the active suspension of ``target`` (409 when there is none) and commit."""
    try:
        check_role(user, scope, target if isinstance(target, Window) else None, hall)
        row = _own_active(hall, scope, target)
        if row is None:
            raise NoticeError(_("This is not suspended."), 409)
        ended = utcnow()
        row.ended_at, row.ended_by = ended, user.username
        db.session.flush()
        record("notices.resume", _label(scope, target), user=user, hall_id=hall.id,
               before={"suspension": row.id, "reason": row.reason_key, "text": row.reason_text},
               after={"duration_seconds": int((ended - row.started_at).total_seconds())})
        announce(hall, scope, target)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return row


def service_payload(service: Service) -> dict:
    """The ``service`` event payload."""
    row = active_service_row(service)
    info = info_for(row, service.hall) if row else None
    return {"code": service.code, "suspended": info is not None, "reason": info.reason if info else None,
            "reason_texts": info.reason_texts if info else {},
            "until": info.until.isoformat() if info and info.until else None}


def announce(hall: Hall, scope: str, target: Window | Service | None) -> None:
    """Announce a change of ``scope``/``target``: :data:`suspension_changed`, then the ``service`` events."""
    suspension_changed.send(hall, scope=scope, target=target)
    if scope == "service" and isinstance(target, Service):
        append_event(hall.id, "service", service_payload(target))
    elif scope == "hall":
        for service in hall.services:
            append_event(hall.id, "service", service_payload(service))


def active(hall: Hall) -> list[Suspension]:
    """Every active suspension of the hall, oldest first."""
    return list(db.session.scalars(select(Suspension).where(
        Suspension.hall_id == hall.id, Suspension.ended_at.is_(None)).order_by(Suspension.started_at)))


def is_overdue(row: Suspension, now: datetime | None = None) -> bool:
    """Whether an active suspension has passed its expected resume time."""
    return row.ended_at is None and row.until is not None and (now or utcnow()) > row.until


@dataclass(frozen=True)
class HistoryRow:
    """A suspension of today with its duration so far (or in total once resumed)."""

    suspension: Suspension
    minutes: int
    overdue: bool


def today(hall: Hall, now: datetime | None = None) -> list[HistoryRow]:
    """Suspensions that started today (hall time) or are still active, newest first."""
    now = now or utcnow()
    midnight = local_now(hall, now).replace(hour=0, minute=0, second=0, microsecond=0)
    rows = db.session.scalars(select(Suspension).where(
        Suspension.hall_id == hall.id,
        or_(Suspension.started_at >= midnight, Suspension.ended_at.is_(None), Suspension.ended_at >= midnight),
    ).order_by(Suspension.started_at.desc()))
    return [HistoryRow(row, int(((row.ended_at or now) - row.started_at).total_seconds() // 60),
                       is_overdue(row, now)) for row in rows]
