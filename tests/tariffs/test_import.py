from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.audit.models import AuditLog
from kiosk.extensions import db
from kiosk.tariffs.models import FeeItem, TariffVersion

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def audit_actions() -> list[str]:
    return list(db.session.scalars(select(AuditLog.action).order_by(AuditLog.id)))


@pytest.mark.parametrize("name,added", [("tariffs.yaml", 2), ("tariffs.csv", 1)])
def test_example_tariff_files_import(runner, name, added):
    before = count(TariffVersion)
    result = runner.invoke(args=["import-tariffs", str(EXAMPLES / name)])
    assert result.exit_code == 0, result.output
    assert count(TariffVersion) == before + added
    assert audit_actions()[-1] == "tariffs.import"


def test_csv_rows_form_one_two_part_table(runner):
    runner.invoke(args=["import-tariffs", str(EXAMPLES / "tariffs.csv")])
    version = db.session.scalar(select(TariffVersion).where(TariffVersion.code == "large_industrial")
                                .order_by(TariffVersion.effective_from.desc()))
    assert version.rows == [
        {"voltage": "1_10kv", "peak": "0.9600", "flat": "0.6000", "valley": "0.2400", "basic_kva": "30",
         "basic_kw": "40"},
        {"voltage": "35kv", "peak": "0.9400", "flat": "0.5850", "valley": "0.2340", "basic_kva": "30",
         "basic_kw": "40"}]
    assert version.periods == [{"period": "peak", "from": "08:00", "to": "22:00"},
                               {"period": "valley", "from": "22:00", "to": "08:00"}]
    assert version.names["en"] == "Large industrial, two-part tariff" and version.sample is True


BAD_YAML = """tariffs:
  - code: residential
    category: residential
    effective_from: 2031-01-01
    document_no: X〔2030〕1号
    names: {zh_Hans_CN: 居民, en: Residential}
    rows:
      - {upper_kwh: 2760, flat: "0.538"}
      - {upper_kwh: 2000, flat: "0.588"}
      - {flat: "abc"}
  - code: Bad Code
    category: nuclear
    effective_from: 31/01/2031
    names: {zh_Hans_CN: 坏}
    rows: []
"""


def test_invalid_file_is_rejected_whole_with_line_numbers(en_runner, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_YAML, encoding="utf-8")
    before, audits = count(TariffVersion), len(audit_actions())
    result = en_runner.invoke(args=["import-tariffs", str(path)])
    assert result.exit_code != 0
    lines = result.output.splitlines()
    assert "line 9: upper_kwh must be whole kWh, higher than the tier before." in lines
    assert any(line.startswith("line 10: flat must be a price") for line in lines)
    for reason in ("code must be", "Unknown category “nuclear”", "effective_from must be a date",
                   "document_no", "needs at least Chinese (zh_Hans_CN) and English (en)", "at least one row"):
        assert any(line.startswith("line 11: ") and reason in line for line in lines), reason
    assert lines[-1].startswith("Nothing imported")
    assert count(TariffVersion) == before and len(audit_actions()) == audits  # the good table was not added either


def test_one_bad_table_stops_the_good_ones(en_runner, tmp_path):
    good = (EXAMPLES / "tariffs.yaml").read_text(encoding="utf-8")
    path = tmp_path / "mixed.yaml"
    path.write_text(good.replace('valley: "0.2680"', 'valley: "-1"'), encoding="utf-8")
    before = count(TariffVersion)
    result = en_runner.invoke(args=["import-tariffs", str(path)])
    assert result.exit_code != 0 and "valley must be a price" in result.output
    assert count(TariffVersion) == before


def test_a_version_in_effect_cannot_change(en_runner, tmp_path):
    text = (EXAMPLES / "tariffs.yaml").read_text(encoding="utf-8").replace("2031-01-01", "2024-01-01")
    path = tmp_path / "correction.yaml"
    path.write_text(text, encoding="utf-8")
    result = en_runner.invoke(args=["import-tariffs", str(path)])
    assert result.exit_code != 0
    assert "line 3: The version of 2024-01-01 is already in effect" in result.output


