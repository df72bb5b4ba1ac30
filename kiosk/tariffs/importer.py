"""Validating and applying tariff tables: a file is taken whole or not at all; withdrawing a version.

The checks shared with the fee schedule (``fee_importer``) are public here: :class:`ImportResult`,
:func:`localized_field`, :func:`decimal_within`, :func:`import_changes`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from flask_babel import gettext as _

from kiosk.audit import service as audit
from kiosk.dbtypes import is_one_of
from kiosk.extensions import db
from kiosk.i18n import LOCALES
from kiosk.parsing import clean_text, decimal_places, parse_date, parse_decimal
from kiosk.tariffs import export
from kiosk.tariffs.calc import ALL_PERIODS
from kiosk.tariffs.fileformat import COMPONENT_COLUMNS, LINE, FileError, read_records
from kiosk.tariffs.labels import VOLTAGE_NAMES
from kiosk.tariffs.models import TariffVersion, TierBasis, UserClass
from kiosk.tariffs.service import all_versions
from kiosk.transaction import all_or_nothing, use_case

CODE = re.compile(r"^[a-z0-9_-]{1,40}$")
MAX_PRICE = Decimal(10) ** 4
KWH = re.compile(r"^\d{1,9}$")
HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
REQUIRED_LOCALES = ("zh_Hans_CN", "en")


@dataclass
class ImportResult:
    """What an import did, or why it did nothing (``errors``: ``(line, reason)``)."""

    errors: list[tuple[int, str]] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def localized_field(record: dict, key: str, line: int, errors: list, required=True) -> dict:
    """The ``{locale: text}`` field ``key`` of ``record``, cleaned; problems are added to ``errors``."""
    mapping = record.get(key) or {}
    if not isinstance(mapping, dict):
        errors.append((line, _("“%(key)s” must map locales to texts.", key=key)))
        return {}
    clean = {locale: clean_text(text) for locale, text in mapping.items() if locale != LINE and clean_text(text)}
    unknown = [locale for locale in clean if locale not in LOCALES]
    if unknown:
        errors.append((line, _("Unknown locale %(locale)s in “%(key)s”.", locale=unknown[0], key=key)))
    if required and any(locale not in clean for locale in REQUIRED_LOCALES):
        errors.append((line, _("“%(key)s” needs at least Chinese (zh_Hans_CN) and English (en).", key=key)))
    return clean


def _date(value, line: int, errors: list) -> date | None:
    try:
        return parse_date(value)
    except ValueError:
        errors.append((line, _("effective_from must be a date YYYY-MM-DD.")))
        return None


def decimal_within(text: str, places: int, below: Decimal) -> bool:
    """Whether ``text`` is a number from 0 up to (not including) ``below`` with at most ``places`` decimals."""
    try:
        value = parse_decimal(text)
    except ValueError:
        return False
    return not text.startswith("-") and decimal_places(value) <= places and value < below


def _price(value, what: str, line: int, errors: list) -> str | None:
    text = clean_text(value)
    if not decimal_within(text, 6, MAX_PRICE):
        errors.append((line, _("%(what)s must be a price such as 0.538 (got “%(value)s”).", what=what, value=text)))
        return None
    return text


def _rows(record: dict, line: int, errors: list) -> list[dict]:
    rows = record.get("rows")
    if not isinstance(rows, list) or not rows:
        errors.append((line, _("A table needs at least one row.")))
        return []
    tiered = any("upper_kwh" in row for row in rows if isinstance(row, dict))
    clean, last_upper, voltages = [], -1, set()
    for index, row in enumerate(rows):
        at = row.get(LINE, line) if isinstance(row, dict) else line
        if not isinstance(row, dict):
            errors.append((at, _("Row %(n)s is not a mapping.", n=index + 1)))
            continue
        out: dict = {}
        unknown = [key for key in row if key not in (LINE, "upper_kwh", "voltage", "components", *ALL_PERIODS,
                                                      "basic_kva", "basic_kw")]
        if unknown:
            errors.append((at, _("Unknown column “%(key)s”.", key=unknown[0])))
        if tiered:
            upper, is_last = clean_text(row.get("upper_kwh")), index == len(rows) - 1
            if is_last and upper:
                errors.append((at, _("The last tier must have no upper limit.")))
            elif not is_last and (not KWH.match(upper) or int(upper) <= last_upper):
                errors.append((at, _("upper_kwh must be whole kWh, higher than the tier before.")))
            else:
                last_upper = int(upper) if upper else last_upper
            out["upper_kwh"] = int(upper) if KWH.match(upper) else None
            if "voltage" in row:
                errors.append((at, _("A tier row has no voltage level.")))
        else:
            voltage = clean_text(row.get("voltage"))
            if voltage not in VOLTAGE_NAMES or voltage in voltages:
                errors.append((at, _("Unknown or repeated voltage level “%(value)s”.", value=voltage)))
            voltages.add(voltage)
            out["voltage"] = voltage
        for key in (*ALL_PERIODS, "basic_kva", "basic_kw"):
            if clean_text(row.get(key)):
                out[key] = _price(row[key], key, at, errors)
        if not any(key in out for key in ALL_PERIODS):
            errors.append((at, _("A row needs at least one price.")))
        elif tiered and "flat" not in out and not {"peak", "valley"} <= set(out):
            errors.append((at, _("A tier needs a flat price or both peak and valley prices.")))
        components = row.get("components") or {}
        if not isinstance(components, dict) or any(k not in (*COMPONENT_COLUMNS, LINE) for k in components):
            errors.append((at, _("Components must be among: %(names)s.", names=", ".join(COMPONENT_COLUMNS))))
        elif components:
            out["components"] = {key: _price(value, key, at, errors) for key, value in components.items()
                                 if key != LINE}
        clean.append(out)
    return clean


def _periods(record: dict, line: int, errors: list) -> list[dict]:
    periods = record.get("periods") or []
    clean = []
    for item in periods if isinstance(periods, list) else [None]:
        at = item.get(LINE, line) if isinstance(item, dict) else line
        if not isinstance(item, dict) or item.get("period") not in ALL_PERIODS or not all(
                HHMM.match(clean_text(item.get(key))) for key in ("from", "to")):
            errors.append((at, _("A period needs a name (critical, peak, flat, valley) and times HH:MM.")))
            continue
        clean.append({"period": item["period"], "from": clean_text(item["from"]), "to": clean_text(item["to"])})
    return clean


def validate_tariff(record: dict) -> tuple[dict, list[tuple[int, str]]]:
    """One table record checked and normalized; ``errors`` lists ``(line, reason)``."""
    line, errors = record.get(LINE, 0), []
    code, category = clean_text(record.get("code")), clean_text(record.get("category"))
    if not CODE.match(code):
        errors.append((line, _("code must be 1–40 lowercase letters, digits, “_” or “-”.")))
    if not is_one_of(category, UserClass):
        errors.append((line, _("Unknown category “%(value)s”.", value=category)))
    tier_basis = clean_text(record.get("tier_basis")) or None
    if tier_basis is not None and not is_one_of(tier_basis, TierBasis):
        errors.append((line, _("tier_basis must be annual or monthly.")))
    document_no = clean_text(record.get("document_no"))
    if not document_no or len(document_no) > 120:
        errors.append((line, _("document_no (the source document number) is required.")))
    sort_order = clean_text(record.get("sort_order")) or "0"
    if not sort_order.isdigit():
        errors.append((line, _("sort_order must be a whole number.")))
    clean = {"code": code, "user_class": category, "tier_basis": tier_basis, "document_no": document_no,
             "effective_from": _date(record.get("effective_from"), line, errors),
             "names": localized_field(record, "names", line, errors), "sort_order": int(sort_order or 0)
             if sort_order.isdigit() else 0,
             "notes": localized_field(record, "notes", line, errors, required=False),
             "sample": bool(record.get("sample")), "periods": _periods(record, line, errors),
             "rows": _rows(record, line, errors)}
    return clean, errors


def import_changes(result: ImportResult) -> dict:
    """What the audit log keeps of an import."""
    return {"created": result.created, "replaced": result.replaced, "removed": result.removed}


def import_tariffs(text: str, filename: str, on: date, actor: str) -> ImportResult:
    """Check every table of the file, then add them (replacing versions not yet in effect); nothing on error.

    One use case: committed with its audit entry when the whole file is good, else rolled back.
    """
    return all_or_nothing(lambda: _add_tariffs(text, filename, on, actor), "tariffs.import", filename, import_changes,
                          actor=actor)


def _add_tariffs(text: str, filename: str, on: date, actor: str) -> ImportResult:
    result = ImportResult()
    try:
        records = read_records(text, filename, "tariffs")
    except FileError as error:
        result.errors.extend(error.problems)
        return result
    existing = {(v.code, v.effective_from): v for v in all_versions()}
    seen, clean_tables = set(), []
    for record in records:
        clean, errors = validate_tariff(record)
        line, key = record.get(LINE, 0), (clean["code"], clean["effective_from"])
        if key in seen:
            errors.append((line, _("This table and effective date appear twice in the file.")))
        seen.add(key)
        old = existing.get(key)
        in_force = [v for (code, day), v in existing.items() if code == clean["code"] and day <= on]
        if old is not None and old.effective_from <= on:
            errors.append((line, _("The version of %(date)s is already in effect and cannot change: "
                                   "publish a correction as a new version.", date=old.effective_from.isoformat())))
        elif old is None and clean["effective_from"] and in_force and clean["effective_from"] < max(
                v.effective_from for v in in_force):
            errors.append((line, _("A new version cannot take effect before the version now in force.")))
        if any(v.user_class != clean["user_class"] for (code, _d), v in existing.items() if code == clean["code"]):
            errors.append((line, _("This table already exists with another category.")))
        result.errors += errors
        clean_tables.append((clean, old))
    if result.errors:
        result.errors.sort(key=lambda item: item[0])
        return result
    for clean, old in clean_tables:
        label = f"{clean['code']}@{clean['effective_from'].isoformat()}"
        if old is not None:
            db.session.delete(old)
            db.session.flush()
            result.replaced.append(label)
        else:
            result.created.append(label)
        db.session.add(TariffVersion(created_by=actor, **clean))
    db.session.flush()
    return result


@use_case
def withdraw_version(version_id: int, on: date) -> bool:
    """Withdraw version ``version_id`` when it has not taken effect on ``on`` (audit-logged); whether it was."""
    version = db.session.get(TariffVersion, version_id)
    if version is None or version.effective_from <= on:
        return False
    audit.record("tariffs.withdraw", f"{version.code}@{version.effective_from.isoformat()}",
           before=export.version_record(version))
    db.session.delete(version)
    return True
