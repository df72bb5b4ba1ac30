"""The admin console in a real browser: a service and a window added in the forms reach a kiosk page and a wall
display open in other tabs within a second, without a reload by hand."""
from __future__ import annotations

import time

import pytest

from tests.browser.conftest import staff_login
from tests.conftest import make_app


@pytest.fixture
def live_app(db_path, tmp_path):
    """The live server's app; the kiosk's idle reset is long enough not to leave the take page meanwhile."""
    return make_app(f"sqlite:///{db_path}", tmp_path, IDLE_SECONDS=300, WTF_CSRF_ENABLED=True)


def _within_a_second(tab, selector: str) -> float:
    started = time.monotonic()
    tab.wait_for_selector(selector, timeout=1000)
    return time.monotonic() - started


@pytest.mark.latency
def test_a_new_service_and_window_reach_the_kiosk_and_the_display(page, artifacts):
    kiosk = page.context.new_page()
    kiosk.goto(f"{page.base}/kiosk/ticket?lang=en")
    kiosk.wait_for_selector('body[data-setup-following="true"]')
    assert kiosk.locator('[data-service="D"]').count() == 0
    display = page.context.new_page()
    display.goto(f"{page.base}/display?lang=en")
    display.wait_for_selector('body[data-connected="true"]')
    assert display.locator('[data-window="9"]').count() == 0

    staff_login(page, "admin")
    page.goto(f"{page.base}/staff/admin/services?lang=en")
    page.fill('[name="code"]', "D")
    page.fill('[name="names.zh_Hans_CN"]', "新装增容")
    page.fill('[name="names.en"]', "New connections")
    page.fill('[name="daily_cap"]', "30")
    page.click('[data-form="service"] button[type=submit]')
    page.wait_for_selector('[data-services] [data-service="D"]')
    seconds = _within_a_second(kiosk, '[data-service="D"]')
    assert "New connections" in kiosk.locator('[data-service="D"]').text_content()
    page.screenshot(path=str(artifacts / "admin-console-services.png"), full_page=True)
    kiosk.screenshot(path=str(artifacts / "admin-console-kiosk.png"))

    page.goto(f"{page.base}/staff/admin/windows?lang=en")
    page.fill('[data-form="window"] [name="number"]', "9")
    page.fill('[data-form="window"] [name="names.en"]', "Window 9")
    page.select_option('[name="rank.D"]', "1")
    page.select_option('[name="rank.A"]', "2")
    page.click('[data-form="window"] button[type=submit]')
    page.wait_for_selector('[data-windows] [data-window="9"]')
    display_seconds = _within_a_second(display, '[data-window="9"]')
    page.screenshot(path=str(artifacts / "admin-console-windows.png"), full_page=True)
    display.screenshot(path=str(artifacts / "admin-console-display.png"))
    assert seconds < 1 and display_seconds < 1
