"""The rules a hall's setup must follow, one checker per field, each naming the problem in a translated message.

Every checker takes the raw value and the path it was found at (``services[2].time_limit_minutes``) and
either returns the clean value or adds ``"<path>: <message>"`` to ``problems`` and returns ``None``.
The setup file's import uses them; the admin console's forms are to use the same ones.
"""
from __future__ import annotations

import re
from datetime import date
from zoneinfo import ZoneInfo, available_timezones

from flask_babel import gettext as _

from kiosk.bills.payment import template_problem
from kiosk.dbtypes import is_one_of
from kiosk.devices.pairing import NAME_PATTERN
from kiosk.hall.models import DeviceKind
from kiosk.i18n import DEFAULT_LOCALE, LOCALES
from kiosk.printing.backends import BadPrinterSetting, check_printer_setting
from kiosk.staff.models import HALL_ROLES
from kiosk.staff.users import USERNAME_PATTERN

HALL_CODE = re.compile(r"[a-z0-9][a-z0-9-]{0,31}", re.ASCII)
SERVICE_CODE = re.compile(r"[A-Z]{1,4}", re.ASCII)
PHONE = re.compile(r"[0-9][0-9-]{2,31}", re.ASCII)
DEVICE_NAME = NAME_PATTERN
USERNAME = USERNAME_PATTERN
CLOCK = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]|24:00")
#: The weekdays of the file, Monday first (the database keys them "0" … "6").
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NAME_MAX = 128
MAX_LANGUAGES = 3
TIME_LIMIT_RANGE = (1, 240)
WINDOW_RANGE = (1, 999)

Problems = list[str]


def problem(problems: Problems, path: str, message: str) -> None:
    """Note ``message`` about the value at ``path``."""
    problems.append(f"{path}: {message}")


def texts(value: object, path: str, problems: Problems, *, required: bool = True) -> dict | None:
    """A ``{locale: text}`` mapping of known locales; with ``required``, Chinese (the fallback) must be there."""
    if value is None and not required:
        return {}
    if not isinstance(value, dict):
        problem(problems, path, _("must be a mapping of language codes to texts, e.g. {zh_Hans_CN: …, en: …}"))
        return None
    clean = {}
    for locale, text in value.items():
        if locale not in LOCALES:
            problem(problems, f"{path}.{locale}", _("unknown language; use one of %(codes)s",
                                                    codes=", ".join(LOCALES)))
        elif not isinstance(text, str) or not text.strip() or len(text) > NAME_MAX:
            problem(problems, f"{path}.{locale}", _("must be a text of 1 to %(n)s characters", n=NAME_MAX))
        else:
            clean[locale] = text.strip()
    if required and DEFAULT_LOCALE not in value:
        problem(problems, f"{path}.{DEFAULT_LOCALE}", _("is required (Chinese is every text's fallback)"))
    return clean


def pattern(value: object, path: str, problems: Problems, regex: re.Pattern, hint: str) -> str | None:
    """A text matching ``regex`` entirely; ``hint`` says what is allowed."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not regex.fullmatch(value.strip()):
        problem(problems, path, hint)
        return None
    return value.strip()


def whole_number(value: object, path: str, problems: Problems, low: int, high: int) -> int | None:
    """An integer from ``low`` to ``high``."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        problem(problems, path, _("must be a whole number from %(low)s to %(high)s", low=low, high=high))
        return None
    return value


def flag(value: object, path: str, problems: Problems, default: bool) -> bool:
    """``true`` or ``false`` (``default`` when absent)."""
    if value is None:
        return default
    if not isinstance(value, bool):
        problem(problems, path, _("must be true or false"))
        return default
    return value


def timezone(value: object, path: str, problems: Problems) -> str | None:
    """An IANA time zone such as ``Asia/Shanghai``."""
    if not isinstance(value, str) or value not in zones():
        problem(problems, path, _("must be a time zone such as Asia/Shanghai or Asia/Urumqi"))
        return None
    ZoneInfo(value)
    return value


