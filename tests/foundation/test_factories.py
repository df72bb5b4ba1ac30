"""The factories on the empty database: each test states the rows it needs and nothing else exists."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from kiosk.bills.models import BillAccount
from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.queue.models import WindowState
from kiosk.staff.models import StaffUser
from kiosk.tariffs.models import TariffVersion
from tests.factories import STAFF_PASSWORD


def count(model) -> int:
    return db.session.execute(select(func.count()).select_from(model)).scalar_one()


def test_the_empty_database_has_no_rows(empty_app, empty_client):
    assert [count(model) for model in (Hall, StaffUser, BillAccount, TariffVersion)] == [0, 0, 0, 0]
    assert empty_client.get("/kiosk").status_code == 503


def test_defaults_share_one_hall(empty_app, make_hall, make_service, make_window):
    hall = make_hall()
    service_a, service_b = make_service(), make_service(time_limit_minutes=5)
    window = make_window()
    assert [(s.code, s.time_limit_minutes) for s in hall.services] == [("A", 20), ("B", 5)]
    assert (window.number, [s.code for s in window.services]) == (1, ["A", "B"])
    assert db.session.get_one(WindowState, window.id).is_open is True
    assert make_hall().code == "test-hall-2"
    assert {service_a.hall_id, service_b.hall_id, window.hall_id} == {hall.id}


def test_a_ticket_issued_in_a_hall_you_made(empty_app, empty_client, make_hall, make_service, make_window,
                                           make_ticket):
    make_hall()
    service = make_service(code="D")
    make_window(services=[service])
    first = make_ticket(service=service)
    response = empty_client.post("/api/v1/tickets", json={"service": "D"})
    assert first.number == "D001"
    assert response.status_code == 201
    assert (response.get_json()["ticket"], response.get_json()["waiting_ahead"]) == ("D002", 1)


def test_a_called_ticket_is_its_windows_current_ticket(empty_app, make_window, make_service, make_ticket):
    make_service()
    window = make_window()
    ticket = make_ticket(status="called", window=window)
    state = db.session.get_one(WindowState, window.id)
    assert (state.current_ticket_id, ticket.call_count, ticket.called_at is not None) == (ticket.id, 1, True)


def test_a_staff_user_who_logs_in(empty_app, empty_client, make_window, make_staff_user):
    window = make_window(number=7)
    make_staff_user(username="clerk", role="supervisor", window=window)
    refused = empty_client.post("/staff/login", data={"username": "clerk", "password": "not-the-password"})
    accepted = empty_client.post("/staff/login", data={"username": "clerk", "password": STAFF_PASSWORD})
    assert (refused.status_code, accepted.status_code) == (401, 302)
    html = empty_client.get("/staff?lang=en").get_data(as_text=True)
    assert ('data-fact="role">Supervisor<' in html, 'data-fact="window">Window 7<' in html) == (True, True)


def test_an_account_whose_bill_you_look_up(empty_app, empty_client, make_hall, make_account):
    make_hall()
    make_account(account_no="3300001234", name="张测试", bills=[
        {"period": "2026-08", "amount": "88.20"},
        {"period": "2026-09", "amount": "96.50", "paid": False},
    ])
    response = empty_client.get("/api/v1/bills/3300001234?as_of=2026-10-10")
    body = response.get_json()
    assert response.status_code == 200
    assert (body["name"], body["arrears"], body["late_fee"]) == ("张*试", "96.50", "0.00")
    assert [(bill["period"], bill["amount"], bill["paid"]) for bill in body["bills"]] == [
        ("2026-09", "96.50", False), ("2026-08", "88.20", True)]


def test_a_tariff_version_in_force(empty_app, empty_client, make_hall, make_tariff_version):
    make_hall()
    flat = [{"upper_kwh": None, "flat": "0.500"}]
    make_tariff_version(effective_from=date(2024, 1, 1), tiers=flat, periods=[])
    make_tariff_version(effective_from=date(2025, 1, 1), tiers=[{"upper_kwh": None, "flat": "0.600"}], periods=[])
    make_tariff_version(effective_from=date(2999, 1, 1), tiers=[{"upper_kwh": None, "flat": "0.900"}], periods=[])
    tables = empty_client.get("/api/v1/tariffs").get_json()
    estimate = empty_client.get("/api/v1/tariffs/estimate?category=residential&kwh=100").get_json()
    assert [(t["effective_from"], t["status"]) for t in tables["tariffs"]] == [("2025-01-01", "current")]
    assert [t["effective_from"] for t in tables["upcoming"]] == ["2999-01-01"]
    assert (estimate["effective_from"], estimate["total"]) == ("2025-01-01", "60.00")
