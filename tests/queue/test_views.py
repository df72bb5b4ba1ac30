"""Kiosk, status, staff console, display and statistics pages."""
from __future__ import annotations

import json
import re
import subprocess

import pytest
from sqlalchemy import select

from kiosk.extensions import db
from kiosk.queue.models import Ticket


def test_take_page_lists_services(client):
    client.post("/api/v1/tickets", json={"service": "B"})
    html = client.get("/kiosk/ticket?lang=en").get_data(as_text=True)
    assert re.search(r'data-service="A" data-suspended="false"', html)
    assert "Bill payment" in html and 'name="priority"' in html
    assert re.search(r'data-service="B".*?1 waiting', html, re.S)


def test_take_page_marks_suspended_service(client, monkeypatch):
    from kiosk.notices import status
    from kiosk.notices.status import SuspensionInfo

    def suspension(service):
        return SuspensionInfo("service", "系统升级", {"en": "System upgrade"}) if service.code == "B" else None

    monkeypatch.setattr(status, "service_suspension", suspension)
    html = client.get("/kiosk/ticket?lang=en").get_data(as_text=True)
    assert 'data-service="B" data-suspended="true"' in html and "System upgrade" in html and "95598" in html
    response = client.post("/kiosk/ticket?lang=en", data={"service": "B"})
    assert response.status_code == 409 and "系统升级" in response.get_data(as_text=True)
    assert db.session.scalar(select(Ticket)) is None


def test_take_page_when_closed(client, hall):
    hall.business_hours = {str(day): [["08:30", "08:31"]] for day in range(7)}
    db.session.commit()
    html = client.get("/kiosk/ticket?lang=en").get_data(as_text=True)
    assert "data-hall-closed" in html and html.count("disabled aria-disabled") == 3


def test_issue_and_confirmation(client):
    response = client.post("/kiosk/ticket", data={"service": "A", "priority": "1"})
    assert response.status_code == 302
    ticket = db.session.scalar(select(Ticket))
    assert ticket.priority and response.headers["Location"].endswith(f"/kiosk/ticket/{ticket.token}")
    html = client.get(response.headers["Location"] + "?lang=en").get_data(as_text=True)
    assert '<p class="ticket-number" dir="ltr">A001</p>' in html
    assert "<svg" in html and 'name="csrf-token"' in html
    assert f'data-print-url="/kiosk/ticket/{ticket.token}/print"' in html


def test_bad_service_on_kiosk(client):
    response = client.post("/kiosk/ticket?lang=en", data={"service": "Q"})
    assert response.status_code == 400 and "choose one of the services" in response.get_data(as_text=True)


def test_status_page(client, token):
    first = client.post("/api/v1/tickets", json={"service": "A"}).get_json()
    second = client.post("/api/v1/tickets", json={"service": "A"}).get_json()
    html = client.get(second["status_url"] + "?lang=en").get_data(as_text=True)
    assert 'data-ahead="1"' in html and "A002" in html
    client.post("/api/v1/windows/2/call-next", headers=token("supervisor"))
    html = client.get(first["status_url"] + "?lang=en").get_data(as_text=True)
    assert "Please go to window 2 now." in html
    assert client.get("/t/not-a-token").status_code == 404


def test_print_context(client):
    from kiosk.queue.paper import ticket_print_context
    from kiosk.queue.reads import ticket_by_token

    client.post("/api/v1/tickets", json={"service": "A"})
    body = client.post("/api/v1/tickets", json={"service": "A", "priority": True}).get_json()
    token = body["status_url"].removeprefix("/t/")
    context = ticket_print_context(ticket_by_token(token), body["waiting_ahead"])
    assert set(context) == {"hall", "number", "service_code", "service_names", "issued_at", "waiting_ahead",
                            "status_url", "priority", "token"}
    assert (context["number"], context["service_code"], context["waiting_ahead"], context["priority"]) == (
        "A002", "A", 0, True)
    assert context["hall"].code == "demo" and context["service_names"]["en"] == "Bill payment"
    assert context["issued_at"].tzinfo is not None and context["status_url"] == f"/t/{token}"


def test_staff_console_actions(client, login):
    login("staff1")
    client.post("/api/v1/tickets", json={"service": "A"})
    html = client.get("/staff/window?lang=en").get_data(as_text=True)
    assert 'data-window-console="1"' in html and 'data-ticket="A001"' in html
    client.post("/staff/window/1/call-next")
    html = client.get("/staff/window?lang=en").get_data(as_text=True)
    assert 'data-current="A001"' in html and "Called A001." in html and 'data-limit-seconds="300"' in html
    client.post("/staff/window/1/skip")
    client.post("/staff/window/1/requeue", data={"ticket": "A001"})
    assert db.session.scalar(select(Ticket)).front is True
    client.post("/staff/window/1/close")
    html = client.get("/staff/window?lang=en").get_data(as_text=True)
    assert 'data-status="closed"' in html
    client.post("/staff/window/1/call-next")
    assert "Window 1 is closed" in client.get("/staff/window?lang=en").get_data(as_text=True)
    assert client.post("/staff/window/1/explode").status_code == 404


def test_staff_console_needs_login(client):
    assert client.get("/staff/window").status_code == 302


