"""Importing bills from the billing system's CSV export: validate everything, then write in bulk.

A file with any bad row writes nothing; every bad row is reported with its line number
(the header is line 1). Re-importing an (account_no, period) updates that bill.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TextIO

from flask_babel import gettext as _

from kiosk.audit.service import record
from kiosk.bills import store
from kiosk.bills.models import CustomerCategory
from kiosk.dbtypes import is_one_of
from kiosk.errors import KioskError
from kiosk.extensions import db
from kiosk.parsing import clean_text, decimal_places, parse_date, parse_decimal

REQUIRED = ("account_no", "name", "address", "category", "period", "prev_reading", "curr_reading", "kwh", "amount",
            "due_date", "paid_on")
OPTIONAL = ("meter_no", "phone", "peak_kwh", "valley_kwh", "prepaid_balance", "late_fee")
MAX_ACCOUNT_DIGITS = 20


@dataclass
class ImportResult:
    """What an import did (or, with ``errors``, why it did nothing)."""

    errors: list[tuple[int, str]]
    rows: int = 0
    accounts_created: int = 0
    accounts_updated: int = 0
    bills_created: int = 0
    bills_updated: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


class RowError(KioskError):
    """One reason a row is bad."""


def _raw(row: dict, key: str, required: bool) -> str:
    raw = clean_text(row.get(key))
    if not raw and required:
        raise RowError(_("%(column)s is empty", column=key))
    return raw


def _decimal(row: dict, key: str, places: int = 2, required: bool = True) -> Decimal | None:
    raw = _raw(row, key, required)
    if not raw:
        return None
    try:
        value = parse_decimal(raw)
    except ValueError:
        raise RowError(_("%(column)s “%(value)s” is not a number", column=key, value=raw[:20])) from None
    if value < 0:
        raise RowError(_("%(column)s “%(value)s” must be zero or more", column=key, value=raw[:20]))
    if decimal_places(value) > places:
        raise RowError(_("%(column)s “%(value)s” has more than %(places)s decimals", column=key, value=raw[:20],
                          places=places))
    if value >= Decimal(10) ** 12:
        raise RowError(_("%(column)s “%(value)s” is too large", column=key, value=raw[:20]))
    return value


def _date(row: dict, key: str, required: bool = True) -> date | None:
    raw = _raw(row, key, required)
    if not raw:
        return None
    try:
        return parse_date(raw)
    except ValueError:
        raise RowError(_("%(column)s “%(value)s” is not a date YYYY-MM-DD", column=key, value=raw[:20])) from None


def _text(row: dict, key: str, limit: int, required: bool = True) -> str | None:
    value = _raw(row, key, required)
    if len(value) > limit:
        raise RowError(_("%(column)s is longer than %(limit)s characters", column=key, limit=limit))
    return value or None


def _period(raw: str | None) -> str:
    raw = clean_text(raw)
    if len(raw) != 7 or raw[4] != "-" or not (raw[:4] + raw[5:]).isdigit() or not 1 <= int(raw[5:]) <= 12:
        raise RowError(_("period “%(value)s” is not YYYY-MM", value=raw[:20]))
    return raw


def parse_row(row: dict) -> dict:
    """One CSV row checked and converted; raises :class:`RowError` with every problem found."""
    problems, out = [], {}
    checks = {
        "account_no": lambda: _account(row.get("account_no")),
        "name": lambda: _text(row, "name", 120), "address": lambda: _text(row, "address", 255),
        "category": lambda: _category(row.get("category")), "period": lambda: _period(row.get("period")),
        "prev_reading": lambda: _decimal(row, "prev_reading"), "curr_reading": lambda: _decimal(row, "curr_reading"),
        "kwh": lambda: _decimal(row, "kwh"), "amount": lambda: _decimal(row, "amount"),
        "due_date": lambda: _date(row, "due_date"), "paid_on": lambda: _date(row, "paid_on", required=False),
        "meter_no": lambda: _text(row, "meter_no", 32, required=False),
        "phone": lambda: _text(row, "phone", 32, required=False),
        "peak_kwh": lambda: _decimal(row, "peak_kwh", required=False),
        "valley_kwh": lambda: _decimal(row, "valley_kwh", required=False),
        "prepaid_balance": lambda: _decimal(row, "prepaid_balance", required=False),
        "late_fee": lambda: _decimal(row, "late_fee", required=False),
    }
    for key, check in checks.items():
        try:
            out[key] = check()
        except RowError as error:
            problems.append(str(error))
    if not problems:
        problems.extend(_consistency(out))
    if problems:
        raise RowError("; ".join(problems))
    return out


def _account(raw: str | None) -> str:
    value = clean_text(raw)
    if not value.isascii() or not value.isdigit() or len(value) > MAX_ACCOUNT_DIGITS:
        raise RowError(_("account_no “%(value)s” must be 1 to %(max)s digits", value=value[:30],
                          max=MAX_ACCOUNT_DIGITS))
    return value


def _category(raw: str | None) -> str:
    value = clean_text(raw)
    if not is_one_of(value, CustomerCategory):
        raise RowError(_("category “%(value)s” must be residential or non_residential", value=value[:30]))
    return value


def _consistency(row: dict) -> list[str]:
    problems = []
    if (row["peak_kwh"] is None) != (row["valley_kwh"] is None):
        problems.append(_("give both peak_kwh and valley_kwh or neither"))
    elif row["peak_kwh"] is not None and row["peak_kwh"] + row["valley_kwh"] != row["kwh"]:
        problems.append(_("peak_kwh + valley_kwh must equal kwh"))
    if row["paid_on"] is None and row["late_fee"] is not None:
        problems.append(_("late_fee is only for paid bills"))
    return problems


def read_rows(stream: TextIO) -> tuple[list[tuple[int, dict]], list[tuple[int, str]]]:
    """Checked rows ``(line, row)`` and errors ``(line, reason)`` from a CSV text stream."""
    reader = csv.DictReader(stream)
    header = reader.fieldnames or []
    missing = [name for name in REQUIRED if name not in header]
    unknown = [name for name in header if name not in REQUIRED + OPTIONAL]
    if missing or unknown or len(set(header)) != len(header):
        reasons = [_("the header must have the columns %(columns)s", columns=",".join(REQUIRED))]
        if missing:
            reasons.append(_("missing columns: %(columns)s", columns=",".join(missing)))
        if unknown:
            reasons.append(_("unknown columns: %(columns)s (optional columns: %(optional)s)",
                             columns=",".join(unknown), optional=",".join(OPTIONAL)))
        return [], [(1, "; ".join(reasons))]
    rows: list[tuple[int, dict]] = []
    errors: list[tuple[int, str]] = []
    seen: dict[tuple[str, str], int] = {}
    for row in reader:
        line = reader.line_num
        if None in row or any(value is None for value in row.values()):
            errors.append((line, _("expected %(n)s columns", n=len(header))))
            continue
        try:
            parsed = parse_row(row)
        except RowError as error:
            errors.append((line, str(error)))
            continue
        key = (parsed["account_no"], parsed["period"])
        if key in seen:
            errors.append((line, _("account %(account)s period %(period)s is already on line %(line)s",
                                   account=key[0], period=key[1], line=seen[key])))
            continue
        seen[key] = line
        rows.append((line, parsed))
    return rows, errors


def import_csv(stream: TextIO, source: str = "", actor: str = "system") -> ImportResult:
    """Import a CSV text stream, all rows or nothing, and commit it with an audit entry naming ``source``."""
    try:
        rows, errors = read_rows(stream)
    except (csv.Error, UnicodeDecodeError) as error:
        return ImportResult(errors=[(0, _("The file is not a readable UTF-8 CSV file (%(reason)s).", reason=error))])
    if errors:
        return ImportResult(errors=errors)
    result = ImportResult(errors=[], rows=len(rows))
    try:
        store.upsert([row for _line, row in rows], result)
        record("bills.import", source, actor=actor, after={
            "rows": result.rows, "bills_created": result.bills_created, "bills_updated": result.bills_updated})
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return result


def import_file(path: str, actor: str = "cli") -> ImportResult:
    """Import the UTF-8 CSV file at ``path`` (a byte-order mark is allowed) as :func:`import_csv` does."""
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return import_csv(stream, path, actor)


def import_text(text: str) -> ImportResult:
    """Import CSV given as a string (tests, demo data)."""
    return import_csv(io.StringIO(text, newline=""))