def test_backdated_version_is_refused(en_runner, tmp_path):
    text = (EXAMPLES / "tariffs.yaml").read_text(encoding="utf-8").replace("2031-01-01", "2023-06-01")
    path = tmp_path / "backdated.yaml"
    path.write_text(text, encoding="utf-8")
    result = en_runner.invoke(args=["import-tariffs", str(path)])
    assert result.exit_code != 0 and "cannot take effect before the version now in force" in result.output


def test_upcoming_version_may_be_replaced(runner, tmp_path):
    assert runner.invoke(args=["import-tariffs", str(EXAMPLES / "tariffs.yaml")]).exit_code == 0
    before = count(TariffVersion)
    path = tmp_path / "fix.yaml"
    path.write_text((EXAMPLES / "tariffs.yaml").read_text(encoding="utf-8").replace('"0.838"', '"0.839"'),
                    encoding="utf-8")
    result = runner.invoke(args=["import-tariffs", str(path)])
    assert result.exit_code == 0 and "替换 2 项" in result.output
    assert count(TariffVersion) == before


def test_not_yaml_and_empty_csv(en_runner, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("tariffs:\n  - code: [unclosed\n", encoding="utf-8")
    result = en_runner.invoke(args=["import-tariffs", str(broken)])
    assert result.exit_code != 0 and "Not valid YAML" in result.output
    empty = tmp_path / "empty.csv"
    empty.write_text("code,category\n", encoding="utf-8")
    assert en_runner.invoke(args=["import-tariffs", str(empty)]).exit_code != 0


@pytest.mark.parametrize("name,codes", [
    ("fees.yaml", None),
    ("fees.csv", ["meter_calibration_single", "reconnection"]),
])
def test_fee_import_replaces_the_schedule(runner, name, codes):
    result = runner.invoke(args=["import-fees", str(EXAMPLES / name), "--replace-all"])
    assert result.exit_code == 0, result.output
    stored = list(db.session.scalars(select(FeeItem.code).order_by(FeeItem.sort_order)))
    if codes:
        assert stored == codes
    else:
        assert len(stored) == 11
    assert audit_actions()[-1] == "fees.import"


def test_bad_fee_file_changes_nothing(en_runner, tmp_path):
    path = tmp_path / "fees.csv"
    path.write_text("code,amount,name_zh_Hans_CN,name_en,unit_zh_Hans_CN,unit_en,legal_basis_zh_Hans_CN,"
                    "legal_basis_en\nok,1.00,甲,A,次,each,依据,basis\nok,1.005,乙,B,次,each,依据,basis\n",
                    encoding="utf-8")
    before = count(FeeItem)
    result = en_runner.invoke(args=["import-fees", str(path)])
    assert result.exit_code != 0
    assert "line 3: amount must be yuan with at most two decimals" in result.output
    assert "line 3: The code ok appears twice." in result.output
    assert count(FeeItem) == before


FEE_HEADER = ("code,amount,name_zh_Hans_CN,name_en,unit_zh_Hans_CN,unit_en,legal_basis_zh_Hans_CN,legal_basis_en,"
              "note_zh_Hans_CN,note_en\n")


def fee_line(code: str, note: str = "说明") -> str:
    return f'{code},1.00,甲,A,次,each,依据,basis,{note},"Note, in English"\n'


def test_fee_csv_cut_off_inside_a_quoted_field_imports_nothing(en_runner, tmp_path):
    """Issue 12: a fee CSV cut off inside a quoted field imported and replaced most of the fee schedule."""
    before = list(db.session.scalars(select(FeeItem.code).order_by(FeeItem.sort_order)))
    full = FEE_HEADER + "".join(fee_line(code) for code in before)
    cut = full[:full.index('"Note', len(FEE_HEADER) + 10) + 6]  # inside the quoted note of the first item
    path = tmp_path / "fees.csv"
    path.write_text(cut, encoding="utf-8")
    for args in (["import-fees", str(path)], ["import-fees", str(path), "--replace-all"]):
        result = en_runner.invoke(args=args)
        assert result.exit_code != 0
        assert "line 2: The file ends inside a quoted field that starts on line 2" in result.output
    assert list(db.session.scalars(select(FeeItem.code).order_by(FeeItem.sort_order))) == before
    assert "fees.import" not in audit_actions()


def test_a_quoted_field_running_to_the_end_of_the_file_is_refused(en_runner, tmp_path):
    path = tmp_path / "fees.csv"
    path.write_text(FEE_HEADER + fee_line("ok_one") + 'ok_two,1.00,甲,A,次,each,依据,basis,"说明\n'
                    + "ok_three,1.00,甲,A,次,each,依据,basis,说明,Note\n", encoding="utf-8")
    result = en_runner.invoke(args=["import-fees", str(path), "--replace-all"])
    assert result.exit_code != 0 and "line 3: The file ends inside a quoted field" in result.output
    path.write_text(FEE_HEADER + 'ok_two,1.00,甲,A,次,each,依据,basis,"说明"x,Note\n', encoding="utf-8")
    result = en_runner.invoke(args=["import-fees", str(path), "--replace-all"])
    assert result.exit_code != 0 and "line 2: Not a readable CSV record" in result.output


def test_every_row_must_have_the_header_columns(en_runner, tmp_path):
    before = count(FeeItem)
    path = tmp_path / "fees.csv"
    path.write_text(FEE_HEADER + fee_line("ok_one") + "ok_two,1.00,甲,A\n" + fee_line("ok_three")
                    + fee_line("ok_four").rstrip() + ",extra\n", encoding="utf-8")
    result = en_runner.invoke(args=["import-fees", str(path), "--replace-all"])
    assert result.exit_code != 0
    assert "line 3: expected 10 columns, found 4" in result.output
    assert "line 5: expected 10 columns, found 11" in result.output
    assert count(FeeItem) == before


def test_tariff_csv_rows_are_checked_too(en_runner, tmp_path):
    path = tmp_path / "tariffs.csv"
    path.write_text((EXAMPLES / "tariffs.csv").read_text(encoding="utf-8").rstrip("\n") + ',"cut\n',
                    encoding="utf-8")
    before = count(TariffVersion)
    result = en_runner.invoke(args=["import-tariffs", str(path)])
    assert result.exit_code != 0 and "ends inside a quoted field" in result.output
    assert count(TariffVersion) == before


def test_removing_more_than_half_of_the_fees_needs_replace_all(en_runner, tmp_path):
    current = list(db.session.scalars(select(FeeItem.code).order_by(FeeItem.sort_order)))
    half = len(current) // 2 + len(current) % 2  # keeping this many removes at most half
    path = tmp_path / "fees.csv"
    path.write_text(FEE_HEADER + "".join(fee_line(code) for code in current[:half - 1]), encoding="utf-8")
    result = en_runner.invoke(args=["import-fees", str(path)])
    assert result.exit_code != 0 and "more than half" in result.output and "--replace-all" in result.output
    assert count(FeeItem) == len(current)
    path.write_text(FEE_HEADER + "".join(fee_line(code) for code in current[:half]), encoding="utf-8")
    assert en_runner.invoke(args=["import-fees", str(path)]).exit_code == 0
    assert count(FeeItem) == half
    path.write_text(FEE_HEADER + fee_line("only_one"), encoding="utf-8")
    result = en_runner.invoke(args=["import-fees", str(path), "--replace-all"])
    assert result.exit_code == 0, result.output
    assert list(db.session.scalars(select(FeeItem.code))) == ["only_one"]
