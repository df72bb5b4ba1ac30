"""Importing applications and stage updates (CSV file or API), all-or-nothing and idempotent.

One record per application stage: ``number, business, applicant, phone, stage, started_on, completed_on``.
Every record is validated first; any bad record means nothing is written, and every error carries its
line number (the CSV header is line 1). Importing the same data again changes nothing.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from kiosk.csvfile import CsvFileError, CsvRecords
from kiosk.errors import KioskError
from kiosk.extensions import db
from kiosk.guides.labels import STAGES
from kiosk.guides.models import Application, ApplicationStage, Guide
from kiosk.guides.progress import normalize_number
from kiosk.parsing import clean_text, parse_date
from kiosk.transaction import all_or_nothing

COLUMNS = ("number", "business", "applicant", "phone", "stage", "started_on", "completed_on")
STAGE_ORDER = {code: index for index, code in enumerate(STAGES)}
MAX_ROWS = 50_000


@dataclass
class ImportResult:
    errors: list[tuple[int, str]] = field(default_factory=list)
    rows: int = 0
    created: int = 0
    updated: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class Record:
    line: int
    number: str
    business: str
    applicant: str
    last4: str
    stage: str
    started_on: date | None
    completed_on: date | None


class RecordError(KioskError):
    """Why one record is bad (translated)."""


def _date(raw: object, name: str) -> date | None:
    text = clean_text(raw)
    if not text:
        return None
    try:
        return parse_date(text)
    except ValueError:
        raise RecordError(_("%(column)s “%(value)s” is not a date YYYY-MM-DD", column=name, value=text[:20])) from None


def parse_record(line: int, row: dict, businesses: set[str]) -> Record:
    """One validated record, or :class:`RecordError`."""
    number = normalize_number(clean_text(row.get("number")))
    if not number:
        raise RecordError(_("number is missing or not letters, digits and '-' (at most 32)"))
    business = clean_text(row.get("business"))
    if business not in businesses:
        raise RecordError(_("business “%(value)s” is not a known business type", value=business[:40]))
    applicant = clean_text(row.get("applicant"))
    if not applicant or len(applicant) > 64:
        raise RecordError(_("applicant is missing or longer than 64 characters"))
    digits = "".join(ch for ch in clean_text(row.get("phone")) if ch not in " -+")
    if len(digits) < 4 or len(digits) > 20 or not digits.isdigit():
        raise RecordError(_("phone must have 4 to 20 digits"))
    stage = clean_text(row.get("stage"))
    if stage not in STAGES:
        raise RecordError(_("stage “%(value)s” is not one of %(stages)s", value=stage[:20],
                            stages=", ".join(STAGES)))
    started, completed = _date(row.get("started_on"), "started_on"), _date(row.get("completed_on"), "completed_on")
    if started and completed and completed < started:
        raise RecordError(_("completed_on is before started_on"))
    return Record(line, number, business, applicant, digits[-4:], stage, started, completed)


def validate(rows: list[tuple[int, dict]]) -> tuple[list[Record], list[tuple[int, str]]]:
    """Records and errors for ``(line, row)`` pairs, including conflicts between rows."""
    businesses = set(db.session.scalars(select(Guide.code)))
    records: list[Record] = []
    errors: list[tuple[int, str]] = []
    seen: set[tuple[str, str]] = set()
    people: dict[str, tuple[str, str, str]] = {}
    for line, row in rows:
        try:
            record = parse_record(line, row, businesses)
        except RecordError as problem:
            errors.append((line, str(problem)))
            continue
        if (record.number, record.stage) in seen:
            errors.append((line, _("stage %(stage)s of %(number)s appears twice", stage=record.stage,
                                   number=record.number)))
            continue
        seen.add((record.number, record.stage))
        who = (record.business, record.applicant, record.last4)
        if people.setdefault(record.number, who) != who:
            errors.append((line, _("%(number)s has a different business, applicant or phone on another line",
                                   number=record.number)))
            continue
        records.append(record)
    return records, errors


def write(records: list[Record]) -> tuple[int, int]:
    """Create or update applications and stages from validated records; returns (created, updated) applications.

    The caller commits.
    """
    created = updated = 0
    by_number: dict[str, list[Record]] = {}
    for record in records:
        by_number.setdefault(record.number, []).append(record)
    for number, group in by_number.items():
        first = group[0]
        application = db.session.scalar(select(Application).where(Application.number == number))
        if application is None:
            application = Application(number=number, business=first.business, applicant=first.applicant,
                                      phone_last4=first.last4)
            db.session.add(application)
            created, changed = created + 1, False
        else:
            changed = (application.business, application.applicant, application.phone_last4) != (
                first.business, first.applicant, first.last4)
            application.business, application.applicant = first.business, first.applicant
            application.phone_last4 = first.last4
        stages = {row.stage: row for row in application.stages}
        for record in group:
            row = stages.get(record.stage)
            if row is None:
                row = ApplicationStage(stage=record.stage, position=STAGE_ORDER[record.stage])
                application.stages.append(row)
                changed = True
            elif (row.started_on, row.completed_on) != (record.started_on, record.completed_on):
                changed = True
            row.started_on, row.completed_on = record.started_on, record.completed_on
        if application.id is not None and changed:
            updated += 1
    db.session.flush()
    return created, updated


def _counts(result: ImportResult) -> dict:
    return {"rows": result.rows, "created": result.created, "updated": result.updated}


def import_rows(rows: list[tuple[int, dict]], target: str, *, user=None, actor: str | None = None) -> ImportResult:
    """Validate then write ``(line, row)`` pairs (nothing written when any row is bad).

    One use case: committed with its audit entry (``target`` names the source) when every row is good,
    else rolled back.
    """
    return all_or_nothing(lambda: _write_rows(rows), "applications.import", target, _counts, user=user, actor=actor)


def _write_rows(rows: list[tuple[int, dict]]) -> ImportResult:
    if len(rows) > MAX_ROWS:
        return ImportResult(errors=[(0, _("At most %(n)s rows per import.", n=MAX_ROWS))])
    records, errors = validate(rows)
    if errors:
        return ImportResult(errors=errors)
    created, updated = write(records)
    return ImportResult(rows=len(records), created=created, updated=updated)


def read_csv(stream: io.TextIOBase) -> tuple[list[tuple[int, dict]], list[tuple[int, str]]]:
    """``(line, row)`` pairs of a CSV file, or the header's and malformed records' errors.

    Raises :class:`kiosk.csvfile.CsvFileError` for a file that ends inside a quoted field.
    """
    records = CsvRecords(stream)
    missing = [name for name in COLUMNS if name not in records.header]
    if missing:
        return [], [(1, _("missing columns: %(columns)s", columns=", ".join(missing)))]
    rows = list(records)
    return rows, records.errors


def import_csv(stream: io.TextIOBase, target: str, *, actor: str | None = None) -> ImportResult:
    """Import a CSV stream (see :data:`COLUMNS`) as one use case, like :func:`import_rows`."""
    try:
        rows, errors = read_csv(stream)
    except CsvFileError as problem:
        return ImportResult(errors=[(problem.line, problem.reason)])
    except UnicodeDecodeError as problem:
        return ImportResult(errors=[(0, _("The file is not a readable UTF-8 CSV file (%(reason)s).",
                                          reason=type(problem).__name__))])
    if errors:
        return ImportResult(errors=errors)
    return import_rows(rows, target, actor=actor)
