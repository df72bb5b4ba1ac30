"""Suspension status ("business suspended", 暂停服务) as the queue and displays read it.

This is the notice board's public interface to the rest of the product: the queue
asks it before calling a window or issuing a ticket, the displays ask it for signs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from sqlalchemy import and_, bindparam, case, or_, select

from kiosk.extensions import db
from kiosk.i18n import DEFAULT_LOCALE
from kiosk.notices.labels import REASONS, texts_in
from kiosk.notices.models import Suspension


@dataclass(frozen=True)
class SuspensionInfo:
    """An active suspension: its scope, reason (per locale) and expected resume time."""

    scope: str  # "window", "service" or "hall"
    reason: str  # the reason in Chinese (the hall's default language)
    reason_texts: dict[str, str] = field(default_factory=dict)  # {locale: reason}
    until: datetime | None = None
    reason_key: str = "other"  # the preset reason (labels.REASONS) or "other"

    @property
    def offers_callback(self) -> bool:
        """Whether the kiosk offers to call the customer back (the hall rules: a system failure)."""
        return self.reason_key == CALLBACK_REASON


#: The suspension reason for which the kiosk offers a callback.
CALLBACK_REASON = "system_failure"


def reason_locales(hall) -> list[str]:
    """The locales a reason is given in: the hall's display languages, Chinese first."""
    codes = [DEFAULT_LOCALE] + list(getattr(hall, "display_languages", None) or ["en"])
    return list(dict.fromkeys(codes))


def reason_texts(suspension, hall) -> dict[str, str]:
    """``{locale: reason}``: presets rendered in each locale, free text as it was typed."""
    locales = reason_locales(hall)
    if suspension.reason_key == "other" or suspension.reason_key not in REASONS:
        return {code: suspension.reason_text for code in locales}
    return texts_in(REASONS[suspension.reason_key], locales)


def info_for(suspension, hall) -> SuspensionInfo:
    """The :class:`SuspensionInfo` of a suspension row."""
    texts = reason_texts(suspension, hall)
    return SuspensionInfo(scope=suspension.scope, reason=texts.get(DEFAULT_LOCALE, ""), reason_texts=texts,
                          until=suspension.until, reason_key=suspension.reason_key)


@cache
def _active_query(scope: str):
    """The first active suspension stopping one window or service (its own first, else the hall's).

    Built once per scope and reused: these run on every ticket and every call.
    """
    own_id = Suspension.window_id if scope == "window" else Suspension.service_id
    return (
        select(Suspension)
        .where(Suspension.hall_id == bindparam("hall_id"), Suspension.ended_at.is_(None),
               or_(and_(Suspension.scope == scope, own_id == bindparam("own_id")), Suspension.scope == "hall"))
        .order_by(case((Suspension.scope == "hall", 1), else_=0), Suspension.started_at.desc())
        .limit(1)
    )


def active_window_row(window):
    """The active suspension row stopping ``window`` (its own first, else the hall's), or ``None``."""
    return db.session.scalar(_active_query("window"), {"hall_id": window.hall_id, "own_id": window.id})


def active_service_row(service):
    """The active suspension row stopping ``service`` (its own first, else the hall's), or ``None``."""
    return db.session.scalar(_active_query("service"), {"hall_id": service.hall_id, "own_id": service.id})


def window_suspension(window) -> SuspensionInfo | None:
    """The suspension that stops ``window`` from taking calls (its own or the whole hall's), else ``None``."""
    row = active_window_row(window)
    return info_for(row, window.hall) if row is not None else None


def service_suspension(service) -> SuspensionInfo | None:
    """The suspension that stops new tickets for ``service`` (its own or the whole hall's), else ``None``."""
    row = active_service_row(service)
    return info_for(row, service.hall) if row is not None else None
