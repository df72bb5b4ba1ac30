"""Working-day arithmetic for deadlines, on China's calendar (:mod:`kiosk.hall.calendar`).

The functions take the local overrides (public holidays ``False``, make-up working days ``True``)
as a plain ``{date: bool}`` mapping, so they stay free of database reads.
"""
from __future__ import annotations

from datetime import date, timedelta

from kiosk.hall import calendar

#: Guard against a calendar that never has a working day again.
MAX_SCAN_DAYS = 3660


def is_working(day: date, exceptions: dict[date, bool]) -> bool:
    """Whether ``day`` is a working day: the local override, else the official calendar, else Monday–Friday."""
    return calendar.is_working_day(day, exceptions)


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
    """The local overrides from ``first`` to ``last`` (with a margin for deadlines after ``last``)."""
    return calendar.overrides_between(first, last)
