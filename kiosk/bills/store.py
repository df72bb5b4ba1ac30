"""Writing checked bill rows in bulk: accounts and bills are inserted or updated by key, many at a time."""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import insert, select, update

from kiosk.bills import latefee, rules
from kiosk.bills.models import Bill, BillAccount, LateFeeRule
from kiosk.demo.tariff_tables import DEMO_RESIDENTIAL_TIERS
from kiosk.extensions import db
from kiosk.tariffs.calc import CalculationError, residential_bill

CHUNK = 500
ACCOUNT_FIELDS = ("name", "address", "category", "meter_no", "phone")


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _account_ids(numbers: list[str]) -> dict[str, int]:
    found = {}
    for chunk in _chunks(numbers):
        found.update(db.session.execute(
            select(BillAccount.account_no, BillAccount.id).where(BillAccount.account_no.in_(chunk))).all())
    return found


def upsert_accounts(rows: list[dict], result) -> dict[str, int]:
    """Create or update the accounts of ``rows`` (the last row of an account wins); ``{account_no: id}``."""
    latest: dict[str, dict] = {}
    for row in rows:
        latest[row["account_no"]] = row
    existing = _account_ids(list(latest))

    def values(row):
        data = {key: row[key] for key in ACCOUNT_FIELDS}
        if row.get("prepaid_balance") is not None:
            data["prepaid_balance"] = row["prepaid_balance"]
        return data

    new = [{"account_no": number, "prepaid_balance": Decimal("0.00")} | values(row)
           for number, row in latest.items() if number not in existing]
    changed = [{"id": existing[number]} | values(row) for number, row in latest.items() if number in existing]
    if new:
        db.session.execute(insert(BillAccount), new)
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


def tier_lines(row: dict, ytd_kwh: Decimal) -> list[dict] | None:
    """The bill's tier lines from the residential tariff, when they add up to its amount (else ``None``)."""
    if row["category"] != "residential":
        return None
    try:
        estimate = residential_bill(DEMO_RESIDENTIAL_TIERS, row["kwh"], ytd_kwh, row.get("peak_kwh"),
                                    row.get("valley_kwh"))
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
    """Write checked rows: accounts, then bills with their tier lines and, when paid, the fee charged."""
    ids = upsert_accounts(rows, result)
    existing = _existing_bills(sorted(set(ids.values())))
    usage: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for (account_id, period), (_bill_id, kwh) in existing.items():
        usage[account_id][period] = kwh
    for row in rows:
        usage[ids[row["account_no"]]][row["period"]] = row["kwh"]
    rates = _paid_fee_rates()
    new, changed = [], []
    for row in rows:
        account_id = ids[row["account_no"]]
        period = row["period"]
        ytd = sum((kwh for p, kwh in usage[account_id].items() if p[:4] == period[:4] and p < period), Decimal(0))
        fee = row.get("late_fee")
        if fee is None and row["paid_on"] is not None:
            fee = latefee.late_fee(row["amount"], row["category"], row["due_date"], row["paid_on"],
                                   rates(row["paid_on"]))
        values = {
            "account_id": account_id, "period": period, "prev_reading": row["prev_reading"],
            "curr_reading": row["curr_reading"], "kwh": row["kwh"], "peak_kwh": row.get("peak_kwh"),
            "valley_kwh": row.get("valley_kwh"), "amount": row["amount"], "due_date": row["due_date"],
            "paid_on": row["paid_on"], "late_fee_paid": fee, "lines": tier_lines(row, ytd),
        }
        known = existing.get((account_id, period))
        if known is None:
            new.append(values)
        else:
            changed.append({"id": known[0]} | values)
    for chunk in _chunks(new, 5000):
        db.session.execute(insert(Bill), chunk)
    for chunk in _chunks(changed, 5000):
        db.session.execute(update(Bill), chunk)
    result.bills_created += len(new)
    result.bills_updated += len(changed)
