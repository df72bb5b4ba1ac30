"""Importing bills from the billing system's CSV export: streamed, checked whole, written in short batches.

A file with any bad row writes nothing; every bad row is reported with its line number
(the header is line 1). Re-importing an (account_no, period) updates that bill. The file is read as
a stream (memory stays bounded) and staged in ``bill_staging`` batch by batch; see ``docs/bills.md``.
"""
from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TextIO

from flask_babel import gettext as _

from kiosk.audit.service import record
from kiosk.bills import store
from kiosk.bills.models import CustomerCategory
from kiosk.csvfile import CsvFileError, CsvRecords
from kiosk.errors import KioskError
from kiosk.extensions import db
from kiosk.parsing import clean_text, decimal_places, parse_date, parse_decimal

REQUIRED = ("account_no", "name", "address", "category", "period", "prev_reading", "curr_reading", "kwh", "amount",
            "due_date", "paid_on")
OPTIONAL = ("meter_no", "phone", "peak_kwh", "valley_kwh", "prepaid_balance", "late_fee")
MAX_ACCOUNT_DIGITS = 20
CATEGORIES = frozenset(category.value for category in CustomerCategory)
#: Rows per staged batch and (about) per batch moved into the bills: each batch is one short transaction.
BATCH_ROWS = 2000
#: Checking stops after this many problems (the file is refused either way).
MAX_PROBLEMS = 10_000


@dataclass
class ImportResult:
    """What an import did (or, with ``errors``, why it did nothing)."""

    errors: list[tuple[int, str]]
    rows: int = 0
    accounts_created: int = 0
    accounts_updated: int = 0
    bills_created: int = 0
    bills_updated: int = 0
    #: Transactions that moved staged rows into the bills (one per batch of accounts).
    batches: int = 0

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
    if value not in CATEGORIES:
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


def _key(row: dict) -> int:
    """``(account_no, period)`` as one small integer (leading zeros kept by the leading 1)."""
    return int("1" + row["account_no"] + row["period"][:4] + row["period"][5:])


def _header_problems(header: list[str]) -> list[tuple[int, str]]:
    missing = [name for name in REQUIRED if name not in header]
    unknown = [name for name in header if name not in REQUIRED + OPTIONAL]
    if not (missing or unknown or len(set(header)) != len(header)):
        return []
    reasons = [_("the header must have the columns %(columns)s", columns=",".join(REQUIRED))]
    if missing:
        reasons.append(_("missing columns: %(columns)s", columns=",".join(missing)))
    if unknown:
        reasons.append(_("unknown columns: %(columns)s (optional columns: %(optional)s)",
                         columns=",".join(unknown), optional=",".join(OPTIONAL)))
    return [(1, "; ".join(reasons))]


def checked_rows(stream: TextIO, errors: list[tuple[int, str]]) -> Iterator[tuple[int, dict]]:
    """The good rows ``(line, row)`` of a CSV text stream, read as they come; every problem goes to ``errors``.

    Problems are added in line order: the header, records with another number of columns, bad values
    and a repeated (account_no, period). Only a compact key per row is kept, so memory stays small
    for files of millions of rows. Stops after :data:`MAX_PROBLEMS` problems.
    """
    records = CsvRecords(stream)
    errors.extend(_header_problems(records.header))
    if errors:
        return
    seen: dict[int, int] = {}
    for line, row in records:
        errors.extend(records.errors)
        records.errors.clear()
        if len(errors) >= MAX_PROBLEMS:
            errors.append((line, _("Stopped checking after %(n)s problems.", n=MAX_PROBLEMS)))
            return
        try:
            parsed = parse_row(row)
        except RowError as error:
            errors.append((line, str(error)))
            continue
        key = _key(parsed)
        if key in seen:
            errors.append((line, _("account %(account)s period %(period)s is already on line %(line)s",
                                   account=parsed["account_no"], period=parsed["period"], line=seen[key])))
            continue
        seen[key] = line
        yield line, parsed
    errors.extend(records.errors)


def read_rows(stream: TextIO) -> tuple[list[tuple[int, dict]], list[tuple[int, str]]]:
    """Checked rows ``(line, row)`` and errors ``(line, reason)`` from a CSV text stream (all in memory)."""
    errors: list[tuple[int, str]] = []
    rows = list(checked_rows(stream, errors))
    return rows, errors


def import_csv(stream: TextIO, source: str = "", actor: str = "system", batch_size: int = BATCH_ROWS) -> ImportResult:
    """Import a CSV text stream, all rows or nothing, and commit it with an audit entry naming ``source``.

    Streams the file: the rows are checked as they are read and written to ``bill_staging`` in batches
    of ``batch_size``, each its own short transaction; any problem anywhere in the file removes the
    staged rows and writes nothing else. A good file is then moved into the accounts and bills one
    batch of accounts at a time (each a short transaction), and the import is audited at the end.
    """
    import_id = uuid.uuid4().hex
    errors: list[tuple[int, str]] = []
    result = ImportResult(errors=errors)
    try:
        try:
            _stage_file(stream, import_id, batch_size, errors, result)
        except CsvFileError as error:
            errors.append((error.line, error.reason))
        except UnicodeDecodeError as error:
            errors.append((0, _("The file is not a readable UTF-8 CSV file (%(reason)s).", reason=error)))
        if errors:
            errors.sort(key=lambda item: item[0])
            _discard(import_id, batch_size)
            return result
        for rows in store.staged_batches(import_id, batch_size):
            store.upsert(rows, result)
            db.session.commit()
            result.batches += 1
        record("bills.import", source, actor=actor, after={
            "rows": result.rows, "bills_created": result.bills_created, "bills_updated": result.bills_updated})
        db.session.commit()
        _clear(import_id, batch_size)
    except BaseException:
        _discard(import_id, batch_size)
        raise
    return result


def _discard(import_id: str, batch_size: int) -> None:
    db.session.rollback()
    _clear(import_id, batch_size)


def _clear(import_id: str, batch_size: int) -> None:
    """Remove the staged rows of ``import_id`` one short transaction per batch."""
    while store.clear_staging(import_id, batch_size):
        db.session.commit()
    db.session.rollback()


def _stage_file(stream: TextIO, import_id: str, batch_size: int, errors: list, result: ImportResult) -> None:
    """Check every row of ``stream`` and stage the good ones in batches while the file has no problem."""
    batch: list[tuple[int, dict]] = []
    for line, row in checked_rows(stream, errors):
        result.rows += 1
        if errors:
            batch.clear()
            continue
        batch.append((line, row))
        if len(batch) >= batch_size:
            store.stage(import_id, batch)
            db.session.commit()
            batch.clear()
    if batch and not errors:
        store.stage(import_id, batch)
        db.session.commit()


def import_file(path: str, actor: str = "cli") -> ImportResult:
    """Import the UTF-8 CSV file at ``path`` (a byte-order mark is allowed) as :func:`import_csv` does."""
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return import_csv(stream, path, actor)


def import_text(text: str, batch_size: int = BATCH_ROWS) -> ImportResult:
    """Import CSV given as a string (tests, demo data)."""
    return import_csv(io.StringIO(text, newline=""), batch_size=batch_size)
