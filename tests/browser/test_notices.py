"""Notice board in a real browser: suspension signs on the wall display, refused tickets, the opinion book."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from tests.browser.conftest import staff_login
from tests.conftest import make_app


@pytest.fixture
def live_app(db_path, tmp_path):
    """A long idle timeout: these tests take several steps on one kiosk screen and never watch the reset
    (with the default 3 s the idle warning could cover the page under load)."""
    return make_app(f"sqlite:///{db_path}", tmp_path, IDLE_SECONDS=600, WTF_CSRF_ENABLED=True)


def _give_staff1_window(app, number: int) -> None:
    from kiosk.extensions import db
    from kiosk.hall.models import Window
    from kiosk.staff.models import StaffUser

    with app.app_context():
        user = db.session.scalar(select(StaffUser).where(StaffUser.username == "staff1"))
        user.default_window_id = db.session.scalar(select(Window.id).where(Window.number == number))
        db.session.commit()
        db.session.remove()


@pytest.mark.latency
def test_staff_suspends_window_3_and_the_display_shows_the_sign(page, browser, live_app, artifacts):
    _give_staff1_window(live_app, 3)
    display = browser.new_page(viewport={"width": 1920, "height": 1080})
    try:
        display.goto(f"{page.base}/display?lang=en")
        display.wait_for_selector('body[data-connected="true"]')
        staff_login(page, "staff1")
        page.goto(f"{page.base}/staff/suspensions?lang=en")
        form = page.locator('[data-own-window="3"] form[data-suspend="window:3"]')
        form.locator('input[name="reason"][value="system_failure"]').check()
        started = time.monotonic()
        form.locator('button[type="submit"]').click()
        display.wait_for_selector('[data-window="3"][data-status="suspended"] .suspended-sign', timeout=1000)
        assert time.monotonic() - started < 1.0
        sign = display.locator('[data-window="3"] .suspended-sign').text_content()  # languages shown in turn
        assert "System failure" in sign
        display.screenshot(path=str(artifacts / "notices-display-suspended.png"))
        page.wait_for_selector('[data-resume="window:3"]')
        page.screenshot(path=str(artifacts / "notices-staff-suspended.png"))
        page.click('[data-resume="window:3"] button')
        display.wait_for_selector('[data-window="3"]:not([data-status="suspended"])', timeout=2000)
        assert display.locator('[data-window="3"] .suspended-sign').count() == 0
    finally:
        display.close()


def test_kiosk_refuses_tickets_for_a_suspended_service(page, live_app, artifacts):
    staff_login(page, "supervisor")
    page.goto(f"{page.base}/staff/suspensions?lang=en")
    form = page.locator('[data-service-row="A"] form[data-suspend="service:A"]')
    page.locator('[data-service-row="A"] details summary').click()
    form.locator('input[name="reason"][value="system_failure"]').check()
    form.locator('button[type="submit"]').click()
    page.wait_for_selector('[data-resume="service:A"]')
    page.goto(f"{page.base}/kiosk/ticket?lang=en")
    service = page.locator('[data-service="A"]')
    assert service.get_attribute("data-suspended") == "true"
    assert page.locator('button[name="service"][value="A"]').is_disabled()
    assert page.locator('[data-service="B"]').get_attribute("data-suspended") == "false"
    page.screenshot(path=str(artifacts / "notices-ticket-refused.png"))
    page.click('[data-service="A"] a[href*="/kiosk/callback"]')
    page.wait_for_selector(".suspended-sign")
    page.click('.keypad[data-keypad-for="callback-phone"] [data-key="1"]')
    page.fill("#callback-phone", "13812345678")
    page.click('.callback-form button[type="submit"]')
    page.wait_for_selector("[data-callback-thanks]")


def test_opinion_book_with_phrases_and_on_screen_keyboard(page, artifacts):
    page.goto(f"{page.base}/kiosk/opinion?lang=en")
    page.click('label.choice:has(input[name="kind"][value="report"]) span')
    assert page.locator("[data-anonymous-choice]").is_visible()
    page.click('label.choice:has(input[name="topic"][value="waiting"]) span')
    page.locator("[data-phrase]").first.click()
    for key in [" ", "shift", "o", "k", " ", "1"]:
        page.click(f'.osk [data-osk-key="{key}"]')
    text = page.input_value("#opinion-text")
    assert text.endswith(" Ok 1") and len(text) > 10
    box = page.locator('.osk [data-osk-key="q"]').bounding_box()
    assert box["width"] >= 64 and box["height"] >= 64
    page.check('input[name="anonymous"]')
    assert page.locator("#opinion-phone").is_disabled()
    page.screenshot(path=str(artifacts / "notices-opinion.png"))
    page.click("[data-submit]")
    page.wait_for_selector("[data-thanks]")
    assert "10 days" in page.inner_text("main")


def test_opinion_book_in_rtl(page, artifacts):
    page.goto(f"{page.base}/kiosk/opinion?lang=ug")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.locator(".osk").get_attribute("dir") == "ltr"
    page.screenshot(path=str(artifacts / "notices-opinion-ug.png"))


def test_kiosk_outage_search(page, artifacts):
    page.goto(f"{page.base}/kiosk/notices?lang=en")
    assert page.locator("[data-outage]").count() == 2
    for key in ["b", "e", "i", "y", "u", "a", "n"]:
        page.click(f'.osk [data-osk-key="{key}"]')
    page.click(".outage-search button[type=submit]")
    page.wait_for_url("**q=beiyuan**")
    assert page.locator("[data-outage]").count() == 1
    page.screenshot(path=str(artifacts / "notices-outages.png"))
