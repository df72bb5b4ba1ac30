"""Importing applications: CSV command and API, atomic and idempotent."""
import pytest
from sqlalchemy import func, select

from kiosk.audit.models import AuditLog
from kiosk.extensions import db
from kiosk.guides.models import Application, ApplicationStage

HEADER = "number,business,applicant,phone,stage,started_on,completed_on\n"
GOOD = (HEADER
        + "6600000001,residential_new,钱多多,138-0000-4321,acceptance,2030-09-02,2030-09-02\n"
        + "6600000001,residential_new,钱多多,138-0000-4321,survey,2030-09-02,\n"
        + "6600000002,pv,孙光明,13900009876,acceptance,2030-09-03,\n")


def counts():
    return (db.session.scalar(select(func.count()).select_from(Application)),
            db.session.scalar(select(func.count()).select_from(ApplicationStage)))


def write(tmp_path, text):
    path = tmp_path / "applications.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_csv_import_and_reimport_is_idempotent(en_runner, tmp_path):
    before = counts()
    result = en_runner.invoke(args=["import-applications", write(tmp_path, GOOD)])
    assert result.exit_code == 0, result.output
    assert "2 applications created, 0 updated" in result.output
    assert counts() == (before[0] + 2, before[1] + 3)
    again = en_runner.invoke(args=["import-applications", write(tmp_path, GOOD)])
    assert "0 applications created, 0 updated" in again.output
    assert counts() == (before[0] + 2, before[1] + 3)
    row = db.session.scalar(select(Application).where(Application.number == "6600000001"))
    assert (row.applicant, row.phone_last4, [s.stage for s in row.stages]) == ("钱多多", "4321",
                                                                                ["acceptance", "survey"])


def test_stage_update_changes_only_that_stage(en_runner, tmp_path):
    en_runner.invoke(args=["import-applications", write(tmp_path, GOOD)])
    update = HEADER + "6600000001,residential_new,钱多多,13800004321,survey,2030-09-02,2030-09-04\n"
    result = en_runner.invoke(args=["import-applications", write(tmp_path, update)])
    assert "0 applications created, 1 updated" in result.output
    row = db.session.scalar(select(Application).where(Application.number == "6600000001"))
    db.session.refresh(row)
    assert [(s.stage, str(s.completed_on)) for s in row.stages] == [("acceptance", "2030-09-02"),
                                                                       ("survey", "2030-09-04")]


@pytest.mark.parametrize(("bad_line", "message"), [
    ("6600000003,unknown_type,某人,13800000000,acceptance,2030-09-02,", "not a known business type"),
    ("6600000003,pv,某人,12,acceptance,2030-09-02,", "phone must have 4 to 20 digits"),
    ("6600000003,pv,某人,13800000000,payment,2030-09-02,", "stage “payment” is not one of"),
    ("6600000003,pv,某人,13800000000,acceptance,2030-13-02,", "is not a date"),
    ("6600000003,pv,某人,13800000000,acceptance,2030-09-05,2030-09-02", "completed_on is before started_on"),
    ("6600000001,pv,钱多多,13800004321,archive,,", "different business, applicant or phone"),
    ("6600000001,residential_new,钱多多,13800004321,survey,,", "appears twice"),
    (",pv,某人,13800000000,acceptance,,", "number is missing"),
])
def test_any_bad_row_imports_nothing(en_runner, tmp_path, bad_line, message):
    before = counts()
    result = en_runner.invoke(args=["import-applications", write(tmp_path, GOOD + bad_line + "\n")])
    assert result.exit_code == 1
    assert f"line 5: {message}" in result.output or (message in result.output and "line 5" in result.output)
    assert "Nothing imported: 1 problem in" in result.output
    assert counts() == before


def test_missing_columns(en_runner, tmp_path):
    result = en_runner.invoke(args=["import-applications", write(tmp_path, "number,business\n1,pv\n")])
    assert result.exit_code == 1 and "line 1: missing columns: applicant, phone, stage" in result.output


PAYLOAD = {"applications": [
    {"number": "6600000010", "business": "ev_charger", "applicant": "周充电", "phone": "13700001111",
     "stages": [{"stage": "acceptance", "started_on": "2030-09-02", "completed_on": "2030-09-02"},
                {"stage": "survey", "started_on": "2030-09-03"}]},
]}


def test_api_import_and_idempotence(client, token):
    headers = token("staff1")
    response = client.post("/api/v1/applications", json=PAYLOAD, headers=headers)
    assert response.status_code == 200 and response.get_json() == {"rows": 2, "created": 1, "updated": 0}
    again = client.post("/api/v1/applications", json=PAYLOAD, headers=headers)
    assert again.get_json() == {"rows": 2, "created": 0, "updated": 0}
    entry = db.session.scalar(select(AuditLog).where(AuditLog.action == "applications.import"))
    assert entry.actor == "staff1"


def test_api_is_atomic_and_lists_errors(client, token):
    before = counts()
    bad = {"applications": PAYLOAD["applications"] + [
        {"number": "6600000011", "business": "nope", "applicant": "某", "phone": "1", "stages": [{"stage": "x"}]},
        {"number": "6600000012"}]}
    response = client.post("/api/v1/applications", json=bad, headers=token("staff1"))
    assert response.status_code == 400
    body = response.get_json()
    assert body["error"] and [error["item"] for error in body["errors"]] == [2, 3]
    assert counts() == before


@pytest.mark.parametrize(("headers", "body", "status"), [
    ({}, PAYLOAD, 401),
    ({"Authorization": "Bearer wrong"}, PAYLOAD, 401),
    (None, {"applications": "x"}, 400),
    (None, [], 400),
])
def test_api_auth_and_shape(client, token, headers, body, status):
    response = client.post("/api/v1/applications", json=body, headers=token("staff1") if headers is None else headers)
    assert response.status_code == status and "error" in response.get_json()


def test_a_cut_off_file_or_a_short_row_imports_nothing(en_runner, tmp_path):
    before = counts()
    cut = GOOD + '6600000003,pv,"孙光'
    result = en_runner.invoke(args=["import-applications", write(tmp_path, cut)])
    assert result.exit_code != 0 and "line 5: The file ends inside a quoted field" in result.output
    short = GOOD + "6600000003,pv,孙光明\n" + "6600000004,pv,孙光明,13900009876,acceptance,2030-09-03,,x\n"
    result = en_runner.invoke(args=["import-applications", write(tmp_path, short)])
    assert result.exit_code != 0
    assert "line 5: expected 7 columns, found 3" in result.output
    assert "line 6: expected 7 columns, found 8" in result.output
    assert counts() == before
