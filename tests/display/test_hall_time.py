"""Times on every page are shown in the hall's time zone, whatever zone the server or device is in."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.notices import suspensions
from kiosk.staff.models import StaffUser
from kiosk.timefmt import hall_date, hall_datetime, hall_time

MOMENT = datetime(2026, 3, 1, 2, 30, tzinfo=UTC)  # 10:30 in Beijing, 08:30 in Urumqi


@pytest.mark.parametrize(("zone", "expected"), [("Asia/Shanghai", "10:30"), ("Asia/Urumqi", "08:30"),
                                                ("UTC", "02:30")])
def test_hall_time_follows_the_hall_zone(app, hall, zone, expected):
    hall.timezone = zone
    with app.test_request_context("/"), force_locale("zh_Hans_CN"):
        assert hall_time(MOMENT, hall=hall) == expected
        assert hall_time(MOMENT, "HH:mm", hall=hall) == expected


def test_hall_time_uses_the_request_hall_and_the_locale(app, hall):
    with app.test_request_context("/?lang=en"):
        assert hall_time(MOMENT) == "10:30\u202fAM"
        assert hall_datetime(MOMENT, "yyyy-MM-dd HH:mm") == "2026-03-01 10:30"
        assert hall_date(datetime(2026, 3, 1, 20, 0, tzinfo=UTC), "yyyy-MM-dd") == "2026-03-02"  # after local midnight
        assert hall_date(date(2026, 3, 1), "yyyy-MM-dd") == "2026-03-01"


def test_hall_time_outside_a_request_uses_the_default_zone(app):
    with app.app_context():
        assert hall_time(MOMENT, "HH:mm") == "10:30"


def test_ticket_page_shows_a_service_suspension_until_02_30z_as_10_30(client, hall):
    until = datetime.combine(utcnow().date() + timedelta(days=1), datetime.min.time(), UTC).replace(hour=2, minute=30)
    supervisor = db.session.scalar(select(StaffUser).where(StaffUser.username == "supervisor"))
    service = next(s for s in hall.services if s.code == "A")
    suspensions.suspend(hall, "service", service, "system_failure", "", until, supervisor)
    db.session.commit()
    html = client.get("/kiosk/ticket?lang=en").get_data(as_text=True)
    assert "expected to resume at 10:30\u202fAM" in html
    assert "2:30\u202fAM" not in html
