"""Locales the product ships, locale selection, localized content and formatting helpers.

Interface strings go through gettext (``translations/``); content stored in the
database (hall names, service names, notices, guides) is a ``{locale: text}``
mapping read with :func:`localized`, Chinese being the fallback.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale
from flask import has_request_context, request, session
from flask_babel import format_currency, format_decimal, get_locale, gettext
from markupsafe import Markup, escape

from kiosk.timefmt import hall_date, hall_datetime, hall_time


@dataclass(frozen=True)
class LocaleInfo:
    """One shipped locale: its code, native name, HTML language tag, direction and writing mode."""

    code: str
    native_name: str
    html_lang: str
    direction: str  # "ltr" or "rtl"
    script: str  # CSS class suffix: "hans", "latn", "arab", "tibt", "mong"
    vertical: bool = False  # traditional Mongolian is written top to bottom


LOCALES: dict[str, LocaleInfo] = {
    info.code: info
    for info in (
        LocaleInfo("zh_Hans_CN", "简体中文", "zh-Hans-CN", "ltr", "hans"),
        LocaleInfo("en", "English", "en", "ltr", "latn"),
        LocaleInfo("ug", "ئۇيغۇرچە", "ug", "rtl", "arab"),
        LocaleInfo("bo", "བོད་ཡིག", "bo", "ltr", "tibt"),
        LocaleInfo("mn_Mong_CN", "ᠮᠣᠩᠭᠣᠯ", "mn-Mong-CN", "ltr", "mong", vertical=True),
    )
}
DEFAULT_LOCALE = "zh_Hans_CN"
#: Han characters and CJK punctuation: text that is Chinese whatever the page's language.
HAN = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")

#: Short forms accepted by ``?lang=``.
ALIASES = {"zh": "zh_Hans_CN", "zh_CN": "zh_Hans_CN", "zh-CN": "zh_Hans_CN", "zh-Hans": "zh_Hans_CN",
           "mn": "mn_Mong_CN", "mn_Mong": "mn_Mong_CN", "en_US": "en", "en-US": "en"}


def normalize_locale(code: str | None) -> str | None:
    """The shipped locale code for ``code`` (or an alias of it), else ``None``."""
    if not code:
        return None
    code = code.strip()
    code = ALIASES.get(code, code)
    return code if code in LOCALES else None


def select_locale() -> str:
    """Flask-Babel locale selector: ``?lang=``, then the session's choice, then the default."""
    if has_request_context():
        chosen = normalize_locale(request.args.get("lang"))
        if chosen:
            return chosen
        remembered = normalize_locale(session.get("lang"))
        if remembered:
            return remembered
    return DEFAULT_LOCALE


#: Paths whose ``?lang=`` answers that one request and is never remembered for the kiosk.
STATELESS_PREFIXES = ("/api/", "/display")


def remember_locale_choice() -> None:
    """``before_request`` hook: store a valid ``?lang=`` of a page in the session so it sticks.

    API requests are stateless: their ``?lang=`` (a display fetching the notices in each of its
    languages) answers in that language and changes nothing else. The displays (``/display``) have
    languages of their own: opening one in the kiosk's browser leaves the kiosk's language alone.
    """
    chosen = normalize_locale(request.args.get("lang"))
    if chosen and not request.path.startswith(STATELESS_PREFIXES):
        session["lang"] = chosen


def current_locale_code() -> str:
    """The code of the locale in force for this request."""
    return str(get_locale() or DEFAULT_LOCALE)


def current_locale_info() -> LocaleInfo:
    """The :class:`LocaleInfo` in force for this request."""
    return LOCALES.get(current_locale_code(), LOCALES[DEFAULT_LOCALE])


def text_direction(code: str) -> str:
    """Babel's text direction for ``code`` reduced to an HTML ``dir`` value."""
    direction = Locale.parse(code).text_direction
    return "rtl" if direction == "rtl" else "ltr"


