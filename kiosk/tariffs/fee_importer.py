"""Validating and applying the fee schedule: a file replaces the whole schedule, or nothing on any error.

A file that would remove more than half of the current items is refused unless the caller confirms
it (``replace_all``: ``--replace-all`` on the command line, a checkbox on the staff form).
"""
from __future__ import annotations

from decimal import Decimal

from flask_babel import gettext as _
from sqlalchemy import select

from kiosk.extensions import db
from kiosk.parsing import clean_text, parse_decimal
from kiosk.tariffs.fileformat import LINE, FileError, read_records
from kiosk.tariffs.importer import CODE, ImportResult, decimal_within, import_changes, localized_field
from kiosk.tariffs.models import FeeItem
from kiosk.transaction import all_or_nothing, removes_too_much

MAX_AMOUNT = Decimal(10) ** 9


def import_fees(text: str, filename: str, actor: str, replace_all: bool = False) -> ImportResult:
    """Replace the whole fee schedule with the file's items, in the file's order; nothing on error.

    One use case: committed with its audit entry when the whole file is good, else rolled back.
    Removing more than half of the current items needs ``replace_all``.
    """
    return all_or_nothing(lambda: _replace_fees(text, filename, replace_all), "fees.import", filename, import_changes,
                          actor=actor)


def validate_fee(record: dict) -> tuple[dict, list[tuple[int, str]]]:
    """One fee item checked and normalized."""
    line, errors = record.get(LINE, 0), []
    code, amount = clean_text(record.get("code")), clean_text(record.get("amount"))
    if not CODE.match(code):
        errors.append((line, _("code must be 1–40 lowercase letters, digits, “_” or “-”.")))
    amount_ok = decimal_within(amount, 2, MAX_AMOUNT)
    if not amount_ok:
        errors.append((line, _("amount must be yuan with at most two decimals (got “%(value)s”).", value=amount)))
    clean = {"code": code, "amount_fen": int(parse_decimal(amount) * 100) if amount_ok else 0,
             "names": localized_field(record, "names", line, errors),
             "units": localized_field(record, "units", line, errors),
             "legal_basis": localized_field(record, "legal_basis", line, errors),
             "notes": localized_field(record, "notes", line, errors, required=False),
             "sample": bool(record.get("sample"))}
    return clean, errors


def _replace_fees(text: str, filename: str, replace_all: bool) -> ImportResult:
    result = ImportResult()
    try:
        records = read_records(text, filename, "fees")
    except FileError as error:
        result.errors.extend(error.problems)
        return result
    items, seen = [], set()
    for record in records:
        clean, errors = validate_fee(record)
        if clean["code"] in seen:
            errors.append((record.get(LINE, 0), _("The code %(code)s appears twice.", code=clean["code"])))
        seen.add(clean["code"])
        result.errors += errors
        items.append(clean)
    if result.errors:
        return result
    existing = {item.code: item for item in db.session.scalars(select(FeeItem))}
    kept = {clean["code"] for clean in items}
    removed = sum(code not in kept for code in existing)
    if not replace_all and removes_too_much(removed, len(existing)):
        result.errors.append((0, _("This would remove %(removed)s of the %(total)s current fee items, more than half: "
                                   "nothing was changed. Confirm that the file replaces them all "
                                   "(--replace-all, or the “Replace all” box).", removed=removed,
                                   total=len(existing))))
        return result
    for position, clean in enumerate(items, start=1):
        item = existing.pop(clean["code"], None)
        if item is None:
            item = FeeItem(code=clean["code"])
            db.session.add(item)
            result.created.append(clean["code"])
        else:
            result.replaced.append(clean["code"])
        for key, value in clean.items():
            setattr(item, key, value)
        item.sort_order = position * 10
    for code, item in existing.items():
        db.session.delete(item)
        result.removed.append(code)
    db.session.flush()
    return result
