"""The admin console's form pages: profile, hours, services, windows; each saved whole or not at all."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from kiosk.audit.models import AuditLog
from kiosk.events.models import Event
from kiosk.extensions import db
from kiosk.hall.models import CalendarDay, Hall, Service, Window
from kiosk.hall.service import window_preferences
from tests.factories import STAFF_PASSWORD


@pytest.fixture
def admin(empty_client, make_hall, make_staff_user):
    """The factories' hall with an admin logged in on ``empty_client``."""
    hall = make_hall()
    make_staff_user(username="boss", role="admin", hall=hall)
    response = empty_client.post("/staff/login", data={"username": "boss", "password": STAFF_PASSWORD})
    assert response.status_code in (302, 303)
    return hall


def _setup_events() -> int:
    return db.session.scalar(select(func.count()).select_from(Event).where(Event.type == "setup")) or 0


def _audits(action: str) -> int:
    return db.session.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == action)) or 0


PROFILE = {"names.zh_Hans_CN": "城东供电营业厅", "names.en": "East hall", "addresses.zh_Hans_CN": "城东路1号",
           "timezone": "Asia/Urumqi", "hotline": "95598", "complaint_phone": "0991-1234567",
           "public_url": "https://east.example.cn", "payment_url_template": "https://pay.example.cn/?account={account}",
           "reception.wednesday": "1", "reception.hours": "09:00-11:30",
           "reception.texts.zh_Hans_CN": "值班主任接待", "language.1": "zh_Hans_CN", "language.2": "ug"}


def test_profile_saves_every_field(empty_client, admin):
    assert empty_client.get("/staff/admin/profile?lang=en").status_code == 200
    before = _setup_events()
    response = empty_client.post("/staff/admin/profile?lang=en", data=PROFILE)
    assert response.status_code == 303
    db.session.expire_all()
    hall = db.session.get(Hall, admin.id)
    assert hall.names == {"zh_Hans_CN": "城东供电营业厅", "en": "East hall"}
    assert hall.timezone == "Asia/Urumqi" and hall.complaint_phone == "0991-1234567"
    assert hall.public_url == "https://east.example.cn"
    assert hall.payment_url_template == "https://pay.example.cn/?account={account}"
    assert hall.reception_days == {"weekdays": [2], "hours": [["09:00", "11:30"]],
                                   "texts": {"zh_Hans_CN": "值班主任接待"}}
    assert hall.display_languages == ["zh_Hans_CN", "ug"]
    assert _setup_events() == before + 1 and _audits("hall.profile") == 1
    page = empty_client.get("/kiosk/service-info?lang=zh_Hans_CN").get_data(as_text=True)
    assert "值班主任接待" in page and "09:00" in page


@pytest.mark.parametrize(("field", "value", "message"), [
    ("names.zh_Hans_CN", "", "is required (Chinese is every text's fallback)"),
    ("timezone", "Mars/Base", "must be a time zone such as Asia/Shanghai"),
    ("hotline", "call us", "must be a phone number of digits and '-'"),
    ("complaint_phone", "x", "must be a phone number of digits and '-'"),
    ("public_url", "ftp://east", "must be an address like https://hall.example.cn"),
    ("payment_url_template", "http://pay.example.cn/?account={account}", "must be an https:// address"),
    ("payment_url_template", "https://pay.example.cn/?a=1", "must contain {account} where the account number goes"),
    ("reception.hours", "11:30-09:00", "must be an opening span like 08:30-17:30"),
    ("language.1", "", "must list 1 to 3 different languages"),
])
def test_profile_bad_fields_save_nothing(empty_client, admin, field, value, message):
    data = dict(PROFILE, **{field: value})
    if field == "language.1":
        data["language.2"] = ""
    before = _setup_events()
    response = empty_client.post("/staff/admin/profile?lang=en", data=data)
    html = response.get_data(as_text=True).replace("&#39;", "'")
    assert response.status_code == 400 and message in html and "Nothing was saved" in html
    db.session.expire_all()
    hall = db.session.get(Hall, admin.id)
    assert hall.timezone == "Asia/Shanghai" and hall.public_url is None  # nothing half-saved
    assert _setup_events() == before


def _week(prefix: str, open_: str = "08:30", close: str = "17:30", lunch: tuple[str, str] = ("", "")) -> dict:
    data = {}
    for day in ("monday", "tuesday", "wednesday", "thursday", "friday"):
        data.update({f"{prefix}.open.{day}": open_, f"{prefix}.close.{day}": close,
                     f"{prefix}.lunch_start.{day}": lunch[0], f"{prefix}.lunch_end.{day}": lunch[1]})
    return data


