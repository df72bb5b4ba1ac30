"""Every screen works under the Content-Security-Policy: no violation on the kiosk, display and staff pages."""
from __future__ import annotations

import re

import pytest

from tests.browser.conftest import staff_login

#: Collects every ``securitypolicyviolation`` event of the page (init scripts run before the page's own).
COLLECT = """window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});"""


@pytest.fixture
def watched(page):
    """The page, with CSP violations collected from the event and from the console."""
    console: list[str] = []
    page.add_init_script(COLLECT)
    page.on("console", lambda message: console.append(message.text)
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text else None)
    page.csp_console = console
    return page


def violations(page) -> list[str]:
    """What the page's policy refused so far (events and console reports)."""
    page.wait_for_timeout(300)
    return page.evaluate("window.__cspViolations || []") + page.csp_console


def test_the_policy_is_sent(watched):
    response = watched.goto(f"{watched.base}/kiosk?lang=en")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy


def test_kiosk_home_bill_result_and_ticket_have_no_violation(watched, artifacts):
    page = watched
    page.goto(f"{page.base}/kiosk?lang=en")
    page.wait_for_load_state("networkidle")
    assert violations(page) == []

    page.goto(f"{page.base}/kiosk/bills?lang=en")
    for digit in "3300000003":
        page.locator(f'.keypad .key[data-key="{digit}"]').tap()
    page.locator(".bills-submit").tap()
    page.wait_for_url("**/kiosk/bills/result")
    assert page.locator('[data-fact="account"]').inner_text() == "******0003"
    assert violations(page) == []

    page.goto(f"{page.base}/kiosk/ticket?lang=en")
    page.click('button[name="service"][value="A"]')
    page.wait_for_url(re.compile(r"/kiosk/ticket/[\w-]{22,}"))
    page.wait_for_selector('[data-print-status][data-state="ok"], [data-print-status][data-state="failed"]')
    page.screenshot(path=str(artifacts / "security-ticket.png"))
    assert violations(page) == []


def test_wall_and_counter_displays_have_no_violation(watched):
    page = watched
    page.goto(f"{page.base}/display?lang=en")
    page.wait_for_selector("[data-window]", state="attached")
    assert violations(page) == []
    page.goto(f"{page.base}/display/window/1?lang=en")
    page.wait_for_load_state("domcontentloaded")
    assert violations(page) == []


def test_staff_console_has_no_violation(watched):
    page = watched
    staff_login(page, "supervisor")
    assert violations(page) == []
    page.goto(f"{page.base}/staff/window?window=1&lang=en")
    page.wait_for_selector("[data-window-console]")
    with page.expect_navigation():
        page.select_option("#window-choice", "2")  # the picker submits itself (no inline handler)
    assert "window=2" in page.url
    assert violations(page) == []
