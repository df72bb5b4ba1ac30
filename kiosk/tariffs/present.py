"""What the tariff templates need about a version (shared by kiosk pages, PDFs and the display slide)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from kiosk.i18n import current_locale_code, localized_choice
from kiosk.tariffs import diagram, service
from kiosk.tariffs.labels import PERIOD_NAMES
from kiosk.tariffs.models import TariffVersion

#: Between the time spans of one period in the legend, by locale (default ", ").
LIST_SEPARATORS = {"zh_Hans_CN": "、", "ug": "، ", "bo": " ། ", "mn_Mong_CN": "᠂ "}


def period_context(version: TariffVersion, rtl: bool = False) -> dict:
    """The 24-hour bar of ``version``'s periods: segments, their labels, hour ticks and the legend."""
    bar = diagram.period_bar(version.periods, rtl) if version.periods else []
    names = {key: str(name) for key, name in PERIOD_NAMES.items()}
    return {
        "bar": bar,
        "bar_labels": diagram.bar_labels(bar, names),
        "legend": diagram.period_legend(version.periods, version.rows, service.is_tiered(version))
        if version.periods else [],
        "ticks": diagram.hour_ticks(rtl),
        "list_separator": LIST_SEPARATORS.get(current_locale_code(), ", "),
        "diagram_width": diagram.WIDTH,
    }


def table_context(version: TariffVersion, on: date, rtl: bool = False) -> dict:
    """Columns, tier ranges, components, status and diagram boxes of ``version`` on ``on``."""
    tiered = service.is_tiered(version)
    return {
        **period_context(version, rtl),
        "version": version,
        "status": service.status(version, on),
        "tiered": tiered,
        "columns": service.price_columns(version),
        "components": service.component_keys(version),
        "ranges": service.tier_ranges(version) if tiered else [],
        "steps": diagram.tier_steps(version, rtl) if tiered and len(version.rows) > 1 else [],
        "diagram_height": diagram.HEIGHT,
        "two_part": any(key in service.price_columns(version) for key in service.BASIC_KEYS),
        "show_category": name_fell_back(version),
    }


def name_fell_back(version: TariffVersion) -> bool:
    """Whether the version's name is not in the reader's language (then the category names it in that language)."""
    code = current_locale_code()
    _text, used = localized_choice(version.names, code)
    return used is not None and used not in (code, code.split("_")[0])


def card_context(version: TariffVersion, rtl: bool = False) -> dict:
    """What a category card shows: the period bar, the lowest and highest energy price, the category rule."""
    prices = sorted((Decimal(str(row[key])), str(row[key])) for row in version.rows
                    for key in service.PRICE_KEYS if row.get(key) not in (None, ""))
    return {**period_context(version, rtl), "version": version, "show_category": name_fell_back(version),
            "low": prices[0][1] if prices else None, "high": prices[-1][1] if prices else None}
