"""Coordinates for the inline-SVG diagrams (tier staircase, 24-hour period bar); mirrored for RTL."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

WIDTH, HEIGHT = 600, 200
BAR_Y, BAR_H = 40, 60


@dataclass(frozen=True)
class Box:
    """A rectangle with a label anchor (``cx``) and a CSS class."""

    x: float
    y: float
    w: float
    h: float
    cx: float
    css: str
    label: str = ""


def _mirror(x: float, w: float, rtl: bool) -> float:
    return WIDTH - x - w if rtl else x


def tier_steps(version, rtl: bool = False) -> list[Box]:
    """One step per tier, height by its flat (else peak) price, equal widths from left (right in RTL)."""
    rows = version.rows
    prices = [Decimal(str(row.get("flat") or row.get("peak") or 0)) for row in rows]
    top = max(prices, default=Decimal(1)) or Decimal(1)
    width = WIDTH / max(len(rows), 1)
    boxes = []
    for index, price in enumerate(prices):
        h = float(price / top) * (HEIGHT - 40)
        x = _mirror(index * width, width - 8, rtl)
        boxes.append(Box(x, HEIGHT - h, width - 8, h, x + (width - 8) / 2, f"tier tier-{index + 1}", str(index + 1)))
    return boxes


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def period_bar(periods: list[dict], rtl: bool = False) -> list[Box]:
    """Segments of a 0–24 h bar for each period (a period crossing midnight gives two segments)."""
    boxes = []
    for item in periods:
        start, end = _minutes(item["from"]), _minutes(item["to"])
        spans = [(start, end)] if end > start else [(start, 1440), (0, end)]
        for begin, finish in spans:
            if finish <= begin:
                continue
            w = (finish - begin) / 1440 * WIDTH
            x = _mirror(begin / 1440 * WIDTH, w, rtl)
            boxes.append(Box(x, BAR_Y, w, BAR_H, x + w / 2, f"period-{item['period']}", item["period"]))
    return boxes


def hour_ticks(rtl: bool = False) -> list[tuple[float, str, str]]:
    """``(x, "06:00", text-anchor)`` ticks every six hours under the bar (end labels stay inside the box)."""
    ticks = []
    for hour in (0, 6, 12, 18, 24):
        anchor = "middle"
        if hour in (0, 24):
            anchor = "start" if (hour == 0) != rtl else "end"
        ticks.append((_mirror(hour / 24 * WIDTH, 0, rtl), f"{hour:02d}:00", anchor))
    return ticks
