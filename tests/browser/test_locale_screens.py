"""Per-locale screenshots of the screens a native reader checks first: the kiosk home, a bill result, a ticket
confirmation, a guide and the wall display, each in every locale (``artifacts/locale-<lang>-<screen>.png``).
Each screen is also checked for its language: html lang and dir as the locale says, nothing overflowing sideways."""
from __future__ import annotations

import pytest

from kiosk.i18n import LOCALES
from tests.conftest import make_app


@pytest.fixture
def live_app(db_path, tmp_path):
    """A long idle time and no return home from the ticket: the screens are photographed at leisure."""
    return make_app(f"sqlite:///{db_path}", tmp_path, IDLE_SECONDS=600, TICKET_RETURN_SECONDS=600,
                    WTF_CSRF_ENABLED=True)


def check(page, lang: str, artifacts, screen: str) -> None:
    info = LOCALES[lang]
    assert page.get_attribute("html", "lang") == info.html_lang, screen
    assert page.get_attribute("html", "dir") == info.direction, screen
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, (screen, overflow)
    page.screenshot(path=str(artifacts / f"locale-{lang}-{screen}.png"))


@pytest.mark.parametrize("lang", LOCALES)
def test_the_first_screens_in_each_locale(page, artifacts, lang):
    page.goto(f"{page.base}/kiosk?lang={lang}")
    check(page, lang, artifacts, "home")
    page.goto(f"{page.base}/kiosk/bills")
    page.locator("#account").fill("3300000003")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kiosk/bills/result")
    check(page, lang, artifacts, "bill-result")
    page.goto(f"{page.base}/kiosk/ticket")
    page.locator("button[name=service]:not([disabled])").first.click()
    page.wait_for_url("**/kiosk/ticket/*")
    check(page, lang, artifacts, "ticket")
    page.goto(f"{page.base}/kiosk/guides/residential_new")
    check(page, lang, artifacts, "guide")
    page.goto(f"{page.base}/display?lang={lang}")
    page.wait_for_selector('body[data-connected="true"]')
    page.screenshot(path=str(artifacts / f"locale-{lang}-wall.png"))
