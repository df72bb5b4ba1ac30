"""Residential tiered and time-of-use bill arithmetic: pure functions, Decimal only.

Rules (hall-rules.md, issue "Published tariffs"):
* tiers are decided on cumulative annual consumption: with ``ytd_kwh`` already used
  and ``kwh`` in this bill, each kWh falls in the tier the running total reaches
  (a tier's ``upper_kwh`` is its last kWh: 2760 belongs to tier 1, 2761 to tier 2);
* with time-of-use, each tier's kWh is split between peak and valley in proportion
  to the bill's ``peak_kwh`` and ``valley_kwh``;
* each line's amount is kWh × price rounded half-up to the fen; the total is the
  sum of the rounded lines.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from kiosk.errors import KioskError
from kiosk.money import round_fen, to_decimal

KWH_STEP = Decimal("0.01")
PERIODS = ("flat", "peak", "valley")
#: Every time-of-use period a published table may price, most expensive first.
ALL_PERIODS = ("critical", "peak", "flat", "valley")


@dataclass(frozen=True)
class Tier:
    """One price tier: its number, last kWh (``None``: unbounded) and price per period."""

    number: int
    upper_kwh: Decimal | None
    prices: dict[str, Decimal] = field(hash=False)


@dataclass(frozen=True)
class Line:
    """One line of a bill: kWh of one tier and period at one price.

    A basic-charge line (two-part tariffs) has ``period`` ``"basic"``, ``tier`` ``None``, its
    quantity in ``kwh`` and ``unit`` ``"kVA"`` or ``"kW"``.
    """

    tier: int | None
    period: str
    kwh: Decimal
    price: Decimal
    amount: Decimal
    unit: str = "kWh"


@dataclass(frozen=True)
class Estimate:
    """A computed bill: its lines and their total."""

    lines: tuple[Line, ...]
    total: Decimal


class CalculationError(KioskError):
    """Input that cannot be billed (negative numbers, a split that does not add up …)."""


def split_into_tiers(
    tiers: tuple[Tier, ...], kwh: Decimal, ytd_kwh: Decimal = Decimal(0)
) -> list[tuple[Tier, Decimal]]:
    """The kWh of this bill falling in each tier, given ``ytd_kwh`` already used this year."""
    kwh, ytd_kwh = to_decimal(kwh), to_decimal(ytd_kwh)
    if kwh < 0 or ytd_kwh < 0:
        raise CalculationError("negative kWh")
    parts = []
    lower = Decimal(0)
    start, end = ytd_kwh, ytd_kwh + kwh
    for tier in tiers:
        upper = tier.upper_kwh
        tier_start = max(start, lower)
        tier_end = end if upper is None else min(end, upper)
        if tier_end > tier_start:
            parts.append((tier, tier_end - tier_start))
        if upper is None:
            break
        lower = upper
    return parts


def residential_bill(tiers: tuple[Tier, ...], kwh, ytd_kwh=0, peak_kwh=None, valley_kwh=None) -> Estimate:
    """The bill for ``kwh`` used after ``ytd_kwh`` this year, flat or split into peak and valley."""
    kwh, ytd_kwh = to_decimal(kwh), to_decimal(ytd_kwh)
    time_of_use = peak_kwh is not None or valley_kwh is not None
    if time_of_use:
        if peak_kwh is None or valley_kwh is None:
            raise CalculationError("give both peak and valley kWh")
        peak_kwh, valley_kwh = to_decimal(peak_kwh), to_decimal(valley_kwh)
        if peak_kwh < 0 or valley_kwh < 0:
            raise CalculationError("negative kWh")
        if peak_kwh + valley_kwh != kwh:
            raise CalculationError("peak and valley kWh must add up to the total")
    lines: list[Line] = []
    for tier, tier_kwh in split_into_tiers(tiers, kwh, ytd_kwh):
        if not time_of_use:
            lines.append(_line(tier, "flat", tier_kwh))
            continue
        peak_part = (tier_kwh * peak_kwh / kwh).quantize(KWH_STEP, rounding=ROUND_HALF_UP) if kwh else Decimal(0)
        for period, part in (("peak", peak_part), ("valley", tier_kwh - peak_part)):
            if part > 0:
                lines.append(_line(tier, period, part))
    return Estimate(tuple(lines), sum((line.amount for line in lines), Decimal("0.00")))


def _line(tier: Tier, period: str, kwh: Decimal) -> Line:
    price = tier.prices[period]
    return Line(tier.number, period, kwh, price, round_fen(kwh * price))


def period_bill(prices: dict[str, Decimal], kwh, split: dict | None = None) -> Estimate:
    """Energy charges of a voltage-level table: ``split`` gives the kWh of the priced periods other than flat
    (``{"peak": …, "valley": …, "critical": …}``); the rest of ``kwh`` is flat. Without a split all is flat."""
    kwh = to_decimal(kwh)
    if kwh < 0:
        raise CalculationError("negative kWh")
    parts = {period: to_decimal(value) for period, value in (split or {}).items() if value is not None}
    if any(value < 0 for value in parts.values()):
        raise CalculationError("negative kWh")
    unpriced = [period for period in parts if period not in prices]
    if unpriced:
        raise CalculationError("no price for " + ", ".join(unpriced))
    rest = kwh - sum(parts.values(), Decimal(0))
    if rest < 0:
        raise CalculationError("the periods add up to more than the total")
    if rest > 0:
        if "flat" not in prices:
            raise CalculationError("no flat price")
        parts["flat"] = rest
    lines = [Line(None, period, parts[period], to_decimal(prices[period]),
                  round_fen(parts[period] * to_decimal(prices[period])))
             for period in ALL_PERIODS if parts.get(period)]
    return Estimate(tuple(lines), sum((line.amount for line in lines), Decimal("0.00")))


def basic_charge(price, quantity, unit: str) -> Line:
    """The monthly basic charge of a two-part tariff: ``quantity`` kVA (capacity) or kW (demand) × ``price``."""
    price, quantity = to_decimal(price), to_decimal(quantity)
    if quantity < 0:
        raise CalculationError("negative capacity")
    return Line(None, "basic", quantity, price, round_fen(quantity * price), unit)


def with_lines(estimate: Estimate, *extra: Line) -> Estimate:
    """``estimate`` with ``extra`` lines added to its lines and total."""
    lines = estimate.lines + tuple(extra)
    return Estimate(lines, sum((line.amount for line in lines), Decimal("0.00")))


def tiers_from_rows(rows: list[dict]) -> tuple[Tier, ...]:
    """Tiers from ``[{"upper_kwh": 2760, "flat": "0.538", "peak": "0.568", "valley": "0.288"}, …]``."""
    tiers = []
    for number, row in enumerate(rows, start=1):
        upper = row.get("upper_kwh")
        prices = {period: to_decimal(row[period]) for period in PERIODS if row.get(period) not in (None, "")}
        tiers.append(Tier(number, None if upper in (None, "") else to_decimal(upper), prices))
    return tuple(tiers)

