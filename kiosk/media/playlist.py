"""The playlist of a hall's wall displays: adding, editing, ordering and retiring slides, and what plays now.

Every change is one use case: the slide, its audit entry and a ``playlist`` event are committed together,
so each display reloads its playlist as soon as the change exists.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import func, select

from kiosk.audit.service import record
from kiosk.dbtypes import utcnow
from kiosk.events.service import append_event
from kiosk.extensions import db
from kiosk.hall.models import Device, DeviceKind, Hall
from kiosk.hall.service import local_now
from kiosk.i18n import LOCALES, localized
from kiosk.media import storage
from kiosk.media.errors import MediaError
from kiosk.media.models import DEFAULT_SECONDS, FILE_KINDS, MAX_SECONDS, MIN_SECONDS, Slide, SlideKind
from kiosk.parsing import clean_text, parse_date
from kiosk.transaction import use_case

#: The event type every playlist change appends (payload: ``{"slide": id, "action": …}``).
EVENT = "playlist"
HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
#: How long a call holds the side panel paused (the call band's highlight), in milliseconds.
CALL_PAUSE_MS = 8000
#: The longest title and text a slide keeps per language.
TITLE_MAX, TEXT_MAX = 120, 600


@dataclass(frozen=True)
class Schedule:
    """When and where a slide plays: duration, dates, daily hours, displays."""

    duration_seconds: int = DEFAULT_SECONDS
    starts_on: date | None = None
    ends_on: date | None = None
    daily_from: str | None = None
    daily_until: str | None = None
    displays: str | list = "all"


def slides_of(hall: Hall, *, retired: bool = False) -> list[Slide]:
    """The hall's slides in playing order (the retired ones instead with ``retired=True``)."""
    return _slides(hall.id, retired=retired)


def _slides(hall_id: int, *, retired: bool = False) -> list[Slide]:
    query = select(Slide).where(Slide.hall_id == hall_id)
    query = query.where(Slide.retired_at.is_not(None) if retired else Slide.retired_at.is_(None))
    return list(db.session.scalars(query.order_by(Slide.sort_order, Slide.id)))


def slide_of_hall(hall: Hall, slide_id: int) -> Slide | None:
    """The hall's slide ``slide_id`` (retired or not), or ``None``."""
    slide = db.session.get(Slide, slide_id)
    return slide if slide is not None and slide.hall_id == hall.id else None


def display_devices(hall: Hall) -> list[Device]:
    """The hall's wall and counter displays a slide can be aimed at."""
    kinds = (DeviceKind.DISPLAY.value, DeviceKind.COUNTER.value)
    return list(db.session.scalars(select(Device).where(Device.hall_id == hall.id, Device.kind.in_(kinds),
                                                        Device.revoked_at.is_(None)).order_by(Device.name)))


# ---- reading the staff form ----

def _date(raw: object) -> date | None:
    text = clean_text(raw)
    if not text:
        return None
    try:
        return parse_date(text)
    except ValueError as error:
        raise MediaError(_("Write dates as YYYY-MM-DD.")) from error


def _hhmm(raw: object) -> str | None:
    text = clean_text(raw)
    if not text:
        return None
    if not HHMM.match(text):
        raise MediaError(_("Write daily hours as HH:MM, for example 08:30."))
    return text


def schedule_from(form, hall: Hall) -> Schedule:
    """The schedule the staff form (a ``MultiDict``) describes; raises :class:`MediaError` with a translated message."""
    raw = clean_text(form.get("duration_seconds")) or str(DEFAULT_SECONDS)
    try:
        seconds = int(raw)
    except ValueError:
        seconds = 0
    if not MIN_SECONDS <= seconds <= MAX_SECONDS:
        raise MediaError(_("A slide shows for %(min)s to %(max)s seconds.", min=MIN_SECONDS, max=MAX_SECONDS))
    starts_on, ends_on = _date(form.get("starts_on")), _date(form.get("ends_on"))
    if starts_on and ends_on and ends_on < starts_on:
        raise MediaError(_("The last day comes before the first day."))
    daily_from, daily_until = _hhmm(form.get("daily_from")), _hhmm(form.get("daily_until"))
    if (daily_from is None) != (daily_until is None) or (daily_from and daily_from == daily_until):
        raise MediaError(_("Give both daily hours (from and until), or neither."))
    displays: str | list = "all"
    if form.get("displays_mode") == "some":
        known = {device.id for device in display_devices(hall)}
        chosen = []
        for value in form.getlist("devices"):
            try:
                chosen.append(int(value))
            except (TypeError, ValueError):
                continue
        displays = sorted({device for device in chosen if device in known})
        if not displays:
            raise MediaError(_("Choose at least one display, or show the slide on all wall displays."))
    return Schedule(seconds, starts_on, ends_on, daily_from, daily_until, displays)


