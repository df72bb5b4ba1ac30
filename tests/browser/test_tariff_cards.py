"""In Chromium, landscape and portrait: a tap on a category card's prices (not its title) opens the table."""
from __future__ import annotations

import pytest

from kiosk.extensions import db
from tests.conftest import make_app
from tests.tariffs.conftest import announce_commercial_version

RUNS = [("zh_Hans_CN", {"width": 1920, "height": 1080}), ("ug", {"width": 1080, "height": 1920})]

#: What a tap at the centre of ``selector`` would hit: the link it lands on, or null.
HIT = """(selector) => {
  const box = document.querySelector(selector).getBoundingClientRect();
  const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
  const link = hit && hit.closest("a");
  return link ? link.className + " " + link.getAttribute("href") : null;
}"""


@pytest.fixture
def live_app(db_path, tmp_path):
    """A long idle timeout (the idle warning must not cover the cards); the commercial table announces a new version."""
    app = make_app(f"sqlite:///{db_path}", tmp_path, IDLE_SECONDS=120, WTF_CSRF_ENABLED=True)
    with app.app_context():
        announce_commercial_version()
        db.session.remove()
    return app


def test_tap_on_the_card_prices_opens_the_table(browser, live_server, artifacts):
    tap_cards(browser, live_server.url, artifacts)


def tap_cards(browser, base: str, artifacts) -> None:
    """In each run's language and orientation, tap the commercial card's prices and land on its table."""
    for lang, viewport in RUNS:
        context = browser.new_context(viewport=viewport, has_touch=True)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(f"{base}/kiosk/tariffs?lang={lang}")
        card = '[data-table="commercial"]'
        href = page.get_attribute(f"{card} a.tariff-card-link", "href")
        assert page.locator(f"{card} a.tariff-card-link").count() == 1
        assert page.evaluate(HIT, f"{card} .tariff-card-meta").endswith(href)
        upcoming = page.get_attribute(f"{card} [data-upcoming] a", "href")  # a target of its own, above the card's
        assert upcoming != href and page.evaluate(HIT, f"{card} [data-upcoming] a").endswith(upcoming)
        orientation = "landscape" if viewport["width"] > viewport["height"] else "portrait"
        page.screenshot(path=str(artifacts / f"tariffs-cards-{lang}-{orientation}.png"))
        box = page.locator(f"{card} [data-card-prices]").bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_url(f"**{href}**")
        chart = page.locator('[data-diagram="periods"]')
        chart.wait_for()
        assert page.locator("[data-period-legend] li").count() == 4
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        chart.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / f"tariffs-table-{lang}-{orientation}.png"))
        context.close()
