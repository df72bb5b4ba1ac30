"""Guide, progress and opinion-book layout in a real browser, portrait and landscape, in Chinese: labels
beside or above their fields, tall tap targets for inline links, the opinion book's submit button in view."""
from __future__ import annotations

import pytest

from tests.conftest import make_app

SIZES = [(1080, 1920), (1920, 1080)]

#: Each label's box and its input's: the gap between them in px (0 when they touch or overlap).
LABEL_GAPS = """() => [...document.querySelectorAll('.progress-query label[for]')].map(label => {
  const a = label.getBoundingClientRect(), b = document.getElementById(label.htmlFor).getBoundingClientRect();
  const dx = Math.max(0, b.left - a.right, a.left - b.right), dy = Math.max(0, b.top - a.bottom, a.top - b.bottom);
  return [label.htmlFor, Math.hypot(dx, dy)];
})"""

#: Every link inside the page's main area that is not a button or a card: its text and rendered height.
INLINE_LINKS = """() => [...document.querySelectorAll('.kiosk-main a:not(.button):not(.guide-card)')]
  .map(a => [a.textContent.trim(), a.getBoundingClientRect().height])"""

#: The submit button's box against the viewport, before any scrolling.
SUBMIT_IN_VIEW = """() => {
  const box = document.querySelector('[data-opinion-form] [data-submit]').getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth; }"""


@pytest.fixture
def live_app(db_path, tmp_path):
    """A long idle timeout: the idle warning must not cover the page while it is measured."""
    return make_app(f"sqlite:///{db_path}", tmp_path, IDLE_SECONDS=600, WTF_CSRF_ENABLED=True)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_guides_progress_and_opinion_layout(browser, live_server, artifacts, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    name = f"{width}x{height}"
    try:
        page.goto(f"{live_server.url}/kiosk/progress?lang=zh_Hans_CN")
        gaps = page.evaluate(LABEL_GAPS)
        page.screenshot(path=str(artifacts / f"guides-layout-progress-{name}.png"), full_page=True)
        assert [field for field, _ in gaps] == ["number", "phone4"]
        assert all(gap <= 200 for _, gap in gaps), gaps

        page.goto(f"{live_server.url}/kiosk/guides/residential_new?lang=zh_Hans_CN")
        links = page.evaluate(INLINE_LINKS)
        page.screenshot(path=str(artifacts / f"guides-layout-detail-{name}.png"), full_page=True)
        assert links, "the guide page has its fee-schedule link"
        assert all(tall >= 64 for _, tall in links), links

        page.goto(f"{live_server.url}/kiosk/opinion?lang=zh_Hans_CN")
        page.wait_for_selector("[data-opinion-form] [data-submit]")
        page.screenshot(path=str(artifacts / f"guides-layout-opinion-{name}.png"))
        assert page.evaluate(SUBMIT_IN_VIEW)
    finally:
        context.close()