_ZONES: set[str] = set()


def zones() -> set[str]:
    """Every IANA time zone name this system knows."""
    if not _ZONES:
        _ZONES.update(available_timezones())
    return _ZONES


def languages(value: object, path: str, problems: Problems) -> list[str] | None:
    """1 to :data:`MAX_LANGUAGES` distinct known locales, in display order."""
    if (not isinstance(value, list) or not 1 <= len(value) <= MAX_LANGUAGES or len(set(map(str, value))) != len(value)
            or any(code not in LOCALES for code in value)):
        problem(problems, path, _("must list 1 to %(n)s different languages of %(codes)s", n=MAX_LANGUAGES,
                                  codes=", ".join(LOCALES)))
        return None
    return list(value)


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def opening_hours(value: object, path: str, problems: Problems) -> dict | None:
    """``{monday: ["08:30-12:00", "13:30-17:30"], …}`` → the database's ``{"0": [["08:30", "12:00"], …], …}``.

    A weekday that is left out, or given an empty list, is closed.
    """
    if not isinstance(value, dict) or any(day not in WEEKDAYS for day in value):
        problem(problems, path, _("must map weekdays (%(days)s) to lists of opening spans like 08:30-17:30",
                                  days=", ".join(WEEKDAYS)))
        return None
    hours: dict[str, list[list[str]]] = {}
    for index, day in enumerate(WEEKDAYS):
        spans = _spans(value.get(day) or [], f"{path}.{day}", problems)
        if spans is not None:
            hours[str(index)] = spans
    return hours


def _spans(value: object, path: str, problems: Problems) -> list[list[str]] | None:
    if not isinstance(value, list):
        problem(problems, path, _("must be a list of opening spans like 08:30-17:30"))
        return None
    clean, last_end = [], -1
    for number, span in enumerate(value):
        start, _sep, end = str(span).partition("-")
        if not (CLOCK.fullmatch(start) and CLOCK.fullmatch(end)) or _minutes(start) >= _minutes(end):
            problem(problems, f"{path}[{number}]",
                    _("must be an opening span like 08:30-17:30 (start before end, 24:00 at the latest)"))
            continue
        if _minutes(start) < last_end:
            problem(problems, f"{path}[{number}]", _("overlaps the span before it"))
        last_end = _minutes(end)
        clean.append([start, end])
    return clean


def dated_hours(value: object, path: str, problems: Problems) -> dict | None:
    """``{2026-12-31: ["08:30-12:00"], 2027-01-02: []}``: the opening spans of particular dates (``[]``: closed)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        problem(problems, path, _("must map dates (YYYY-MM-DD) to lists of opening spans"))
        return None
    clean = {}
    for key, spans in value.items():
        try:
            day = key if isinstance(key, date) else date.fromisoformat(str(key))
        except ValueError:
            problem(problems, f"{path}.{key}", _("must be a date written YYYY-MM-DD"))
            continue
        checked = _spans(spans or [], f"{path}.{day.isoformat()}", problems)
        if checked is not None:
            clean[day.isoformat()] = checked
    return dict(sorted(clean.items()))


def file_hours(hours: dict | None) -> dict:
    """The database's opening hours as the file writes them."""
    return {day: [f"{start}-{end}" for start, end in (hours or {}).get(str(index), [])]
            for index, day in enumerate(WEEKDAYS)}


def one_of_values(value: object, path: str, problems: Problems, allowed: tuple[str, ...]) -> str | None:
    """One of ``allowed``."""
    if not isinstance(value, str) or value not in allowed:
        problem(problems, path, _("must be one of %(values)s", values=", ".join(allowed)))
        return None
    return value


def device_kind(value: object, path: str, problems: Problems) -> str | None:
    """A kind of device."""
    if not is_one_of(value, DeviceKind):
        return one_of_values(value, path, problems, tuple(kind.value for kind in DeviceKind))
    return str(value)


