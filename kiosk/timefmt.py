"""Moments shown to people: in the hall's time zone, formatted for the current locale.

Stored moments are aware UTC datetimes; every page, print and display text shows them through
:func:`hall_time`, :func:`hall_datetime` or :func:`hall_date`, which convert them to the hall's
zone (the request's hall, else Flask-Babel's default zone) and format them with Babel.
"""
from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo

from babel import Locale, dates
from flask import has_app_context, has_request_context
from flask_babel import get_locale, get_timezone

from kiosk.hall.models import Hall
from kiosk.hall.service import current_hall, hall_zone

#: Babel's named widths; any other ``format`` is a CLDR pattern such as ``"yyyy-MM-dd HH:mm"``.
WIDTHS = frozenset({"short", "medium", "long", "full"})
FALLBACK_LOCALE = "zh_Hans_CN"
DEFAULT_ZONE = "Asia/Shanghai"


def zone_of(hall: Hall | None = None) -> tzinfo:
    """The time zone moments are shown in: ``hall``'s, else the request's hall's, else the default zone."""
    if hall is None and has_request_context():
        hall = current_hall()
    if hall is not None:
        return hall_zone(hall)
    return (get_timezone() if has_app_context() else None) or ZoneInfo(DEFAULT_ZONE)


def _locale() -> Locale:
    return get_locale() or Locale.parse(FALLBACK_LOCALE)


def hall_time(moment: datetime, format: str = "short", hall: Hall | None = None) -> str:
    """``moment`` as a time of day in the hall's zone: a Babel width (``"short"``: ``10:30``) or a pattern."""
    zone = zone_of(hall)
    if format in WIDTHS:
        return dates.format_time(moment, format, tzinfo=zone, locale=_locale())
    return dates.format_datetime(moment, format, tzinfo=zone, locale=_locale())


def hall_datetime(moment: datetime, format: str = "medium", hall: Hall | None = None) -> str:
    """``moment`` as a date and time in the hall's zone: a Babel width or a pattern."""
    return dates.format_datetime(moment, format, tzinfo=zone_of(hall), locale=_locale())


def hall_date(value: date | datetime, format: str = "long", hall: Hall | None = None) -> str:
    """A calendar date, or the hall's local date of a moment: a Babel width or a pattern."""
    if isinstance(value, datetime):
        value = (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(zone_of(hall))
    return dates.format_date(value, format, locale=_locale())