def embedded_snapshot(html: str) -> dict:
    """The queue snapshot a display page embeds for its script."""
    return json.loads(re.search(r'<script type="application/json" id="display-snapshot">(.*?)</script>', html, re.S)
                      .group(1))


def test_wall_display(client, token):
    client.post("/api/v1/tickets", json={"service": "A"})
    client.post("/api/v1/windows/3/call-next", headers=token("supervisor"))
    client.post("/api/v1/windows/5/close", headers=token("supervisor"))
    html = client.get("/display").get_data(as_text=True)
    windows = {w["number"]: w for w in embedded_snapshot(html)["windows"]}
    assert (windows[3]["status"], windows[3]["serving"]) == ("open", "A001")
    assert windows[5]["status"] == "closed"
    assert embedded_snapshot(html)["recent_calls"][0]["ticket"] == "A001"
    assert 'id="display-config"' in html


def test_wall_display_suspended_sign(client, monkeypatch):
    from kiosk.notices import status
    from kiosk.notices.status import SuspensionInfo

    monkeypatch.setattr(status, "window_suspension", lambda w: SuspensionInfo(
        "window", "系统故障", {"zh_Hans_CN": "系统故障", "en": "System failure"}) if w.number == 2 else None)
    html = client.get("/display").get_data(as_text=True)
    window = next(w for w in embedded_snapshot(html)["windows"] if w["number"] == 2)
    assert window["status"] == "suspended"
    assert (window["reason"], window["reason_texts"]["en"]) == ("系统故障", "System failure")


def test_counter_display_and_rating(client, token):
    headers = token()
    client.post("/api/v1/tickets", json={"service": "A"})
    client.post("/api/v1/windows/1/call-next", headers=headers)
    counter = embedded_snapshot(client.get("/display/window/1").get_data(as_text=True))
    assert [(w["number"], w["status"], w["serving"]) for w in counter["windows"]] == [(1, "open", "A001")]
    assert client.post("/display/window/1/rate", data={"rating": "1"}).status_code == 409  # still serving
    client.post("/api/v1/windows/1/finish", headers=headers)
    rate_page = client.get("/display/window/1/rate").get_data(as_text=True)
    assert '"pending": "A001"' in rate_page and "data-rate-ticket>A001<" in rate_page
    assert client.post("/display/window/1/rate", data={"rating": "9"}).status_code == 409
    answer = client.post("/display/window/1/rate", json={"rating": 2}).get_json()
    assert answer["ok"] and answer["ticket"] == "A001"
    assert db.session.scalar(select(Ticket)).rating == 2
    assert client.post("/display/window/1/rate", data={"rating": "1"}).status_code == 409  # once only
    assert client.get("/display/window/42").status_code == 404


def test_people_ahead_is_the_figure_counted_at_issue(client):
    client.post("/api/v1/tickets", json={"service": "A"})
    response = client.post("/kiosk/ticket", data={"service": "A"})
    confirmation = response.headers["Location"]
    client.post("/api/v1/tickets", json={"service": "A", "priority": True})  # jumps ahead after the issue
    html = client.get(confirmation + "?lang=en").get_data(as_text=True)
    assert "<dd data-ahead>1</dd>" in html
    token = confirmation.rsplit("/", 1)[-1]
    status = client.get(f"/t/{token}?lang=en").get_data(as_text=True)
    assert 'data-ahead="2"' in status  # the phone page counts live


def test_printed_ticket_carries_the_figure_counted_at_issue(client, monkeypatch):
    from kiosk.queue import paper

    rendered = []
    monkeypatch.setattr(paper, "render_ticket", lambda context, **options: rendered.append(context) or b"%PDF")
    confirmation = client.post("/kiosk/ticket", data={"service": "A"}).headers["Location"]
    client.post("/api/v1/tickets", json={"service": "A", "priority": True})
    token = confirmation.rsplit("/", 1)[-1]
    assert client.post(f"/kiosk/ticket/{token}/print").get_json()["ok"] is True
    assert rendered[0]["waiting_ahead"] == 0 and rendered[0]["status_url"] == f"/t/{token}"


@pytest.mark.parametrize("locale", ["en", "zh_Hans_CN"])
def test_priority_option_has_one_name_on_screen_and_on_paper(client, tmp_path, locale):
    """The take page, the on-screen ticket and the printed ticket all name the option 绿色通道 (Green channel)."""
    take = client.get(f"/kiosk/ticket?lang={locale}").get_data(as_text=True)
    on_take = re.search(r"<strong data-priority-name>([^<]+)</strong>", take).group(1)
    location = client.post("/kiosk/ticket", data={"service": "A", "priority": "1"}).headers["Location"]
    screen = client.get(f"{location}?lang={locale}").get_data(as_text=True)
    on_ticket = re.search(r'<p class="priority-mark" data-priority-name>([^<]+)</p>', screen).group(1)
    token = location.rsplit("/", 1)[1]
    pdf = tmp_path / "ticket.pdf"
    pdf.write_bytes(client.get(f"/t/{token}/ticket.pdf?lang={locale}").data)
    printed = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert on_take == on_ticket and on_take in printed
    assert on_take in ("Green channel", "绿色通道") and "优先" not in on_take
    if locale == "en":
        assert on_take == "Green channel" and "Priority" not in printed and "priority" not in on_ticket
    assert "优先" not in printed
