"""Regions: the overview, the hall switch, region statistics and CSV, the commands and the setup file."""
from __future__ import annotations

from datetime import timedelta

from kiosk.admin import setup_file
from kiosk.audit.models import AuditLog
from kiosk.csvfile import export_cell, export_csv
from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.hall.models import Hall, Region
from kiosk.notices.models import Suspension
from kiosk.region import overview as region_overview
from kiosk.staff.models import StaffUser
from tests.factories import STAFF_PASSWORD
from tests.queue.test_query_plans import seed_history, sqlite_plan, statements_on_tickets


def _login(app, username):
    client = app.test_client()
    response = client.post("/staff/login", data={"username": username, "password": STAFF_PASSWORD})
    assert response.status_code == 302
    return client


def _region_of_two(make_hall, make_service, make_window, make_region, make_ticket):
    north, south, alone = make_hall(code="north"), make_hall(code="south"), make_hall(code="alone")
    region = make_region(code="east", halls=[north, south])
    a, b = make_service(hall=north, code="A"), make_service(hall=north, code="B")
    window = make_window(hall=north, number=1, services=[a, b])
    make_window(hall=north, number=2, services=[a], is_open=False)
    make_window(hall=south, number=5, services=[make_service(hall=south, code="A")])
    make_service(hall=alone, code="A")
    make_ticket(service=a, issued_at=utcnow() - timedelta(minutes=25))
    make_ticket(service=a)
    make_ticket(service=b)
    make_ticket(service=alone.services[0])
    db.session.add(Suspension(hall_id=north.id, scope="window", window_id=window.id, reason_key="other",
                              reason_text="打印机故障"))
    db.session.commit()
    return region, north, south, alone


def test_the_overview_shows_every_hall_of_the_region_and_no_other(empty_app, make_hall, make_service, make_window,
                                                                    make_region, make_ticket, make_staff_user):
    region, north, south, _alone = _region_of_two(make_hall, make_service, make_window, make_region, make_ticket)
    make_staff_user(username="boss", role="region_admin", hall=north, region=region)
    client = _login(empty_app, "boss")
    data = client.get("/staff/region/overview.json").get_json()
    assert [hall["code"] for hall in data["halls"]] == ["north", "south"]
    first = data["halls"][0]
    assert first["services"] == [{"code": "A", "waiting": 2}, {"code": "B", "waiting": 1}]
    assert first["waiting"] == 3
    assert 24 <= first["longest_wait_minutes"] <= 26
    assert (first["open_windows"], first["windows"]) == (1, 2)
    assert first["suspensions"] == [{"scope": "window", "target": 1, "reason": "打印机故障", "until": None}]
    assert data["halls"][1]["suspensions"] == [] and data["halls"][1]["waiting"] == 0
    page = client.get("/staff/region?lang=en").get_data(as_text=True)
    assert 'data-hall="south"' in page and 'data-hall="alone"' not in page
    assert "js/region-overview.js" in page and "<script>" not in page


def test_an_admin_sees_only_their_own_hall(empty_app, make_hall, make_service, make_window, make_region,
                                           make_ticket, make_staff_user):
    _region, north, _south, _alone = _region_of_two(make_hall, make_service, make_window, make_region, make_ticket)
    make_staff_user(username="chief", role="admin", hall=north)
    client = _login(empty_app, "chief")
    assert [hall["code"] for hall in client.get("/staff/region/overview.json").get_json()["halls"]] == ["north"]
    assert "Work in this hall" not in client.get("/staff/region?lang=en").get_data(as_text=True)
    assert client.post("/staff/region/hall", data={"hall": str(north.id)}).status_code == 403


def test_a_region_admin_switches_between_the_regions_halls(empty_app, make_hall, make_service, make_window,
                                                           make_region, make_ticket, make_staff_user):
    region, north, south, alone = _region_of_two(make_hall, make_service, make_window, make_region, make_ticket)
    boss = make_staff_user(username="boss", role="region_admin", hall=north, region=region)
    client = _login(empty_app, "boss")
    assert client.get("/staff/window?window=5").status_code == 404  # south's window: not in the current hall
    response = client.post("/staff/region/hall?lang=en", data={"hall": str(south.id)}, follow_redirects=True)
    assert "You now work in south." in response.get_data(as_text=True)
    assert db.session.get(StaffUser, boss.id).hall_id == south.id
    assert client.get("/staff/window?window=5").status_code == 200
    assert client.get("/staff/window?window=1").status_code == 404
    entry = db.session.query(AuditLog).filter_by(action="staff.region.switch_hall").one()
    assert (entry.before, entry.after) == ({"hall": "north"}, {"hall": "south"})
    for target in (str(alone.id), "999999", "x", ""):
        assert client.post("/staff/region/hall", data={"hall": target}).status_code == 404
    assert db.session.get(StaffUser, boss.id).hall_id == south.id


