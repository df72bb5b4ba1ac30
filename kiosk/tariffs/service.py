"""Tariff tables in force, upcoming and superseded; estimates; the fee schedule. No request, no templates."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from kiosk.dbtypes import is_one_of
from kiosk.errors import KioskError
from kiosk.extensions import db
from kiosk.i18n import localized
from kiosk.tariffs import calc
from kiosk.tariffs.models import FeeItem, TariffVersion, UserClass

NUMBER = re.compile(r"^\d{1,9}(\.\d{1,2})?$")
PRICE_KEYS = calc.ALL_PERIODS
BASIC_KEYS = ("basic_kva", "basic_kw")


class EstimateError(KioskError):
    """Input the calculator cannot use; the message is translated and safe to show."""


@dataclass
class TableHistory:
    """One table (``code``): the version in force, versions still to come and superseded ones."""

    code: str
    current: TariffVersion | None = None
    upcoming: list[TariffVersion] = field(default_factory=list)
    superseded: list[TariffVersion] = field(default_factory=list)

    @property
    def latest(self) -> TariffVersion:
        """The version to describe the table by (current, else the first upcoming)."""
        return self.current or self.upcoming[0]


@dataclass(frozen=True)
class EstimateInput:
    """Parsed calculator input (kWh as Decimals, ``None`` when not given)."""

    category: str
    kwh: Decimal
    ytd_kwh: Decimal = Decimal(0)
    peak_kwh: Decimal | None = None
    valley_kwh: Decimal | None = None
    critical_kwh: Decimal | None = None
    voltage: str | None = None
    capacity: Decimal | None = None
    basic: str = "kva"


def today() -> date:
    """Today's date in the configured time zone (for the CLI; views pass the hall's business day)."""
    return datetime.now(ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE", "Asia/Shanghai"))).date()


def all_versions() -> list[TariffVersion]:
    """Every tariff version, by table order then effective date."""
    return list(db.session.scalars(select(TariffVersion).order_by(
        TariffVersion.sort_order, TariffVersion.code, TariffVersion.effective_from)))


def status(version: TariffVersion, on: date, current_ids: set[int] | None = None) -> str:
    """``current``, ``upcoming`` or ``superseded`` on ``on``."""
    if version.effective_from > on:
        return "upcoming"
    if current_ids is None:
        current_ids = {table.current.id for table in tables(on) if table.current}
    return "current" if version.id in current_ids else "superseded"


def tables(on: date) -> list[TableHistory]:
    """Every table with its versions sorted into current, upcoming and superseded on ``on``."""
    result: dict[str, TableHistory] = {}
    for version in all_versions():
        table = result.setdefault(version.code, TableHistory(version.code))
        if version.effective_from > on:
            table.upcoming.append(version)
        else:
            if table.current:
                table.superseded.insert(0, table.current)
            table.current = version
    return list(result.values())


def current_tables(on: date) -> list[TariffVersion]:
    """The versions in force on ``on``, in display order."""
    return [table.current for table in tables(on) if table.current]


def current_for_category(category: str, on: date) -> TariffVersion | None:
    """The first table of ``category`` in force on ``on``."""
    return next((version for version in current_tables(on) if version.user_class == category), None)


def residential_tiers_in_force(on: date) -> tuple[calc.Tier, ...] | None:
    """The tiers of the residential table in force on ``on``, as :func:`calc.residential_bill` takes them.

    ``None`` when no residential table is in force on that day, when its rows are not consumption
    tiers, or when its tiers count each month on its own (``tier_basis`` ``monthly``) rather than
    the year's cumulative use.
    """
    version = current_for_category("residential", on)
    if version is None or not is_tiered(version) or version.tier_basis == "monthly":
        return None
    return calc.tiers_from_rows(version.rows)


def get_version(version_id: int) -> TariffVersion | None:
    """A version by id."""
    return db.session.get(TariffVersion, version_id)


def price_columns(version: TariffVersion) -> list[str]:
    """The price and basic-charge keys present in the table's rows, in display order."""
    present = {key for row in version.rows for key, value in row.items() if value not in (None, "")}
    return [key for key in PRICE_KEYS + BASIC_KEYS if key in present]


def component_keys(version: TariffVersion) -> list[str]:
    """The price components published for the table's rows (``purchase``, ``transmission`` …)."""
    keys: list[str] = []
    for row in version.rows:
        keys += [key for key in (row.get("components") or {}) if key not in keys]
    return keys


def tier_ranges(version: TariffVersion) -> list[tuple[Decimal, Decimal | None]]:
    """``(first kWh, last kWh or None)`` of each tier row."""
    ranges, lower = [], Decimal(0)
    for row in version.rows:
        upper = row.get("upper_kwh")
        upper = None if upper in (None, "") else calc.to_decimal(upper)
        ranges.append((lower + (1 if lower else 0), upper))
        lower = upper if upper is not None else lower
    return ranges


def is_tiered(version: TariffVersion) -> bool:
    """Whether the rows are consumption tiers (else voltage levels)."""
    return any("upper_kwh" in row for row in version.rows)


