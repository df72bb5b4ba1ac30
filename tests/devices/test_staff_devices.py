"""``/staff/devices``: admins register a device and see its code once, rename, give a new code, revoke."""
from __future__ import annotations

import re

from kiosk.devices.pairing import digest
from kiosk.extensions import db
from kiosk.hall.models import Device
from tests.factories import as_device, make_device


def _code(page: str) -> str:
    return re.search(r'data-code>([A-Z0-9]{4}-[A-Z0-9]{4})<', page).group(1)


def test_register_pair_rename_revoke(app, client, login, hall):
    login("admin")
    page = client.post("/staff/devices?lang=en", data={"name": "kiosk-lobby", "kind": "kiosk", "printer": "file"})
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    code = _code(text)
    assert "Pairing code for kiosk-lobby" in text and page.headers["Cache-Control"].startswith("no-store")
    device = db.session.query(Device).filter_by(name="kiosk-lobby").one()
    assert device.pairing_code_hash == digest(code.replace("-", ""))

    kiosk = app.test_client()
    assert kiosk.post("/pair", data={"code": code}).status_code == 303
    listing = client.get("/staff/devices?lang=en").get_data(as_text=True)
    assert code not in listing and 'data-state="paired"' in listing

    assert client.post(f"/staff/devices/{device.id}/rename", data={"name": "kiosk-door"}).status_code == 303
    assert client.post(f"/staff/devices/{device.id}/rename?lang=en",
                       data={"name": "kiosk-1"}).status_code == 409  # the demo's kiosk-1 exists
    assert client.post(f"/staff/devices/{device.id}/revoke").status_code == 303
    db.session.expire_all()
    device = db.session.get(Device, device.id)
    assert (device.name, device.paired) == ("kiosk-door", False)
    fresh = _code(client.post(f"/staff/devices/{device.id}/code").get_data(as_text=True))
    assert kiosk.post("/pair", data={"code": fresh}).status_code == 303


def test_bad_input_is_a_translated_message_and_saves_nothing(client, login):
    login("admin")
    before = db.session.query(Device).count()
    page = client.post("/staff/devices?lang=en", data={"name": "bad name;", "kind": "kiosk"})
    assert page.status_code == 400 and "letters, digits" in page.get_data(as_text=True)
    page = client.post("/staff/devices?lang=en", data={"name": "k2", "kind": "kiosk", "printer": "cups:$(id)"})
    assert page.status_code == 400 and "$(id)" in page.get_data(as_text=True)  # kept in the field, escaped
    assert client.post("/staff/devices", data={"name": "k3", "kind": "toaster"}).status_code == 400
    assert db.session.query(Device).count() == before


def test_devices_of_another_hall_are_not_found(app, client, login, make_hall):
    other = make_hall(code="other-hall")
    device, _secret = make_device(hall=other)
    login("admin")
    assert client.post(f"/staff/devices/{device.id}/revoke").status_code == 404
    assert client.post("/staff/devices/2147483648/revoke").status_code == 404


def test_paired_devices_are_refused_the_staff_pages(app, hall):
    _device, secret = make_device(hall=hall)
    client = as_device(app.test_client(), secret)
    assert client.get("/staff/devices").status_code == 302
