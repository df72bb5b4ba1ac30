"""Region statistics: per hall and service over a period, folded from each hall's queue statistics."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kiosk.hall.models import Hall
from kiosk.queue import stats as queue_stats
from kiosk.queue.stats import StatsRow

CSV_COLUMNS = ("hall", "service", "issued", "served", "no_shows", "expired", "avg_wait_min", "p90_wait_min",
               "avg_service_min")


@dataclass
class RegionRow:
    """One hall's service over the period (``service`` is empty for the hall's total)."""

    hall: Hall
    service: str
    figures: StatsRow

    def csv_values(self) -> list:
        """The row as the CSV's cells (empty for a figure without tickets)."""
        row = self.figures
        values = [self.hall.code, self.service, row.issued, row.served, row.no_shows, row.expired, row.avg_wait,
                  row.p90_wait, row.avg_service]
        return ["" if value is None else value for value in values]


def compute(halls: list[Hall], start: date, end: date) -> list[RegionRow]:
    """Per hall (in the given order) its services' rows, then the hall's total row."""
    result: list[RegionRow] = []
    for hall in halls:
        rows = queue_stats.compute(hall, start, end)
        for code in [service.code for service in hall.services]:
            folded = queue_stats.totals([row for row in rows if row.service == code])
            result.append(RegionRow(hall, code, folded or StatsRow(start, code, None)))
        result.append(RegionRow(hall, "", queue_stats.totals(rows) or StatsRow(start, "", None)))
    return result
