"""Hall look-ups, local time and business hours."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import abort, current_app, g, has_request_context
from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import DatabaseError

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.hall import calendar
from kiosk.hall.models import Device, Hall, Service, Window, window_services

# Built once: these run on every kiosk request, and building a statement costs more than running it.
_HALL_BY_CODE = select(Hall).where(Hall.code == bindparam("code"))
_SERVICE_BY_CODE = select(Service).where(Service.hall_id == bindparam("hall_id"), Service.code == bindparam("code"))


def hall_by_code(code: str) -> Hall | None:
    """The hall with ``code``, or ``None``."""
    return db.session.scalar(_HALL_BY_CODE, {"code": code})


def current_device() -> Device | None:
    """The paired device this request comes from, or ``None`` (an unpaired browser, or outside a request).

    The devices feature recognises the device by its secret cookie before the view runs
    (:func:`kiosk.devices.identity.identify`) and keeps it in ``g.device``.
    """
    return g.get("device") if has_request_context() else None


def current_hall() -> Hall:
    """The hall this request is for: the device's hall, else ``KIOSK_DEFAULT_HALL``.

    Aborts with 503 when no such hall exists yet.
    """
    if "hall" in g:
        return g.hall
    try:
        device = current_device()
        hall = device.hall if device else hall_by_code(current_app.config["DEFAULT_HALL"])
    except DatabaseError:  # schema not created yet
        db.session.rollback()
        hall = None
    if hall is None:
        abort(503, description="hall-not-configured")
    g.hall = hall
    return hall


def hall_zone(hall: Hall) -> ZoneInfo:
    """The hall's time zone."""
    return ZoneInfo(hall.timezone or "Asia/Shanghai")


def local_now(hall: Hall, now: datetime | None = None) -> datetime:
    """``now`` (default: the current time) in the hall's time zone."""
    return (now or utcnow()).astimezone(hall_zone(hall))


def business_day(hall: Hall, now: datetime | None = None) -> date:
    """The hall's local calendar date at ``now``; tickets are numbered per business day."""
    return local_now(hall, now).date()


def _parse_hhmm(text: str) -> time | None:
    if text == "24:00":
        return None  # end of day
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def opening_spans(hall: Hall, day: date) -> list[list[str]]:
    """The hall's opening spans on ``day``, e.g. ``[["08:30", "12:00"], ["13:30", "17:30"]]``.

    A dated exception of the hall wins; else, for a hall closed on public holidays, a statutory or
    local holiday is closed and an adjusted working day (调休) has Monday's hours; else the weekday's.
    """
    exceptions = hall.hour_exceptions or {}
    if day.isoformat() in exceptions:
        return exceptions[day.isoformat()]
    weekly = hall.business_hours or {}
    if hall.closed_on_public_holidays:
        overrides = calendar.override_for(day)
        if calendar.is_public_holiday(day, overrides):
            return []
        if calendar.is_makeup_working_day(day, overrides):
            return weekly.get("0", [])
    return weekly.get(str(day.weekday()), [])


def service_spans(hall: Hall, service: Service, day: date) -> list[list[str]]:
    """The spans ``service`` takes tickets on ``day``: the hall's, or its own hours on the days the hall opens.

    A service's own hours follow the hall's calendar: nothing on a day the hall is closed, and an
    adjusted working day (调休) has Monday's hours.
    """
    hall_spans = opening_spans(hall, day)
    if service.own_hours is None or not hall_spans:
        return hall_spans
    weekday = "0" if day.weekday() >= 5 and calendar.is_makeup_working_day(day, calendar.override_for(day)) \
        else str(day.weekday())
    return service.own_hours.get(weekday, [])


def _within(spans: list[list[str]], clock: time) -> bool:
    for start_text, end_text in spans:
        start, end = _parse_hhmm(start_text), _parse_hhmm(end_text)
        if start is not None and clock >= start and (end is None or clock < end):
            return True
    return False


def is_open(hall: Hall, now: datetime | None = None) -> bool:
    """Whether ``now`` falls within the hall's opening hours that day."""
    local = local_now(hall, now)
    return _within(opening_spans(hall, local.date()), local.time())


def service_is_open(hall: Hall, service: Service, now: datetime | None = None) -> bool:
    """Whether ``service`` takes tickets at ``now`` by its hours (the hall's, or its own within them)."""
    local = local_now(hall, now)
    return _within(service_spans(hall, service, local.date()), local.time())


def hours_today(hall: Hall, now: datetime | None = None) -> list[list[str]]:
    """Today's opening spans, e.g. ``[["08:30", "17:30"]]`` (empty when closed all day)."""
    return opening_spans(hall, local_now(hall, now).date())


#: How far ahead :func:`next_opening` looks (a long holiday plus a weekend).
OPENING_LOOKAHEAD_DAYS = 21


def next_opening(hall: Hall, now: datetime | None = None, service: Service | None = None) -> datetime | None:
    """When the hall (or ``service``, by its hours) next opens after ``now`` (local time).

    ``None`` when not within :data:`OPENING_LOOKAHEAD_DAYS`.
    """
    local = local_now(hall, now)
    for offset in range(OPENING_LOOKAHEAD_DAYS + 1):
        day = local.date() + timedelta(days=offset)
        spans = opening_spans(hall, day) if service is None else service_spans(hall, service, day)
        for start_text, _end_text in spans:
            start = _parse_hhmm(start_text)
            if start is None:
                continue
            opening = datetime.combine(day, start, tzinfo=local.tzinfo)
            if opening > local:
                return opening
    return None


def service_by_code(hall: Hall, code: str) -> Service | None:
    """The hall's service with letter ``code`` (case-insensitive), or ``None``."""
    if not code or not isinstance(code, str):
        return None
    return db.session.scalar(_SERVICE_BY_CODE, {"hall_id": hall.id, "code": code.strip().upper()[:4]})


def window_by_number(hall: Hall, number: int) -> Window | None:
    """The hall's window ``number``, or ``None``."""
    return db.session.scalar(select(Window).where(Window.hall_id == hall.id, Window.number == number))


def window_preferences(window: Window) -> dict[int, int]:
    """``{service_id: rank}`` of the window's services (1 is called first; equal ranks share one line)."""
    rows = db.session.execute(select(window_services.c.service_id, window_services.c.preference)
                              .where(window_services.c.window_id == window.id))
    return {service_id: preference for service_id, preference in rows}


def set_window_services(window: Window, ranked: list[tuple[Service, int]]) -> None:
    """Give ``window`` exactly the services of ``ranked`` with their ranks (flushes; the caller commits)."""
    window.services = [service for service, _rank in ranked]
    db.session.flush()
    for service, rank in ranked:
        db.session.execute(update(window_services).where(
            window_services.c.window_id == window.id, window_services.c.service_id == service.id)
            .values(preference=rank))
    db.session.expire(window, ["services"])
