from datetime import date, timedelta
from decimal import Decimal

import pytest

from kiosk.hall.service import business_day
from kiosk.tariffs import service

UPCOMING_ROWS = [{"upper_kwh": 2760, "flat": "0.548"}, {"upper_kwh": 4800, "flat": "0.598"},
                 {"upper_kwh": None, "flat": "0.848"}]


@pytest.fixture
def upcoming(add_version):
    return add_version(date(2031, 1, 1), UPCOMING_ROWS, document_no="TEST〔2030〕9号")


@pytest.mark.parametrize("on,expected_price,upcoming_count,superseded_count", [
    (date(2030, 12, 31), "0.538", 1, 0),    # the day before: the old version, the new one announced
    (date(2031, 1, 1), "0.548", 0, 1),      # from its effective date the new version is in force
    (date(2032, 6, 1), "0.548", 0, 1),
])
def test_effective_date_switching(app, upcoming, on, expected_price, upcoming_count, superseded_count):
    table = next(t for t in service.tables(on) if t.code == "residential")
    assert table.current.rows[0]["flat"] == expected_price
    assert len(table.upcoming) == upcoming_count and len(table.superseded) == superseded_count
    params = service.parse_estimate({"category": "residential", "kwh": "100"})
    version, result = service.estimate(params, on)
    assert result.lines[0].price == Decimal(expected_price)
    assert service.status(upcoming, on) == ("upcoming" if on < upcoming.effective_from else "current")


def test_superseded_status(app, upcoming):
    old = next(t for t in service.tables(date(2030, 1, 1)) if t.code == "residential").current
    assert service.status(old, date(2030, 1, 1)) == "current"
    assert service.status(old, date(2031, 1, 1)) == "superseded"


def test_index_announces_upcoming_and_history_lists_all(client, hall, add_version):
    today = business_day(hall)
    coming = add_version(today + timedelta(days=30), UPCOMING_ROWS, document_no="TEST〔2030〕9号")
    page = client.get("/kiosk/tariffs").get_data(as_text=True)
    assert f'data-upcoming="{coming.id}"' in page
    history = client.get("/kiosk/tariffs/history").get_data(as_text=True)
    assert f'data-version="{coming.id}"' in history and 'data-status="superseded"' in history  # shared meter 2015
    shown = client.get(f"/kiosk/tariffs/{coming.id}").get_data(as_text=True)
    assert 'data-status="upcoming"' in shown and "TEST〔2030〕9号" in shown
    # the calculator still uses the version in force
    data = client.get("/api/v1/tariffs/estimate?category=residential&kwh=100").get_json()
    assert data["lines"][0]["price"] == "0.538"
    assert [v["id"] for v in client.get("/api/v1/tariffs").get_json()["upcoming"]] == [coming.id]
