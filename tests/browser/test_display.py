"""The wall display in a real browser: first state from the page, merged window events, suspended signs in hall
time, queued announcements, reconnect."""
from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from kiosk.dbtypes import utcnow
from kiosk.events.service import append_event
from kiosk.extensions import db
from kiosk.hall.service import hall_by_code
from kiosk.notices import suspensions
from kiosk.staff.models import StaffUser
from tests.browser.conftest import wait_until


def emit(app, type_, payload):
    with app.app_context():
        append_event(hall_by_code("demo").id, type_, payload)
        db.session.commit()


def test_window_events_merge_and_show_the_suspended_sign(page, live_app, artifacts):
    page.goto(f"{page.base}/display?lang=en")
    page.wait_for_selector('body[data-connected="true"]')
    emit(live_app, "call", {"ticket": "A007", "window": 2, "service": "A", "called_at": "2026-03-01T01:00:00+00:00",
                            "recall": False})
    emit(live_app, "window", {"number": 2, "status": "open", "serving": "A007", "reason": None,
                              "reason_texts": {}, "until": None})
    page.wait_for_selector('[data-window="2"] [data-serving]:text("A007")')
    # The suspension writer leaves out "serving"; the display keeps the rest and shows the sign.
    emit(live_app, "window", {"number": 2, "status": "suspended", "reason": "系统故障",
                              "reason_texts": {"en": "System failure", "ug": "سىستېما كاشىلىسى"},
                              "until": "2026-03-01T08:30:00+00:00"})
    sign = page.locator('[data-window="2"][data-status="suspended"] .suspended-sign')
    sign.wait_for()
    text = sign.text_content()  # the wall shows the languages in turn
    assert "System failure" in text and "سىستېما كاشىلىسى" in text and "系统故障" in text
    assert sign.locator("p").count() == 3  # one line per display language
    emit(live_app, "window", {"number": 2, "status": "open", "reason": None, "reason_texts": {}, "until": None})
    page.wait_for_selector('[data-window="2"][data-status="open"] [data-serving]:text("A007")')
    page.screenshot(path=str(artifacts / "queue-display-merge.png"))


def test_quick_calls_are_announced_in_order(page, live_app):
    page.goto(f"{page.base}/display?lang=en")
    page.wait_for_selector('body[data-connected="true"]')
    for ticket, window in (("A001", 1), ("A002", 2), ("B001", 4)):
        emit(live_app, "call", {"ticket": ticket, "window": window, "service": ticket[0],
                                "called_at": "2026-03-01T01:00:00+00:00", "recall": False})
    wait_until(page, "window.__displayAnnouncements === 3")
    assert page.locator("[data-call-number]").inner_text() == "B001"
    assert page.locator("[data-recent-calls] li").all_inner_texts()[:2] == ["A002 → 2", "A001 → 1"]
    emit(live_app, "queue", {"services": [{"code": "A", "waiting": 7}]})
    page.wait_for_selector('[data-service-waiting="A"] [data-count]:text("7")')


def test_lost_connection_shows_the_reconnecting_mark(page, artifacts):
    page.route("**/api/v1/events*", lambda route: route.abort())
    page.goto(f"{page.base}/display?lang=en")
    page.wait_for_selector('body[data-connected="false"]')
    assert page.locator("[data-connection]").is_visible()
    page.screenshot(path=str(artifacts / "queue-display-reconnecting.png"))
    page.unroute("**/api/v1/events*")
    page.wait_for_selector('body[data-connected="true"]', timeout=15000)
    assert page.locator("[data-connection]").is_hidden()


def test_counter_display_follows_its_window(page, live_app):
    page.goto(f"{page.base}/display/window/4?lang=en")
    page.wait_for_selector('body[data-connected="true"]')
    emit(live_app, "window", {"number": 3, "status": "open", "serving": "A003"})
    emit(live_app, "window", {"number": 4, "status": "open", "serving": "B009"})
    page.wait_for_selector('[data-window="4"] [data-serving]:text("B009")')
    assert page.locator('[data-window="3"]').count() == 0


