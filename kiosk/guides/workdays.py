"""Working-day arithmetic: weekends are non-working unless the calendar says otherwise.

The calendar (:class:`kiosk.guides.models.CalendarDay`) holds only exceptions: public holidays
(``working=False``) and make-up working days on a weekend (调休, ``working=True``).
The functions take those exceptions as a plain ``{date: bool}`` mapping so they stay pure.
"""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from kiosk.extensions import db
from kiosk.guides.models import CalendarDay

#: Guard against a calendar that never has a working day again.
MAX_SCAN_DAYS = 3660


def is_working(day: date, exceptions: dict[date, bool]) -> bool:
    """Whether ``day`` is a working day: the calendar's exception, else Monday–Friday."""
    if day in exceptions:
        return exceptions[day]
    return day.weekday() < 5


def add_working_days(start: date, days: int, exceptions: dict[date, bool]) -> date:
    """The date ``days`` working days after ``start`` (the start day itself is not counted).

    ``days == 0`` gives ``start``.
    """
    if days < 0:
        raise ValueError("days must be zero or more")
    current, left, scanned = start, days, 0
    while left:
        current += timedelta(days=1)
        scanned += 1
        if scanned > MAX_SCAN_DAYS:
            raise ValueError("the calendar has no working days")
        if is_working(current, exceptions):
            left -= 1
    return current


def working_days_between(start: date, end: date, exceptions: dict[date, bool]) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end <= start``)."""
    count, current = 0, start
    while current < end:
        current += timedelta(days=1)
        if is_working(current, exceptions):
            count += 1
    return count


def exceptions_between(first: date, last: date) -> dict[date, bool]:
    """The calendar's exceptions from ``first`` to ``last`` (with a margin for deadlines after ``last``)."""
    rows = db.session.scalars(select(CalendarDay).where(
        CalendarDay.day >= first, CalendarDay.day <= last + timedelta(days=400)))
    return {row.day: row.working for row in rows}
