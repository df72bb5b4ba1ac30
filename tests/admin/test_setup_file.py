"""A hall's setup as one YAML file: export → import round trip, errors by path, dry run, idempotence, atomicity."""
from __future__ import annotations

from pathlib import Path

import yaml
from sqlalchemy import func, select

from kiosk.admin import setup_file
from kiosk.extensions import db
from kiosk.hall.models import Hall, Service
from kiosk.hall.service import hall_by_code
from kiosk.staff.models import StaffUser
from tests.factories import make_ticket


def _exported(code: str = "demo") -> dict:
    return setup_file.export_hall(hall_by_code(code))


def _as_new_hall(data: dict, code: str = "north") -> dict:
    data = yaml.safe_load(setup_file.dump(data))
    data["hall"]["code"] = code
    data["devices"] = [dict(device, name=f"{code}-{device['name']}") for device in data["devices"]]
    data["staff"] = [dict(user, username=f"{code}-{user['username']}") for user in data["staff"]]
    return data


def test_export_then_import_as_a_new_hall_gives_the_same_setup(app):
    source = _exported()
    report = setup_file.import_hall(setup_file.dump(_as_new_hall(source)), actor="test")
    assert report.ok, report.problems
    copy = _exported("north")
    assert copy == _as_new_hall(source)


def test_a_second_import_changes_nothing(app):
    text = setup_file.dump(_as_new_hall(_exported()))
    assert setup_file.import_hall(text).ok
    again = setup_file.import_hall(text)
    assert again.ok and again.changes == []


def test_a_dry_run_writes_nothing(app):
    report = setup_file.import_hall(setup_file.dump(_as_new_hall(_exported())), dry_run=True)
    assert report.ok and report.changes
    assert hall_by_code("north") is None


def test_every_problem_is_named_by_its_path_and_nothing_is_written(app):
    data = _as_new_hall(_exported())
    data["services"][2]["time_limit_minutes"] = 500
    data["services"][1]["code"] = "a1"
    data["windows"][0]["services"].append("Z")
    data["hall"]["timezone"] = "Mars/Olympus"
    data["hall"]["opening_hours"] = {"monday": ["17:30-08:30"], "funday": []}
    data["devices"][0]["printer"] = "cups:$(reboot)"
    data["staff"][0]["role"] = "king"
    data["hall"]["names"] = {"en": "North"}
    report = setup_file.import_hall(setup_file.dump(data))
    paths = [line.split(":", 1)[0] for line in report.problems]
    assert "services[2].time_limit_minutes" in paths
    assert "services[2].time_limit_minutes: must be a whole number from 1 to 240" in report.problems
    for path in ("services[1].code", "hall.timezone", "hall.opening_hours", "devices[0].printer", "staff[0].role",
                 "hall.names.zh_Hans_CN"):
        assert path in paths, (path, report.problems)
    assert any(path.startswith("windows[0].services[") for path in paths)
    assert hall_by_code("north") is None


def test_bad_hours_are_named_per_weekday_and_span(app):
    data = _as_new_hall(_exported())
    data["hall"]["opening_hours"] = {"monday": ["08:30-12:00", "11:00-17:30"], "tuesday": ["8:30-17:30"]}
    problems = setup_file.import_hall(setup_file.dump(data)).problems
    assert any(line.startswith("hall.opening_hours.monday[1]: overlaps") for line in problems)
    assert any(line.startswith("hall.opening_hours.tuesday[0]:") for line in problems)


def test_not_yaml_and_not_a_mapping(app):
    assert setup_file.import_hall("hall: [").problems[0].startswith("line ")
    assert setup_file.import_hall("- 1\n- 2\n").problems


def test_a_service_with_waiting_tickets_is_not_removed(app):
    demo = hall_by_code("demo")
    service = next(service for service in demo.services if service.code == "C")
    make_ticket(service=service, hall=demo)
    data = _exported()
    data["services"] = [item for item in data["services"] if item["code"] != "C"]
    for window in data["windows"]:
        window["services"] = [code for code in window["services"] if code != "C"] or ["A"]
    report = setup_file.import_hall(setup_file.dump(data))
    assert not report.ok and "waiting tickets" in report.problems[0]
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Service).where(Service.code == "C",
                                                                             Service.hall_id == demo.id)) == 1


def test_a_user_of_another_hall_is_not_taken_over(app):
    data = _as_new_hall(_exported())
    data["staff"][0]["username"] = "admin"  # the demo hall's admin
    report = setup_file.import_hall(setup_file.dump(data))
    assert "staff[0].username: admin is a user of another hall" in report.problems
    assert db.session.scalar(select(StaffUser).where(StaffUser.username == "admin")).hall.code == "demo"