def texts_from(form, prefix: str, limit: int) -> dict[str, str]:
    """``{locale: text}`` of the form fields ``<prefix>_<locale>`` that are filled in."""
    result = {}
    for code in LOCALES:
        text = clean_text(form.get(f"{prefix}_{code}"))[:limit]
        if text:
            result[code] = text
    return result


# ---- use cases ----

def _summary(slide: Slide) -> dict:
    return {"kind": slide.kind, "titles": slide.titles, "texts": slide.texts, "file": slide.file_name,
            "duration_seconds": slide.duration_seconds,
            "starts_on": slide.starts_on.isoformat() if slide.starts_on else None,
            "ends_on": slide.ends_on.isoformat() if slide.ends_on else None,
            "daily": [slide.daily_from, slide.daily_until] if slide.daily_from else None,
            "displays": slide.displays, "sort_order": slide.sort_order,
            "retired": slide.retired_at is not None}


def _announce(slide: Slide, action: str) -> None:
    append_event(slide.hall_id, EVENT, {"slide": slide.id, "action": action})


def _apply(slide: Slide, schedule: Schedule) -> None:
    slide.duration_seconds = schedule.duration_seconds
    slide.starts_on, slide.ends_on = schedule.starts_on, schedule.ends_on
    slide.daily_from, slide.daily_until = schedule.daily_from, schedule.daily_until
    slide.displays = schedule.displays


@use_case
def add_slide(hall: Hall, kind: str, schedule: Schedule, *, titles: dict | None = None, texts: dict | None = None,
              data: bytes | None = None, user=None, actor: str | None = None) -> Slide:
    """Add a slide at the end of the playlist (an uploaded file for ``image``/``video``; the kind is read from it)."""
    if kind not in {item.value for item in SlideKind}:
        raise MediaError(_("Choose what the slide shows."))
    titles, texts = dict(titles or {}), dict(texts or {})
    stored = None
    if kind in FILE_KINDS:
        stored = storage.check(data or b"")
        kind = stored.kind
    elif kind == SlideKind.TEXT and not texts:
        raise MediaError(_("Write the notice's text in at least one language."))
    last = db.session.scalar(select(func.max(Slide.sort_order)).where(Slide.hall_id == hall.id))
    slide = Slide(hall_id=hall.id, kind=kind, titles=titles, texts=texts if kind == SlideKind.TEXT else {},
                  sort_order=(last or 0) + 1, created_by=actor or getattr(user, "username", "") or "")
    _apply(slide, schedule)
    if stored is not None:
        slide.file_name, slide.content_type, slide.sha256 = stored.file_name, stored.content_type, stored.sha256
        slide.byte_size, slide.width, slide.height = stored.byte_size, stored.width, stored.height
    db.session.add(slide)
    db.session.flush()
    record("media.add", f"slide:{slide.id}", after=_summary(slide), user=user, hall_id=hall.id, actor=actor)
    _announce(slide, "added")
    if stored is not None and data is not None:
        storage.store(data)  # last: a refused slide leaves no file behind
    return slide