def test_hours_with_lunch_break_and_exceptions(empty_client, admin):
    assert empty_client.get("/staff/admin/hours?lang=en").status_code == 200
    data = _week("hours", lunch=("12:00", "13:30")) | {"exceptions": "2026-12-31 08:30-12:00\n2027-01-02 closed",
                                                       "closed_on_public_holidays": "1"}
    assert empty_client.post("/staff/admin/hours", data=data).status_code == 303
    db.session.expire_all()
    hall = db.session.get(Hall, admin.id)
    assert hall.business_hours["0"] == [["08:30", "12:00"], ["13:30", "17:30"]]
    assert hall.business_hours["5"] == [] and hall.closed_on_public_holidays
    assert hall.hour_exceptions == {"2026-12-31": [["08:30", "12:00"]], "2027-01-02": []}


@pytest.mark.parametrize(("data", "message"), [
    ({"hours.close.monday": "07:00"}, "start before end"),
    ({"hours.close.tuesday": ""}, "must be an opening span"),
    ({"exceptions": "31.12.2026 closed"}, "must be a date written YYYY-MM-DD"),
])
def test_hours_bad_fields_save_nothing(empty_client, admin, data, message):
    response = empty_client.post("/staff/admin/hours?lang=en", data=_week("hours") | data)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Hall, admin.id).business_hours["0"] == [["00:00", "24:00"]]


def test_calendar_override_and_preview(empty_client, admin):
    response = empty_client.post("/staff/admin/hours/overrides", data={"day": "2099-10-08", "working": "0",
                                                                        "name": "本地假日"})
    assert response.status_code == 303
    assert db.session.get(CalendarDay, date(2099, 10, 8)).working is False
    page = empty_client.get("/staff/admin/hours?lang=en").get_data(as_text=True)
    assert page.count("data-preview-day=") == 14 and "2099-10-08" in page
    bad = empty_client.post("/staff/admin/hours/overrides?lang=en", data={"day": "tomorrow"})
    assert bad.status_code == 400 and "must be a date written YYYY-MM-DD" in bad.get_data(as_text=True)
    assert empty_client.post("/staff/admin/hours/overrides/remove", data={"day": "2099-10-08"}).status_code == 303
    assert db.session.scalar(select(func.count()).select_from(CalendarDay)) == 0


SERVICE = {"code": "D", "names.zh_Hans_CN": "新装增容", "names.en": "New connections", "time_limit_minutes": "20",
           "priority_offered": "1", "daily_cap": ""}


