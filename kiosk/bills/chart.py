"""Geometry of the 12-month consumption bar chart (inline SVG, mirrored for right-to-left)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

WIDTH, HEIGHT = 720, 330
TOP, BOTTOM = 36, 78  # room for value labels above, month and year labels below


@dataclass(frozen=True)
class Bar:
    """One month's bar: its box, the label positions and the values to print."""

    period: str
    month: date
    kwh: Decimal | None
    x: float
    y: float
    width: float
    height: float
    center: float
    current: bool
    #: The year is printed under the first month and under every January.
    show_year: bool = False


def bars(history: list[tuple[str, Decimal | None]], rtl: bool = False) -> list[Bar]:
    """Bars for ``history`` (oldest first); in right-to-left the oldest month is on the right."""
    if not history:
        return []
    peak = max((kwh for _period, kwh in history if kwh), default=Decimal(1)) or Decimal(1)
    slot = WIDTH / len(history)
    usable = HEIGHT - TOP - BOTTOM
    result = []
    for index, (period, kwh) in enumerate(history):
        position = len(history) - 1 - index if rtl else index
        height = float((kwh or 0) / peak) * usable
        x = position * slot + slot * 0.15
        result.append(Bar(period, date(int(period[:4]), int(period[5:7]), 1), kwh, round(x, 1),
                          round(TOP + usable - height, 1), round(slot * 0.7, 1), round(height, 1),
                          round(position * slot + slot / 2, 1), index == len(history) - 1,
                          index == 0 or period[5:7] == "01"))
    return result
