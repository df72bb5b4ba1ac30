"""Notices and outage announcements: publishing (with the hall rules' notice periods), reading, withdrawing."""
from __future__ import annotations

from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import select

from kiosk.audit.service import record
from kiosk.dbtypes import utcnow
from kiosk.events.service import append_event
from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.i18n import DEFAULT_LOCALE, localized
from kiosk.notices.errors import NoticeError
from kiosk.notices.labels import OUTAGE_TYPES
from kiosk.notices.models import Notice
from kiosk.transaction import use_case

#: Minimum notice before an outage starts (service code Art. 9(3)); faults are announced at once.
NOTICE_PERIODS = {"planned": timedelta(days=7), "temporary": timedelta(hours=24), "fault": timedelta(0)}
MAX_TITLE, MAX_TEXT = 120, 2000
#: Outage types announced with their lines (Hunan service code 10.5.4: area, lines and time).
LINES_REQUIRED = frozenset({"planned", "temporary"})


def clean_texts(mapping, limit: int, required: bool = True) -> dict[str, str]:
    """A ``{locale: text}`` mapping trimmed and length-checked; Chinese is required when ``required``."""
    result = {code: text.strip() for code, text in (mapping or {}).items()
              if isinstance(code, str) and isinstance(text, str) and text.strip()}
    if required and not result.get(DEFAULT_LOCALE):
        raise NoticeError(_("Fill in at least the Chinese text."))
    if any(len(text) > limit for text in result.values()):
        raise NoticeError(_("A text may be at most %(n)s characters long.", n=limit))
    return result


def notice_period_problem(outage_type: str, starts_at: datetime, now: datetime) -> str | None:
    """Why an outage announced at ``now`` breaks the hall rules' notice period, or ``None``."""
    if outage_type == "planned" and starts_at - now < NOTICE_PERIODS["planned"]:
        return _("Planned maintenance must be announced at least 7 days before it starts.")
    if outage_type == "temporary" and starts_at - now < NOTICE_PERIODS["temporary"]:
        return _("Temporary maintenance must be announced at least 24 hours before it starts.")
    return None


def _check_span(starts_at: datetime, ends_at: datetime, now: datetime) -> None:
    if ends_at <= starts_at:
        raise NoticeError(_("The end must be after the start."))
    if ends_at <= now:
        raise NoticeError(_("The end must be in the future."))


def _publish_event(notice: Notice, action: str) -> None:
    append_event(notice.hall_id, "notice", {"id": notice.id, "kind": notice.kind, "urgent": notice.urgent,
                                            "action": action})


@use_case
def publish_notice(hall: Hall, user, *, titles, texts, starts_at: datetime, ends_at: datetime,
                   priority: int = 0, urgent: bool = False) -> Notice:
    """Publish a general notice."""
    titles, texts = clean_texts(titles, MAX_TITLE), clean_texts(texts, MAX_TEXT, required=False)
    _check_span(starts_at, ends_at, utcnow())
    if not isinstance(priority, int) or not 0 <= priority <= 9:
        raise NoticeError(_("The priority is a number from 0 to 9."))
    notice = Notice(hall_id=hall.id, kind="notice", titles=titles, texts=texts, priority=priority,
                    urgent=bool(urgent), starts_at=starts_at, ends_at=ends_at, published_by=user.username)
    db.session.add(notice)
    db.session.flush()
    record("notices.publish", f"notice:{notice.id}", user=user, hall_id=hall.id,
           after={"title": titles.get(DEFAULT_LOCALE), "urgent": notice.urgent, "priority": priority})
    _publish_event(notice, "published")
    return notice


@use_case
def publish_outage(hall: Hall, user, *, outage_type: str, titles, texts, areas, lines, starts_at: datetime,
                   ends_at: datetime, override_reason: str = "") -> Notice:
    """Publish an outage announcement; a short notice period needs ``override_reason`` (audit-logged)."""
    if outage_type not in OUTAGE_TYPES:
        raise NoticeError(_("Choose the type of outage."))
    titles, texts = clean_texts(titles, MAX_TITLE), clean_texts(texts, MAX_TEXT, required=False)
    areas, lines = clean_texts(areas, 300), clean_texts(lines, 300, required=False)
    if outage_type in LINES_REQUIRED and not lines.get(DEFAULT_LOCALE):
        raise NoticeError(_("Fill in the lines affected by the outage (at least in Chinese): a planned or "
                            "temporary outage is announced with its area, lines and times."))
    now = utcnow()
    _check_span(starts_at, ends_at, now)
    override_reason = (override_reason or "").strip()
    problem = notice_period_problem(outage_type, starts_at, now)
    if problem and not override_reason:
        raise NoticeError(_("%(problem)s To publish anyway, give the reason for the short notice.",
                            problem=problem), 422)
    if len(override_reason) > 300:
        raise NoticeError(_("The reason may be at most %(n)s characters long.", n=300))
    notice = Notice(hall_id=hall.id, kind="outage", outage_type=outage_type, titles=titles, texts=texts,
                    areas=areas, lines=lines, priority=5 if outage_type == "fault" else 3,
                    starts_at=starts_at, ends_at=ends_at, published_by=user.username,
                    override_reason=override_reason if problem else None)
    db.session.add(notice)
    db.session.flush()
    record("notices.publish", f"outage:{notice.id}", user=user, hall_id=hall.id,
           after={"type": outage_type, "title": titles.get(DEFAULT_LOCALE), "start": starts_at.isoformat(),
                  "end": ends_at.isoformat(), "override": notice.override_reason})
    if problem:
        record("notices.notice_period_override", f"outage:{notice.id}", user=user, hall_id=hall.id,
               after={"rule": problem, "reason": override_reason})
    _publish_event(notice, "published")
    return notice


