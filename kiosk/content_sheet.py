"""The translation sheet: every stored content text as one spreadsheet, to hand to a translator and import back.

One row per distinct Chinese source text of the ``{locale: text}`` mappings in the JSON columns; the
first column ``zh_Hans_CN`` is the source (the key), then one column per other configured locale with
the stored text. Importing sets each non-empty cell on every stored mapping with that source, all or
nothing. Records of what happened (audit log, display events, print jobs, bills) are not content.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select

from kiosk.content_translations import SOURCE_LOCALE, content_columns, content_mappings, is_content_mapping
from kiosk.csvfile import CsvFileError, CsvRecords, export_csv, import_cell
from kiosk.extensions import db
from kiosk.i18n import LOCALES
from kiosk.transaction import all_or_nothing

#: Tables whose JSON columns record events rather than hold content.
RECORD_TABLES = frozenset({"audit_log", "events", "print_jobs", "bills", "bill_accounts"})
MAX_CELL = 5000
SHOWN_SOURCE = 40


def sheet_columns() -> list[str]:
    """The sheet's header: the Chinese source, then every other configured locale."""
    return [SOURCE_LOCALE, *(code for code in LOCALES if code != SOURCE_LOCALE)]


def _content_rows() -> list[tuple[Any, str]]:
    """(row, attribute) for every stored value of a content column."""
    found: list[tuple[Any, str]] = []
    for model, key in content_columns():
        table: Any = model
        if table.__tablename__ in RECORD_TABLES:
            continue
        found.extend((row, key) for row in db.session.scalars(select(table).order_by(*table.__mapper__.primary_key)))
    return found


def export_sheet() -> list[list[str]]:
    """Every distinct content mapping (by stripped Chinese source) as a row of :func:`sheet_columns`."""
    columns = sheet_columns()
    rows: dict[str, list[str]] = {}
    for row, key in _content_rows():
        for mapping in content_mappings(getattr(row, key)):
            source = mapping[SOURCE_LOCALE].strip()
            found = rows.setdefault(source, [source] + [""] * (len(columns) - 1))
            for index, code in enumerate(columns[1:], start=1):
                text = mapping.get(code)
                if not found[index] and isinstance(text, str):
                    found[index] = text.strip()
    return list(rows.values())


def export_sheet_csv() -> str:
    """The sheet as CSV text with a UTF-8 byte-order mark (Excel opens it with the right characters)."""
    return export_csv(sheet_columns(), export_sheet())


@dataclass
class SheetReport:
    """What an import did or would do; ``errors`` (``(line, reason)``) when it did nothing."""

    errors: list[tuple[int, str]] = field(default_factory=list)
    added: list[tuple[str, str]] = field(default_factory=list)
    changed: list[tuple[str, str]] = field(default_factory=list)
    mappings: int = 0
    rows: int = 0
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def _short(text: str) -> str:
    return text if len(text) <= SHOWN_SOURCE else text[:SHOWN_SOURCE] + "…"


def _read(text: str, sources: set[str], report: SheetReport) -> dict[str, dict[str, str]]:
    """The sheet's non-empty cells by source; problems go to ``report.errors``."""
    try:
        records = CsvRecords(io.StringIO(text.lstrip("\ufeff"), newline=""))
        header = records.header
        if not header:
            report.errors.append((0, _("The file is empty.")))
            return {}
        unknown = [name for name in header if name not in LOCALES]
        if SOURCE_LOCALE not in header:
            report.errors.append((1, _("The header must have a column “%(column)s” (the Chinese source text).",
                                       column=SOURCE_LOCALE)))
        if unknown:
            report.errors.append((1, _("Unknown column “%(column)s”: columns are locale codes (%(codes)s).",
                                       column=unknown[0], codes=", ".join(LOCALES))))
        if len(set(header)) != len(header):
            report.errors.append((1, _("A column appears twice in the header.")))
        if report.errors:
            return {}
        texts: dict[str, dict[str, str]] = {}
        lines: dict[str, int] = {}
        for line, record in records:
            source = import_cell(record[SOURCE_LOCALE].strip())
            if any(len(value) > MAX_CELL for value in record.values()):
                report.errors.append((line, _("A cell is longer than %(max)s characters.", max=MAX_CELL)))
            if not source:
                if any(value.strip() for value in record.values()):
                    report.errors.append((line, _("The Chinese source text is empty.")))
                continue
            if source not in sources:
                report.errors.append((line, _("No stored content has the Chinese text “%(text)s”.",
                                              text=_short(source))))
            if source in lines:
                report.errors.append((line, _("“%(text)s” is on line %(first)s already.", text=_short(source),
                                              first=lines[source])))
            lines.setdefault(source, line)
            texts[source] = {code: import_cell(value.strip()) for code, value in record.items()
                             if code != SOURCE_LOCALE and value.strip()}
        report.errors.extend(records.errors)
    except CsvFileError as error:
        report.errors.append((error.line, error.reason))
        return {}
    if not report.errors and not lines:
        report.errors.append((0, _("The sheet has no rows below its header.")))
    report.errors.sort(key=lambda problem: problem[0])
    return texts


def _translated(value: Any, texts: dict[str, dict[str, str]], report: SheetReport, seen: dict) -> Any:
    """``value`` (a JSON document) with the sheet's texts set on its content mappings, at any depth."""
    if is_content_mapping(value) and value[SOURCE_LOCALE].strip() in texts:
        source = value[SOURCE_LOCALE].strip()
        new = {**value, **texts[source]}
        if new != value:
            report.mappings += 1
            for code, text in texts[source].items():
                if value.get(code) != text:
                    seen.setdefault((source, code), set()).add(bool(value.get(code)))
        value = new
    if isinstance(value, dict):
        return {key: _translated(item, texts, report, seen) for key, item in value.items()}
    if isinstance(value, list):
        return [_translated(item, texts, report, seen) for item in value]
    return value


def _apply(text: str, write: bool, report: SheetReport) -> SheetReport:
    stored = _content_rows()
    sources = {mapping[SOURCE_LOCALE].strip() for row, key in stored for mapping in content_mappings(getattr(row, key))}
    texts = _read(text, sources, report)
    if report.errors:
        return report
    seen: dict[tuple[str, str], set[bool]] = {}
    for row, key in stored:
        old = getattr(row, key)
        new = _translated(old, texts, report, seen)
        if new != old:
            report.rows += 1
            if write:
                setattr(row, key, new)
    for pair, had_text in seen.items():
        (report.changed if True in had_text else report.added).append(pair)
    db.session.flush()
    return report


def import_sheet(text: str, filename: str = "sheet.csv", *, actor: str | None = None, user: Any = None,
                 dry_run: bool = False) -> SheetReport:
    """Set the sheet's texts on every stored mapping with the same Chinese source; all or nothing, audited.

    Only non-empty cells are set (other locales stay as they are); a different stored text is
    overwritten and reported in ``changed``. With ``dry_run`` nothing is written.
    """
    if dry_run:
        report = _apply(text, False, SheetReport(dry_run=True))
        db.session.rollback()
        return report
    return all_or_nothing(lambda: _apply(text, True, SheetReport()), "content.import", filename, _audit,
                          user=user, actor=actor)


def _audit(report: SheetReport) -> dict:
    return {"added": len(report.added), "changed": len(report.changed), "mappings": report.mappings,
            "rows": report.rows, "changed_texts": [f"{code}: {source}" for source, code in report.changed[:50]]}


def decode_sheet(data: bytes) -> str | None:
    """The text of an uploaded or read sheet (UTF-8, with or without a byte-order mark), ``None`` when not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
