"""Reading tariff and fee files (YAML or CSV) into plain records that remember their line numbers."""
from __future__ import annotations

import io
from typing import Any

import yaml
from flask_babel import gettext as _

from kiosk.csvfile import CsvFileError, CsvRecords
from kiosk.errors import KioskError
from kiosk.i18n import LOCALES
from kiosk.parsing import clean_text
from kiosk.tariffs.calc import ALL_PERIODS

LINE = "__line__"
COMPONENT_COLUMNS = ("purchase", "line_loss", "transmission", "system_operation", "funds")
ROW_COLUMNS = ("upper_kwh", "voltage", *ALL_PERIODS, "basic_kva", "basic_kw")
TABLE_COLUMNS = ("code", "category", "effective_from", "document_no", "tier_basis", "sample", "sort_order", "periods")
LOCALIZED = {"name": "names", "note": "notes", "unit": "units", "legal_basis": "legal_basis"}


class FileError(KioskError):
    """A file that cannot be read at all (``line`` 0 when no line applies); ``problems``: every ``(line, reason)``."""

    def __init__(self, line: int, reason: str, problems: list[tuple[int, str]] | None = None) -> None:
        super().__init__(reason)
        self.line, self.reason = line, reason
        self.problems = problems or [(line, reason)]


class _LineLoader(yaml.SafeLoader):
    """A safe loader that stores each mapping's first line under ``__line__``."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


def read_records(text: str, filename: str, key: str) -> list[dict]:
    """The records of a ``tariffs`` or ``fees`` file; CSV when the name ends in ``.csv``, else YAML."""
    if filename.lower().endswith(".csv"):
        return _csv_tariffs(text) if key == "tariffs" else _csv_fees(text)
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise FileError(mark.line + 1 if mark else 0, _("Not valid YAML.")) from None
    if isinstance(data, dict):
        data = data.get(key)
    if not isinstance(data, list) or not data:
        raise FileError(0, _("The file must hold a non-empty list under “%(key)s”.", key=key))
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            raise FileError(0, _("Entry %(n)s is not a mapping.", n=index + 1))
    return data


def _csv_rows(text: str) -> list[tuple[int, dict]]:
    """Every record of the CSV ``text`` as ``(line, row)``; :class:`FileError` listing every malformed record."""
    try:
        records = CsvRecords(io.StringIO(text.lstrip("\ufeff"), newline=""))
        if "code" not in records.header:
            raise FileError(1, _("The CSV header must name the columns, starting with “code”."))
        rows = list(records)
    except CsvFileError as error:
        raise FileError(error.line, error.reason) from None
    if records.errors:
        raise FileError(*records.errors[0], problems=records.errors)
    return rows


def _localized_columns(row: dict, prefix: str) -> dict:
    texts = {locale: clean_text(row.get(f"{prefix}_{locale}")) for locale in LOCALES}
    return {locale: text for locale, text in texts.items() if text}


def _csv_tariffs(text: str) -> list[dict]:
    """One CSV line per table row; lines with the same code and effective date form one version."""
    tables: dict[tuple, dict] = {}
    for line, row in _csv_rows(text):
        key = (clean_text(row.get("code")), clean_text(row.get("effective_from")))
        head: dict[str, Any] = {column: clean_text(row.get(column)) for column in TABLE_COLUMNS}
        head["names"], head["notes"] = _localized_columns(row, "name"), _localized_columns(row, "note")
        head["periods"] = _periods(head["periods"])
        head["sample"] = head["sample"].lower() in ("1", "true", "yes")
        head["tier_basis"] = head["tier_basis"] or None
        head["sort_order"] = head["sort_order"] or 0
        table_row = {column: row[column].strip() for column in ROW_COLUMNS if clean_text(row.get(column))}
        components = {column: row[column].strip() for column in COMPONENT_COLUMNS if clean_text(row.get(column))}
        if components:
            table_row["components"] = components
        table_row[LINE] = line
        if key not in tables:
            tables[key] = {**head, LINE: line, "rows": []}
        elif {k: tables[key][k] for k in head} != head:
            raise FileError(line, _("The table columns differ from the first line of this table (line %(first)s).",
                                    first=tables[key][LINE]))
        tables[key]["rows"].append(table_row)
    if not tables:
        raise FileError(1, _("The file has no data lines."))
    return list(tables.values())


def _periods(text: str) -> list[dict]:
    """``"peak 08:00-22:00; valley 22:00-08:00"`` as period records."""
    periods = []
    for part in filter(None, (piece.strip() for piece in text.split(";"))):
        name, _sep, span = part.partition(" ")
        start, _dash, end = span.strip().partition("-")
        periods.append({"period": name, "from": start.strip(), "to": end.strip()})
    return periods


def _csv_fees(text: str) -> list[dict]:
    records = []
    for line, row in _csv_rows(text):
        record = {"code": clean_text(row.get("code")), "amount": clean_text(row.get("amount")),
                  "sample": clean_text(row.get("sample")).lower() in ("1", "true", "yes"), LINE: line}
        for prefix, field in LOCALIZED.items():
            record[field] = _localized_columns(row, prefix)
        records.append(record)
    if not records:
        raise FileError(1, _("The file has no data lines."))
    return records


def dump_yaml(key: str, records: list[dict]) -> str:
    """Records as a YAML document under ``key`` (for examples and the "new version" form)."""
    return yaml.safe_dump({key: records}, allow_unicode=True, sort_keys=False, width=100)