@use_case
def withdraw(notice: Notice, user) -> None:
    """Take a notice or outage off the board."""
    if notice.withdrawn_at is not None:
        raise NoticeError(_("This announcement was already withdrawn."), 409)
    notice.withdrawn_at = utcnow()
    record("notices.withdraw", f"{notice.kind}:{notice.id}", user=user, hall_id=notice.hall_id)
    _publish_event(notice, "withdrawn")


@use_case
def restored(notice: Notice, user) -> None:
    """Power is back early: the outage ends now and leaves the board."""
    now = utcnow()
    if notice.kind != "outage" or notice.withdrawn_at is not None or notice.ends_at <= now:
        raise NoticeError(_("Only a current or upcoming outage can be marked as restored."), 409)
    before = notice.ends_at
    notice.ends_at = now
    record("notices.restored", f"outage:{notice.id}", user=user, hall_id=notice.hall_id,
           before={"end": before.isoformat()}, after={"end": notice.ends_at.isoformat()})
    _publish_event(notice, "expired")


@use_case
def set_urgent(notice: Notice, urgent: bool, user) -> None:
    """Show or dismiss a notice's overlay on the wall display."""
    notice.urgent = bool(urgent)
    record("notices.urgent", f"{notice.kind}:{notice.id}", user=user, hall_id=notice.hall_id,
           after={"urgent": notice.urgent})
    _publish_event(notice, "published")


def state(notice: Notice, now: datetime | None = None) -> str:
    """``withdrawn``, ``expired``, ``upcoming`` or ``current``: computed at read time (no cron needed)."""
    now = now or utcnow()
    if notice.withdrawn_at is not None:
        return "withdrawn"
    if notice.ends_at <= now:
        return "expired"
    return "upcoming" if notice.starts_at > now else "current"


def _live(hall: Hall, kind: str, now: datetime):
    return select(Notice).where(Notice.hall_id == hall.id, Notice.kind == kind, Notice.withdrawn_at.is_(None),
                                Notice.ends_at > now)


def current_notices(hall: Hall, now: datetime | None = None) -> list[Notice]:
    """General notices in force now, highest priority first."""
    now = now or utcnow()
    return list(db.session.scalars(_live(hall, "notice", now).where(Notice.starts_at <= now)
                                   .order_by(Notice.urgent.desc(), Notice.priority.desc(), Notice.starts_at.desc())))


def outages(hall: Hall, now: datetime | None = None, query: str = "") -> list[Notice]:
    """Current and upcoming outages (soonest first), filtered by area, street or line when ``query`` is given."""
    now = now or utcnow()
    rows = list(db.session.scalars(_live(hall, "outage", now).order_by(Notice.starts_at)))
    query = (query or "").strip().casefold()
    if query:
        rows = [row for row in rows if any(query in text.casefold() for mapping in (row.areas, row.lines, row.titles)
                                           for text in mapping.values())]
    return rows


def all_for_staff(hall: Hall, limit: int = 200) -> list[Notice]:
    """Every announcement, newest first, for the supervisor's list."""
    return list(db.session.scalars(select(Notice).where(Notice.hall_id == hall.id)
                                   .order_by(Notice.published_at.desc()).limit(limit)))


def api_notice(notice: Notice, locale: str) -> dict:
    """A notice in the ``GET /api/v1/notices`` shape."""
    return {"id": notice.id, "kind": "notice", "title": localized(notice.titles, locale),
            "text": localized(notice.texts, locale), "priority": notice.priority, "urgent": notice.urgent,
            "start": notice.starts_at.isoformat(), "end": notice.ends_at.isoformat()}


def api_outage(notice: Notice, locale: str) -> dict:
    """An outage in the ``GET /api/v1/notices`` shape."""
    return {"id": notice.id, "kind": "outage", "type": notice.outage_type, "title": localized(notice.titles, locale),
            "area": localized(notice.areas, locale), "lines": localized(notice.lines, locale),
            "start": notice.starts_at.isoformat(), "end": notice.ends_at.isoformat(),
            "text": localized(notice.texts, locale)}


def board(hall: Hall, locale: str, now: datetime | None = None) -> dict:
    """The public board: active notices and current/upcoming outages in ``locale`` (Chinese fallback)."""
    now = now or utcnow()
    return {"notices": [api_notice(row, locale) for row in current_notices(hall, now)],
            "outages": [api_outage(row, locale) for row in outages(hall, now)]}
