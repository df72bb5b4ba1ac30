"""The opinion book (意见簿) and callback requests: submitting, due dates, replies, masking."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import select

from kiosk.audit.service import record
from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.hall.models import Hall, Service
from kiosk.hall.service import window_by_number
from kiosk.i18n import DEFAULT_LOCALE
from kiosk.notices.errors import NoticeError
from kiosk.notices.labels import OPINION_KINDS, TOPICS
from kiosk.notices.models import CallbackRequest, Opinion, Suspension
from kiosk.notices.status import CALLBACK_REASON, active_service_row
from kiosk.transaction import use_case

#: Answer deadlines from the hall rules (service code Art. 29).
DUE_DAYS = {"complaint": 5, "report": 10}
MAX_TEXT, MAX_REPLY = 500, 1000
PHONE = re.compile(r"^\+?\d{7,15}$")


def mask_phone(phone: str | None) -> str:
    """A phone number with only the first 3 and last 4 digits visible (short numbers: the last 2)."""
    if not phone:
        return ""
    if len(phone) >= 9:
        return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]
    return "*" * max(len(phone) - 2, 0) + phone[-2:]


def clean_phone(value, required: bool = False) -> str | None:
    """Digits of a phone number (spaces and dashes dropped), or ``None`` when empty and optional."""
    text = re.sub(r"[\s\-()]", "", value or "") if isinstance(value, str) else ""
    if not text:
        if required:
            raise NoticeError(_("Enter a phone number."))
        return None
    if not PHONE.match(text):
        raise NoticeError(_("A phone number has 7 to 15 digits."))
    return text


@use_case
def submit(hall: Hall, *, kind, topic, text, window=None, phone=None, anonymous=False,
           locale: str = DEFAULT_LOCALE) -> Opinion:
    """Record an opinion; complaints and reports get their due date."""
    if kind not in OPINION_KINDS:
        raise NoticeError(_("Choose what kind of opinion this is."))
    if topic not in TOPICS:
        raise NoticeError(_("Choose a topic."))
    text = (text or "").strip() if isinstance(text, str) else ""
    if not text:
        raise NoticeError(_("Write a few words or tap a phrase."))
    if len(text) > MAX_TEXT:
        raise NoticeError(_("The text may be at most %(n)s characters long.", n=MAX_TEXT))
    number = None
    if window not in (None, ""):
        try:
            number = int(window)
        except (TypeError, ValueError):
            raise NoticeError(_("There is no such window.")) from None
        if window_by_number(hall, number) is None:
            raise NoticeError(_("There is no such window."))
    anonymous = bool(anonymous) and kind == "report"
    phone = None if anonymous else clean_phone(phone)
    now = utcnow()
    due = now + timedelta(days=DUE_DAYS[kind]) if kind in DUE_DAYS else None
    opinion = Opinion(hall_id=hall.id, kind=kind, topic=topic, window_number=number, phone=phone,
                      anonymous=anonymous, text=text, locale=locale, created_at=now, due_at=due, status="open")
    db.session.add(opinion)
    return opinion


@dataclass(frozen=True)
class OpinionRow:
    """An opinion as staff lists show it: phone masked, due state computed."""

    opinion: Opinion
    phone: str
    due: str  # "" (no deadline or answered), "due", "soon" (within a day) or "overdue"


def due_state(opinion: Opinion, now: datetime | None = None) -> str:
    """Where an opinion stands against its deadline; a reply or closing meets it."""
    if opinion.due_at is None or opinion.status != "open":
        return ""
    now = now or utcnow()
    if now > opinion.due_at:
        return "overdue"
    return "soon" if opinion.due_at - now <= timedelta(days=1) else "due"


def staff_rows(hall: Hall, status: str = "", now: datetime | None = None, limit: int = 300) -> list[OpinionRow]:
    """Opinions for the staff list (open ones by due date first), phones masked."""
    statement = select(Opinion).where(Opinion.hall_id == hall.id)
    if status in ("open", "replied", "closed"):
        statement = statement.where(Opinion.status == status)
    rows = list(db.session.scalars(statement.order_by(Opinion.created_at.desc()).limit(limit)))
    order = {"overdue": 0, "soon": 1, "due": 2, "": 3}
    result = [OpinionRow(row, mask_phone(row.phone), due_state(row, now)) for row in rows]
    return sorted(result, key=lambda r: (order[r.due], r.opinion.due_at or r.opinion.created_at))


@use_case
def reply(opinion: Opinion, text, user) -> None:
    """Record staff's reply (meets the deadline)."""
    text = (text or "").strip() if isinstance(text, str) else ""
    if not text:
        raise NoticeError(_("Write the reply."))
    if len(text) > MAX_REPLY:
        raise NoticeError(_("The text may be at most %(n)s characters long.", n=MAX_REPLY))
    if opinion.status == "closed":
        raise NoticeError(_("This entry is closed."), 409)
    opinion.reply, opinion.replied_at, opinion.replied_by, opinion.status = text, utcnow(), user.username, "replied"
    record("notices.opinion_reply", f"opinion:{opinion.id}", user=user, hall_id=opinion.hall_id,
           after={"reply": text})


@use_case
def close(opinion: Opinion, user) -> None:
    """Close an entry."""
    if opinion.status == "closed":
        raise NoticeError(_("This entry is closed."), 409)
    before = opinion.status
    opinion.status, opinion.closed_at, opinion.closed_by = "closed", utcnow(), user.username
    record("notices.opinion_close", f"opinion:{opinion.id}", user=user, hall_id=opinion.hall_id,
           before={"status": before}, after={"status": "closed"})


def failure_suspension(service: Service) -> Suspension | None:
    """The active system-failure suspension of ``service`` (its own or the hall's), or ``None``."""
    row = active_service_row(service)
    return row if row is not None and row.reason_key == CALLBACK_REASON else None


@use_case
def request_callback(hall: Hall, service: Service, phone) -> CallbackRequest:
    """Leave a phone number while ``service`` is down for a system failure."""
    suspension = failure_suspension(service)
    if suspension is None:
        raise NoticeError(_("This service is available: no callback is needed."), 409)
    callback = CallbackRequest(hall_id=hall.id, service_id=service.id, suspension_id=suspension.id,
                               phone=clean_phone(phone, required=True))
    db.session.add(callback)
    return callback


def callbacks(hall: Hall, limit: int = 300) -> list[tuple[CallbackRequest, str]]:
    """Callback requests (open first, newest first) with the masked phone."""
    rows = db.session.scalars(select(CallbackRequest).where(CallbackRequest.hall_id == hall.id)
                              .order_by(CallbackRequest.handled_at.is_not(None), CallbackRequest.created_at.desc())
                              .limit(limit))
    return [(row, mask_phone(row.phone)) for row in rows]


@use_case
def mark_handled(callback: CallbackRequest, user) -> None:
    """The hall has called the customer back."""
    if callback.handled_at is not None:
        raise NoticeError(_("This request was already handled."), 409)
    callback.handled_at, callback.handled_by = utcnow(), user.username
    record("notices.callback_handled", f"callback:{callback.id}", user=user, hall_id=callback.hall_id)


@use_case
def reveal_phone(phone: str | None, target: str, user, hall_id: int) -> str:
    """The full number for a callback, recorded in the audit log."""
    record("notices.phone_reveal", target, user=user, hall_id=hall_id)
    return phone or ""
