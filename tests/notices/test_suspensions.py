"""Suspensions: status functions, role checks (service, pages, API), events and audit entries."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.notices import suspensions
from kiosk.notices.errors import NoticeError
from kiosk.notices.status import SuspensionInfo, service_suspension, window_suspension
from tests.notices.conftest import audit_actions, events_of


def test_window_suspended_by_its_own_suspension(hall, user, window):
    until = utcnow() + timedelta(hours=1)
    suspensions.suspend(hall, "window", window(1), "training", "", until, user("staff1"))
    db.session.commit()
    info = window_suspension(window(1))
    assert isinstance(info, SuspensionInfo)
    assert (info.scope, info.until) == ("window", until.replace(microsecond=info.until.microsecond))
    assert set(info.reason_texts) == {"zh_Hans_CN", "en", "ug"}
    assert info.reason_texts["en"] == "Staff training"
    assert info.reason == info.reason_texts["zh_Hans_CN"]
    assert window_suspension(window(2)) is None


def test_hall_wide_suspension_stops_every_window_and_service(hall, user, window, service):
    suspensions.suspend(hall, "hall", None, "other", "停电检修", None, user("supervisor"))
    db.session.commit()
    for number in range(1, 7):
        info = window_suspension(window(number))
        assert (info.scope, info.reason, info.reason_texts["en"]) == ("hall", "停电检修", "停电检修")
    assert service_suspension(service("B")).scope == "hall"
    suspensions.resume(hall, "hall", None, user("supervisor"))
    db.session.commit()
    assert window_suspension(window(1)) is None and service_suspension(service("B")) is None


def test_own_suspension_wins_over_hall_and_survives_its_resume(hall, user, window):
    suspensions.suspend(hall, "window", window(1), "absence", "", None, user("staff1"))
    suspensions.suspend(hall, "hall", None, "system_failure", "", None, user("supervisor"))
    db.session.commit()
    assert window_suspension(window(1)).scope == "window"
    suspensions.resume(hall, "hall", None, user("supervisor"))
    db.session.commit()
    assert window_suspension(window(1)).reason_texts["en"] == "Temporary absence"


def test_service_suspension(hall, user, service):
    suspensions.suspend(hall, "service", service("A"), "system_failure", "", None, user("supervisor"))
    db.session.commit()
    info = service_suspension(service("A"))
    assert (info.scope, info.reason_texts["en"]) == ("service", "System failure")
    assert service_suspension(service("B")) is None


@pytest.mark.parametrize(("username", "scope", "target", "allowed"), [
    ("staff1", "window", 1, True),
    ("staff1", "window", 3, False),
    ("staff1", "service", "A", False),
    ("staff1", "hall", None, False),
    ("supervisor", "window", 3, True),
    ("supervisor", "service", "A", True),
    ("supervisor", "hall", None, True),
    ("admin", "hall", None, True),
])
def test_role_checks(hall, user, window, service, username, scope, target, allowed):
    obj = window(target) if scope == "window" else service(target) if scope == "service" else None
    if allowed:
        suspensions.suspend(hall, scope, obj, "training", "", None, user(username))
        suspensions.resume(hall, scope, obj, user(username))
    else:
        with pytest.raises(NoticeError) as caught:
            suspensions.suspend(hall, scope, obj, "training", "", None, user(username))
        assert caught.value.status == 403


def test_events_and_audit(hall, user, window):
    suspensions.suspend(hall, "window", window(1), "other", "午休", None, user("staff1"))
    db.session.commit()
    event = events_of(hall, "window")[-1]
    assert event == {"number": 1, "status": "suspended", "serving": None, "reason": "午休",
                     "reason_texts": {"zh_Hans_CN": "午休", "en": "午休", "ug": "午休"}, "until": None}
    suspensions.resume(hall, "window", window(1), user("staff1"))
    db.session.commit()
    assert events_of(hall, "window")[-1]["status"] == "open"
    entries = audit_actions("notices.suspend") + audit_actions("notices.resume")
    assert [(e.actor, e.target) for e in entries] == [("staff1", "window:1"), ("staff1", "window:1")]
    assert entries[0].after["text"] == "午休"


def test_resuming_a_closed_window_publishes_closed(hall, user, window):
    from kiosk.queue import windows

    windows.set_open(window(1), False, user("staff1"))
    suspensions.suspend(hall, "window", window(1), "training", "", None, user("staff1"))
    assert events_of(hall, "window")[-1]["status"] == "suspended"
    suspensions.resume(hall, "window", window(1), user("staff1"))
    assert events_of(hall, "window")[-1] == {"number": 1, "status": "closed", "serving": None, "reason": None,
                                             "reason_texts": {}, "until": None}


def test_resuming_the_hall_publishes_each_window_as_it_is(hall, user, window, service):
    from kiosk.queue import tickets, windows

    windows.set_open(window(2), False, user("supervisor"))
    tickets.issue_ticket(hall, service("A"))
    serving = windows.call_next(window(1), user("staff1")).number
    suspensions.suspend(hall, "hall", None, "system_failure", "", None, user("supervisor"))
    suspensions.resume(hall, "hall", None, user("supervisor"))
    states = {event["number"]: (event["status"], event["serving"]) for event in events_of(hall, "window")[-6:]}
    assert states[1] == ("open", serving) and states[2] == ("closed", None) and states[3] == ("open", None)


def test_api_resume_answers_the_window_as_it_is(client, token, hall, window, user):
    from kiosk.queue import windows

    windows.set_open(window(1), False, user("staff1"))
    headers = token("staff1")
    client.post("/api/v1/windows/1/suspend", json={"reason": "training"}, headers=headers)
    assert client.post("/api/v1/windows/1/resume", headers=headers).get_json()["status"] == "closed"


def test_hall_suspension_emits_every_window_and_service(hall, user):
    suspensions.suspend(hall, "hall", None, "system_failure", "", None, user("supervisor"))
    db.session.commit()
    assert sorted(e["number"] for e in events_of(hall, "window")) == [1, 2, 3, 4, 5, 6]
    assert sorted(e["code"] for e in events_of(hall, "service")) == ["A", "B", "C"]
    assert all(e["suspended"] and e["reason_texts"]["en"] == "System failure" for e in events_of(hall, "service"))


def test_resume_without_suspension_is_409(hall, user, window):
    with pytest.raises(NoticeError) as caught:
        suspensions.resume(hall, "window", window(1), user("staff1"))
    assert caught.value.status == 409


@pytest.mark.parametrize(("key", "text", "expected"), [
    ("training", "ignored", ("training", "")),
    ("other", " 设备维护 ", ("other", "设备维护")),
    ("Printer jam", None, ("other", "Printer jam")),
])
def test_parse_reason(key, text, expected):
    assert suspensions.parse_reason(key, text) == expected


@pytest.mark.parametrize(("key", "text"), [("", ""), ("other", "  "), ("other", "x" * 201), (None, None)])
def test_parse_reason_rejects(app, key, text):
    with pytest.raises(NoticeError):
        suspensions.parse_reason(key, text)


def test_parse_until(hall):
    now = utcnow()
    assert suspensions.parse_until(None, hall) is None
    local = suspensions.parse_until("2030-01-02T10:30", hall, now=datetime(2030, 1, 1, tzinfo=UTC))
    assert local.isoformat() == "2030-01-02T10:30:00+08:00"
    for bad in ["tomorrow", "2000-01-01T00:00:00+00:00", 42, (now + timedelta(days=40)).isoformat()]:
        with pytest.raises(NoticeError):
            suspensions.parse_until(bad, hall)


def test_history_durations_and_overdue(hall, user, window):
    row = suspensions.suspend(hall, "window", window(1), "training", "", utcnow() + timedelta(minutes=5),
                              user("staff1"))
    row.started_at = utcnow() - timedelta(minutes=30)
    db.session.commit()
    later = utcnow() + timedelta(minutes=10)
    [item] = suspensions.today(hall, now=later)
    assert item.minutes in (39, 40) and item.overdue
    suspensions.resume(hall, "window", window(1), user("staff1"))
    db.session.commit()
    [item] = suspensions.today(hall)
    assert item.minutes == 30 and not item.overdue


# ---- API -----------------------------------------------------------------------------------------------------

def test_api_window_suspend_and_resume(client, token, hall):
    headers = token("staff1")
    response = client.post("/api/v1/windows/1/suspend", json={"reason": "system_failure", "until": None},
                           headers=headers)
    assert response.status_code == 200
    assert response.get_json()["status"] == "suspended"
    assert client.post("/api/v1/windows/1/resume", headers=headers).get_json()["status"] == "open"


@pytest.mark.parametrize(("username", "url", "status"), [
    ("staff1", "/api/v1/windows/3/suspend", 403),
    ("staff1", "/api/v1/windows/3/resume", 403),
    ("staff1", "/api/v1/services/A/suspend", 403),
    ("staff1", "/api/v1/services/A/resume", 403),
    ("supervisor", "/api/v1/windows/3/suspend", 200),
    ("supervisor", "/api/v1/services/A/suspend", 200),
    ("supervisor", "/api/v1/windows/99/suspend", 404),
    ("supervisor", "/api/v1/services/Z/suspend", 404),
    ("supervisor", "/api/v1/windows/3/resume", 409),
])
def test_api_role_checks(client, token, username, url, status):
    response = client.post(url, json={"reason": "training"}, headers=token(username))
    assert response.status_code == status
    if status != 200:
        assert response.get_json()["error"]


def test_api_errors(client, token):
    assert client.post("/api/v1/windows/1/suspend", json={"reason": "x"}).status_code == 401
    headers = token("staff1")
    for body in [None, {"reason": ""}, {"reason": "training", "until": "soon"}]:
        response = client.post("/api/v1/windows/1/suspend", json=body, headers=headers)
        assert response.status_code == 400 and response.get_json()["error"]
    response = client.post("/api/v1/windows/1/suspend", data="not json", headers=headers)
    assert response.status_code == 400


def test_api_service_suspend_payload(client, token, hall):
    response = client.post("/api/v1/services/a/suspend",
                           json={"reason": "system_failure", "until": "2099-01-01T09:00:00+08:00"},
                           headers=token("supervisor"))
    assert response.status_code == 400  # more than 31 days ahead
    until = (utcnow() + timedelta(hours=2)).replace(microsecond=0)
    response = client.post("/api/v1/services/a/suspend", json={"reason": "system_failure", "until": until.isoformat()},
                           headers=token("supervisor"))
    body = response.get_json()
    assert body == {"code": "A", "suspended": True, "reason": body["reason_texts"]["zh_Hans_CN"],
                    "reason_texts": body["reason_texts"], "until": until.isoformat()}
    assert events_of(hall, "service")[-1] == body


# ---- staff pages ---------------------------------------------------------------------------------------------

def test_staff_page_suspends_own_window(client, login, window):
    login("staff1")
    page = client.get("/staff/suspensions").get_data(as_text=True)
    assert 'data-own-window="1"' in page and "data-window-row" not in page
    response = client.post("/staff/suspensions/suspend", data={"scope": "window", "target": "1", "reason": "training"})
    assert response.status_code == 303
    assert window_suspension(window(1)).scope == "window"
    page = client.get("/staff/suspensions").get_data(as_text=True)
    assert 'data-resume="window:1"' in page and 'data-suspension="' in page


def test_staff_page_refuses_other_window_and_services(client, login, window):
    login("staff1")
    assert client.post("/staff/suspensions/suspend",
                       data={"scope": "window", "target": "3", "reason": "training"}).status_code == 403
    assert client.post("/staff/suspensions/suspend",
                       data={"scope": "hall", "target": "all", "reason": "training"}).status_code == 403
    assert window_suspension(window(3)) is None


def test_supervisor_page_and_bad_input(client, login, window):
    login("supervisor")
    page = client.get("/staff/suspensions").get_data(as_text=True)
    assert page.count("data-window-row=") == 6 and page.count("data-service-row=") == 3
    response = client.post("/staff/suspensions/suspend?lang=en",
                           data={"scope": "window", "target": "3", "reason": "other"})
    assert response.status_code == 303
    assert "Type the reason" in client.get("/staff/suspensions").get_data(as_text=True)
    assert window_suspension(window(3)) is None
