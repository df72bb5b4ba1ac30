"""The console's service and window options in the queue: priority offered, daily cap, own hours, closed,
and a window's order of preference in call-next."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from flask_babel import force_locale
from sqlalchemy import func, select

from kiosk.extensions import db
from kiosk.hall.service import set_window_services
from kiosk.printing.qr import absolute_url
from kiosk.queue import windows
from kiosk.queue.errors import QueueError
from kiosk.queue.models import QueueCounter, Ticket
from kiosk.queue.tickets import issue_ticket

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _window_ranked(make_window, hall, ranked):
    window = make_window(hall=hall, services=[])
    set_window_services(window, ranked)
    db.session.commit()
    return window


def test_call_next_takes_the_most_preferred_services_head_first(empty_app, make_hall, make_service, make_window,
                                                                make_ticket):
    hall = make_hall()
    a, b = make_service(hall=hall, code="A"), make_service(hall=hall, code="B")
    window = _window_ranked(make_window, hall, [(a, 2), (b, 1)])
    first_a = make_ticket(service=a, priority=True)
    first_b, second_b = make_ticket(service=b), make_ticket(service=b)
    called = [windows.call_next(window) for _ in range(4)]
    assert [ticket.number if ticket else None for ticket in called] == [first_b.number, second_b.number,
                                                                        first_a.number, None]


def test_equal_ranks_share_one_line(empty_app, make_hall, make_service, make_window, make_ticket):
    hall = make_hall()
    a, b = make_service(hall=hall, code="A"), make_service(hall=hall, code="B")
    window = _window_ranked(make_window, hall, [(a, 1), (b, 1)])
    first_a, first_b = make_ticket(service=a), make_ticket(service=b)
    priority_b = make_ticket(service=b, priority=True)
    assert [windows.call_next(window).number for _ in range(3)] == [priority_b.number, first_a.number,
                                                                    first_b.number]


def test_the_daily_cap_is_enforced_on_issue(empty_app, empty_client, make_hall, make_service):
    hall = make_hall()
    service = make_service(hall=hall, code="A", names={"zh_Hans_CN": "电费缴纳", "en": "Bill payment"})
    service.daily_cap = 2
    db.session.commit()
    issue_ticket(hall, service)
    assert empty_client.post("/api/v1/tickets", json={"service": "A"}).status_code == 201
    refused = empty_client.post("/api/v1/tickets?lang=en", json={"service": "A"})
    assert refused.status_code == 409
    assert refused.get_json()["error"] == "Today's tickets for Bill payment are all taken."
    counter = db.session.scalar(select(QueueCounter.last_seq))
    assert counter == 2 and db.session.scalar(select(func.count()).select_from(Ticket)) == 2  # nothing half-saved
    page = empty_client.get("/kiosk/ticket?lang=en").get_data(as_text=True)
    assert "data-service-full" in page and "disabled" in page.split('data-service="A"', 1)[1].split("</li>", 1)[0]


def test_own_hours_limit_ticketing(empty_app, empty_client, make_hall, make_service):
    hall = make_hall()
    service = make_service(hall=hall, code="A")
    service.own_hours = {str(day): [["09:00", "10:00"]] for day in range(7)}
    db.session.commit()
    early = datetime(2026, 12, 2, 8, 0, tzinfo=SHANGHAI)
    with force_locale("en"), pytest.raises(QueueError, match="takes no tickets at this time of day"):
        issue_ticket(hall, service, now=early)
    assert issue_ticket(hall, service, now=datetime(2026, 12, 2, 9, 30, tzinfo=SHANGHAI)).number == "A001"
    service.own_hours = {str(day): [] for day in range(7)}
    db.session.commit()
    page = empty_client.get("/kiosk/ticket?lang=en").get_data(as_text=True)
    assert "data-service-opens" not in page  # never within the look-ahead: no time to show
    service.own_hours = {str(day): [["00:00", "00:01"]] for day in range(7)}
    db.session.commit()
    page = empty_client.get("/kiosk/ticket?lang=en").get_data(as_text=True)
    assert "data-service-opens" in page and "Takes tickets from" in page


def test_priority_is_offered_only_where_the_service_offers_it(empty_app, empty_client, make_hall, make_service):
    hall = make_hall()
    service = make_service(hall=hall, code="A")
    assert "data-priority" in empty_client.get("/kiosk/ticket").get_data(as_text=True)
    service.priority_offered = False
    db.session.commit()
    assert "data-priority" not in empty_client.get("/kiosk/ticket").get_data(as_text=True)
    assert not issue_ticket(hall, service, priority=True).priority


def test_ticket_qr_codes_use_the_halls_public_url(empty_app, make_hall):
    hall = make_hall(public_url="https://east.example.cn")
    assert absolute_url("/t/abc", hall) == "https://east.example.cn/t/abc"
    assert absolute_url("/t/abc").endswith("/t/abc") and not absolute_url("/t/abc").startswith("https://east")
