"""Playwright fixtures: Debian's Chromium (never a downloaded browser) against a live server."""
from __future__ import annotations

import time

import pytest

from tests.conftest import make_app
from tests.live_server import LiveServer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def live_app(db_path, tmp_path):
    """The app behind the live server (short idle timeout so the reset can be watched)."""
    return make_app(f"sqlite:///{db_path}", tmp_path, IDLE_SECONDS=3, WTF_CSRF_ENABLED=True)


@pytest.fixture
def live_server(live_app):
    server = LiveServer(live_app).start()
    yield server
    server.stop()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser page (1920×1080 landscape, touch) with the server's base URL as ``page.base``."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base = live_server.url
    yield page
    context.close()


def staff_login(page, username: str = "staff1") -> None:
    """Log the page in through the real login form."""
    from kiosk.demo.seed import DEMO_PASSWORDS

    page.goto(page.base + "/staff/login")
    page.fill("#username", username)
    page.fill("#password", DEMO_PASSWORDS[username])
    page.click("button[type=submit]")
    page.wait_for_url("**/staff")


def wait_until(page, expression: str, timeout: float = 10_000) -> None:
    """Poll the JavaScript ``expression`` until it is truthy (at most ``timeout`` ms).

    Playwright's ``wait_for_function`` evaluates its string with ``eval`` inside the page, which the
    Content-Security-Policy (no ``unsafe-eval``) refuses; ``page.evaluate`` goes through the DevTools
    protocol instead.
    """
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {timeout:.0f} ms: {expression}")
        page.wait_for_timeout(20)


def page_through(page, offset: str, presses: int) -> None:
    """Tap the footer's scroll cue until it hides (the end of the page is in view), checking that each tap moves
    the kiosk's main area on (``offset``: ``"scrollTop"`` for "More below", ``"scrollLeft"`` for "More to the
    right")."""
    cue, main = page.locator("[data-scroll-cue]"), page.locator(".kiosk-main")
    for _ in range(presses):
        if cue.is_hidden():
            break
        before = main.evaluate(f"(node) => node.{offset}")
        cue.click()
        page.wait_for_timeout(600)
        assert main.evaluate(f"(node) => node.{offset}") > before
    assert cue.is_hidden()
