"""Bill look-ups: find an account, build its masked summary and a bill's detail as of a date."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from kiosk.bills import latefee, masking, rules
from kiosk.bills.models import Bill, BillAccount
from kiosk.bills.pricing import residential_tiers
from kiosk.extensions import db
from kiosk.money import to_decimal
from kiosk.tariffs.calc import Tier

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


#: How many billing months the result page lists under "Recent bills".
RECENT_MONTHS = 12


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

    @property
    def overdue(self) -> bool:
        """Unpaid past its due date (欠费); an unpaid bill not yet due is only due (待缴)."""
        return not self.paid and self.days_overdue > 0


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
        """The bills not paid as of ``as_of``, newest first."""
        return [bill for bill in self.bills if not bill.paid]

    @property
    def arrears(self) -> Decimal:
        """The unpaid amount."""
        return sum((bill.amount for bill in self.unpaid), ZERO)

    @property
    def overdue_amount(self) -> Decimal:
        """The unpaid amount past its due dates (欠费)."""
        return sum((bill.amount for bill in self.unpaid if bill.overdue), ZERO)

    @property
    def not_yet_due_amount(self) -> Decimal:
        """The unpaid amount not yet due (待缴)."""
        return sum((bill.amount for bill in self.unpaid if not bill.overdue), ZERO)

    @property
    def recent(self) -> list[BillLine]:
        """The bills of the newest 12 billing months, paid or not, newest first."""
        return self.bills[:RECENT_MONTHS]

    @property
    def late_fee(self) -> Decimal:
        """The late fees of the unpaid bills as of ``as_of``."""
        return sum((bill.late_fee for bill in self.unpaid), ZERO)

    @property
    def total_due(self) -> Decimal:
        """Arrears plus late fees."""
        return self.arrears + self.late_fee


def _bills(account: BillAccount, as_of: date) -> list[Bill]:
    rows = db.session.scalars(select(Bill).where(Bill.account_id == account.id).order_by(Bill.period.desc()))
    return [bill for bill in rows if period_end(bill.period) <= as_of]


def bill_line(bill: Bill, category: str, as_of: date, rates: latefee.Rates) -> BillLine:
    """The bill as of ``as_of``: paid bills keep the fee charged at payment."""
    paid_on = bill.paid_on if bill.paid_on is not None and bill.paid_on <= as_of else None
    paid = paid_on is not None
    if paid_on is not None:
        days = latefee.days_overdue(bill.due_date, paid_on)
        fee = bill.late_fee_paid if bill.late_fee_paid is not None else latefee.late_fee(
            bill.amount, category, bill.due_date, paid_on, rules.rates_on(paid_on))
    else:
        days = latefee.days_overdue(bill.due_date, as_of)
        fee = latefee.late_fee(bill.amount, category, bill.due_date, as_of, rates)
    return BillLine(bill.period, bill.kwh, bill.amount, bill.due_date, paid, paid_on,
                    days, to_decimal(fee))


def summary(account: BillAccount, as_of: date, months: int = 12) -> Summary:
    """The masked summary: every unpaid bill plus the paid bills of the last ``months`` periods."""
    rates = rules.rates_on(as_of)
    lines = []
    for index, bill in enumerate(_bills(account, as_of)):
        line = bill_line(bill, account.customer_category, as_of, rates)
        if not line.paid or index < months:
            lines.append(line)
    return Summary(
        account=account.account_no, account_masked=masking.mask_account(account.account_no),
        name=masking.mask_name(account.name), address=masking.mask_address(account.address),
        meter=masking.mask_meter(account.meter_no), phone=masking.mask_phone(account.phone),
        category=account.customer_category, prepaid_balance=to_decimal(account.prepaid_balance or ZERO), as_of=as_of,
        bills=lines)


@dataclass(frozen=True)
class Detail:
    """One bill's readings, tier lines, year-to-date use, tier remainder and the 12-month history.

    ``tier`` is ``None`` when no published residential tariff covers the bill's period (then there is
    no tier remainder either); ``tier_remaining`` is ``None`` in the last, unbounded tier.
    """

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


def tier_position(ytd_kwh: Decimal, tiers: tuple[Tier, ...]) -> tuple[int, Decimal | None]:
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
    tiers = residential_tiers(period) if account.customer_category == "residential" else None
    tier, remaining = tier_position(ytd, tiers) if tiers else (None, None)
    history = [(p, bills[p].kwh if p in bills else None) for p in previous_periods(period, 12)]
    return Detail(bill_line(bill, account.customer_category, as_of, rules.rates_on(as_of)), bill.prev_reading,
                  bill.curr_reading, bill.peak_kwh, bill.valley_kwh, list(bill.lines or []), ytd, tier, remaining,
                  history)
