"""Tariff versions and fee items as import records (for the admin forms and the example files)."""
from __future__ import annotations

from datetime import date

from kiosk.tariffs.fileformat import dump_yaml
from kiosk.tariffs.models import FeeItem, TariffVersion
from kiosk.tariffs.service import fee_amount


def version_record(version: TariffVersion, effective_from: date | None = None) -> dict:
    """``version`` as a ``tariffs`` record; ``effective_from`` replaces its date (a draft of a new version)."""
    record = {"code": version.code, "category": version.user_class,
              "effective_from": (effective_from or version.effective_from).isoformat(),
              "document_no": version.document_no, "tier_basis": version.tier_basis, "sample": version.sample,
              "sort_order": version.sort_order, "names": version.names, "notes": version.notes,
              "periods": version.periods, "rows": version.rows}
    return {key: value for key, value in record.items() if value not in (None, [], {})}


def fee_record(item: FeeItem) -> dict:
    """``item`` as a ``fees`` record."""
    record = {"code": item.code, "amount": f"{fee_amount(item):f}", "names": item.names, "units": item.units,
              "legal_basis": item.legal_basis, "notes": item.notes, "sample": item.sample}
    return {key: value for key, value in record.items() if value not in (None, {})}


def tariffs_yaml(versions: list[TariffVersion], effective_from: date | None = None) -> str:
    """A ``tariffs`` YAML document."""
    return dump_yaml("tariffs", [version_record(version, effective_from) for version in versions])


def fees_yaml(items: list[FeeItem]) -> str:
    """A ``fees`` YAML document."""
    return dump_yaml("fees", [fee_record(item) for item in items])
