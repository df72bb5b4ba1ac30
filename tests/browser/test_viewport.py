"""Result and next action in view: on each kiosk screen the primary result and the primary next action lie
inside the viewport without scrolling (above the footer), for every locale, both orientations and both text
sizes. One test per locale × orientation × size walks the screens in one page and saves a screenshot of each.

The bill result's total and Print button have their own test in test_kiosk_journeys.py; the keyboard's place
beside its field in test_osk.py.
"""
from __future__ import annotations

import pytest

from kiosk.i18n import LOCALES
from tests.browser.conftest import page_through
from tests.conftest import make_app

VIEWPORTS = {"landscape": {"width": 1920, "height": 1080}, "portrait": {"width": 1080, "height": 1920}}


@pytest.fixture
def live_app(db_path, tmp_path):
    """A long idle timeout (one page walks several screens); ticket printing stays on its page."""
    return make_app(f"sqlite:///{db_path}", tmp_path, IDLE_SECONDS=600, TICKET_RETURN_SECONDS=600,
                    WTF_CSRF_ENABLED=True)


def assert_in_view(page, selector: str, screen: str) -> None:
    """The first element matching ``selector`` lies wholly inside the viewport and above the kiosk's footer (the
    customer never scrolls; a page may bring its result into view by itself, as the outage search does)."""
    size = page.viewport_size
    box = page.locator(selector).first.bounding_box()
    assert box is not None, (screen, selector, "not rendered")
    footer = page.locator(".kiosk-footer").bounding_box()
    bottom = footer["y"] if footer else size["height"]
    assert box["x"] >= -1 and box["x"] + box["width"] <= size["width"] + 1, (screen, selector, box)
    assert box["y"] >= -1 and box["y"] + box["height"] <= bottom + 1, (screen, selector, box, bottom)


@pytest.mark.parametrize("orientation", VIEWPORTS)
@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_result_and_next_action_in_view(page, artifacts, orientation, lang, large):
    page.set_viewport_size(VIEWPORTS[orientation])
    page.goto(f"{page.base}/kiosk?lang={lang}")
    if large:
        page.click(".elder-toggle")
        page.wait_for_selector("html.elder")
    name = f"{lang}-{orientation}{'-large' if large else ''}"

    def shot(screen: str) -> None:
        page.screenshot(path=str(artifacts / f"viewport-{screen}-{name}.png"))

    page.goto(f"{page.base}/kiosk/bills")
    shot("bills-keypad")
    assert_in_view(page, ".bills-submit", "bills keypad")
    assert_in_view(page, '.keypad [data-key="0"]', "bills keypad")

    page.goto(f"{page.base}/kiosk/tariffs/calculator")
    page.fill("#kwh", "260")
    page.click("[data-calc-submit]")
    page.wait_for_selector("[data-calc-total]")
    shot("calculator")
    assert_in_view(page, "[data-calc-total]", "calculator")

    page.goto(f"{page.base}/kiosk/ticket")
    page.locator('button[name=service][value="A"]').first.click()
    page.wait_for_url("**/kiosk/ticket/*")
    page.wait_for_selector("[data-print-status]")
    shot("ticket")
    for selector in (".ticket-number", "[data-print-status]", "[data-print-again]"):
        assert_in_view(page, selector, "ticket")

    page.goto(f"{page.base}/kiosk/notices?q=%E5%85%89%E6%98%8E")
    shot("outage-search")
    assert_in_view(page, "[data-outage], [data-no-outages]", "outage search")

    page.goto(f"{page.base}/kiosk/opinion")
    shot("opinion")
    assert_in_view(page, "[data-submit]", "opinion book")


@pytest.mark.parametrize("orientation", VIEWPORTS)
def test_a_long_page_shows_a_more_below_cue_that_pages_down(page, artifacts, orientation):
    page.set_viewport_size(VIEWPORTS[orientation])
    page.goto(f"{page.base}/kiosk?lang=en")
    assert page.locator("[data-scroll-cue]").is_hidden()  # the home screen fits: no cue
    page.goto(f"{page.base}/kiosk/guides/residential_new?lang=en")
    cue = page.locator("[data-scroll-cue]")
    main = page.locator(".kiosk-main")
    if main.evaluate("(node) => node.scrollHeight <= node.clientHeight + 8"):
        assert cue.is_hidden()
        return
    assert cue.is_visible() and cue.bounding_box()["height"] >= 64
    page.screenshot(path=str(artifacts / f"viewport-scroll-cue-{orientation}.png"))
    page_through(page, "scrollTop", 30)  # until the end of the page is in view
