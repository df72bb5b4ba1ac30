"""The opinion book and callback requests: due dates, masking, validation, staff actions."""
from __future__ import annotations

import re
from datetime import UTC, timedelta

import pytest

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.notices import opinions, suspensions
from kiosk.notices.errors import NoticeError
from kiosk.notices.models import CallbackRequest, Opinion
from tests.notices.conftest import audit_actions


@pytest.mark.parametrize(("phone", "masked"), [
    ("13812345678", "138****5678"),
    ("075512345678", "075*****5678"),
    ("123456789", "123**6789"),
    ("12345678", "******78"),
    ("", ""),
    (None, ""),
])
def test_mask_phone(phone, masked):
    assert opinions.mask_phone(phone) == masked


@pytest.mark.parametrize(("kind", "days"), [("complaint", 5), ("report", 10), ("praise", None), ("suggestion", None)])
def test_due_dates(hall, kind, days):
    entry = opinions.submit(hall, kind=kind, topic="service", text="文字")
    if days is None:
        assert entry.due_at is None
    else:
        assert entry.due_at - entry.created_at == timedelta(days=days)


def test_due_state(hall, user):
    entry = opinions.submit(hall, kind="complaint", topic="waiting", text="等太久")
    now = entry.created_at
    assert opinions.due_state(entry, now) == "due"
    assert opinions.due_state(entry, now + timedelta(days=4, hours=1)) == "soon"
    assert opinions.due_state(entry, now + timedelta(days=5, seconds=1)) == "overdue"
    opinions.reply(entry, "已改进", user("staff1"))
    assert opinions.due_state(entry, now + timedelta(days=6)) == ""


@pytest.mark.parametrize("fields", [
    dict(kind="rant"), dict(topic="weather"), dict(text="   "), dict(text="x" * 501), dict(window="99"),
    dict(window="abc"), dict(phone="12ab"), dict(phone="123"),
])
def test_submit_validation(hall, fields):
    values = dict(kind="suggestion", topic="service", text="好")
    values.update(fields)
    with pytest.raises(NoticeError):
        opinions.submit(hall, **values)


def test_anonymous_report_keeps_no_phone(hall):
    entry = opinions.submit(hall, kind="report", topic="service", text="举报", phone="13812345678", anonymous=True)
    assert entry.anonymous and entry.phone is None
    entry = opinions.submit(hall, kind="praise", topic="service", text="好", phone="138 1234 5678", anonymous=True)
    assert not entry.anonymous and entry.phone == "13812345678"


def test_kiosk_form_posts_an_entry(client, hall):
    response = client.post("/kiosk/opinion", data={"kind": "complaint", "topic": "waiting", "window": "2",
                                                   "phone": "13812345678", "text": "The waiting time was too long."})
    assert response.status_code == 200 and "data-thanks" in response.get_data(as_text=True)
    entry = db.session.query(Opinion).one()
    assert (entry.kind, entry.window_number, entry.phone) == ("complaint", 2, "13812345678")
    response = client.post("/kiosk/opinion", data={"kind": "complaint", "topic": "waiting", "text": ""})
    assert response.status_code == 400 and "data-error" in response.get_data(as_text=True)
    assert db.session.query(Opinion).count() == 1


def test_kiosk_form_has_keyboard_phrases_and_keypad(client):
    page = client.get("/kiosk/opinion?lang=en").get_data(as_text=True)
    assert 'data-osk-for="opinion-text"' in page and 'data-keypad-for="opinion-phone"' in page
    assert page.count("data-phrase") == 6 and page.count('name="kind"') == 4
    assert 'data-osk-key="q"' in page and 'data-osk-key="0"' in page


def test_kiosk_form_rate_limit(app, client):
    app.config["NOTICE_SUBMISSIONS_PER_MINUTE"] = 1
    data = {"kind": "praise", "topic": "service", "text": "好"}
    assert client.post("/kiosk/opinion", data=data).status_code == 200
    assert client.post("/kiosk/opinion", data=data).status_code == 429


def test_staff_list_masks_and_orders_by_due(client, login, hall):
    old = opinions.submit(hall, kind="complaint", topic="service", text="旧", phone="13812345678")
    old.due_at = utcnow() - timedelta(hours=1)
    opinions.submit(hall, kind="praise", topic="service", text="新", phone="13900001111")
    db.session.commit()
    login("staff1")
    page = client.get("/staff/opinions").get_data(as_text=True)
    assert "13812345678" not in page and "138****5678" in page and "139****1111" in page
    assert page.index(f'data-opinion="{old.id}" data-due="overdue"') < page.index('data-due=""')


