"""The take-a-number page offers a callback only for a service stopped by a system failure."""
from __future__ import annotations

from kiosk.extensions import db
from kiosk.hall.service import hall_by_code, service_by_code
from kiosk.notices import suspensions
from kiosk.staff.models import StaffUser

CALLBACK_LINK = "/kiosk/callback?service=A"


def _suspend_a(reason_key: str) -> None:
    hall = hall_by_code("demo")
    supervisor = db.session.query(StaffUser).filter_by(username="supervisor").one()
    suspensions.suspend(hall, "service", service_by_code(hall, "A"), reason_key, "", None, supervisor)
    db.session.commit()


def test_no_callback_while_open(client):
    assert CALLBACK_LINK not in client.get("/kiosk/ticket").get_data(as_text=True)


def test_no_callback_for_planned_reasons(client):
    _suspend_a("training")
    page = client.get("/kiosk/ticket").get_data(as_text=True)
    assert "service-suspended" in page and CALLBACK_LINK not in page


def test_callback_for_a_system_failure(client):
    _suspend_a("system_failure")
    assert CALLBACK_LINK in client.get("/kiosk/ticket").get_data(as_text=True)
