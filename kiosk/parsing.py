"""Reading the values of imported files and forms: text, calendar dates and decimal numbers.

Each helper takes what a CSV cell, a YAML scalar or a form field holds and either returns the
value or raises :class:`ValueError`; the caller turns that into its own translated message.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
PLAIN_DECIMAL = re.compile(r"-?([0-9]+(\.[0-9]*)?|\.[0-9]+)")


def clean_text(value: object) -> str:
    """``value`` as text without surrounding white space (``""`` for ``None``)."""
    return "" if value is None else str(value).strip()


def parse_date(value: object) -> date:
    """The calendar date written ``YYYY-MM-DD`` (a ``date`` is taken as it is); :class:`ValueError` otherwise."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    text = clean_text(value)
    if not ISO_DATE.fullmatch(text):
        raise ValueError(f"not a date YYYY-MM-DD: {text[:20]!r}")
    return date.fromisoformat(text)


def parse_decimal(value: object) -> Decimal:
    """The number written in plain decimal notation (``"12"``, ``"-3.50"``, ``".5"``); :class:`ValueError` otherwise.

    ASCII digits only: no exponent, no digit grouping, no sign other than a leading minus.
    """
    text = clean_text(value)
    if not PLAIN_DECIMAL.fullmatch(text):
        raise ValueError(f"not a decimal number: {text[:20]!r}")
    return Decimal(text)


def decimal_places(value: Decimal) -> int:
    """The digits after the decimal point as written (``Decimal("1.50")``: 2, ``Decimal("12")``: 0)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0
