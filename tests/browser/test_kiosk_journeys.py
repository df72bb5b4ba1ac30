"""Never trapped, in Chromium: journeys 2 (arrears, late fee, print the statement, back home) and
4 (print the residential tariff sheet without leaving the kiosk), the idle warning, the ticket's
return home, and the bill result's total and Print button inside the viewport."""
from __future__ import annotations

import pytest

from tests.conftest import make_app

VIEWPORTS = {"landscape": {"width": 1920, "height": 1080}, "portrait": {"width": 1080, "height": 1920}}


@pytest.fixture
def live_app(db_path, tmp_path):
    """Idle time long enough for a journey, short enough to watch the reset; the ticket returns home after 2 s."""
    return make_app(f"sqlite:///{db_path}", tmp_path, IDLE_SECONDS=10, IDLE_WARNING_SECONDS=4,
                    TICKET_RETURN_SECONDS=2, WTF_CSRF_ENABLED=True)


def never_a_pdf(page) -> list[str]:
    """Every main-frame URL the page navigates to (checked afterwards: none is a PDF or outside the kiosk)."""
    seen: list[str] = []
    page.on("framenavigated", lambda frame: seen.append(frame.url) if frame == page.main_frame else None)
    return seen


def assert_stayed_in_the_kiosk(page, seen: list[str]) -> None:
    assert seen, "no navigation recorded"
    for url in seen:
        assert url.startswith(page.base + "/kiosk") or url == page.base + "/", url
        assert ".pdf" not in url, url
    assert len(page.context.pages) == 1  # no pop-up, no viewer tab


def test_journey_4_print_the_residential_tariff_sheet(page, artifacts):
    seen = never_a_pdf(page)
    page.goto(f"{page.base}/kiosk?lang=en")
    page.locator('[data-tile="tariffs"]').tap()
    page.wait_for_url("**/kiosk/tariffs")
    page.locator('[data-table="residential"] a.tariff-card-link').tap()
    page.wait_for_selector("[data-version]")
    page.screenshot(path=str(artifacts / "journey4-tariff-table.png"))
    page.locator('[data-print="table"]').tap()
    page.wait_for_selector('[data-printed="ok"]')
    assert "take your paper" in page.locator("[data-print-outcome]").inner_text()
    assert page.locator('[data-nav="home"]').is_visible() and page.locator("[data-print-back]").is_visible()
    page.screenshot(path=str(artifacts / "journey4-printing.png"))
    page.locator("[data-print-back]").tap()
    page.wait_for_selector("[data-version]")
    assert_stayed_in_the_kiosk(page, seen)


def test_journey_2_arrears_late_fee_print_and_home(page, artifacts):
    seen = never_a_pdf(page)
    page.goto(f"{page.base}/kiosk/bills?lang=en")
    page.locator("#account").fill("3300000003")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kiosk/bills/result")
    assert page.locator('[data-unpaid] tbody tr[data-state="overdue"]').count() >= 1
    late_fee = page.locator('[data-total="late_fee"]').inner_text()
    assert late_fee.strip() not in ("¥0.00", "CN¥0.00", "0.00")
    assert page.locator("[data-pay-qr] svg").is_visible()
    page.screenshot(path=str(artifacts / "journey2-result.png"))
    page.locator("[data-print]").tap()
    page.wait_for_selector('[data-print-outcome="ok"]')
    page.screenshot(path=str(artifacts / "journey2-printing.png"))
    # Left alone, the idle warning counts down, then the kiosk forgets the customer and goes home.
    page.wait_for_selector("[data-idle-dialog]:not([hidden])", timeout=12_000)
    page.screenshot(path=str(artifacts / "journey2-idle-warning.png"))
    page.wait_for_url(f"{page.base}/kiosk", timeout=12_000)
    assert page.get_attribute("html", "lang") == "zh-Hans-CN"
    page.goto(f"{page.base}/kiosk/bills/result")
    assert page.url == f"{page.base}/kiosk/bills"
    assert_stayed_in_the_kiosk(page, seen)


def test_idle_warning_counts_down_and_continue_keeps_the_page(page, artifacts):
    page.goto(f"{page.base}/kiosk/guides?lang=en")
    dialog = page.locator("[data-idle-dialog]")
    assert dialog.is_hidden()
    page.wait_for_selector("[data-idle-dialog]:not([hidden])", timeout=12_000)
    first = int(page.locator("[data-idle-count]").inner_text())
    assert 1 <= first <= 4
    box = page.locator("[data-idle-continue]").bounding_box()
    assert box["height"] >= 96
    page.screenshot(path=str(artifacts / "idle-warning.png"))
    # A raw tap on the button (the touch itself already counts as the customer being there).
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert dialog.is_hidden()
    page.wait_for_timeout(1500)
    assert page.url.endswith("/kiosk/guides?lang=en")


def test_idle_reset_on_an_error_page(page):
    page.goto(f"{page.base}/kiosk/guides/no-such-guide?lang=en")
    assert page.locator("[data-error-home]").is_visible()
    page.wait_for_url(f"{page.base}/kiosk", timeout=15_000)


def test_ticket_confirmation_returns_home_once_printed(page, artifacts):
    page.goto(f"{page.base}/kiosk/ticket?lang=en")
    page.locator('button[name=service][value="A"]').first.tap()
    page.wait_for_url("**/kiosk/ticket/*")
    page.wait_for_selector('[data-print-status][data-state="ok"]')
    page.screenshot(path=str(artifacts / "ticket-printed.png"))
    page.wait_for_url(f"{page.base}/kiosk", timeout=6_000)  # TICKET_RETURN_SECONDS=2, well before the idle reset


@pytest.mark.parametrize("orientation", VIEWPORTS)
@pytest.mark.parametrize("lang", ["zh_Hans_CN", "en", "ug"])
@pytest.mark.parametrize("large", [False, True])
def test_bill_result_total_and_print_in_view(page, artifacts, orientation, lang, large):
    page.set_viewport_size(VIEWPORTS[orientation])
    if large:
        page.goto(f"{page.base}/kiosk/elder?next=/kiosk")
    page.goto(f"{page.base}/kiosk/bills?lang={lang}")
    page.locator("#account").fill("3300000003")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kiosk/bills/result")
    page.screenshot(path=str(artifacts / f"bills-result-{lang}-{orientation}{'-large' if large else ''}.png"))
    size = VIEWPORTS[orientation]
    footer = page.locator(".kiosk-footer").bounding_box()
    for selector in ('[data-total="total_due"]', "[data-print]"):
        box = page.locator(selector).bounding_box()
        assert box is not None, selector
        assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"], (selector, box)
        assert box["y"] >= 0 and box["y"] + box["height"] <= footer["y"], (selector, box, footer)