def test_the_command_line(app, runner, tmp_path):
    target = tmp_path / "demo.yaml"
    assert runner.invoke(args=["hall", "export", "demo", "-o", str(target)]).exit_code == 0
    data = _as_new_hall(yaml.safe_load(target.read_text(encoding="utf-8")))
    data["services"][0]["time_limit_minutes"] = "five"
    target.write_text(setup_file.dump(data), encoding="utf-8")
    result = runner.invoke(args=["hall", "import", str(target)])
    assert result.exit_code != 0 and "services[0].time_limit_minutes" in result.output
    data["services"][0]["time_limit_minutes"] = 5
    target.write_text(setup_file.dump(data), encoding="utf-8")
    assert runner.invoke(args=["hall", "import", str(target), "--dry-run"]).exit_code == 0
    assert hall_by_code("north") is None
    result = runner.invoke(args=["hall", "import", str(target)])
    assert result.exit_code == 0, result.output
    assert hall_by_code("north") is not None


def test_create_hall(app, runner):
    result = runner.invoke(args=["create-hall", "east", "--name", "东区营业厅", "--name-en", "East hall"])
    assert result.exit_code == 0, result.output
    hall = db.session.scalar(select(Hall).where(Hall.code == "east"))
    assert hall.names == {"zh_Hans_CN": "东区营业厅", "en": "East hall"} and hall.hotline == "95598"
    assert runner.invoke(args=["create-hall", "east", "--name", "x"]).exit_code != 0
    assert runner.invoke(args=["create-hall", "Bad Code", "--name", "x"]).exit_code != 0


def test_demo_remove_keeps_the_real_hall(app, runner):
    text = setup_file.dump(_as_new_hall(_exported()))
    assert setup_file.import_hall(text).ok
    result = runner.invoke(args=["demo", "remove", "--yes"])
    assert result.exit_code == 0, result.output
    assert "Removed 1 hall, 3 users" in result.output
    db.session.expire_all()
    assert hall_by_code("demo") is None and hall_by_code("north") is not None
    assert [hall.code for hall in db.session.scalars(select(Hall))] == ["north"]
    assert db.session.scalar(select(func.count()).select_from(StaffUser)) == 3  # north's own
    assert runner.invoke(args=["demo", "remove", "--yes"]).exit_code == 0  # nothing left to remove


def test_the_example_in_the_docs_imports(app):
    text = (Path(__file__).resolve().parents[2] / "docs" / "hall-setup.md").read_text(encoding="utf-8")
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    report = setup_file.import_hall(example)
    assert report.ok, report.problems
    north = hall_by_code("north")
    assert [service.code for service in north.services] == ["A", "B", "C"]
    assert north.business_hours["0"] == [["08:30", "12:00"], ["13:30", "17:30"]] and north.business_hours["6"] == []


def test_the_console_fields_go_round_trip(app):
    data = _as_new_hall(_exported())
    data["hall"].update(public_url="https://north.example.cn",
                        payment_url_template="https://pay.example.cn/?account={account}",
                        reception_days={"weekdays": ["wednesday"], "hours": ["09:00-11:30"],
                                        "texts": {"zh_Hans_CN": "值班主任接待"}})
    data["services"][0].update(priority_offered=False, daily_cap=40, closed=True,
                               own_hours={day: ["09:00-11:00"] for day in ("monday", "friday")})
    data["windows"][0].update(services=["A", "B"], preference=[2, 1])
    assert setup_file.import_hall(setup_file.dump(data)).ok
    copy = _exported("north")
    data["services"][0]["own_hours"] = {day: ["09:00-11:00"] if day in ("monday", "friday") else []
                                        for day in ("monday", "tuesday", "wednesday", "thursday", "friday",
                                                    "saturday", "sunday")}
    data["windows"][0]["services"] = ["B", "A"]  # listed most preferred first
    data["windows"][0]["preference"] = [1, 2]
    assert copy == data
    north = hall_by_code("north")
    assert north.reception_days == {"weekdays": [2], "hours": [["09:00", "11:30"]],
                                    "texts": {"zh_Hans_CN": "值班主任接待"}}


def test_console_fields_are_checked_by_path(app):
    data = _as_new_hall(_exported())
    data["hall"]["payment_url_template"] = "http://pay.example.cn/?account=1"
    data["hall"]["reception_days"] = {"weekdays": ["someday"]}
    data["services"][0]["daily_cap"] = 0
    data["windows"][0]["preference"] = [1, 2, 3]
    problems = setup_file.import_hall(setup_file.dump(data)).problems
    assert any(line.startswith("hall.payment_url_template: must be an https:// address") for line in problems)
    assert any(line.startswith("hall.reception_days.weekdays: must list different weekdays") for line in problems)
    assert any(line.startswith("services[0].daily_cap: must be a whole number from 1 to 9999") for line in problems)
    assert any(line.startswith("windows[0].preference: must give each listed service a rank") for line in problems)