def localized_choice(mapping: dict | str | None, locale: str | None = None,
                     fallback: str = "") -> tuple[str, str | None]:
    """The text :func:`localized` picks and the locale code it was written in (``None``: unknown)."""
    if not mapping:
        return fallback, None
    if isinstance(mapping, str):
        return mapping, None
    code = locale or (current_locale_code() if has_request_context() else DEFAULT_LOCALE)
    for key in (code, code.split("_")[0], DEFAULT_LOCALE, "en"):
        text = mapping.get(key)
        if text:
            return text, key
    return next(((text, key) for key, text in mapping.items() if text), (fallback, None))


def localized(mapping: dict | None, locale: str | None = None, fallback: str = "") -> str:
    """Pick the text for ``locale`` (default: current) from a ``{locale: text}`` mapping.

    Falls back to Chinese, then English, then any text present.
    """
    return localized_choice(mapping, locale, fallback)[0]


def localized_html(mapping: dict | None, locale: str | None = None, fallback: str = "") -> Markup:
    """:func:`localized` for HTML content: a fallback in another language is marked up as such.

    Text in the page's own language comes back escaped; text that fell back to another locale
    (Chinese in a Uyghur page) is wrapped in ``<span lang="zh-Hans-CN" dir="ltr" class="fallback">``,
    so the browser picks the script's font and the fallback sits isolated inside a right-to-left
    or vertical line. Plain :func:`localized` stays for text contexts (titles, PDFs' metadata, JSON).
    """
    code = locale or (current_locale_code() if has_request_context() else DEFAULT_LOCALE)
    text, used = localized_choice(mapping, code, fallback)
    if not text or used is None or used == code or used == code.split("_")[0]:
        return escape(text)
    info = LOCALES.get(used)
    if info is None:
        return escape(text)
    return Markup('<span lang="{}" dir="{}" class="fallback">{}</span>').format(
        info.html_lang, info.direction, text)


def ltr_run(text: str, locale: str | None = None) -> str:
    """``text`` (a date, time, number or code) kept left to right inside a right-to-left line.

    In a right-to-left locale the run is wrapped in the Unicode isolates LRI … PDI, which also work
    where no markup does (PDFs, plain text); elsewhere it is returned unchanged.
    """
    code = locale or (current_locale_code() if has_request_context() else DEFAULT_LOCALE)
    info = LOCALES.get(code)
    if info is None or info.direction != "rtl":
        return text
    return f"\u2066{text}\u2069"


def lang_of(text: str | None) -> Markup:
    """A `` lang="zh-Hans-CN"`` attribute for stored text in Chinese (a customer's or contact's name, an
    address), nothing for text in another script, so such text gets its own font in any page."""
    if text and HAN.search(text):
        return Markup(' lang="{}"').format(LOCALES[DEFAULT_LOCALE].html_lang)
    return Markup("")


def money(amount: Decimal | int | str) -> str:
    """Yuan amount formatted for the current locale (e.g. ``¥12.50``)."""
    return format_currency(Decimal(amount), "CNY")


def number(value: Decimal | int | float | str, fmt: str | None = None) -> str:
    """Number formatted for the current locale."""
    return format_decimal(Decimal(str(value)), format=fmt)


def line_problem(line: int | None, reason: str) -> str:
    """``line 3: reason`` in the current locale (a problem without a line is the bare reason)."""
    if not line:
        return reason
    return gettext("line %(line)s: %(reason)s", line=line, reason=reason)


def jinja_helpers() -> dict:
    """Template globals for localization."""
    return {
        "LOCALES": LOCALES,
        "current_locale": current_locale_info,
        "localized": localized,
        "localized_html": localized_html,
        "ltr_run": ltr_run,
        "lang_of": lang_of,
        "money": money,
        "number": number,
        "hall_date": hall_date,
        "hall_datetime": hall_datetime,
        "hall_time": hall_time,
        "line_problem": line_problem,
    }
