"""Satisfaction ratings from the counter's rating screen, stored with the ticket."""
from __future__ import annotations

from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.hall.models import Window
from kiosk.queue.models import Ticket

#: The screen asks for this long; a little grace covers a slow tap.
RATING_SECONDS = 30
GRACE_SECONDS = 15
#: Choices, best first: (value, label).
CHOICES = ((1, _l("Very satisfied")), (2, _l("Satisfied")), (3, _l("Acceptable")), (4, _l("Dissatisfied")))


def ticket_to_rate(window: Window) -> Ticket | None:
    """The ticket this window finished in the last ``RATING_SECONDS`` (+ grace) that has no rating yet."""
    since = utcnow() - timedelta(seconds=RATING_SECONDS + GRACE_SECONDS)
    ticket = db.session.scalar(
        select(Ticket).where(Ticket.window_id == window.id, Ticket.status == "done", Ticket.finished_at >= since)
        .order_by(Ticket.finished_at.desc()).limit(1))
    return ticket if ticket is not None and ticket.rating is None else None


def rate(window: Window, value: int) -> Ticket | None:
    """Store ``value`` (1–4) on the ticket awaiting a rating and commit; ``None`` when there is none (or bad value)."""
    if value not in dict(CHOICES):
        return None
    ticket = ticket_to_rate(window)
    if ticket is None:
        return None
    try:
        ticket.rating = value
        ticket.rated_at = utcnow()
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return ticket
