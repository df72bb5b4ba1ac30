"""Published tariff tables (one row per version) and the fee schedule."""
from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, BigInteger, Boolean, Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.dbtypes import UTCDateTime, one_of, utcnow
from kiosk.extensions import Model


class UserClass(StrEnum):
    """The electricity user class (用电类别) a price table applies to, in display order."""

    RESIDENTIAL = "residential"
    RESIDENTIAL_SHARED = "residential_shared"
    COMMERCIAL = "commercial"
    LARGE_INDUSTRIAL = "large_industrial"
    AGRICULTURAL = "agricultural"


class TierBasis(StrEnum):
    """Whether the consumption tiers count a year's or a month's kWh."""

    ANNUAL = "annual"
    MONTHLY = "monthly"


class TariffVersion(Model):
    """One version of a published price table.

    ``code`` names the table (e.g. ``residential``); the version in force on a day is the one
    with the latest ``effective_from`` not after that day. ``rows`` holds the prices as exact
    decimal strings: ``[{"upper_kwh": 2760, "flat": "0.538", "peak": "0.568", …}]`` for tiers,
    ``[{"voltage": "1_10kv", "peak": "…", "basic_kva": "30", "components": {…}}]`` for voltage levels.
    ``periods`` lists the time-of-use periods (``{"period": "peak", "from": "08:00", "to": "22:00"}``).
    A version is never edited once in effect: a correction is a new version.
    """

    __tablename__ = "tariff_versions"
    __table_args__ = (Index("ix_tariff_versions_code_effective", "code", "effective_from", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    user_class: Mapped[str] = mapped_column(one_of(UserClass, "user_class", 30))
    names: Mapped[dict] = mapped_column(JSON, default=dict)
    notes: Mapped[dict] = mapped_column(JSON, default=dict)
    tier_basis: Mapped[str | None] = mapped_column(one_of(TierBasis, "tier_basis", 10), nullable=True)
    effective_from: Mapped[date] = mapped_column(Date)
    document_no: Mapped[str] = mapped_column(String(120), default="")
    rows: Mapped[list] = mapped_column(JSON, default=list)
    periods: Mapped[list] = mapped_column(JSON, default=list)
    sample: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="system")


class FeeItem(Model):
    """One item of the fee schedule (收费项目和收费标准): amount in fen, localized texts."""

    __tablename__ = "fee_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    names: Mapped[dict] = mapped_column(JSON, default=dict)
    units: Mapped[dict] = mapped_column(JSON, default=dict)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    legal_basis: Mapped[dict] = mapped_column(JSON, default=dict)
    notes: Mapped[dict] = mapped_column(JSON, default=dict)
    sample: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