def test_ticker_in_every_display_language_and_back_to_the_hotline_when_the_board_empties(page, live_app, artifacts):
    from sqlalchemy import select

    from kiosk.notices import board
    from kiosk.notices.models import Notice
    from kiosk.staff.models import StaffUser

    page.goto(f"{page.base}/display")
    page.wait_for_selector('body[data-connected="true"]')
    page.wait_for_selector("[data-ticker-track] .ticker-item")
    texts = page.locator("[data-ticker-track] .ticker-item").all_inner_texts()
    assert any(re.search("[\u4e00-\u9fff]", text) for text in texts)  # Chinese
    assert any(re.search("[A-Za-z]{4}", text) for text in texts)  # English
    # Hall time formatted for each language ("12/10 02:17" …), never raw ISO.
    outage_times = [text for text in texts if len(re.findall(r"\d{1,2}/\d{1,2},? \d\d:\d\d", text)) == 2]
    assert outage_times and not any("+00:00" in text or re.search(r"\d{4}-\d\d-\d\dT", text) for text in texts)
    with live_app.app_context():
        supervisor = db.session.scalar(select(StaffUser).where(StaffUser.username == "supervisor"))
        for notice in db.session.scalars(select(Notice).where(Notice.withdrawn_at.is_(None))):
            board.withdraw(notice, supervisor)
        db.session.commit()
        db.session.remove()
    wait_until(page, "!document.querySelector('[data-ticker-track] .ticker-item')", timeout=5000)
    assert "95598" in page.locator("[data-ticker-track]").inner_text()


def suspend_window_until_02_30z(app, number: int) -> None:
    """Suspend window ``number`` until 02:30 UTC tomorrow (10:30 in the demo hall's Asia/Shanghai)."""
    with app.app_context():
        hall = hall_by_code("demo")
        supervisor = db.session.scalar(select(StaffUser).where(StaffUser.username == "supervisor"))
        window = next(w for w in hall.windows if w.number == number)
        tomorrow = utcnow().date() + timedelta(days=1)
        until = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 2, 30, tzinfo=UTC)
        suspensions.suspend(hall, "window", window, "system_failure", "", until, supervisor)
        db.session.commit()
        db.session.remove()


def test_first_state_comes_from_the_page_in_hall_time_without_a_fetch(browser, live_server, live_app, artifacts):
    suspend_window_until_02_30z(live_app, 2)
    # A device in New York still shows the hall's time.
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, timezone_id="America/New_York")
    try:
        page = context.new_page()
        page.request.post(f"{live_server.url}/api/v1/tickets", data={"service": "A"})
        fetched = []
        page.on("request", lambda request: fetched.append(request.url) if "/api/v1/queue" in request.url else None)
        page.goto(f"{live_server.url}/display?lang=en")
        page.wait_for_selector('body[data-connected="true"]')
        sign = page.locator('[data-window="2"][data-status="suspended"] .suspended-sign')
        assert sign.locator(".until").count() == sign.locator("p").count() == 3  # zh, en, ug
        assert all("10:30" in text for text in sign.locator(".until").all_inner_texts())
        assert page.locator('[data-service-waiting="A"] [data-count]').inner_text() == "1"
        assert page.locator('[data-window="1"][data-status]').count() == 1
        assert fetched == []
        page.screenshot(path=str(artifacts / "display-first-state.png"))
    finally:
        context.close()


def test_the_snapshot_is_fetched_again_after_a_reconnect(page, live_app):
    # Every stream ends at once and asks for a retry 2 s later: each reconnect reloads the snapshot.
    page.route("**/api/v1/events*", lambda route: route.fulfill(
        status=200, headers={"Content-Type": "text/event-stream"}, body="retry: 2000\n\n"))
    fetched = []
    page.on("request", lambda request: fetched.append(request.url) if "/api/v1/queue" in request.url else None)
    page.goto(f"{page.base}/display?lang=en")
    page.wait_for_selector('[data-service-waiting="B"] [data-count]:text("0")')
    page.request.post(f"{page.base}/api/v1/tickets", data={"service": "B"})
    page.wait_for_selector('[data-service-waiting="B"] [data-count]:text("1")', timeout=15000)
    assert fetched


def test_counter_display_renders_its_suspended_sign_in_hall_time(page, live_app):
    suspend_window_until_02_30z(live_app, 4)
    page.goto(f"{page.base}/display/window/4?lang=en")
    sign = page.locator('[data-window="4"][data-status="suspended"] .suspended-sign')
    sign.wait_for()
    assert "10:30" in sign.locator(".until").first.inner_text()
    assert page.locator("[data-window]").count() == 1