def test_staff_reply_close_and_reveal(client, login, hall):
    entry = opinions.submit(hall, kind="complaint", topic="service", text="态度差", phone="13812345678")
    db.session.commit()
    login("staff1")
    page = client.get(f"/staff/opinions/{entry.id}").get_data(as_text=True)
    assert "138****5678" in page and "13812345678" not in page
    assert client.post(f"/staff/opinions/{entry.id}/reply", data={"reply": "已致歉"}).status_code == 303
    assert client.post(f"/staff/opinions/{entry.id}/reply", data={"reply": ""}).status_code == 303
    revealed = client.post(f"/staff/opinions/{entry.id}/reveal").get_data(as_text=True)
    assert "13812345678" in revealed
    assert client.post(f"/staff/opinions/{entry.id}/close").status_code == 303
    db.session.refresh(entry)
    assert (entry.status, entry.reply, entry.replied_by) == ("closed", "已致歉", "staff1")
    actions = [e.action for e in audit_actions("notices.opinion_reply") + audit_actions("notices.phone_reveal")
               + audit_actions("notices.opinion_close")]
    assert actions == ["notices.opinion_reply", "notices.phone_reveal", "notices.opinion_close"]
    assert client.get("/staff/opinions/9999").status_code == 404


def test_staff_pages_need_login(client):
    for url in ["/staff/opinions", "/staff/callbacks", "/staff/suspensions"]:
        assert client.get(url).status_code == 302


def test_callback_only_during_system_failure(client, hall, user, service):
    page = client.get("/kiosk/callback?service=A").get_data(as_text=True)
    assert "data-available" in page
    assert client.post("/kiosk/callback?service=A", data={"phone": "13812345678"}).status_code == 200
    assert db.session.query(CallbackRequest).count() == 0
    assert client.get("/kiosk/callback?service=Q").status_code == 404
    suspensions.suspend(hall, "service", service("A"), "training", "", None, user("supervisor"))
    db.session.commit()
    page = client.get("/kiosk/callback?service=A").get_data(as_text=True)
    assert "data-no-callback" in page and "callback-phone" not in page
    assert client.post("/kiosk/callback?service=A", data={"phone": "13812345678"}).status_code == 200
    assert db.session.query(CallbackRequest).count() == 0
    suspensions.suspend(hall, "service", service("A"), "system_failure", "", None, user("supervisor"))
    db.session.commit()
    page = client.get("/kiosk/callback?service=A").get_data(as_text=True)
    assert 'class="suspended-sign"' in page and 'data-keypad-for="callback-phone"' in page
    assert client.post("/kiosk/callback?service=A", data={"phone": "12"}).status_code == 400
    response = client.post("/kiosk/callback?service=A", data={"phone": "13812345678"})
    assert response.status_code == 200 and "data-callback-thanks" in response.get_data(as_text=True)
    callback = db.session.query(CallbackRequest).one()
    assert (callback.phone, callback.service.code) == ("13812345678", "A")


def test_staff_callbacks_list(client, login, hall, user):
    suspensions.suspend(hall, "hall", None, "system_failure", "", None, user("supervisor"))
    db.session.commit()
    client.post("/kiosk/callback?service=B", data={"phone": "13812345678"})
    callback = db.session.query(CallbackRequest).one()
    login("staff1")
    page = client.get("/staff/callbacks").get_data(as_text=True)
    assert "138****5678" in page and "13812345678" not in page
    assert "13812345678" in client.post(f"/staff/callbacks/{callback.id}/reveal").get_data(as_text=True)
    assert client.post(f"/staff/callbacks/{callback.id}/handled").status_code == 303
    assert "data-handled" in client.get("/staff/callbacks").get_data(as_text=True)
    assert [e.actor for e in audit_actions("notices.callback_handled")] == ["staff1"]


@pytest.mark.parametrize(("kind", "days"), [("complaint", 5), ("report", 10), ("suggestion", None)])
def test_thanks_page_shows_the_reply_due_date(client, hall, kind, days):
    """The day comes from the opinion book's own due date, in the hall's zone and the reader's date format."""
    from babel.dates import format_date

    from kiosk.timefmt import zone_of

    response = client.post("/kiosk/opinion?lang=en", data={"kind": kind, "topic": "waiting", "text": "Too long."})
    html = response.get_data(as_text=True)
    entry = db.session.query(Opinion).one()
    due = re.search(r'<p class="lead" data-reply-due="([\d-]+)">([^<]+)</p>', html)
    if days is None:
        assert entry.due_at is None and due is None and "data-reply-due" not in html
        return
    created = entry.created_at if entry.created_at.tzinfo else entry.created_at.replace(tzinfo=UTC)
    expected = (created.astimezone(zone_of(hall)) + timedelta(days=days)).date()
    assert due.group(1) == expected.isoformat()
    assert due.group(2) == f"Reply due by {format_date(expected, 'long', locale='en')}."