def role(value: object, path: str, problems: Problems) -> str | None:
    """A staff role of one hall (region admins are not part of a hall's setup)."""
    return one_of_values(value, path, problems, tuple(str(role) for role in HALL_ROLES))


def printer(value: object, path: str, problems: Problems) -> str | None:
    """A printer setting (``file``, ``file:/folder``, ``cups:<queue>``, ``browser``)."""
    try:
        return check_printer_setting("file" if value is None else value)
    except BadPrinterSetting:
        problem(problems, path, _("must be file, file:/folder, cups:<queue> or browser"))
        return None


DAILY_CAP_RANGE = (1, 9999)
URL_MAX = 255
PUBLIC_URL = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?", re.ASCII)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def public_url(value: object, path: str, problems: Problems) -> str | None:
    """The hall's public address (``https://hall.example.cn``) or nothing (the server's ``KIOSK_PUBLIC_URL``)."""
    if _blank(value):
        return None
    if not isinstance(value, str) or len(value.strip()) > URL_MAX or not PUBLIC_URL.fullmatch(value.strip()):
        problem(problems, path, _("must be an address like https://hall.example.cn (or empty)"))
        return None
    return value.strip().rstrip("/")


def payment_url_template(value: object, path: str, problems: Problems) -> str | None:
    """The hall's "pay on your phone" address: ``https://…`` with ``{account}``; absent or empty: none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    reason = template_problem(value)
    if reason is not None:
        problem(problems, path, reason)
        return None
    return str(value).strip()


def optional_whole_number(value: object, path: str, problems: Problems, low: int, high: int) -> int | None:
    """Nothing, or an integer from ``low`` to ``high``."""
    return None if _blank(value) else whole_number(value, path, problems, low, high)


def optional_hours(value: object, path: str, problems: Problems) -> dict | None:
    """Nothing (the hall's hours), or weekly opening hours like :func:`opening_hours`."""
    return None if value is None else opening_hours(value, path, problems)


def reception_days(value: object, path: str, problems: Problems) -> dict | None:
    """``{weekdays: [wednesday], hours: ["09:00-11:30"], texts: {zh_Hans_CN: …}}`` → the database's shape.

    The database keeps ``{"weekdays": [2], "hours": [["09:00", "11:30"]], "texts": {…}}``; nothing is ``{}``.
    """
    if value is None or value == {}:
        return {}
    if not isinstance(value, dict):
        problem(problems, path, _("must be a mapping with weekdays, hours and texts"))
        return None
    days = value.get("weekdays")
    if not isinstance(days, list) or not days or any(day not in WEEKDAYS for day in days) \
            or len(set(days)) != len(days):
        problem(problems, f"{path}.weekdays", _("must list different weekdays of %(days)s", days=", ".join(WEEKDAYS)))
        days = []
    hours = _spans(value.get("hours") or [], f"{path}.hours", problems)
    notes = texts(value.get("texts"), f"{path}.texts", problems, required=False)
    return {"weekdays": sorted(WEEKDAYS.index(day) for day in days), "hours": hours or [], "texts": notes or {}}


def file_reception_days(value: dict | None) -> dict:
    """The database's reception days as the file writes them."""
    if not value:
        return {}
    return {"weekdays": [WEEKDAYS[day] for day in value.get("weekdays", [])],
            "hours": [f"{start}-{end}" for start, end in value.get("hours", [])],
            "texts": dict(value.get("texts") or {})}


def preferences(value: object, count: int, path: str, problems: Problems,
                highest: int | None = None) -> list[int] | None:
    """A window's ranks of its ``count`` services (1 is called first, ``highest`` at most); nothing: all equal."""
    if value is None:
        return [1] * count
    top = max(highest or count, 1)
    if (not isinstance(value, list) or len(value) != count
            or any(isinstance(rank, bool) or not isinstance(rank, int) or not 1 <= rank <= top for rank in value)):
        problem(problems, path, _("must give each listed service a rank from 1 to %(n)s (1 is called first)",
                                  n=top))
        return None
    return list(value)