@use_case
def update_slide(slide: Slide, schedule: Schedule, *, titles: dict, texts: dict) -> Slide:
    """Change a slide's titles, text and schedule."""
    before = _summary(slide)
    if slide.kind == SlideKind.TEXT and not texts:
        raise MediaError(_("Write the notice's text in at least one language."))
    slide.titles = dict(titles)
    if slide.kind == SlideKind.TEXT:
        slide.texts = dict(texts)
    _apply(slide, schedule)
    record("media.edit", f"slide:{slide.id}", before=before, after=_summary(slide), hall_id=slide.hall_id)
    _announce(slide, "changed")
    return slide


@use_case
def move_slide(slide: Slide, direction: str) -> Slide:
    """Move a slide one place ``up`` (earlier) or ``down`` (later) in the playlist."""
    if direction not in ("up", "down"):
        raise MediaError(_("A slide moves up or down."))
    order = _slides(slide.hall_id)
    if slide not in order:
        raise MediaError(_("This slide is retired."), 409)
    index = order.index(slide)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(order):
        order[index], order[other] = order[other], order[index]
    before = {"sort_order": slide.sort_order}
    for position, item in enumerate(order, start=1):
        item.sort_order = position
    record("media.move", f"slide:{slide.id}", before=before, after={"sort_order": slide.sort_order,
                                                                     "direction": direction},
           hall_id=slide.hall_id)
    _announce(slide, "moved")
    return slide


@use_case
def retire_slide(slide: Slide) -> Slide:
    """Take a slide out of the playlist for good (kept for the audit trail; its file stays for other slides)."""
    if slide.retired_at is None:
        slide.retired_at = utcnow()
        record("media.retire", f"slide:{slide.id}", before=_summary(slide) | {"retired": False},
               after={"retired": True}, hall_id=slide.hall_id)
        _announce(slide, "retired")
    return slide


# ---- what plays now ----

def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def shows_on(slide: Slide, device: Device | None) -> bool:
    """Whether ``slide`` is meant for ``device``: ``"all"`` is every wall display (and an unpaired browser on the
    wall page); a list names the displays (wall or counter) by id."""
    if slide.displays == "all":
        return device is None or device.kind == DeviceKind.DISPLAY
    return device is not None and isinstance(slide.displays, list) and device.id in slide.displays


def is_current(slide: Slide, moment: datetime, device: Device | None) -> bool:
    """Whether ``slide`` plays at the hall-local ``moment`` on ``device`` (dates inclusive, hours ``[from, until)``,
    an ``until`` before ``from`` running past midnight)."""
    if slide.retired_at is not None or not shows_on(slide, device):
        return False
    today = moment.date()
    if (slide.starts_on and today < slide.starts_on) or (slide.ends_on and today > slide.ends_on):
        return False
    if slide.daily_from and slide.daily_until:
        now, start, end = moment.hour * 60 + moment.minute, _minutes(slide.daily_from), _minutes(slide.daily_until)
        inside = start <= now < end if start < end else now >= start or now < end
        if not inside:
            return False
    return True


def current_slides(hall: Hall, device: Device | None, now: datetime | None = None) -> list[Slide]:
    """The slides that play now on ``device``, in order."""
    moment = local_now(hall, now)
    return [slide for slide in slides_of(hall) if is_current(slide, moment, device)]


def slide_payload(slide: Slide, languages: list[str]) -> dict:
    """What the display script needs to play ``slide``."""
    item: dict = {"id": slide.id, "kind": slide.kind, "seconds": slide.duration_seconds,
                  "titles": {code: localized(slide.titles, code) for code in languages if slide.titles}}
    if slide.kind in FILE_KINDS:
        item["url"] = url_for("media.file", name=slide.file_name)
        item["type"] = slide.content_type
    elif slide.kind == SlideKind.TEXT:
        item["texts"] = {code: localized(slide.texts, code) for code in languages}
    else:
        endpoint = "tariffs.display_slide" if slide.kind == SlideKind.TARIFF else "media.commitments_slide"
        item["url"] = url_for(endpoint)
    return item


def playlist(hall: Hall, device: Device | None, languages: list[str], now: datetime | None = None) -> dict:
    """The playlist a display plays now: ``{"slides": [...]}`` in order."""
    return {"slides": [slide_payload(slide, languages) for slide in current_slides(hall, device, now)]}
