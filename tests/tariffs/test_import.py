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
    result = runner.invoke(args=["import-fees", str(EXAMPLES / name)])
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
