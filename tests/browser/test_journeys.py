"""Kiosk journeys in Chromium, by tapping: 1 (a Uyghur customer takes a green-channel ticket and follows it on
the phone), 5 (the kiosk left alone in Mongolian large-text mode forgets the customer and returns home in
Chinese), and a wall display opened in the kiosk's browser never changing the kiosk's language."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.browser.test_kiosk_journeys import assert_stayed_in_the_kiosk, never_a_pdf
from tests.conftest import make_app

ACCOUNT = "3300000003"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def live_app(db_path, tmp_path):
    """A short idle time to watch the reset; the ticket stays on screen long enough to read its QR target."""
    return make_app(f"sqlite:///{db_path}", tmp_path, IDLE_SECONDS=6, IDLE_WARNING_SECONDS=3,
                    TICKET_RETURN_SECONDS=30, WTF_CSRF_ENABLED=True)


def choose_language(page, code: str) -> None:
    """Open the header's language menu and tap ``code``'s entry, as a customer would."""
    page.locator(".language-menu > summary").tap()
    page.locator(f'.language-menu a[href*="lang={code}"]').tap()
    page.wait_for_selector(f'html[data-locale="{code}"]')


def test_journey_1_uyghur_green_channel_ticket_followed_on_the_phone(page, artifacts):
    seen = never_a_pdf(page)
    page.goto(f"{page.base}/kiosk")
    choose_language(page, "ug")
    page.locator('[data-tile="ticket"]').tap()
    page.wait_for_url("**/kiosk/ticket")
    assert page.get_attribute("html", "dir") == "rtl"
    page.locator("input[data-priority]").tap()
    assert page.locator("input[data-priority]").is_checked()
    page.screenshot(path=str(artifacts / "journey1-take.png"))
    page.locator("button[name=service]:not([disabled])").first.tap()
    page.wait_for_url(re.compile(r".*/kiosk/ticket/[^/]+$"))
    assert page.get_attribute("html", "lang") == "ug" and page.get_attribute("html", "dir") == "rtl"
    number = page.locator(".queue-ticket .ticket-number")
    assert number.get_attribute("dir") == "ltr"
    shown = number.inner_text().strip()
    assert re.fullmatch(r"[A-Z]\d{3}", shown), shown
    assert page.locator(".queue-ticket").get_attribute("data-ticket") == shown
    mark = page.locator(".queue-ticket [data-priority-name]").inner_text().strip()
    assert mark
    assert page.locator(".ticket-qr svg").is_visible()
    page.screenshot(path=str(artifacts / "journey1-ticket.png"))
    # The QR encodes the status page of this ticket in the language it was taken in (data-status-url).
    token = page.url.rsplit("/", 1)[1]
    encoded = urlsplit(page.locator(".ticket-qr").get_attribute("data-status-url"))
    assert encoded.path == f"/t/{token}" and encoded.query == "lang=ug", encoded
    assert_stayed_in_the_kiosk(page, seen)

    # A phone: its own browser, none of the kiosk's session.
    phone_context = page.context.browser.new_context(viewport=PHONE, has_touch=True)
    phone = phone_context.new_page()
    phone.goto(f"{page.base}{encoded.path}?{encoded.query}")
    assert phone.get_attribute("html", "lang") == "ug" and phone.get_attribute("html", "dir") == "rtl"
    assert phone.locator(".queue-status .ticket-number").inner_text().strip() == shown
    assert phone.locator(".queue-status .ticket-number").get_attribute("dir") == "ltr"
    assert phone.locator(".queue-status [data-priority-name]").inner_text().strip() == mark
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width
    phone.screenshot(path=str(artifacts / "journey1-phone-status.png"))
    phone_context.close()


def test_journey_5_mongolian_large_text_left_alone_returns_home_in_chinese(page, artifacts):
    seen = never_a_pdf(page)
    page.goto(f"{page.base}/kiosk")
    choose_language(page, "mn_Mong_CN")
    page.locator(".elder-toggle").tap()
    page.wait_for_selector("html.elder")
    page.locator('[data-tile="bills"]').tap()
    page.wait_for_url("**/kiosk/bills")
    page.locator("#account").fill(ACCOUNT)
    page.keyboard.press("Enter")
    page.wait_for_url("**/kiosk/bills/result")
    assert page.get_attribute("html", "data-locale") == "mn_Mong_CN"
    assert "elder" in (page.get_attribute("html", "class") or "").split()
    page.screenshot(path=str(artifacts / "journey5-result.png"))
    # Left alone: the warning, then the reset.
    page.wait_for_selector("[data-idle-dialog]:not([hidden])", timeout=8_000)
    page.screenshot(path=str(artifacts / "journey5-idle-warning.png"))
    page.wait_for_url(f"{page.base}/kiosk", timeout=8_000)
    assert page.get_attribute("html", "lang") == "zh-Hans-CN"
    assert "elder" not in (page.get_attribute("html", "class") or "").split()
    page.screenshot(path=str(artifacts / "journey5-home.png"))
    assert_no_part_of_the_account(page.locator("body").inner_text())
    # Nothing remembered: the result page sends the next customer to an empty query form.
    page.goto(f"{page.base}/kiosk/bills/result")
    assert page.url == f"{page.base}/kiosk/bills"
    assert page.locator("#account").input_value() == ""
    assert_no_part_of_the_account(page.locator("body").inner_text())
    assert_stayed_in_the_kiosk(page, seen)


def assert_no_part_of_the_account(text: str) -> None:
    """Neither the account number nor any four of its digits in a row (a masked form) is on the page."""
    digits = re.sub(r"\s", "", text)
    for start in range(len(ACCOUNT) - 3):
        assert ACCOUNT[start:start + 4] not in digits, ACCOUNT[start:start + 4]


def test_the_display_in_the_kiosk_browser_leaves_the_kiosk_language_alone(page):
    page.goto(f"{page.base}/kiosk")
    choose_language(page, "en")
    display = page.context.new_page()
    display.goto(f"{page.base}/display?lang=ug", wait_until="domcontentloaded")
    assert display.get_attribute("html", "lang") == "ug"
    display.close()
    page.bring_to_front()
    page.reload()
    assert page.get_attribute("html", "lang") == "en"
    assert page.get_attribute("html", "data-locale") == "en"
