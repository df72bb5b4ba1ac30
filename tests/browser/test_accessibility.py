"""axe-core on every kiosk page in every locale (landscape; portrait for one left-to-right, one right-to-left
and the vertical locale): no critical and no serious violations. Each run's counts by impact are saved as
``artifacts/a11y/axe-<lang>-<orientation>.json``."""
from __future__ import annotations

import json
from collections import Counter

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


VIEWPORTS = {"landscape": {"width": 1920, "height": 1080}, "portrait": {"width": 1080, "height": 1920}}
CASES = [(lang, "landscape") for lang in LOCALES] + [(lang, "portrait") for lang in ("zh_Hans_CN", "ug", "mn_Mong_CN")]


def serious(page, counts: Counter) -> list[str]:
    """The critical and serious violations of the page, one line each (``counts`` adds every impact's nodes)."""
    results = AXE.run(page)
    for item in results.response["violations"]:
        counts[item["impact"]] += len(item["nodes"])
    return [f"{item['id']} ({item['impact']}): {[node['target'] for node in item['nodes'][:3]]}"
            for item in results.response["violations"] if item["impact"] in ("critical", "serious")]


@pytest.mark.parametrize(("lang", "orientation"), CASES)
def test_no_serious_violations_on_kiosk_pages(page, artifacts, lang, orientation):
    page.set_viewport_size(VIEWPORTS[orientation])
    found, counts = {}, Counter()
    for path in PAGES:
        page.goto(f"{page.base}{path}?lang={lang}")
        found[path] = serious(page, counts)
    page.goto(f"{page.base}/kiosk/bills?lang={lang}")
    page.locator("#account").fill("3300000003")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kiosk/bills/result")
    found["/kiosk/bills/result"] = serious(page, counts)
    folder = artifacts / "a11y"
    folder.mkdir(exist_ok=True)
    (folder / f"axe-{lang}-{orientation}.json").write_text(json.dumps(
        {"pages": len(found), "violations_by_impact": dict(counts)}, indent=1))
    problems = {path: items for path, items in found.items() if items}
    assert not problems, "\n".join(f"{path}: {item}" for path, items in problems.items() for item in items)
