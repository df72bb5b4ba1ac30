"""Paired devices: a one-time code, a hashed secret in an HttpOnly cookie, revocation, last seen, ``KIOSK_UNPAIRED``."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.audit.models import AuditLog
from kiosk.devices import pairing
from kiosk.devices.errors import DeviceError
from kiosk.extensions import db
from kiosk.hall.models import Device
from tests.factories import STAFF_PASSWORD, as_device, make_device


def _register(hall, name="kiosk-7", **kwargs):
    device, code = pairing.register(hall, name, kwargs.pop("kind", "kiosk"), kwargs.pop("printer", "file"), **kwargs)
    return device, code


def test_the_database_keeps_only_hashes(empty_app, make_hall):
    device, code = _register(make_hall())
    assert code not in (device.pairing_code_hash or "") and len(device.pairing_code_hash) == 64
    paired, secret = pairing.pair(code.lower().replace("-", " "))  # typed loosely
    assert paired.id == device.id and paired.pairing_code_hash is None
    assert paired.secret_hash == pairing.digest(secret) and secret not in paired.secret_hash
    assert pairing.device_for_secret(secret).id == device.id
    actions = [entry.action for entry in db.session.scalars(select(AuditLog).order_by(AuditLog.id))]
    assert actions[-2:] == ["device.register", "device.pair"]


def test_codes_work_once_and_expire(empty_app, make_hall):
    hall = make_hall()
    _device, code = _register(hall)
    pairing.pair(code)
    with pytest.raises(DeviceError):
        pairing.pair(code)
    device, code = _register(hall, "kiosk-8")
    device.pairing_expires_at -= timedelta(minutes=pairing.CODE_MINUTES + 1)
    db.session.commit()
    with pytest.raises(DeviceError):
        pairing.pair(code)
    for junk in ("", "x" * 40, None, 12345678, "0OIL0OIL"):
        with pytest.raises(DeviceError):
            pairing.pair(junk)


@pytest.mark.parametrize("printer", ["cups:a;reboot", "cups:$(id)", "file:relative/dir", "file:/tmp/x;rm -rf /",
                                     "browser:x", "lpr:x", "cups:-o", "file:/tmp/`id`"])
def test_printer_settings_with_shell_characters_are_refused(empty_app, make_hall, printer):
    with pytest.raises(DeviceError):
        _register(make_hall(), printer=printer)
    assert db.session.scalar(select(Device)) is None  # nothing half-saved


def test_pairing_in_the_browser_sets_an_http_only_cookie_and_opens_the_kiosk(empty_app, empty_client, make_hall):
    _device, code = _register(make_hall())
    assert 'value="' + code + '"' in empty_client.get(f"/pair?code={code}").get_data(as_text=True)
    response = empty_client.post("/pair", data={"code": code})
    assert response.status_code == 303 and response.headers["Location"] == "/kiosk"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Max-Age=" in cookie
    page = empty_client.post("/pair?lang=en", data={"code": "WRONG-CODE"})
    assert page.status_code == 400 and "not valid" in page.get_data(as_text=True)


def test_counter_displays_open_their_window(empty_app, empty_client, make_hall, make_window):
    hall = make_hall()
    make_window(hall=hall, number=4)
    _device, code = _register(hall, "counter-4", kind="counter", window="4")
    assert empty_client.post("/pair", data={"code": code}).headers["Location"] == "/display/window/4"
    with pytest.raises(DeviceError):
        _register(hall, "counter-5", kind="counter", window="5")


def test_wrong_codes_are_rate_limited(empty_app, empty_client, make_hall):
    make_hall()
    statuses = [empty_client.post("/pair", data={"code": "ABCD-EFGH"}).status_code for _ in range(12)]
    assert statuses[:10] == [400] * 10 and statuses[-1] == 429


def test_the_device_decides_the_hall_and_a_name_decides_nothing(empty_app, make_hall):
    other = make_hall(code="other-hall", names={"zh_Hans_CN": "另一营业厅"})
    make_hall()
    _device, secret = make_device(hall=other, name="kiosk-other")
    paired = as_device(empty_app.test_client(), secret)
    assert "另一营业厅" in paired.get("/kiosk").get_data(as_text=True)
    stranger = empty_app.test_client()
    assert "另一营业厅" not in stranger.get("/kiosk?device=kiosk-other").get_data(as_text=True)
    stranger.set_cookie("kiosk_device", "kiosk-other")
    assert "另一营业厅" not in stranger.get("/kiosk").get_data(as_text=True)


def test_revoked_devices_are_strangers(empty_app, make_hall):
    other = make_hall(code="other-hall", names={"zh_Hans_CN": "另一营业厅"})
    make_hall()
    device, secret = make_device(hall=other)
    client = as_device(empty_app.test_client(), secret)
    pairing.revoke(device)
    assert "另一营业厅" not in client.get("/kiosk").get_data(as_text=True)
    assert pairing.device_for_secret(secret) is None


def test_last_seen_is_written_at_most_once_a_minute(empty_app, make_hall):
    device, secret = make_device(hall=make_hall())
    client = as_device(empty_app.test_client(), secret)
    client.get("/healthz")
    db.session.expire_all()
    first = db.session.get(Device, device.id).last_seen_at
    assert first is not None
    client.get("/healthz")
    db.session.expire_all()
    assert db.session.get(Device, device.id).last_seen_at == first


# --- KIOSK_UNPAIRED=deny -------------------------------------------------------------------------------


@pytest.fixture
def deny(empty_app, make_hall, make_service):
    empty_app.config["UNPAIRED"] = "deny"
    hall = make_hall()
    make_service(hall=hall, code="A")
    return hall


@pytest.mark.parametrize("url", ["/kiosk", "/kiosk/bills", "/display", "/kiosk/queue"])
def test_deny_shows_the_pairing_screen(deny, empty_client, url):
    page = empty_client.get(url + "?lang=en")
    assert page.status_code == 401
    assert "Pair this device" in page.get_data(as_text=True)


@pytest.mark.parametrize(("method", "url", "body"), [
    ("POST", "/api/v1/tickets", {"service": "A"}),
    ("POST", "/api/v1/bills/lookup", {"account": "3300000001"}),
    ("GET", "/api/v1/bills/3300000001", None),
    ("POST", "/kiosk/ticket/some-token/print", None),
])
def test_deny_answers_401_on_ticket_bill_and_print_apis(deny, empty_client, method, url, body):
    answer = empty_client.open(url + "?lang=en", method=method, json=body)
    assert answer.status_code == 401
    assert "not paired" in answer.get_json()["error"]


def test_deny_lets_paired_devices_staff_and_phones_in(deny, empty_app, make_staff_user):
    _device, secret = make_device(hall=deny)
    paired = as_device(empty_app.test_client(), secret)
    assert paired.get("/kiosk").status_code == 200
    assert paired.post("/api/v1/tickets", json={"service": "A"}).status_code == 201
    phone = empty_app.test_client()
    assert phone.get("/t/unknown-token").status_code == 404  # the status page is not a device page
    assert phone.get("/healthz").status_code == 200
    user = make_staff_user(hall=deny)
    staff = empty_app.test_client()
    staff.post("/staff/login", data={"username": user.username, "password": STAFF_PASSWORD})
    assert staff.get("/kiosk").status_code == 200
