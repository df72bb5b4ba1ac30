"""SAMPLE tariff tables and fee schedule for the demo hall (idempotent)."""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from kiosk.demo.tariff_tables import FEES, TARIFFS
from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.tariffs.models import FeeItem, TariffVersion


def seed_demo(hall: Hall) -> None:
    """Add the sample tables whose code has no version yet, and the sample fees when the schedule is empty.

    Tables and fees an administrator has published are never touched (tariffs are province-wide: ``hall`` unused).
    """
    have = set(db.session.scalars(select(TariffVersion.code)))
    for table in TARIFFS:
        if table["code"] not in have:
            db.session.add(TariffVersion(sample=True, created_by="demo", **table))
    if db.session.scalar(select(FeeItem.id).limit(1)) is None:
        for position, fee in enumerate(FEES, start=1):
            fields = {key: value for key, value in fee.items() if key != "amount"}
            db.session.add(FeeItem(amount_fen=int(Decimal(fee["amount"]) * 100), sample=True,
                                   sort_order=position * 10, **fields))
    db.session.flush()
