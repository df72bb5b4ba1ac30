"""Translated names used on the bill pages and the statement (template globals)."""
from __future__ import annotations

from decimal import Decimal

from flask_babel import format_currency
from flask_babel import lazy_gettext as _l

CATEGORY_NAMES = {"residential": _l("Residential"), "non_residential": _l("Non-residential")}
TIME_PERIOD_NAMES = {"flat": _l("All day"), "peak": _l("Peak"), "valley": _l("Valley")}


def category_name(code: str) -> str:
    """The customer category in the current language."""
    return str(CATEGORY_NAMES.get(code, code))


def time_period_name(code: str) -> str:
    """The time-of-use period in the current language."""
    return str(TIME_PERIOD_NAMES.get(code, code))


def money_precise(value) -> str:
    """A price per kWh with up to 4 decimals (¥0.538)."""
    return format_currency(Decimal(str(value)), "CNY", format="¤#,##0.00##", currency_digits=False)


def jinja_globals() -> dict:
    """The bill names and formats as template globals."""
    return {"category_name": category_name, "time_period_name": time_period_name, "money_precise": money_precise}