def test_region_statistics_per_hall_and_service(empty_app, make_hall, make_service, make_window, make_region,
                                                make_ticket, make_staff_user):
    region, north, _south, _alone = _region_of_two(make_hall, make_service, make_window, make_region, make_ticket)
    window = north.windows[0]
    now = utcnow()
    make_ticket(service=north.services[0], status="done", window=window, issued_at=now - timedelta(minutes=10),
                called_at=now - timedelta(minutes=6), finished_at=now - timedelta(minutes=2))
    make_ticket(service=north.services[0], status="skipped", issued_at=now - timedelta(minutes=8),
                called_at=now - timedelta(minutes=4), finished_at=now - timedelta(minutes=3))
    make_staff_user(username="boss", role="region_admin", hall=north, region=region)
    client = _login(empty_app, "boss")
    response = client.get("/staff/region/stats.csv")
    text = response.get_data(as_text=True)
    assert response.mimetype == "text/csv" and text.startswith("\ufeff")
    lines = text.lstrip("\ufeff").splitlines()
    assert lines[0] == ",".join(("hall", "service", "issued", "served", "no_shows", "expired", "avg_wait_min",
                                 "p90_wait_min", "avg_service_min"))
    assert lines[1] == "north,A,4,1,1,0,4.0,4.0,4.0"
    assert lines[2] == "north,B,1,0,0,0,,,"
    assert lines[3] == "north,,5,1,1,0,4.0,4.0,4.0"
    assert [line.split(",")[0] for line in lines[1:]] == ["north"] * 3 + ["south"] * 2
    page = client.get("/staff/region/stats?lang=en").get_data(as_text=True)
    assert 'data-hall="south" data-service="A"' in page
    wrong = client.get("/staff/region/stats?lang=en&from=2020-01-01&to=2026-12-01").get_data(as_text=True)
    assert "at most one year" in wrong
    assert "Dates must look like" in client.get("/staff/region/stats?lang=en&from=nope").get_data(as_text=True)


def test_csv_cells_are_safe_against_formulas():
    assert [export_cell(value) for value in ("=1+2", "+A1", "-3", "@x", "ok", 5, -3)] == \
        ["'=1+2", "'+A1", "'-3", "'@x", "ok", 5, -3]
    assert export_csv(("a",), [["=HYPERLINK(1)"]]) == "\ufeffa\r\n'=HYPERLINK(1)\r\n"


def test_the_commands_make_a_region_its_hall_and_its_admin(empty_app, empty_runner):
    result = empty_runner.invoke(args=["create-region", "east", "--name", "东片区"])
    assert result.exit_code == 0, result.output
    result = empty_runner.invoke(args=["create-hall", "north", "--name", "北营业厅", "--region", "east"])
    assert result.exit_code == 0, result.output
    result = empty_runner.invoke(args=["create-user", "boss", "--role", "region_admin", "--region", "east",
                                       "--password", "region-pass-1"])
    assert result.exit_code == 0, result.output
    boss = db.session.query(StaffUser).filter_by(username="boss").one()
    region = db.session.query(Region).filter_by(code="east").one()
    assert (boss.role, boss.region_id, boss.hall.code) == ("region_admin", region.id, "north")
    assert db.session.query(Hall).filter_by(code="north").one().region_id == region.id
    assert empty_runner.invoke(args=["create-region", "Bad Code", "--name", "x"]).exit_code != 0
    assert empty_runner.invoke(args=["create-hall", "south", "--name", "南", "--region", "nowhere"]).exit_code != 0
    assert empty_runner.invoke(args=["create-user", "x1", "--role", "region_admin", "--hall", "north",
                                     "--password", "region-pass-1"]).exit_code != 0
    assert empty_runner.invoke(args=["create-user", "x2", "--role", "admin", "--region", "east",
                                     "--password", "region-pass-1"]).exit_code != 0


def test_the_setup_file_carries_the_region(empty_app, make_hall, make_region, make_staff_user):
    hall = make_hall(code="north")
    make_region(code="east", halls=[hall])
    make_region(code="west")
    make_staff_user(username="boss", role="region_admin", hall=hall)
    data = setup_file.export_hall(hall)
    assert data["hall"]["region"] == "east"
    assert [member["username"] for member in data["staff"]] == []
    data["hall"]["region"] = "west"
    assert setup_file.import_hall(setup_file.dump(data)).ok
    assert db.session.get(Hall, hall.id).region.code == "west"
    data["hall"]["region"] = "nowhere"
    report = setup_file.import_hall(setup_file.dump(data))
    assert [p for p in report.problems if p.startswith("hall.region")], report.problems
    del data["hall"]["region"]  # left out: the hall stays where it is
    assert setup_file.import_hall(setup_file.dump(data)).ok
    assert db.session.get(Hall, hall.id).region.code == "west"
    data["staff"] = [{"username": "boss", "role": "admin"}]
    assert any(p.startswith("staff[0].username") for p in setup_file.import_hall(setup_file.dump(data)).problems)
    data["staff"] = [{"username": "newcomer", "role": "region_admin"}]
    assert any(p.startswith("staff[0].role") for p in setup_file.import_hall(setup_file.dump(data)).problems)


def test_a_halls_admin_cannot_touch_a_region_admin(empty_app, make_hall, make_region, make_staff_user):
    hall = make_hall(code="north")
    make_region(code="east", halls=[hall])
    boss = make_staff_user(username="boss", role="region_admin", hall=hall)
    make_staff_user(username="chief", role="admin", hall=hall)
    client = _login(empty_app, "chief")
    assert 'data-user="boss"' not in client.get("/staff/users").get_data(as_text=True)
    assert client.get(f"/staff/users/{boss.id}").status_code == 404
    assert client.post(f"/staff/users/{boss.id}/password",
                       data={"password": "taken-over-1", "password_confirm": "taken-over-1"}).status_code == 404
    response = client.post("/staff/users", data={"username": "climber", "display_name": "x", "role": "region_admin",
                                                 "password": "climber-pass-1", "password_confirm": "climber-pass-1"})
    assert response.status_code == 400
    assert db.session.query(StaffUser).filter_by(username="climber").first() is None


def test_the_overview_reads_only_todays_index_range(app, hall):
    """On the demo hall with history: every overview statement on tickets searches ``ix_tickets_day``."""
    seed_history(hall, days=3, per_day=40)
    with statements_on_tickets() as seen:
        region_overview.overview([hall])
    assert len(seen) == 2
    for statement, parameters in seen:
        plan = " ".join(sqlite_plan(statement, parameters))
        assert "ix_tickets_day (hall_id=? AND business_day=? AND status=?)" in plan, plan