def parse_estimate(args) -> EstimateInput:
    """Calculator input from a mapping of strings (query string or form); raises :class:`EstimateError`."""
    category = (args.get("category") or "residential").strip()
    if not is_one_of(category, UserClass):
        raise EstimateError(_("Unknown tariff category."))
    if (args.get("kwh") or "").strip() == "":
        raise EstimateError(_("Enter the kWh of the month."))
    values = {}
    for name in ("kwh", "ytd_kwh", "peak_kwh", "valley_kwh", "critical_kwh", "capacity"):
        text = (args.get(name) or "").strip()
        if text == "":
            continue
        if not NUMBER.match(text):
            raise EstimateError(_("%(field)s must be a number, zero or more, with at most two decimals.",
                                  field=name))
        values[name] = Decimal(text)
    voltage = (args.get("voltage") or "").strip() or None
    basic = (args.get("basic") or "kva").strip()
    if basic not in ("kva", "kw"):
        raise EstimateError(_("The basic charge is by kVA or by kW."))
    return EstimateInput(category=category, voltage=voltage, basic=basic, ytd_kwh=values.pop("ytd_kwh", Decimal(0)),
                         **values)


def estimate(params: EstimateInput, on: date) -> tuple[TariffVersion, calc.Estimate]:
    """The bill estimate for ``params`` on the table in force on ``on``; raises :class:`EstimateError`."""
    version = current_for_category(params.category, on)
    if version is None:
        raise EstimateError(_("No tariff of this category is in force."))
    if is_tiered(version):
        return version, _tiered(version, params)
    return version, _by_voltage(version, params)


def _tiered(version: TariffVersion, params: EstimateInput) -> calc.Estimate:
    if params.critical_kwh is not None or params.capacity is not None:
        raise EstimateError(_("This tariff has no critical peak and no basic charge."))
    if (params.peak_kwh is None) != (params.valley_kwh is None):
        raise EstimateError(_("Give both peak and valley kWh, or neither."))
    tiers = calc.tiers_from_rows(version.rows)
    time_of_use = params.peak_kwh is not None and params.valley_kwh is not None
    if time_of_use and not all({"peak", "valley"} <= set(tier.prices) for tier in tiers):
        raise EstimateError(_("This tariff has no time-of-use prices."))
    if params.peak_kwh is not None and params.valley_kwh is not None and (
            params.peak_kwh + params.valley_kwh != params.kwh):
        raise EstimateError(_("Peak and valley kWh must add up to the kWh of the month."))
    ytd = params.ytd_kwh if version.tier_basis != "monthly" else Decimal(0)
    return calc.residential_bill(tiers, params.kwh, ytd, params.peak_kwh, params.valley_kwh)


def _by_voltage(version: TariffVersion, params: EstimateInput) -> calc.Estimate:
    rows = version.rows
    row = next((r for r in rows if r.get("voltage") == params.voltage), None) if params.voltage else rows[0]
    if row is None:
        raise EstimateError(_("Unknown voltage level for this tariff."))
    prices = {key: calc.to_decimal(row[key]) for key in PRICE_KEYS if row.get(key) not in (None, "")}
    split = {"peak": params.peak_kwh, "valley": params.valley_kwh, "critical": params.critical_kwh}
    try:
        result = calc.period_bill(prices, params.kwh, split)
    except calc.CalculationError:
        raise EstimateError(_("The kWh of the periods add up to more than the kWh of the month, "
                              "or a period has no price in this tariff.")) from None
    keys = [key for key in BASIC_KEYS if row.get(key) not in (None, "")]
    basic_key = f"basic_{params.basic}" if f"basic_{params.basic}" in keys else next(iter(keys), None)
    if basic_key is None:
        if params.capacity is not None:
            raise EstimateError(_("This tariff has no basic charge."))
        return result
    if params.capacity is None:
        raise EstimateError(_("Enter the contracted capacity (kVA) or maximum demand (kW) for the basic charge."))
    unit = "kVA" if basic_key == "basic_kva" else "kW"
    return calc.with_lines(result, calc.basic_charge(row[basic_key], params.capacity, unit))


def fee_items(query: str = "", terms: tuple[str, ...] = ()) -> list[FeeItem]:
    """The fee schedule in order, filtered by ``query`` or any of ``terms`` (in any of the item's texts, any locale)."""
    items = list(db.session.scalars(select(FeeItem).order_by(FeeItem.sort_order, FeeItem.id)))
    wanted = [word.strip().casefold() for word in (query, *terms) if word.strip()]
    if not wanted:
        return items
    return [item for item in items if any(
        word in text.casefold() for word in wanted
        for mapping in (item.names, item.units, item.legal_basis, item.notes) for text in (mapping or {}).values())]


def fee_amount(item: FeeItem) -> Decimal:
    """The item's amount in yuan."""
    return Decimal(item.amount_fen).scaleb(-2).quantize(Decimal("0.01"))


def version_json(version: TariffVersion, on: date, current_ids: set[int] | None = None) -> dict:
    """A version as the API shows it (prices as exact strings)."""
    return {
        "id": version.id, "code": version.code, "category": version.user_class,
        "name": localized(version.names), "names": version.names, "notes": version.notes,
        "tier_basis": version.tier_basis, "effective_from": version.effective_from.isoformat(),
        "document_no": version.document_no, "status": status(version, on, current_ids), "sample": version.sample,
        "rows": version.rows, "periods": version.periods,
    }


def fee_json(item: FeeItem) -> dict:
    """A fee item as the API shows it."""
    return {"code": item.code, "name": localized(item.names), "names": item.names, "units": item.units,
            "amount": f"{fee_amount(item):f}", "legal_basis": item.legal_basis, "notes": item.notes,
            "sample": item.sample}
