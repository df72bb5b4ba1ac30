"""The shared readers of imported values: text, ISO dates and plain decimal numbers."""
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.parsing import clean_text, decimal_places, parse_date, parse_decimal


@pytest.mark.parametrize(("value", "expected"), [
    (None, ""), ("", ""), ("  张三 \t\n", "张三"), (" a b ", "a b"), (0, "0"), (12.5, "12.5"), ("\u3000x\u3000", "x"),
])
def test_clean_text(value, expected):
    assert clean_text(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2026-11-20", date(2026, 11, 20)), (" 2024-02-29 ", date(2024, 2, 29)), (date(2026, 1, 5), date(2026, 1, 5)),
])
def test_parse_date_accepts(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", [
    "", None, "20261120", "2026-11-31", "2025-02-29", "2026-1-5", "2026-W47-1", "2026-11-20T08:00", "２０２６-11-20",
    "tomorrow", datetime(2026, 11, 20, 8, 0), 20261120,
])
def test_parse_date_refuses(value):
    with pytest.raises(ValueError):
        parse_date(value)


@pytest.mark.parametrize(("value", "expected", "places"), [
    ("12", Decimal(12), 0), ("-3.50", Decimal("-3.50"), 2), (" 0.538 ", Decimal("0.538"), 3), (".5", Decimal("0.5"), 1),
    ("7.", Decimal(7), 0), (0, Decimal(0), 0), ("1000000000000", Decimal(10) ** 12, 0),
])
def test_parse_decimal_accepts(value, expected, places):
    parsed = parse_decimal(value)
    assert parsed == expected and decimal_places(parsed) == places


@pytest.mark.parametrize("value", [
    "", None, "abc", "1e3", "1E-2", "NaN", "Infinity", "+5", "1_000", "1,000", "١٢", "１２", "--1", "1.2.3", ".", "-",
])
def test_parse_decimal_refuses(value):
    with pytest.raises(ValueError):
        parse_decimal(value)


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4))
def test_parse_decimal_reads_what_python_writes(value):
    text = f"{value:f}"
    parsed = parse_decimal(text)
    assert parsed == value and decimal_places(parsed) == len(text.partition(".")[2])


@given(st.dates())
def test_parse_date_reads_every_iso_date(day):
    assert parse_date(day.isoformat()) == day
