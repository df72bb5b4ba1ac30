"""Notices and outages: notice periods and the override, expiry at read time, the public API, search, pages."""
from __future__ import annotations

from datetime import timedelta

import pytest
from flask_babel import force_locale

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.notices import board
from kiosk.notices.errors import NoticeError
from tests.notices.conftest import audit_actions, events_of

ZH_EN = {"zh_Hans_CN": "测试停电", "en": "Test outage"}
AREA = {"zh_Hans_CN": "测试区幸福路", "en": "Test District, Xingfu Road"}


def outage(hall, user, kind: str, starts_in: timedelta, override: str = ""):
    now = utcnow()
    return board.publish_outage(hall, user, outage_type=kind, titles=ZH_EN, texts={}, areas=AREA,
                                lines={"zh_Hans_CN": "10kV 幸福线"}, starts_at=now + starts_in,
                                ends_at=now + starts_in + timedelta(hours=4), override_reason=override)


@pytest.mark.parametrize(("kind", "starts_in", "ok"), [
    ("planned", timedelta(days=7, minutes=5), True),
    ("planned", timedelta(days=6, hours=23), False),
    ("temporary", timedelta(hours=24, minutes=5), True),
    ("temporary", timedelta(hours=23), False),
    ("fault", timedelta(0), True),
    ("fault", -timedelta(hours=1), True),
])
def test_notice_periods(hall, user, kind, starts_in, ok):
    if ok:
        row = outage(hall, user("supervisor"), kind, starts_in)
        assert row.override_reason is None
    else:
        with pytest.raises(NoticeError) as caught, force_locale("en"):
            outage(hall, user("supervisor"), kind, starts_in)
        assert caught.value.status == 422 and "give the reason" in str(caught.value)


def test_override_is_stored_and_audit_logged(hall, user):
    row = outage(hall, user("supervisor"), "planned", timedelta(days=2), override="抢修变压器，需提前检修")
    db.session.commit()
    assert row.override_reason == "抢修变压器，需提前检修"
    [entry] = audit_actions("notices.notice_period_override")
    assert (entry.actor, entry.target, entry.after["reason"]) == ("supervisor", f"outage:{row.id}",
                                                                   "抢修变压器，需提前检修")
    assert events_of(hall, "notice")[-1] == {"id": row.id, "kind": "outage", "urgent": False, "action": "published"}


def test_override_not_recorded_when_not_needed(hall, user):
    row = outage(hall, user("supervisor"), "fault", timedelta(0), override="irrelevant")
    assert row.override_reason is None


@pytest.mark.parametrize("bad", [
    dict(titles={"en": "no Chinese"}),
    dict(outage_type="storm"),
    dict(ends_at_offset=-timedelta(hours=5)),
])
def test_outage_validation(hall, user, bad):
    now = utcnow()
    kwargs = dict(outage_type="fault", titles=ZH_EN, texts={}, areas=AREA, lines={}, starts_at=now,
                  ends_at=now + bad.pop("ends_at_offset", timedelta(hours=2)))
    kwargs.update(bad)
    with pytest.raises(NoticeError):
        board.publish_outage(hall, user("supervisor"), **kwargs)


def test_expiry_is_computed_at_read_time(hall, user):
    row = outage(hall, user("supervisor"), "fault", timedelta(0))
    db.session.commit()
    assert row in board.outages(hall)
    later = row.ends_at + timedelta(seconds=1)
    assert board.state(row, later) == "expired"
    assert row not in board.outages(hall, now=later)
    notice = board.publish_notice(hall, user("supervisor"), titles=ZH_EN, texts={}, starts_at=utcnow(),
                                  ends_at=utcnow() + timedelta(hours=1))
    assert notice in board.current_notices(hall)
    assert notice not in board.current_notices(hall, now=utcnow() + timedelta(hours=2))
    assert notice not in board.current_notices(hall, now=utcnow() - timedelta(minutes=1))


def test_restored_and_withdrawn(hall, user):
    row = outage(hall, user("supervisor"), "fault", -timedelta(hours=1))
    board.restored(row, user("supervisor"))
    db.session.commit()
    assert board.state(row) == "expired" and events_of(hall, "notice")[-1]["action"] == "expired"
    other = outage(hall, user("supervisor"), "fault", timedelta(0))
    board.withdraw(other, user("supervisor"))
    assert board.state(other) == "withdrawn" and other not in board.outages(hall)
    with pytest.raises(NoticeError):
        board.withdraw(other, user("supervisor"))


@pytest.mark.parametrize(("query", "found"), [("幸福路", True), ("xingfu", True), ("幸福线", True), ("光明", False)])
def test_search_by_area_street_or_line(hall, user, query, found):
    row = outage(hall, user("supervisor"), "fault", timedelta(0))
    assert (row in board.outages(hall, query=query)) is found


def test_api_shape_and_localization(client, hall, user):
    urgent = board.publish_notice(hall, user("supervisor"), titles={"zh_Hans_CN": "紧急", "en": "Urgent"},
                                  texts={"zh_Hans_CN": "正文"}, starts_at=utcnow() - timedelta(minutes=1),
                                  ends_at=utcnow() + timedelta(hours=1), priority=9, urgent=True)
    db.session.commit()
    body = client.get("/api/v1/notices?lang=en").get_json()
    assert set(body) == {"notices", "outages"}
    first = body["notices"][0]
    assert first == {"id": urgent.id, "kind": "notice", "title": "Urgent", "text": "正文", "priority": 9,
                     "urgent": True, "start": urgent.starts_at.isoformat(), "end": urgent.ends_at.isoformat()}
    assert {tuple(sorted(o)) for o in body["outages"]} == {
        ("area", "end", "id", "kind", "lines", "start", "text", "title", "type")}
    assert sorted(o["type"] for o in body["outages"]) == ["fault", "planned"]
    assert client.get("/api/v1/notices?lang=ug").get_json()["notices"][0]["title"] == "紧急"
    assert client.get("/api/v1/notices?lang=xx").get_json()["notices"][0]["title"] == "紧急"