def test_add_a_service_with_cap_and_own_hours(empty_client, admin):
    assert empty_client.get("/staff/admin/services?lang=en").status_code == 200
    before = _setup_events()
    data = SERVICE | {"daily_cap": "50", "own_hours": "1"} | _week("own", "09:00", "11:00")
    assert empty_client.post("/staff/admin/services", data=data).status_code == 303
    service = db.session.scalar(select(Service).where(Service.hall_id == admin.id, Service.code == "D"))
    assert service.names == {"zh_Hans_CN": "新装增容", "en": "New connections"}
    assert service.daily_cap == 50 and service.priority_offered and not service.closed
    assert service.own_hours["0"] == [["09:00", "11:00"]] and service.own_hours["6"] == []
    assert _setup_events() == before + 1 and _audits("hall.service_create") == 1
    edit = empty_client.post(f"/staff/admin/services/{service.id}", data=SERVICE | {"time_limit_minutes": "5"})
    assert edit.status_code == 303
    db.session.expire_all()
    service = db.session.get(Service, service.id)
    assert service.time_limit_minutes == 5 and service.own_hours is None and service.daily_cap is None


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"code": "d1"}, "code", "must be 1 to 4 capital letters"),
    ({"names.zh_Hans_CN": ""}, "names.zh_Hans_CN", "is required"),
    ({"time_limit_minutes": "0"}, "time_limit_minutes", "must be a whole number from 1 to 240"),
    ({"time_limit_minutes": "241"}, "time_limit_minutes", "must be a whole number from 1 to 240"),
    ({"time_limit_minutes": "abc"}, "time_limit_minutes", "must be a whole number from 1 to 240"),
    ({"daily_cap": "0"}, "daily_cap", "must be a whole number from 1 to 9999"),
    ({"own_hours": "1", "own.open.monday": "11:00", "own.close.monday": "09:00"}, "own.monday", "start before end"),
])
def test_service_bad_fields_save_nothing(empty_client, admin, data, field, message):
    before = _setup_events()
    response = empty_client.post("/staff/admin/services?lang=en", data=SERVICE | data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and f'data-field-error="{field}"' in html and message in html
    assert db.session.scalar(select(func.count()).select_from(Service)) == 0 and _setup_events() == before


def test_a_letter_is_used_once(empty_client, admin, make_service):
    make_service(hall=admin, code="D")
    response = empty_client.post("/staff/admin/services?lang=en", data=SERVICE)
    assert response.status_code == 400 and "D appears twice" in response.get_data(as_text=True)


def test_order_close_reopen(empty_client, admin, make_service):
    first, second = make_service(hall=admin, code="A"), make_service(hall=admin, code="B")
    url = f"/staff/admin/services/{second.id}/action"
    assert empty_client.post(url, data={"action": "up"}).status_code == 303
    db.session.expire_all()
    assert [service.code for service in db.session.get(Hall, admin.id).services] == ["B", "A"]
    assert empty_client.post(f"/staff/admin/services/{first.id}/action", data={"action": "close"}).status_code == 303
    db.session.expire_all()
    assert db.session.get(Service, first.id).closed
    take = empty_client.get("/kiosk/ticket").get_data(as_text=True)
    assert 'data-service="B"' in take and 'data-service="A"' not in take
    issue = empty_client.post("/api/v1/tickets", json={"service": "A"})
    assert issue.status_code == 409
    empty_client.post(f"/staff/admin/services/{first.id}/action", data={"action": "reopen"})
    db.session.expire_all()
    assert not db.session.get(Service, first.id).closed


def test_delete_is_refused_while_tickets_wait(empty_client, admin, make_service, make_ticket):
    service = make_service(hall=admin, code="A")
    make_ticket(service=service)
    url = f"/staff/admin/services/{service.id}/action?lang=en"
    response = empty_client.post(url, data={"action": "delete"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "has 1 waiting tickets today and cannot be deleted; close it instead" in html
    assert db.session.get(Service, service.id) is not None
    empty = make_service(hall=admin, code="B")
    assert empty_client.post(f"/staff/admin/services/{empty.id}/action", data={"action": "delete"}).status_code == 303
    db.session.expire_all()
    assert db.session.get(Service, empty.id) is None


def test_another_halls_service_is_not_found(empty_client, admin, make_hall, make_service):
    other = make_service(hall=make_hall(code="elsewhere"), code="A")
    assert empty_client.get(f"/staff/admin/services/{other.id}").status_code == 404
    assert empty_client.post(f"/staff/admin/services/{other.id}/action", data={"action": "close"}).status_code == 404


def test_add_a_window_with_preferences_and_default_staff(empty_client, admin, make_service, make_staff_user):
    a, b = make_service(hall=admin, code="A"), make_service(hall=admin, code="B")
    clerk = make_staff_user(username="clerk", hall=admin)
    assert empty_client.get("/staff/admin/windows?lang=en").status_code == 200
    data = {"number": "7", "names.zh_Hans_CN": "7号窗口", "rank.A": "2", "rank.B": "1", "default_staff": str(clerk.id)}
    assert empty_client.post("/staff/admin/windows", data=data).status_code == 303
    window = db.session.scalar(select(Window).where(Window.hall_id == admin.id, Window.number == 7))
    assert window_preferences(window) == {a.id: 2, b.id: 1}
    assert [service.code for service in window.services] == ["B", "A"]
    db.session.expire_all()
    assert db.session.get(type(clerk), clerk.id).default_window_id == window.id
    assert empty_client.get(f"/staff/admin/windows/{window.id}").status_code == 200
    again = {"number": "7", "rank.A": "1", "default_staff": ""}
    assert empty_client.post(f"/staff/admin/windows/{window.id}", data=again).status_code == 303
    db.session.expire_all()
    assert window_preferences(db.session.get(Window, window.id)) == {a.id: 1}
    assert db.session.get(type(clerk), clerk.id).default_window_id is None


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"number": "0"}, "number", "must be a whole number from 1 to 999"),
    ({"number": "3"}, "number", "3 appears twice"),
    ({"rank.A": ""}, "services", "must list the codes of the services this window serves"),
    ({"rank.A": "9"}, "services", "must give each listed service a rank from 1 to 1"),
    ({"default_staff": "999999"}, "default_staff", "must be one of"),
])
def test_window_bad_fields_save_nothing(empty_client, admin, make_service, make_window, data, field, message):
    make_window(hall=admin, number=3, services=[make_service(hall=admin, code="A")])
    before = _setup_events()
    response = empty_client.post("/staff/admin/windows?lang=en", data={"number": "8", "rank.A": "1"} | data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and f'data-field-error="{field}"' in html and message in html
    assert db.session.scalar(select(func.count()).select_from(Window)) == 1 and _setup_events() == before


def test_the_staff_nav_has_an_administration_section(empty_client, admin):
    html = empty_client.get("/staff/admin/windows?lang=en").get_data(as_text=True)
    section = html.split('id="nav-admin"', 1)[1].split("</nav>", 1)[0]
    for url in ("/staff/admin/profile", "/staff/admin/hours", "/staff/admin/services", "/staff/admin/windows",
                "/staff/devices", "/staff/admin/hall"):
        assert f'href="{url}"' in section
