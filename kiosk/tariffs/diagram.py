"""Coordinates for the inline-SVG diagrams (tier staircase, 24-hour period bar); mirrored for RTL."""
from __future__ import annotations

import unicodedata
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


#: The colour of each time-of-use period (SVG presentation attributes: the bar also prints and shows on the wall).
PERIOD_FILLS = {"critical": "#8e1b14", "peak": "#d9480f", "flat": "#f2b705", "valley": "#1864ab"}
#: Label ink on each colour (dark on the yellow flat period).
PERIOD_INKS = {"critical": "#ffffff", "peak": "#ffffff", "flat": "#1d1d1d", "valley": "#ffffff"}
LABEL_SIZE = 18


@dataclass(frozen=True)
class Label:
    """A period name drawn on its bar segment (``inside``) or just above the bar."""

    x: float
    y: float
    text: str
    period: str
    inside: bool
    w: float = 0.0


@dataclass(frozen=True)
class LegendEntry:
    """One period kind of a table: its time spans in the day's order and its lowest and highest price."""

    period: str
    spans: list[tuple[str, str]]
    low: str | None
    high: str | None


def text_width(text: str, size: float = LABEL_SIZE) -> float:
    """A generous estimate of ``text``'s width at ``size`` (Han characters are square, marks take no room)."""
    width = 0.0
    for char in text:
        if unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 1.0 if "\u2e80" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef" else 0.65
    return width * size


def bar_labels(boxes: list[Box], names: dict[str, str]) -> list[Label]:
    """Labels for the segments wide enough to hold their period's name; a period none of whose segments is wide
    enough gets one label above the bar when it overlaps no other label and stays inside the box (else the
    legend names it)."""
    labels: list[Label] = []
    for box in boxes:
        if text_width(names[box.label]) + 10 <= box.w:
            labels.append(Label(box.cx, BAR_Y + BAR_H / 2 + LABEL_SIZE * .35, names[box.label], box.label, True,
                                text_width(names[box.label]) + 8))
    taken: list[tuple[float, float]] = []
    for box in sorted(boxes, key=lambda b: -b.w):
        if any(label.period == box.label for label in labels):
            continue
        half = text_width(names[box.label]) / 2 + 4
        low, high = box.cx - half, box.cx + half
        if low >= 0 and high <= WIDTH and all(high <= a or low >= b for a, b in taken):
            taken.append((low, high))
            labels.append(Label(box.cx, BAR_Y - 10, names[box.label], box.label, False, half * 2))
    return labels


def period_legend(periods: list[dict], rows: list[dict], all_day: bool = False) -> list[LegendEntry]:
    """One entry per period kind in ``periods`` (most expensive first), with every span and its prices.

    With ``all_day`` (tiered residential tables), a priced column with no span in the day (the flat price of
    customers without a time-of-use meter) gets an entry with no spans, so every price column is explained.
    """
    entries = []
    for kind in PERIOD_FILLS:
        spans = sorted(((item["from"], item["to"]) for item in periods if item["period"] == kind),
                       key=lambda span: _minutes(span[0]))
        prices = sorted((str(row[kind]) for row in rows if row.get(kind) not in (None, "")), key=Decimal)
        if spans or (all_day and prices):
            entries.append(LegendEntry(kind, spans, prices[0] if prices else None, prices[-1] if prices else None))
    return entries
