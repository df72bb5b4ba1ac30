"""Queue in a real browser: take a number at the kiosk, call it from the staff console."""
from __future__ import annotations

import re
import time

import pytest

from tests.browser.conftest import staff_login, wait_until

#: Age the timer by the given ms (again on every poll: the live panel may be redrawn) and check its colour.
AGED = """(() => { const t = document.querySelector('[data-timer]'); if (!t) return false;
  const age = %d; t.dataset.from = new Date(Date.now() - age).toISOString();
  return t.classList.contains(age > 300000 ? 'red' : 'amber'); })()"""


def test_take_a_number_shows_it_at_once(page, artifacts):
    page.goto(f"{page.base}/kiosk/ticket?lang=en")
    assert page.locator('[data-service="A"]').get_attribute("data-suspended") == "false"
    page.check("[data-priority]")
    page.click('button[name="service"][value="B"]')
    page.wait_for_url(re.compile(r"/kiosk/ticket/[\w-]{22,}"))
    assert page.locator(".ticket-number").inner_text() == "B001"
    assert page.locator(".priority-mark").count() == 1
    assert page.locator(".ticket-qr svg").count() == 1
    page.screenshot(path=str(artifacts / "queue-ticket.png"))


@pytest.mark.latency
def test_call_next_reaches_the_display_within_a_second(page, browser, artifacts):
    display = browser.new_page(viewport={"width": 1920, "height": 1080})
    try:
        page.goto(f"{page.base}/kiosk/ticket?lang=en")
        page.click('button[name="service"][value="A"]')
        page.wait_for_url(re.compile(r"/kiosk/ticket/"))
        display.goto(f"{page.base}/display?lang=en")
        display.wait_for_selector('body[data-connected="true"]')
        staff_login(page, "supervisor")  # staff1 works at window 1 only
        page.goto(f"{page.base}/staff/window?window=3&lang=en")
        started = time.monotonic()
        page.click('button[data-action="call-next"]')
        wait_until(display, "document.querySelector('[data-latest-call] [data-call-number]')?.textContent === 'A001'",
                   timeout=1000)
        elapsed = time.monotonic() - started
        assert elapsed < 1.0
        display.wait_for_selector('[data-window="3"] [data-serving]:text("A001")')
        wait_until(display, "window.__displayAnnouncements === 1")
        display.screenshot(path=str(artifacts / "queue-display-call.png"))
        page.wait_for_selector('[data-current="A001"]')
        page.screenshot(path=str(artifacts / "queue-window-console.png"))
    finally:
        display.close()


def test_console_keyboard_shortcuts_and_timer(page, artifacts):
    page.goto(f"{page.base}/kiosk/ticket?lang=en")
    page.click('button[name="service"][value="A"]')
    page.wait_for_url(re.compile(r"/kiosk/ticket/"))
    staff_login(page, "staff1")
    page.goto(f"{page.base}/staff/window?lang=en")
    page.keyboard.press("n")
    page.wait_for_selector('[data-current="A001"]')
    timer = page.locator("[data-timer]")
    assert re.fullmatch(r"\d+:\d\d", timer.inner_text())
    # Pretend the customer has been at the counter for 4.5 minutes (limit 5): amber, then red.
    wait_until(page, AGED % (270000,))
    wait_until(page, AGED % (301000,))
    page.screenshot(path=str(artifacts / "queue-window-timer.png"))
    page.keyboard.press("f")
    page.wait_for_selector('[data-current=""]')


def test_the_phone_page_follows_the_ticket_live_and_alerts_when_called(page, browser, artifacts):
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        for service in ("A", "A"):
            page.goto(f"{page.base}/kiosk/ticket?lang=en")
            page.click(f'button[name="service"][value="{service}"]')
            page.wait_for_url(re.compile(r"/kiosk/ticket/"))
        token = page.url.rsplit("/", 1)[1].split("?")[0]
        phone.add_init_script("navigator.vibrate = (pattern) => { window.__vibrated = pattern; return true; };")
        phone.goto(f"{page.base}/t/{token}?lang=en")
        assert phone.locator("[data-ahead]").get_attribute("data-ahead") == "1"
        wait_until(phone, "document.title.startsWith('⏳')")  # 3 or fewer ahead: alerted once
        staff_login(page, "supervisor")
        page.goto(f"{page.base}/staff/window?window=3&lang=en")
        page.click('button[data-action="call-next"]')  # A001: one fewer ahead, no reload
        wait_until(phone, "document.querySelector('main').textContent.includes('You are next')", timeout=5000)
        page.wait_for_selector('[data-current="A001"]')
        page.click('button[data-action="call-next"]')  # A002: this phone's ticket
        wait_until(phone, "document.querySelector('main').dataset.ticketStatus === 'called'", timeout=5000)
        wait_until(phone, "document.title.startsWith('🔔') && Array.isArray(window.__vibrated)")
        assert "window 3" in phone.locator("main").inner_text()
        phone.screenshot(path=str(artifacts / "queue-phone-called.png"))
    finally:
        phone.close()
