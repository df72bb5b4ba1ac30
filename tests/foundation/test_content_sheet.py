"""The translation sheet: export every stored content text, import a translator's sheet back, all or nothing."""
from __future__ import annotations

import csv
import io

from flask_babel import force_locale
from sqlalchemy import func, select

from kiosk.audit.models import AuditLog
from kiosk.content_sheet import export_sheet, export_sheet_csv, import_sheet, sheet_columns
from kiosk.extensions import db
from kiosk.guides.models import Guide
from kiosk.notices.models import Notice


def sheet_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def a_guide_step():
    guide = db.session.scalars(select(Guide).order_by(Guide.id)).first()
    return guide, guide.steps[0]["names"]["zh_Hans_CN"]


def stored_texts(source: str, code: str) -> list:
    found = []
    from kiosk.content_sheet import _content_rows
    from kiosk.content_translations import content_mappings
    for row, key in _content_rows():
        found += [m.get(code) for m in content_mappings(getattr(row, key)) if m["zh_Hans_CN"].strip() == source]
    return found


def test_export_lists_guide_steps_and_notice_titles(app):
    text = export_sheet_csv()
    assert text.startswith("\ufeff")
    rows = sheet_rows(text)
    assert rows[0] == sheet_columns() == ["zh_Hans_CN", "en", "ug", "bo", "mn_Mong_CN"]
    sources = [row[0] for row in rows[1:]]
    assert len(sources) == len(set(sources))
    _guide, step = a_guide_step()
    notice = db.session.scalars(select(Notice)).first()
    assert step in sources and notice.titles["zh_Hans_CN"] in sources


def test_round_trip_sets_every_mapping_with_the_source(app):
    guide, step = a_guide_step()
    rows = [list(row) for row in export_sheet()]
    for row in rows:
        if row[0] == step:
            row[2] = "يېڭى تەرجىمە"
    other = next(row for row in rows if row[0] != step and len(set(stored_texts(row[0], "ug"))) == 1)
    before_other = stored_texts(other[0], "ug")
    text = export_csv_text(rows)
    report = import_sheet(text, "sheet.csv", actor="test")
    assert report.ok, report.errors
    assert (step, "ug") in report.changed + report.added
    db.session.expire_all()
    assert db.session.get(Guide, guide.id).steps[0]["names"]["ug"] == "يېڭى تەرجىمە"
    assert set(stored_texts(step, "ug")) == {"يېڭى تەرجىمە"}
    assert stored_texts(other[0], "ug") == before_other
    assert db.session.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "content.import")) == 1


def export_csv_text(rows) -> str:
    from kiosk.csvfile import export_csv
    return export_csv(sheet_columns(), rows)


def assert_nothing_written(app, text: str, expected: str):
    before = export_sheet()
    audits = db.session.scalar(select(func.count()).select_from(AuditLog))
    with force_locale("en"):
        report = import_sheet(text, "sheet.csv", actor="test")
    assert not report.ok
    assert any(expected in reason for _line, reason in report.errors), report.errors
    db.session.expire_all()
    assert export_sheet() == before
    assert db.session.scalar(select(func.count()).select_from(AuditLog)) == audits
    return report


def test_unknown_locale_column(app):
    _guide, step = a_guide_step()
    assert_nothing_written(app, f"zh_Hans_CN,fr\n{step},x\n", "Unknown column")


def test_unknown_source_names_line_and_text(app):
    _guide, step = a_guide_step()
    report = assert_nothing_written(app, f"zh_Hans_CN,ug\n{step},a\n不存在的文字,b\n", "不存在的文字")
    assert report.errors[0][0] == 3


def test_empty_file_and_malformed_csv(app):
    _guide, step = a_guide_step()
    assert_nothing_written(app, "", "empty")
    assert_nothing_written(app, "zh_Hans_CN,ug\n", "no rows")
    assert_nothing_written(app, f'zh_Hans_CN,ug\n{step},a,b\n', "columns")
    assert_nothing_written(app, f'zh_Hans_CN,ug\n"{step},a\n', "cut off")
    assert_nothing_written(app, f"zh_Hans_CN,ug\n{step},{'x' * 6000}\n", "longer")


def test_dry_run_writes_nothing(app):
    _guide, step = a_guide_step()
    before = export_sheet()
    report = import_sheet(f"zh_Hans_CN,bo\n{step},བོད\n", dry_run=True)
    assert report.ok and report.rows >= 1
    db.session.expire_all()
    assert export_sheet() == before


def test_cli_export_and_import(app, en_runner, tmp_path):
    path = tmp_path / "sheet.csv"
    result = en_runner.invoke(args=["content", "export", str(path)])
    assert result.exit_code == 0, result.output
    rows = sheet_rows(path.read_text(encoding="utf-8"))
    _guide, step = a_guide_step()
    edited = tmp_path / "edited.csv"
    edited.write_text(export_csv_text([[step, "", "", "", "ᠰᠢᠨ᠎ᠡ"]]), encoding="utf-8")
    result = en_runner.invoke(args=["content", "import", str(edited), "--dry-run"])
    assert result.exit_code == 0 and "Dry run" in result.output, result.output
    result = en_runner.invoke(args=["content", "import", str(edited)])
    assert result.exit_code == 0, result.output
    assert set(stored_texts(step, "mn_Mong_CN")) == {"ᠰᠢᠨ᠎ᠡ"}
    bad = tmp_path / "bad.csv"
    bad.write_bytes("zh_Hans_CN,ug\n中文,x\n".encode("gb18030"))
    result = en_runner.invoke(args=["content", "import", str(bad)])
    assert result.exit_code == 1 and "UTF-8" in result.output
    assert len(rows) > 10
