"""Late fees: days overdue, residential and non-residential rates, year boundary, the ¥1 minimum."""
from datetime import date
from decimal import Decimal

import pytest

from kiosk.bills.latefee import STATUTORY, Rates, days_in_due_year, days_overdue, late_fee


@pytest.mark.parametrize("due, on, days", [
    (date(2026, 11, 10), date(2026, 11, 22), 12),  # the example
    (date(2026, 11, 10), date(2026, 11, 10), 0),
    (date(2026, 11, 10), date(2026, 11, 11), 1),
    (date(2026, 11, 10), date(2026, 11, 1), 0),
    (date(2026, 12, 20), date(2027, 1, 5), 16),
    (date(2028, 2, 28), date(2028, 3, 1), 2),  # leap year
])
def test_days_overdue(due, on, days):
    assert days_overdue(due, on) == days


def test_days_in_due_year_stop_at_new_year():
    assert days_in_due_year(date(2026, 12, 20), date(2027, 1, 5)) == 11


@pytest.mark.parametrize("amount, category, due, on, fee", [
    # the API example: 123.45 × 0.001 × 12 = 1.4814
    ("123.45", "residential", date(2026, 11, 10), date(2026, 11, 22), "1.48"),
    ("100.00", "residential", date(2026, 11, 10), date(2026, 11, 22), "1.20"),
    # under ¥1 becomes ¥1
    ("50.00", "residential", date(2026, 11, 10), date(2026, 11, 12), "1.00"),
    ("0.10", "residential", date(2026, 11, 10), date(2026, 11, 11), "1.00"),
    # not overdue, or nothing unpaid: no fee
    ("500.00", "residential", date(2026, 11, 10), date(2026, 11, 10), "0.00"),
    ("0.00", "non_residential", date(2026, 11, 10), date(2026, 12, 22), "0.00"),
    # non-residential within the due year: 2‰ per day
    ("1000.00", "non_residential", date(2026, 11, 10), date(2026, 11, 22), "24.00"),
    # across the year boundary: 11 days at 2‰ + 5 days at 3‰ = 0.037
    ("1000.00", "non_residential", date(2026, 12, 20), date(2027, 1, 5), "37.00"),
    # exact then rounded half-up once: 333.33 × (0.002×11 + 0.003×5) = 12.33321
    ("333.33", "non_residential", date(2026, 12, 20), date(2027, 1, 5), "12.33"),
    # 0.005 exactly rounds up: 0.05 × 0.001 × 100 … below ¥1 → ¥1; 1234.5 × 0.001 × 1 = 1.2345 → 1.23
    ("1234.50", "residential", date(2026, 11, 10), date(2026, 11, 11), "1.23"),
    ("1235.00", "residential", date(2026, 11, 10), date(2026, 11, 11), "1.24"),  # 1.235 half-up
    # residential across a year boundary keeps 1‰
    ("1000.00", "residential", date(2026, 12, 20), date(2027, 1, 5), "16.00"),
    # years later: 11 days at 2‰ then 365 + 5 at 3‰
    ("100.00", "non_residential", date(2026, 12, 20), date(2028, 1, 5), "113.20"),
])
def test_late_fee(amount, category, due, on, fee):
    result = late_fee(Decimal(amount), category, due, on, STATUTORY)
    assert result == Decimal(fee) and str(result) == fee


def test_rates_are_data():
    rates = Rates(Decimal("0.0005"), Decimal("0.001"), Decimal("0.0015"), Decimal("2.00"))
    assert late_fee(Decimal("1000"), "residential", date(2026, 1, 1), date(2026, 1, 11), rates) == Decimal("5.00")
    assert late_fee(Decimal("100"), "residential", date(2026, 1, 1), date(2026, 1, 2), rates) == Decimal("2.00")


def test_floats_are_refused():
    with pytest.raises(TypeError):
        late_fee(12.5, "residential", date(2026, 1, 1), date(2026, 1, 2))
