"""``kiosk.csvfile``: the header's column count on every record, cut-off files refused."""
import io

import pytest
from flask_babel import force_locale

from kiosk.csvfile import CsvFileError, CsvRecords


def read(text: str) -> tuple[list, list]:
    records = CsvRecords(io.StringIO(text, newline=""))
    return list(records), records.errors


def test_records_with_their_lines(empty_app):
    rows, errors = read('\ufeffa,b\n1,"two\nlines"\n\n3,4')
    assert rows == [(3, {"a": "1", "b": "two\nlines"}), (5, {"a": "3", "b": "4"})] and errors == []


def test_other_column_counts_are_listed_by_line(empty_app):
    with force_locale("en"):
        rows, errors = read("a,b\n1\n2,3\n4,5,6\n")
    assert rows == [(3, {"a": "2", "b": "3"})]
    assert errors == [(2, "expected 2 columns, found 1"), (4, "expected 2 columns, found 3")]


@pytest.mark.parametrize("text", ['a,b\n1,"', 'a,b\n1,"cut', 'a,b\n1,"cut\n2,3\n', 'a,b\n1,"x""'])
def test_a_file_ending_inside_quotes_is_refused(empty_app, text):
    with pytest.raises(CsvFileError) as raised:
        read(text)
    assert raised.value.line == 2
