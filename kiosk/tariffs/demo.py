"""SAMPLE tariff tables and fee schedule for the demo hall (idempotent)."""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from kiosk.extensions import db
from kiosk.tariffs.demo_data import FEES, TARIFFS
from kiosk.tariffs.models import FeeItem, TariffVersion


def seed_demo(hall) -> None:
    """Add the sample tables and fee items that are not there yet (tariffs are province-wide: ``hall`` unused)."""
    have = {(v.code, v.effective_from) for v in db.session.scalars(select(TariffVersion))}
    for table in TARIFFS:
        if (table["code"], table["effective_from"]) not in have:
            db.session.add(TariffVersion(sample=True, created_by="demo", **table))
    codes = set(db.session.scalars(select(FeeItem.code)))
    for position, fee in enumerate(FEES, start=1):
        if fee["code"] not in codes:
            fields = {key: value for key, value in fee.items() if key != "amount"}
            db.session.add(FeeItem(amount_fen=int(Decimal(fee["amount"]) * 100), sample=True,
                                   sort_order=position * 10, **fields))
    db.session.flush()
