"""Queue statistics per business day, service and window (tickets are kept after the day).

An expired ticket (still waiting, or in service, when its day ended) counts as issued, never as
served or as a no-show; its wait counts only if it was called.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select

from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.queue.models import Ticket

CSV_COLUMNS = ("day", "service", "window", "issued", "served", "no_shows", "avg_wait_min", "p90_wait_min",
               "avg_service_min", "within_limit_pct", "ratings", "avg_rating", "satisfied_pct", "expired")


def percentile(values: list[float], share: float) -> float | None:
    """The nearest-rank percentile (``share`` 0.9 for the 90th), ``None`` for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _round(value: float | None, digits: int = 1):
    return None if value is None else round(value, digits)


@dataclass
class StatsRow:
    """One (day, service, window) group; window is ``None`` for tickets no window called."""

    day: date
    service: str
    window: int | None
    issued: int = 0
    served: int = 0
    no_shows: int = 0
    expired: int = 0
    waits: list[float] = field(default_factory=list)
    services: list[float] = field(default_factory=list)
    within: int = 0
    ratings: list[int] = field(default_factory=list)

    @property
    def avg_wait(self):
        return _round(_mean(self.waits))

    @property
    def p90_wait(self):
        return _round(percentile(self.waits, 0.9))

    @property
    def avg_service(self):
        return _round(_mean(self.services))

    @property
    def within_pct(self):
        return _round(100 * self.within / len(self.services)) if self.services else None

    @property
    def avg_rating(self):
        """Mean rating where 1 is very satisfied and 4 dissatisfied."""
        return _round(_mean(self.ratings), 2)

    @property
    def satisfied_pct(self):
        """Share rated very satisfied or satisfied."""
        return _round(100 * sum(1 for r in self.ratings if r <= 2) / len(self.ratings)) if self.ratings else None

    def csv_values(self) -> list:
        values = [self.day.isoformat(), self.service, self.window or "", self.issued, self.served, self.no_shows,
                  self.avg_wait, self.p90_wait, self.avg_service, self.within_pct, len(self.ratings),
                  self.avg_rating, self.satisfied_pct, self.expired]
        return ["" if value is None else value for value in values]


def compute(hall: Hall, start: date, end: date) -> list[StatsRow]:
    """Rows for the hall's business days ``start``..``end`` (inclusive), sorted."""
    tickets = db.session.scalars(
        select(Ticket).where(Ticket.hall_id == hall.id, Ticket.business_day >= start, Ticket.business_day <= end))
    groups: dict[tuple, StatsRow] = {}
    for ticket in tickets:
        window = ticket.window.number if ticket.window is not None else None
        key = (ticket.business_day, ticket.issued_service.code, window)
        row = groups.get(key) or groups.setdefault(key, StatsRow(*key))
        row.issued += 1
        if ticket.called_at is not None:
            row.waits.append((ticket.called_at - ticket.issued_at).total_seconds() / 60)
        if ticket.status == "skipped":
            row.no_shows += 1
        elif ticket.status == "expired":
            row.expired += 1
        if ticket.status == "done" and ticket.called_at and ticket.finished_at:
            row.served += 1
            minutes = (ticket.finished_at - ticket.called_at).total_seconds() / 60
            row.services.append(minutes)
            if minutes <= ticket.service.time_limit_minutes:
                row.within += 1
        if ticket.rating is not None:
            row.ratings.append(ticket.rating)
    return sorted(groups.values(), key=lambda r: (r.day, r.service, r.window if r.window is not None else 0))


def totals(rows: list[StatsRow]) -> StatsRow | None:
    """All rows folded into one (its day is the first day)."""
    if not rows:
        return None
    total = StatsRow(rows[0].day, "", None)
    for row in rows:
        total.issued += row.issued
        total.served += row.served
        total.no_shows += row.no_shows
        total.expired += row.expired
        total.waits += row.waits
        total.services += row.services
        total.within += row.within
        total.ratings += row.ratings
    return total


def charts(rows: list[StatsRow], start: date, end: date) -> dict:
    """Chart data: tickets per day (issued and served) and average wait per service."""
    per_day: defaultdict[date, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        per_day[row.day][0] += row.issued
        per_day[row.day][1] += row.served
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    waits: defaultdict[str, list[float]] = defaultdict(list)
    for row in rows:
        waits[row.service] += row.waits
    return {
        "days": [{"day": day, "issued": per_day[day][0], "served": per_day[day][1]} for day in days],
        "max_day": max([per_day[day][0] for day in days] + [1]),
        "waits": [{"service": code, "avg": _round(_mean(values)) or 0} for code, values in sorted(waits.items())],
        "max_wait": max([_mean(values) or 0 for values in waits.values()] + [1]),
    }
