"""Electricity accounts, their monthly bills and the late-fee rule versions."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import JSON, BigInteger, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from kiosk.dbtypes import UTCDateTime, one_of, utcnow
from kiosk.extensions import Model


class ScaledDecimal(TypeDecorator):
    """An exact ``Decimal`` with ``places`` decimals stored as a scaled integer (fen for money).

    Exact on every database (SQLite has no decimal type) and cheap to index and sum.
    """

    impl = BigInteger
    cache_ok = True

    def __init__(self, places: int = 2) -> None:
        super().__init__()
        self.places = places
        self.step = Decimal(1).scaleb(-places)

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("money and energy are never floats")
        exact = Decimal(str(value))
        if exact != exact.quantize(self.step):
            raise ValueError(f"{value} has more than {self.places} decimals")
        return int(exact.scaleb(self.places))

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.places).quantize(self.step)


MONEY = ScaledDecimal(2)
KWH = ScaledDecimal(2)
RATE = ScaledDecimal(6)


class CustomerCategory(StrEnum):
    """The account's customer category on the bill: residential or not."""

    RESIDENTIAL = "residential"
    NON_RESIDENTIAL = "non_residential"


class BillAccount(Model):
    """An electricity account (户号) with the customer's details as stored by the billing system.

    Personal data here is never shown as is: :mod:`kiosk.bills.masking` masks it first.
    """

    __tablename__ = "bill_accounts"
    __table_args__ = (Index("ix_bill_accounts_account_no", "account_no", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_no: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(120))
    address: Mapped[str] = mapped_column(String(255))
    customer_category: Mapped[str] = mapped_column(one_of(CustomerCategory, "customer_category", 20))
    meter_no: Mapped[str | None] = mapped_column(String(32))
    phone: Mapped[str | None] = mapped_column(String(32))
    prepaid_balance: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0.00"))


class Bill(Model):
    """One monthly bill of an account; ``(account_id, period)`` is unique."""

    __tablename__ = "bills"
    __table_args__ = (Index("ix_bills_account_period", "account_id", "period", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("bill_accounts.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(7))  # "YYYY-MM"
    prev_reading: Mapped[Decimal] = mapped_column(KWH)
    curr_reading: Mapped[Decimal] = mapped_column(KWH)
    kwh: Mapped[Decimal] = mapped_column(KWH)
    peak_kwh: Mapped[Decimal | None] = mapped_column(KWH)
    valley_kwh: Mapped[Decimal | None] = mapped_column(KWH)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    due_date: Mapped[date] = mapped_column(Date)
    paid_on: Mapped[date | None] = mapped_column(Date)
    #: The late fee charged when the bill was paid (kept even if the rules change later).
    late_fee_paid: Mapped[Decimal | None] = mapped_column(MONEY)
    #: Tier lines ``[{"tier": 1, "period": "flat", "kwh": "120", "price": "0.538", "amount": "64.56"}]``.
    lines: Mapped[list | None] = mapped_column(JSON(none_as_null=True))


class LateFeeRule(Model):
    """A version of the late-fee rates (电费违约金), in force from ``effective_from``."""

    __tablename__ = "late_fee_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    effective_from: Mapped[date] = mapped_column(Date, unique=True)
    residential_rate: Mapped[Decimal] = mapped_column(RATE)
    current_year_rate: Mapped[Decimal] = mapped_column(RATE)
    later_year_rate: Mapped[Decimal] = mapped_column(RATE)
    minimum: Mapped[Decimal] = mapped_column(MONEY)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="system")
