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

#: Date patterns replacing CLDR's where its data is thin or mixes numeral systems (documented in
#: ``docs/translations-review.md``). Keys are a Babel width or a pattern a template asks for; ``EEEE``
#: is replaced by :data:`WEEKDAYS` where CLDR has no day names. Every locale writes Western digits
#: (dates, money and ticket numbers read the same as on the wall display and the paper ticket).
PATTERNS: dict[str, dict[str, str]] = {
    # traditional Mongolian: "2026 ᠣᠨ ᠤ 12 ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 2" (year-GEN month-GEN day); CLDR gives "2026 M12 2, Wed"
    "mn_Mong_CN": {
        "short": "y.MM.dd",
        "medium": "y 'ᠣᠨ ᠤ' M 'ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ' d",
        "long": "y 'ᠣᠨ ᠤ' M 'ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ' d",
        "full": "y 'ᠣᠨ ᠤ' M 'ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ' d᠂ EEEE",
        "MMM": "M",
    },
    # Tibetan: CLDR's medium date "2026 ལོའི་ཟླ་༡༢ཚེས་20" mixes Tibetan and Western digits
    "bo": {
        "medium": "y 'ལོའི་ཟླ་'M 'ཚེས་'d",
        "long": "'སྤྱི་ལོ་'y 'ཟླ་'M 'ཚེས་'d",
        "full": "'སྤྱི་ལོ་'y 'ཟླ་'M 'ཚེས་'d, EEEE",
        "MMM": "M",
    },
    # Uyghur: CLDR has no abbreviated month names ("M12"); chart labels use the month number
    "ug": {
        "medium": "d-MMMM، y",
        "MMM": "M",
    },
}
#: Weekday names for locales whose CLDR data has none (Monday first, as ``date.weekday()``).
WEEKDAYS: dict[str, tuple[str, ...]] = {
    "mn_Mong_CN": ("ᠭᠠᠷᠠᠭ ᠤᠨ ᠨᠢᠭᠡᠨ", "ᠭᠠᠷᠠᠭ ᠤᠨ ᠬᠣᠶᠠᠷ", "ᠭᠠᠷᠠᠭ ᠤᠨ ᠭᠤᠷᠪᠠ", "ᠭᠠᠷᠠᠭ ᠤᠨ ᠳᠥᠷᠪᠡ",
                   "ᠭᠠᠷᠠᠭ ᠤᠨ ᠲᠠᠪᠤ", "ᠭᠠᠷᠠᠭ ᠤᠨ ᠵᠢᠷᠭᠤᠭ᠎ᠠ", "ᠭᠠᠷᠠᠭ ᠤᠨ ᠡᠳᠦᠷ"),
}


def zone_of(hall: Hall | None = None) -> tzinfo:
    """The time zone moments are shown in: ``hall``'s, else the request's hall's, else the default zone."""
    if hall is None and has_request_context():
        hall = current_hall()
    if hall is not None:
        return hall_zone(hall)
    return (get_timezone() if has_app_context() else None) or ZoneInfo(DEFAULT_ZONE)


def _locale() -> Locale:
    return get_locale() or Locale.parse(FALLBACK_LOCALE)


def date_pattern(format: str, day: date, locale: Locale | None = None) -> str:
    """``format`` (a Babel width or a pattern) as the pattern :data:`PATTERNS` gives for the locale, if any."""
    code = str(locale or _locale())
    pattern = PATTERNS.get(code, {}).get(format, format)
    if "EEEE" in pattern and code in WEEKDAYS:
        pattern = pattern.replace("EEEE", "'" + WEEKDAYS[code][day.weekday()] + "'")
    return pattern


def hall_time(moment: datetime, format: str = "short", hall: Hall | None = None) -> str:
    """``moment`` as a time of day in the hall's zone: a Babel width (``"short"``: ``10:30``) or a pattern."""
    zone = zone_of(hall)
    if format in WIDTHS:
        return dates.format_time(moment, format, tzinfo=zone, locale=_locale())
    return dates.format_datetime(moment, format, tzinfo=zone, locale=_locale())


def hall_datetime(moment: datetime, format: str = "medium", hall: Hall | None = None) -> str:
    """``moment`` as a date and time in the hall's zone: a Babel width or a pattern."""
    zone, locale = zone_of(hall), _locale()
    if format in WIDTHS and format in PATTERNS.get(str(locale), {}):
        local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(zone)
        day = dates.format_date(local.date(), date_pattern(format, local.date(), locale), locale=locale)
        return f"{day} {dates.format_time(local, 'HH:mm', tzinfo=zone, locale=locale)}"
    return dates.format_datetime(moment, format, tzinfo=zone, locale=locale)


def hall_date(value: date | datetime, format: str = "long", hall: Hall | None = None) -> str:
    """A calendar date, or the hall's local date of a moment: a Babel width or a pattern."""
    if isinstance(value, datetime):
        value = (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(zone_of(hall)).date()
    return dates.format_date(value, date_pattern(format, value), locale=_locale())
