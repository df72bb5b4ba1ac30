"""China's working-day calendar: statutory public holidays and adjusted working days (调休).

Three sources, the first that knows a day wins:

1. the local override table (:class:`kiosk.hall.models.CalendarDay`, edited in the staff console):
   a year the State Council announced after the installed ``chinese-calendar`` was released, or a
   local holiday;
2. the ``chinese-calendar`` package (the official arrangements from 2004 to its newest year);
3. the weekend rule (Monday to Friday work).

Ticketing hours (:func:`kiosk.hall.service.is_open`) and every working-day deadline
(:mod:`kiosk.guides.workdays`) ask this module.
"""
from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import date, timedelta

import chinese_calendar
from sqlalchemy import select

from kiosk.extensions import db
from kiosk.hall.models import CalendarDay


def official(day: date) -> tuple[bool, bool] | None:
    """``(working, public_holiday)`` from the official arrangement, or ``None`` for a year it does not cover."""
    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return None
    return not on_holiday, name is not None and on_holiday


def is_working_day(day: date, overrides: Mapping[date, bool] | None = None) -> bool:
    """Whether ``day`` is a working day (see the module's three sources)."""
    if overrides and day in overrides:
        return overrides[day]
    known = official(day)
    if known is not None:
        return known[0]
    return day.weekday() < 5


def is_public_holiday(day: date, overrides: Mapping[date, bool] | None = None) -> bool:
    """Whether ``day`` is a day off that is not an ordinary weekend day (a statutory or local holiday)."""
    if overrides and day in overrides:
        return not overrides[day]
    known = official(day)
    return bool(known and known[1])


def is_makeup_working_day(day: date, overrides: Mapping[date, bool] | None = None) -> bool:
    """Whether ``day`` is a weekend day worked instead of a holiday (调休)."""
    return day.weekday() >= 5 and is_working_day(day, overrides)


#: How long a process keeps a day's override before reading it again (the table changes rarely).
OVERRIDE_CACHE_SECONDS = 60.0
_override_cache: dict[date, tuple[bool | None, float]] = {}


def override_for(day: date) -> dict[date, bool]:
    """The local override of ``day`` as a one-entry mapping (empty when none), cached for a minute per process.

    Ticket issue asks on every ticket, so the table is not read each time.
    """
    cached = _override_cache.get(day)
    now = time.monotonic()
    if cached is None or now - cached[1] > OVERRIDE_CACHE_SECONDS:
        row = db.session.get(CalendarDay, day)
        cached = _override_cache[day] = (row.working if row is not None else None, now)
    return {} if cached[0] is None else {day: cached[0]}


def forget_overrides() -> None:
    """Drop the cached overrides (after the table was edited in this process)."""
    _override_cache.clear()


def overrides_between(first: date, last: date) -> dict[date, bool]:
    """The local overrides from ``first`` to ``last`` (with a margin for deadlines after ``last``)."""
    rows = db.session.scalars(select(CalendarDay).where(
        CalendarDay.day >= first, CalendarDay.day <= last + timedelta(days=400)))
    return {row.day: row.working for row in rows}
