"""Which published tariff prices a billing period: the residential tiers behind tier lines and "left in this tier"."""
from __future__ import annotations

import calendar
from datetime import date

from kiosk.tariffs.calc import Tier
from kiosk.tariffs.service import residential_tiers_in_force


def tariff_day(period: str) -> date:
    """The day whose tariff prices the billing period ``YYYY-MM``: its last day, when the meter is read."""
    year, month = int(period[:4]), int(period[5:7])
    return date(year, month, calendar.monthrange(year, month)[1])


def residential_tiers(period: str) -> tuple[Tier, ...] | None:
    """The residential tiers published for the billing period ``YYYY-MM`` (``None`` when no tariff covers it)."""
    return residential_tiers_in_force(tariff_day(period))
