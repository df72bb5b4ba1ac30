"""axe-core on every kiosk page in every locale: no critical and no serious violations."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from kiosk.i18n import LOCALES
from tests.conftest import make_app

#: Kiosk pages reached without a customer's data (the bill result is opened through the keypad below).
PAGES = ["/kiosk", "/kiosk/bills", "/kiosk/tariffs", "/kiosk/tariffs/fees", "/kiosk/tariffs/calculator",
         "/kiosk/tariffs/history", "/kiosk/guides", "/kiosk/guides/residential_new", "/kiosk/forms/name_change",
         "/kiosk/service-info", "/kiosk/progress", "/kiosk/notices", "/kiosk/opinion", "/kiosk/callback",
         "/kiosk/ticket", "/kiosk/guides/no-such-guide"]
AXE = Axe()


@pytest.fixture
def live_app(db_path, tmp_path):
    """No idle reset while axe reads a page."""
    return make_app(f"sqlite:///{db_path}", tmp_path, IDLE_SECONDS=600, WTF_CSRF_ENABLED=True)


def serious(page) -> list[str]:
    """The critical and serious violations of the page, one line each."""
    results = AXE.run(page)
    return [f"{item['id']} ({item['impact']}): {[node['target'] for node in item['nodes'][:3]]}"
            for item in results.response["violations"] if item["impact"] in ("critical", "serious")]


@pytest.mark.parametrize("lang", list(LOCALES))
def test_no_serious_violations_on_kiosk_pages(page, lang):
    found = {}
    for path in PAGES:
        page.goto(f"{page.base}{path}?lang={lang}")
        found[path] = serious(page)
    page.goto(f"{page.base}/kiosk/bills?lang={lang}")
    page.locator("#account").fill("3300000003")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kiosk/bills/result")
    found["/kiosk/bills/result"] = serious(page)
    problems = {path: items for path, items in found.items() if items}
    assert not problems, "\n".join(f"{path}: {item}" for path, items in problems.items() for item in items)
