"""Late fees (电费违约金): pure functions over ``Decimal`` (供电营业规则 Art. 98, hall-rules.md).

* Days overdue: calendar days from the day after the due date up to and including the
  query (or payment) date. Due 2026-11-10, queried 2026-11-22: 12 days.
* Residential: unpaid amount × ``residential_rate`` × days.
* Non-residential: ``current_year_rate`` for each overdue day in the due date's calendar
  year, ``later_year_rate`` for each overdue day in a later year.
* Per bill: computed exactly, rounded half-up to the fen at the end; a positive fee below
  ``minimum`` is charged as ``minimum``.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kiosk.money import round_fen, to_decimal

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Rates:
    """The rates of one late-fee rule version."""

    residential_rate: Decimal
    current_year_rate: Decimal
    later_year_rate: Decimal
    minimum: Decimal


#: The rates of the business rules (1‰ residential; 2‰ / 3‰ others; at least ¥1.00).
STATUTORY = Rates(Decimal("0.001"), Decimal("0.002"), Decimal("0.003"), Decimal("1.00"))


def days_overdue(due_date: date, on: date) -> int:
    """Calendar days after ``due_date`` up to and including ``on`` (0 when not overdue)."""
    return max(0, (on - due_date).days)


def days_in_due_year(due_date: date, on: date) -> int:
    """Overdue days that fall in the due date's calendar year."""
    year_end = date(due_date.year, 12, 31)
    return days_overdue(due_date, min(on, year_end))


def exact_fee(amount, category: str, due_date: date, on: date, rates: Rates) -> Decimal:
    """The unrounded late fee of an unpaid ``amount`` on ``on``."""
    amount = to_decimal(amount)
    days = days_overdue(due_date, on)
    if days == 0 or amount <= 0:
        return Decimal(0)
    if category == "residential":
        return amount * to_decimal(rates.residential_rate) * days
    same_year = days_in_due_year(due_date, on)
    later = days - same_year
    return amount * (to_decimal(rates.current_year_rate) * same_year + to_decimal(rates.later_year_rate) * later)


def late_fee(amount, category: str, due_date: date, on: date, rates: Rates = STATUTORY) -> Decimal:
    """The late fee of one bill on ``on``, rounded half-up to the fen, at least ``minimum`` when positive."""
    exact = exact_fee(amount, category, due_date, on, rates)
    if exact <= 0:
        return ZERO
    return max(round_fen(exact), round_fen(to_decimal(rates.minimum)))
