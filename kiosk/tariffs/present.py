"""What the tariff templates need about a version (shared by kiosk pages, PDFs and the display slide)."""
from __future__ import annotations

from datetime import date

from kiosk.tariffs import diagram, service
from kiosk.tariffs.models import TariffVersion


def table_context(version: TariffVersion, on: date, rtl: bool = False) -> dict:
    """Columns, tier ranges, components, status and diagram boxes of ``version`` on ``on``."""
    tiered = service.is_tiered(version)
    return {
        "version": version,
        "status": service.status(version, on),
        "tiered": tiered,
        "columns": service.price_columns(version),
        "components": service.component_keys(version),
        "ranges": service.tier_ranges(version) if tiered else [],
        "steps": diagram.tier_steps(version, rtl) if tiered and len(version.rows) > 1 else [],
        "bar": diagram.period_bar(version.periods, rtl) if version.periods else [],
        "ticks": diagram.hour_ticks(rtl),
        "diagram_width": diagram.WIDTH,
        "diagram_height": diagram.HEIGHT,
        "two_part": any(key in service.price_columns(version) for key in service.BASIC_KEYS),
    }