def test_demo_seed_is_idempotent(hall):
    from kiosk.demo.notices import seed_demo
    from kiosk.notices.models import Notice

    before = [(n.id, n.starts_at, n.ends_at) for n in db.session.query(Notice).order_by(Notice.id)]
    seed_demo(hall)
    seed_demo(hall)
    assert [(n.id, n.starts_at, n.ends_at) for n in db.session.query(Notice).order_by(Notice.id)] == before
    assert len(before) == 4 and all(n.sample for n in db.session.query(Notice))


def test_kiosk_page_lists_and_searches(client):
    page = client.get("/kiosk/notices?lang=en").get_data(as_text=True)
    assert page.count("data-outage=") == 2 and 'data-state="current"' in page and 'data-state="upcoming"' in page
    page = client.get("/kiosk/notices?q=Beiyuan&lang=en").get_data(as_text=True)
    assert page.count("data-outage=") == 1 and 'data-type="fault"' in page
    page = client.get("/kiosk/notices?q=nowhere").get_data(as_text=True)
    assert "data-no-outages" in page and 'data-osk-for="outage-q"' in page


@pytest.mark.parametrize("username", ["staff1"])
def test_staff_board_is_for_supervisors(client, login, username):
    login(username)
    assert client.get("/staff/notices").status_code == 403
    assert client.post("/staff/notices", data={"kind": "notice"}).status_code == 403
    assert client.post("/staff/notices/1/withdraw").status_code == 403


def test_staff_publish_forms(client, login, hall):
    login("supervisor")
    start = (utcnow() + timedelta(days=2)).astimezone().strftime("%Y-%m-%dT%H:%M")
    end = (utcnow() + timedelta(days=2, hours=4)).astimezone().strftime("%Y-%m-%dT%H:%M")
    form = {"kind": "outage", "type": "planned", "title_zh_Hans_CN": "检修", "area_zh_Hans_CN": "幸福路",
            "lines_zh_Hans_CN": "10kV 幸福线", "start": start, "end": end}
    response = client.post("/staff/notices", data=form)
    assert response.status_code == 422 and "data-error" in response.get_data(as_text=True)
    response = client.post("/staff/notices", data={**form, "override_reason": "设备缺陷"})
    assert response.status_code == 303
    page = client.get("/staff/notices").get_data(as_text=True)
    assert "设备缺陷" in page
    response = client.post("/staff/notices", data={"kind": "notice", "title_zh_Hans_CN": "通知", "start": "junk",
                                                   "end": end})
    assert response.status_code == 400
    response = client.post("/staff/notices", data={"kind": "notice", "title_zh_Hans_CN": "通知", "start": start,
                                                   "end": end, "priority": "3", "urgent": "1"})
    assert response.status_code == 303
    notice_id = events_of(hall, "notice")[-1]["id"]
    assert client.post(f"/staff/notices/{notice_id}/dismiss").status_code == 303
    assert events_of(hall, "notice")[-1] == {"id": notice_id, "kind": "notice", "urgent": False,
                                             "action": "published"}
    assert client.post(f"/staff/notices/{notice_id}/explode").status_code == 404


@pytest.mark.parametrize(("kind", "starts_in", "needs_lines"), [
    ("planned", timedelta(days=8), True),
    ("temporary", timedelta(days=2), True),
    ("fault", timedelta(0), False),
])
def test_planned_and_temporary_outages_need_their_lines(hall, user, kind, starts_in, needs_lines):
    now = utcnow()
    kwargs = dict(outage_type=kind, titles=ZH_EN, texts={}, areas=AREA, lines={"en": "10 kV line only in English"},
                  starts_at=now + starts_in, ends_at=now + starts_in + timedelta(hours=4))
    if needs_lines:
        with pytest.raises(NoticeError) as caught, force_locale("en"):
            board.publish_outage(hall, user("supervisor"), **kwargs)
        assert "lines affected" in str(caught.value) and caught.value.status == 400
    else:
        assert board.publish_outage(hall, user("supervisor"), **kwargs).lines == {"en": "10 kV line only in English"}


def test_the_publish_form_names_the_missing_lines(client, login):
    login("supervisor")
    start = (utcnow() + timedelta(days=8)).astimezone().strftime("%Y-%m-%dT%H:%M")
    end = (utcnow() + timedelta(days=8, hours=4)).astimezone().strftime("%Y-%m-%dT%H:%M")
    form = {"kind": "outage", "type": "planned", "title_zh_Hans_CN": "检修", "area_zh_Hans_CN": "幸福路",
            "start": start, "end": end}
    response = client.post("/staff/notices?lang=en", data=form)
    assert response.status_code == 400 and "lines affected by the outage" in response.get_data(as_text=True)
    # Seven days' notice is still checked once the lines are given.
    early = (utcnow() + timedelta(days=2)).astimezone().strftime("%Y-%m-%dT%H:%M")
    response = client.post("/staff/notices?lang=en", data={**form, "lines_zh_Hans_CN": "10kV 幸福线", "start": early})
    assert response.status_code == 422 and "at least 7 days" in response.get_data(as_text=True)
