"""Reading import CSV files strictly: a header, then records with exactly its number of columns.

Every importer reads its CSV files through :class:`CsvRecords`. It refuses what Python's ``csv``
module would otherwise accept quietly: a record with more or fewer columns than the header (listed in
:attr:`CsvRecords.errors` by line, the header being line 1) and a file that ends inside a quoted field
(a cut-off file, raised as :class:`CsvFileError` with the line where that last record starts).
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from flask_babel import gettext as _

from kiosk.errors import KioskError


class CsvFileError(KioskError):
    """A CSV file that cannot be read at all; ``line`` is where the problem is (0 when none applies)."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line, self.reason = line, reason


class _Lines:
    """The lines of ``source``, remembering whether the last one ended with a line break."""

    def __init__(self, source: Iterable[str]) -> None:
        self.source = iter(source)
        self.last = ""

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        self.last = next(self.source)
        return self.last


class CsvRecords:
    """The records of a CSV text stream as ``(line, {column: value})``, checked against the header.

    ``header`` is the first record (a leading byte-order mark is dropped). Iterating yields every
    record with as many fields as the header; records with another count are skipped and listed in
    ``errors`` as ``(line, reason)``; blank lines are skipped. A file that ends inside a quoted
    field, or that the ``csv`` module cannot parse, raises :class:`CsvFileError`.
    """

    def __init__(self, stream: Iterable[str]) -> None:
        self._lines = _Lines(stream)
        self._reader = csv.reader(self._lines, strict=True)
        self.errors: list[tuple[int, str]] = []
        first = self._next()
        self.header = [name.strip() for name in first] if first else []
        if self.header:
            self.header[0] = self.header[0].lstrip("\ufeff")

    @property
    def line(self) -> int:
        """The line number where the record read last ends."""
        return self._reader.line_num

    def _next(self) -> list[str] | None:
        start = self._reader.line_num + 1
        try:
            return next(self._reader)
        except StopIteration:
            return None
        except csv.Error as error:
            if "end of data" in str(error) or not self._lines.last.endswith(("\n", "\r")):
                raise CsvFileError(start, _("The file ends inside a quoted field that starts on line %(line)s: "
                                            "it looks cut off.", line=start)) from None
            raise CsvFileError(self._reader.line_num, _("Not a readable CSV record (%(reason)s).",
                                                        reason=str(error))) from None

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        width = len(self.header)
        while (fields := self._next()) is not None:
            if not fields:
                continue
            if len(fields) != width:
                self.errors.append((self.line, _("expected %(n)s columns, found %(found)s", n=width,
                                                 found=len(fields))))
                continue
            yield self.line, dict(zip(self.header, fields, strict=True))


#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_cell(value: object) -> object:
    """``value`` safe for a spreadsheet: text that would start a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def import_cell(text: str) -> str:
    """``text`` read back from a sheet :func:`export_cell` wrote: the apostrophe guarding a formula start is dropped."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def export_csv(columns: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    """A CSV text for download: UTF-8 byte-order mark (Excel reads Chinese), header, formula-safe cells."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([export_cell(value) for value in row])
    return "\ufeff" + out.getvalue()
