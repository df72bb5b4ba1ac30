"""The first-run wizard (``KIOSK_DEMO=0`` on an empty database): every step's bad input, the whole run, the end."""
from __future__ import annotations

import re

import pytest

from kiosk.extensions import db
from kiosk.hall.models import Device, Hall
from kiosk.staff.models import StaffUser

GOOD = {
    "account": {"username": "chief", "password": "first-admin-1", "password_confirm": "first-admin-1"},
    "hall": {"code": "north", "name_zh": "北城营业厅", "name_en": "North", "timezone": "Asia/Shanghai",
             "hotline": "95598"},
    "hours": {"day0": "1", "day1": "1", "day2": "1", "day3": "1", "day4": "1", "open": "08:30", "close": "17:30",
              "lunch_from": "12:00", "lunch_to": "13:30", "holidays": "1"},
    "services": {"service0_code": "A", "service0_name": "缴费业务", "service0_limit": "5",
                 "service1_code": "B", "service1_name": "综合业务", "service1_limit": "20"},
    "windows": {"window0_number": "1", "window0_services": "A B", "window1_number": "2", "window1_services": "B"},
    "kiosk": {"kiosk_name": "kiosk-1"},
}


@pytest.fixture
def wizard_app(empty_app):
    empty_app.config["DEMO"] = False
    return empty_app


def _run(client, until: str | None = None):
    for step, data in GOOD.items():
        if step == until:
            return
        response = client.post(f"/setup/{step}?lang=en", data=data)
        assert response.status_code in (200, 303), (step, response.get_data(as_text=True))
    return response


def test_without_the_demo_every_page_leads_to_the_wizard(wizard_app):
    client = wizard_app.test_client()
    for path in ("/", "/kiosk", "/staff", "/staff/login", "/display"):
        response = client.get(path)
        assert response.status_code == 302 and response.headers["Location"].endswith("/setup/account"), path
    assert client.get("/healthz").status_code != 302
    assert client.get("/setup/windows").headers["Location"].endswith("/setup/account")  # steps in order


def test_with_the_demo_on_nothing_leads_to_the_wizard(empty_app):
    assert empty_app.test_client().get("/staff/login").status_code == 200


def test_the_whole_wizard_builds_the_hall_and_then_is_gone(wizard_app):
    client = wizard_app.test_client()
    done = _run(client)
    page = done.get_data(as_text=True)
    assert done.status_code == 200 and 'data-hall="north"' in page
    code = re.search(r"data-pairing-code>([^<]+)<", page).group(1).strip()
    hall = db.session.query(Hall).filter_by(code="north").one()
    assert [s.code for s in hall.services] == ["A", "B"]
    assert [s.time_limit_minutes for s in hall.services] == [5, 20]
    assert [[s.code for s in w.services] for w in hall.windows] == [["A", "B"], ["B"]]
    assert hall.business_hours["0"] == [["08:30", "12:00"], ["13:30", "17:30"]] and hall.business_hours["5"] == []
    assert hall.closed_on_public_holidays is True and hall.names == {"zh_Hans_CN": "北城营业厅", "en": "North"}
    admin = db.session.query(StaffUser).filter_by(username="chief").one()
    assert admin.role == "admin" and admin.hall_id == hall.id and admin.check_password("first-admin-1")
    device = db.session.query(Device).filter_by(hall_id=hall.id, name="kiosk-1").one()
    assert device.kind == "kiosk" and device.pairing_code_hash
    assert client.get("/setup/account").status_code == 404
    assert client.post("/setup/kiosk", data=GOOD["kiosk"]).status_code == 404
    assert client.get("/staff/login").status_code == 200
    staff = wizard_app.test_client()
    assert staff.post("/staff/login", data={"username": "chief", "password": "first-admin-1"}).status_code == 302
    kiosk = wizard_app.test_client()
    assert kiosk.post("/pair", data={"code": code}).status_code in (200, 302, 303)
    assert db.session.get(Device, device.id).secret_hash


BAD = [
    ("account", {"username": "x", "password": "first-admin-1", "password_confirm": "first-admin-1"}, "username"),
    ("account", {"username": "chief", "password": "short", "password_confirm": "short"}, "password"),
    ("account", {"username": "chief", "password": "first-admin-1", "password_confirm": "other-one-11"},
     "password_confirm"),
    ("hall", {**GOOD["hall"], "code": "North Hall"}, "hall.code"),
    ("hall", {**GOOD["hall"], "name_zh": ""}, "hall.names.zh_Hans_CN"),
    ("hall", {**GOOD["hall"], "timezone": "Mars/Base"}, "hall.timezone"),
    ("hall", {**GOOD["hall"], "hotline": "call us"}, "hall.hotline"),
    ("hours", {**GOOD["hours"], "open": "8 o'clock"}, "hours"),
    ("hours", {**GOOD["hours"], "open": "18:00", "lunch_from": "", "lunch_to": ""}, "hours"),
    ("hours", {**GOOD["hours"], "lunch_to": ""}, "lunch"),
    ("hours", {**GOOD["hours"], "lunch_from": "07:00", "lunch_to": "07:30"}, "lunch"),
    ("hours", {"open": "08:30", "close": "17:30"}, "days"),
    ("services", {}, "services"),
    ("services", {**GOOD["services"], "service1_code": "A"}, "services[1].code"),
    ("services", {**GOOD["services"], "service0_code": "1"}, "services[0].code"),
    ("services", {**GOOD["services"], "service0_limit": "999"}, "services[0].time_limit_minutes"),
    ("services", {**GOOD["services"], "service0_name": ""}, "services[0].names.zh_Hans_CN"),
    ("windows", {}, "windows"),
    ("windows", {**GOOD["windows"], "window1_services": "Z"}, "windows[1].services[0]"),
    ("windows", {**GOOD["windows"], "window1_number": "1"}, "windows[1].number"),
    ("windows", {**GOOD["windows"], "window0_number": "zero"}, "windows[0].number"),
    ("windows", {"window0_number": "3", "window0_services": ""}, "windows[0].services"),
    ("kiosk", {"kiosk_name": "a kiosk with spaces"}, "devices[0].name"),
]


@pytest.mark.parametrize(("step", "data", "field"), BAD, ids=[f"{s}-{f}-{i}" for i, (s, _d, f) in enumerate(BAD)])
def test_each_steps_bad_input_is_named(wizard_app, step, data, field):
    client = wizard_app.test_client()
    _run(client, until=step)
    response = client.post(f"/setup/{step}?lang=en", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 400, page
    assert f'data-field="{field}"' in page, re.findall(r'data-field="[^"]*"', page)
    assert db.session.query(Hall).count() == 0


def test_the_wizard_is_rate_limited(wizard_app):
    client = wizard_app.test_client()
    statuses = [client.post("/setup/account", data={"username": "x"}).status_code for _ in range(32)]
    assert statuses[0] == 400 and statuses[-1] == 429


def test_seed_demo_if_empty_skips_without_the_demo(wizard_app):
    result = wizard_app.test_cli_runner().invoke(args=["seed-demo", "--if-empty"])
    assert result.exit_code == 0 and "KIOSK_DEMO=0" in result.output
    assert db.session.query(Hall).count() == 0
