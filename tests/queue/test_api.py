"""The queue JSON API: issuing tickets, the snapshot, staff window actions."""
from __future__ import annotations

import pytest


def test_issue_ticket(client):
    response = client.post("/api/v1/tickets", json={"service": "a", "priority": False})
    assert response.status_code == 201
    body = response.get_json()
    assert (body["ticket"], body["service"], body["waiting_ahead"]) == ("A001", "A", 0)
    assert body["status_url"].startswith("/t/") and len(body["status_url"]) >= 25
    assert body["issued_at"].endswith("+00:00")
    assert client.post("/api/v1/tickets", json={"service": "A"}).get_json()["waiting_ahead"] == 1


@pytest.mark.parametrize(("body", "status"), [
    ({"service": "Z"}, 404),
    ({"service": 1}, 400),
    ({"service": "A", "priority": "yes"}, 400),
    ([1, 2], 400),
    (None, 400),
])
def test_issue_ticket_errors(client, body, status):
    response = client.post("/api/v1/tickets", json=body) if body is not None else client.post(
        "/api/v1/tickets", data="{not json", content_type="application/json")
    assert response.status_code == status
    assert set(response.get_json()) == {"error"} and response.get_json()["error"]


def test_closed_hall_cannot_ticket(client, hall):
    from kiosk.extensions import db

    hall.business_hours = {str(day): [] for day in range(7)}
    db.session.commit()
    response = client.post("/api/v1/tickets?lang=en", json={"service": "A"})
    assert response.status_code == 409 and "closed" in response.get_json()["error"]


def test_suspended_service_cannot_ticket(client, monkeypatch):
    from kiosk.notices import status
    from kiosk.notices.status import SuspensionInfo

    monkeypatch.setattr(status, "service_suspension", lambda s: SuspensionInfo("service", "系统升级"))
    response = client.post("/api/v1/tickets", json={"service": "A"})
    assert response.status_code == 409 and "系统升级" in response.get_json()["error"]


def test_snapshot(client, token):
    client.post("/api/v1/tickets", json={"service": "A"})
    client.post("/api/v1/tickets", json={"service": "B"})
    client.post("/api/v1/windows/3/call-next", headers=token("supervisor"))
    body = client.get("/api/v1/queue?lang=en").get_json()
    assert body["hall"] == "demo"
    assert [(s["code"], s["name"], s["waiting"]) for s in body["services"]] == [
        ("A", "Bill payment", 0), ("B", "Electricity applications", 1), ("C", "Enquiries", 0)]
    assert {w["number"]: (w["status"], w["serving"], w["reason"]) for w in body["windows"]}[3] == ("open", "A001", None)
    assert [(c["ticket"], c["window"]) for c in body["recent_calls"]] == [("A001", 3)]
    assert "token" not in str(body)


def test_window_actions(client, token):
    headers = token("supervisor")
    for _ in range(3):
        client.post("/api/v1/tickets", json={"service": "A"})
    call = client.post("/api/v1/windows/1/call-next", headers=headers)
    assert call.get_json() == {"ticket": "A001", "window": 1}
    assert client.post("/api/v1/windows/1/recall", headers=headers).get_json() == {"ticket": "A001", "window": 1}
    assert client.post("/api/v1/windows/1/skip", headers=headers).get_json() == {"ticket": "A001", "window": 1}
    assert client.post("/api/v1/windows/1/requeue", headers=headers, json={"ticket": "A001"}).status_code == 200
    assert client.post("/api/v1/windows/1/call-next", headers=headers).get_json()["ticket"] == "A001"
    moved = client.post("/api/v1/windows/1/transfer", headers=headers, json={"service": "B"}).get_json()
    assert (moved["ticket"], moved["service"]) == ("A001", "B")
    assert client.post("/api/v1/windows/4/call-next", headers=headers).get_json()["ticket"] == "A001"
    assert client.post("/api/v1/windows/4/finish", headers=headers).get_json() == {"ticket": "A001", "window": 4}
    client.post("/api/v1/windows/2/call-next", headers=headers)
    client.post("/api/v1/windows/3/call-next", headers=headers)
    assert client.post("/api/v1/windows/1/call-next", headers=headers).get_json() == {"ticket": None, "window": 1}


@pytest.mark.parametrize(("path", "body", "status"), [
    ("/api/v1/windows/99/call-next", None, 404),
    ("/api/v1/windows/1/recall", None, 409),
    ("/api/v1/windows/1/finish", None, 409),
    ("/api/v1/windows/1/transfer", {"service": "Z"}, 404),
    ("/api/v1/windows/1/transfer", {"nothing": 1}, 400),
    ("/api/v1/windows/1/requeue", {"ticket": "A404"}, 404),
])
def test_window_action_errors(client, token, path, body, status):
    response = client.post(path, headers=token(), json=body)
    assert response.status_code == status and response.get_json()["error"]


def test_window_actions_need_a_token(client):
    response = client.post("/api/v1/windows/1/call-next")
    assert response.status_code == 401 and response.get_json()["error"]
    bad = client.post("/api/v1/windows/1/call-next", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401


def test_closed_window_answers_409(client, token):
    headers = token("supervisor")
    assert client.post("/api/v1/windows/2/close", headers=headers).get_json() == {"window": 2, "status": "closed"}
    response = client.post("/api/v1/windows/2/call-next", headers=headers)
    assert response.status_code == 409
    assert client.post("/api/v1/windows/2/open", headers=headers).get_json()["status"] == "open"
