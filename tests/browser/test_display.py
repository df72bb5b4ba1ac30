"""The wall display in a real browser: merged window events, suspended signs, queued announcements, reconnect."""
from __future__ import annotations

from kiosk.events.service import append_event
from kiosk.extensions import db
from kiosk.hall.service import hall_by_code


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
    text = sign.inner_text()
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
    page.wait_for_function("window.__displayAnnouncements === 3")
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
