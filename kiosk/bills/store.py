"""Writing checked bill rows in bulk: accounts and bills are inserted or updated by key, many at a time.

The writes join the session of the use case that calls them (the import commits them). ``bill_staging``
holds the rows of an import in progress (see ``docs/bills.md``): they are written there batch by batch
and moved into ``bill_accounts`` and ``bills`` one batch of accounts at a time.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from functools import cache

from sqlalchemy import Column, Index, Integer, String, Table, Text, delete, insert, select, update

from kiosk.bills import latefee, rules
from kiosk.bills.models import Bill, BillAccount, LateFeeRule
from kiosk.bills.pricing import residential_tiers
from kiosk.dbtypes import UTCDateTime, utcnow
from kiosk.extensions import db
from kiosk.tariffs.calc import CalculationError, Tier, residential_bill

CHUNK = 500
#: Rows of an import staged between commits: ``import_id`` names the import, ``data`` is the checked row as JSON.
STAGING = Table(
    "bill_staging", db.metadata,
    Column("id", Integer, primary_key=True),
    Column("import_id", String(32), nullable=False),
    Column("line", Integer, nullable=False),
    Column("account_no", String(20), nullable=False),
    Column("period", String(7), nullable=False),
    Column("data", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False, default=utcnow),
    Index("ix_bill_staging_import_account", "import_id", "account_no", "period"),
)
DECIMAL_FIELDS = ("prev_reading", "curr_reading", "kwh", "amount", "peak_kwh", "valley_kwh", "prepaid_balance",
                  "late_fee")
DATE_FIELDS = ("due_date", "paid_on")
#: Staged rows of imports that never finished are removed by the next import after this long.
STALE_STAGING = timedelta(days=1)
#: Account columns and the bill-file columns they come from.
ACCOUNT_FIELDS = {"name": "name", "address": "address", "customer_category": "category", "meter_no": "meter_no",
                  "phone": "phone"}


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _account_ids(numbers: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in _chunks(numbers):
        found.update(db.session.execute(
            select(BillAccount.account_no, BillAccount.id).where(BillAccount.account_no.in_(chunk))).tuples().all())
    return found


def _account_values(row: dict) -> dict:
    data = {column: row[key] for column, key in ACCOUNT_FIELDS.items()}
    if row.get("prepaid_balance") is not None:
        data["prepaid_balance"] = row["prepaid_balance"]
    return data


def _write_accounts(latest: dict[str, dict], existing: dict[str, int], result) -> dict[str, int]:
    new = [{"account_no": number, "prepaid_balance": Decimal("0.00")} | _account_values(row)
           for number, row in latest.items() if number not in existing]
    changed = [{"id": existing[number]} | _account_values(row) for number, row in latest.items() if number in existing]
    if new:
        db.session.execute(insert(BillAccount.__table__), new)
    if changed:
        db.session.execute(update(BillAccount), changed)
    result.accounts_created += len(new)
    result.accounts_updated += len(changed)
    return existing | _account_ids([row["account_no"] for row in new])


def _existing_bills(account_ids: list[int]) -> dict[tuple[int, str], tuple[int, Decimal]]:
    found = {}
    for chunk in _chunks(account_ids):
        for bill_id, account_id, period, kwh in db.session.execute(
                select(Bill.id, Bill.account_id, Bill.period, Bill.kwh).where(Bill.account_id.in_(chunk))):
            found[(account_id, period)] = (bill_id, kwh)
    return found


def tier_lines(row: dict, ytd_kwh: Decimal, tiers: tuple[Tier, ...] | None) -> list[dict] | None:
    """The bill's tier lines from ``tiers`` (the residential tariff of its period), when they add up to its amount.

    ``None`` for non-residential bills, when no published tariff covers the period (``tiers`` ``None``)
    or when the lines do not give the billed amount: the amount of the file always stands, since the
    billing system is what the customer is charged by, and the kiosk then says the breakdown is not
    available rather than show lines of another tariff.
    """
    if row["category"] != "residential" or tiers is None:
        return None
    try:
        estimate = residential_bill(tiers, row["kwh"], ytd_kwh, row.get("peak_kwh"), row.get("valley_kwh"))
    except CalculationError:
        return None
    if estimate.total != row["amount"]:
        return None
    return [{"tier": line.tier, "period": line.period, "kwh": str(line.kwh), "price": str(line.price),
             "amount": str(line.amount)} for line in estimate.lines]


def _paid_fee_rates():
    versions = sorted(db.session.execute(select(LateFeeRule)).scalars(), key=lambda rule: rule.effective_from)
    cache = {}

    def rates(day):
        if day not in cache:
            rule = next((r for r in reversed(versions) if r.effective_from <= day), None)
            cache[day] = rules.rates_on(day) if rule is None else latefee.Rates(
                rule.residential_rate, rule.current_year_rate, rule.later_year_rate, rule.minimum)
        return cache[day]

    return rates


def upsert(rows: list[dict], result) -> None:
    """Write checked rows: accounts, then bills with their tier lines and, when paid, the fee charged.

    Everything is read and computed before the first write, so a transaction holds the write lock only
    for the inserts and updates themselves.
    """
    latest: dict[str, dict] = {}
    for row in rows:
        latest[row["account_no"]] = row
    known_ids = _account_ids(list(latest))
    existing = _existing_bills(sorted(set(known_ids.values())))
    usage: dict[str, dict[str, Decimal]] = defaultdict(dict)
    numbers = {account_id: number for number, account_id in known_ids.items()}
    for (account_id, period), (_bill_id, kwh) in existing.items():
        usage[numbers[account_id]][period] = kwh
    for row in rows:
        usage[row["account_no"]][row["period"]] = row["kwh"]
    rates = _paid_fee_rates()
    tiers = cache(residential_tiers)  # one look-up per billing period of the file
    values_by_row = []
    for row in rows:
        period = row["period"]
        ytd = sum((kwh for p, kwh in usage[row["account_no"]].items() if p[:4] == period[:4] and p < period),
                  Decimal(0))
        fee = row.get("late_fee")
        if fee is None and row["paid_on"] is not None:
            fee = latefee.late_fee(row["amount"], row["category"], row["due_date"], row["paid_on"],
                                   rates(row["paid_on"]))
        values_by_row.append({
            "period": period, "prev_reading": row["prev_reading"],
            "curr_reading": row["curr_reading"], "kwh": row["kwh"], "peak_kwh": row.get("peak_kwh"),
            "valley_kwh": row.get("valley_kwh"), "amount": row["amount"], "due_date": row["due_date"],
            "paid_on": row["paid_on"], "late_fee_paid": fee, "lines": tier_lines(row, ytd, tiers(period)),
        })
    ids = _write_accounts(latest, known_ids, result)
    new, changed = [], []
    for row, values in zip(rows, values_by_row, strict=True):
        account_id = ids[row["account_no"]]
        values["account_id"] = account_id
        known = existing.get((account_id, row["period"]))
        if known is None:
            new.append(values)
        else:
            changed.append({"id": known[0]} | values)
    for chunk in _chunks(new, 5000):
        db.session.execute(insert(Bill.__table__), chunk)  # Core executemany: no ORM bookkeeping per row
    for chunk in _chunks(changed, 5000):
        db.session.execute(update(Bill), chunk)
    result.bills_created += len(new)
    result.bills_updated += len(changed)


def encode_row(row: dict) -> str:
    """A checked row as JSON text for ``bill_staging`` (decimals and dates as text)."""
    return json.dumps({key: None if value is None else str(value) if isinstance(value, Decimal | date) else value
                       for key, value in row.items()}, ensure_ascii=False)


def decode_row(text: str) -> dict:
    """The checked row that :func:`encode_row` wrote."""
    row = json.loads(text)
    for key in DECIMAL_FIELDS:
        if row.get(key) is not None:
            row[key] = Decimal(row[key])
    for key in DATE_FIELDS:
        if row.get(key) is not None:
            row[key] = date.fromisoformat(row[key])
    return row


def stage(import_id: str, rows: list[tuple[int, dict]]) -> None:
    """Add checked ``(line, row)`` pairs of import ``import_id`` to ``bill_staging`` (the caller commits)."""
    now = utcnow()
    db.session.execute(insert(STAGING), [
        {"import_id": import_id, "line": line, "account_no": row["account_no"], "period": row["period"],
         "data": encode_row(row), "created_at": now} for line, row in rows])


def staged_batches(import_id: str, size: int) -> Iterator[list[dict]]:
    """The staged rows of ``import_id`` in batches of about ``size`` rows, every account whole in one batch.

    Ordered by account and period; a batch ends with the account of its ``size``-th row.
    """
    key = STAGING.c.import_id == import_id
    after: str | None = None
    while True:
        bounds = [key] if after is None else [key, STAGING.c.account_no > after]
        last = db.session.scalar(select(STAGING.c.account_no).where(*bounds)
                                 .order_by(STAGING.c.account_no, STAGING.c.period).offset(size - 1).limit(1))
        upto = [] if last is None else [STAGING.c.account_no <= last]
        texts = db.session.scalars(select(STAGING.c.data).where(*bounds, *upto)
                                   .order_by(STAGING.c.account_no, STAGING.c.period)).all()
        if not texts:
            return
        yield [decode_row(text) for text in texts]
        if last is None:
            return
        after = last


def clear_staging(import_id: str, size: int) -> int:
    """Remove up to ``size`` staged rows of ``import_id`` or of imports that never finished; how many.

    The caller commits after each call, so removing a million rows never holds the write lock long.
    """
    stale = utcnow() - STALE_STAGING
    ids = db.session.scalars(select(STAGING.c.id).where(
        (STAGING.c.import_id == import_id) | (STAGING.c.created_at < stale)).limit(size)).all()
    if ids:
        db.session.execute(delete(STAGING).where(STAGING.c.id.in_(ids)))
    return len(ids)
