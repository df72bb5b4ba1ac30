"""Bill look-ups: find an account, build its masked summary and a bill's detail as of a date."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from kiosk.bills import latefee, masking, rules
from kiosk.bills.models import Bill, BillAccount
from kiosk.demo.tariff_tables import DEMO_RESIDENTIAL_TIERS
from kiosk.extensions import db
from kiosk.money import to_decimal

ZERO = Decimal("0.00")


def normalize_account(text: str | None, min_digits: int, max_digits: int) -> str | None:
    """The account number typed or scanned (spaces ignored), or ``None`` unless it is ASCII digits of a valid length."""
    value = "".join((text or "").split())
    if not value.isascii() or not value.isdigit() or not min_digits <= len(value) <= max_digits:
        return None
    return value


def find_account(account_no: str) -> BillAccount | None:
    """The account with this number, or ``None``."""
    return db.session.scalar(select(BillAccount).where(BillAccount.account_no == account_no))


def period_end(period: str) -> date:
    """The first day after the billing period ``YYYY-MM`` (the bill exists from then on)."""
    year, month = int(period[:4]), int(period[5:7])
    return date(year + month // 12, month % 12 + 1, 1)


@dataclass(frozen=True)
class BillLine:
    """One bill as shown to the customer, with its late fee as of the query date."""

    period: str
    kwh: Decimal
    amount: Decimal
    due_date: date
    paid: bool
    paid_on: date | None
    days_overdue: int
    late_fee: Decimal


@dataclass(frozen=True)
class Summary:
    """An account's masked details and bills as of ``as_of``."""

    account: str
    account_masked: str
    name: str
    address: str
    meter: str
    phone: str
    category: str
    prepaid_balance: Decimal
    as_of: date
    bills: list[BillLine] = field(default_factory=list)

    @property
    def unpaid(self) -> list[BillLine]:
        return [bill for bill in self.bills if not bill.paid]

    @property
    def arrears(self) -> Decimal:
        return sum((bill.amount for bill in self.unpaid), ZERO)

    @property
    def late_fee(self) -> Decimal:
        return sum((bill.late_fee for bill in self.unpaid), ZERO)

    @property
    def total_due(self) -> Decimal:
        return self.arrears + self.late_fee


def _bills(account: BillAccount, as_of: date) -> list[Bill]:
    rows = db.session.scalars(select(Bill).where(Bill.account_id == account.id).order_by(Bill.period.desc()))
    return [bill for bill in rows if period_end(bill.period) <= as_of]


def bill_line(bill: Bill, category: str, as_of: date, rates: latefee.Rates) -> BillLine:
    """The bill as of ``as_of``: paid bills keep the fee charged at payment."""
    paid = bill.paid_on is not None and bill.paid_on <= as_of
    if paid:
        days = latefee.days_overdue(bill.due_date, bill.paid_on)
        fee = bill.late_fee_paid if bill.late_fee_paid is not None else latefee.late_fee(
            bill.amount, category, bill.due_date, bill.paid_on, rules.rates_on(bill.paid_on))
    else:
        days = latefee.days_overdue(bill.due_date, as_of)
        fee = latefee.late_fee(bill.amount, category, bill.due_date, as_of, rates)
    return BillLine(bill.period, bill.kwh, bill.amount, bill.due_date, paid, bill.paid_on if paid else None,
                    days, to_decimal(fee))


def summary(account: BillAccount, as_of: date, months: int = 12) -> Summary:
    """The masked summary: every unpaid bill plus the paid bills of the last ``months`` periods."""
    rates = rules.rates_on(as_of)
    lines = []
    for index, bill in enumerate(_bills(account, as_of)):
        line = bill_line(bill, account.category, as_of, rates)
        if not line.paid or index < months:
            lines.append(line)
    return Summary(
        account=account.account_no, account_masked=masking.mask_account(account.account_no),
        name=masking.mask_name(account.name), address=masking.mask_address(account.address),
        meter=masking.mask_meter(account.meter_no), phone=masking.mask_phone(account.phone),
        category=account.category, prepaid_balance=to_decimal(account.prepaid_balance or ZERO), as_of=as_of,
        bills=lines)


@dataclass(frozen=True)
class Detail:
    """One bill's readings, tier lines, year-to-date use, tier remainder and the 12-month history."""

    line: BillLine
    prev_reading: Decimal
    curr_reading: Decimal
    peak_kwh: Decimal | None
    valley_kwh: Decimal | None
    lines: list[dict]
    ytd_kwh: Decimal
    tier: int | None
    tier_remaining: Decimal | None
    history: list[tuple[str, Decimal | None]]


def tier_position(ytd_kwh: Decimal, tiers=DEMO_RESIDENTIAL_TIERS) -> tuple[int, Decimal | None]:
    """The tier the next kWh falls in after ``ytd_kwh`` and the kWh left in it (``None``: unbounded)."""
    for tier in tiers:
        if tier.upper_kwh is None or ytd_kwh < tier.upper_kwh:
            return tier.number, None if tier.upper_kwh is None else tier.upper_kwh - ytd_kwh
    return tiers[-1].number, None


def previous_periods(period: str, count: int) -> list[str]:
    """``count`` periods ending with ``period``, oldest first."""
    year, month = int(period[:4]), int(period[5:7])
    index = year * 12 + month - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - count + 1, index + 1)]


def detail(account: BillAccount, period: str, as_of: date) -> Detail | None:
    """The detail of the account's bill for ``period`` (``None`` when there is no such bill yet)."""
    bills = {bill.period: bill for bill in _bills(account, as_of)}
    bill = bills.get(period)
    if bill is None:
        return None
    year = period[:4]
    ytd = sum((b.kwh for p, b in bills.items() if p[:4] == year and p <= period), Decimal(0))
    tier, remaining = tier_position(ytd) if account.category == "residential" else (None, None)
    history = [(p, bills[p].kwh if p in bills else None) for p in previous_periods(period, 12)]
    return Detail(bill_line(bill, account.category, as_of, rules.rates_on(as_of)), bill.prev_reading,
                  bill.curr_reading, bill.peak_kwh, bill.valley_kwh, list(bill.lines or []), ytd, tier, remaining,
                  history)
