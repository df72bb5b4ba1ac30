"""Pairing a kiosk in a real browser: an admin registers it, the kiosk opens ``/pair?code=…`` and is that device."""
from __future__ import annotations

import re

from tests.browser.conftest import staff_login


def test_an_admin_pairs_a_kiosk_and_revokes_it(browser, page, live_app, artifacts):
    staff_login(page, "admin")
    page.goto(f"{page.base}/staff/devices?lang=en")
    page.fill('form[data-form="register"] input[name="name"]', "kiosk-lobby")
    page.click('form[data-form="register"] button[type="submit"]')
    code = page.locator("[data-code]").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    page.screenshot(path=str(artifacts / "devices-pairing-code.png"), full_page=True)

    kiosk = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    screen = kiosk.new_page()
    screen.goto(f"{page.base}/pair?code={code}&lang=en")
    screen.wait_for_url(f"{page.base}/kiosk")
    secret = next(cookie for cookie in kiosk.cookies() if cookie["name"] == "kiosk_device_secret")
    assert secret["httpOnly"] and secret["sameSite"] == "Lax"
    assert screen.evaluate("document.cookie").find("kiosk_device_secret") == -1  # scripts cannot read it

    page.goto(f"{page.base}/staff/devices?lang=en")
    row = page.locator('tr[data-device="kiosk-lobby"]')
    assert row.locator("[data-state]").get_attribute("data-state") == "paired"
    row.locator("text=Revoke").click()
    assert page.locator('tr[data-device="kiosk-lobby"] [data-state]').get_attribute("data-state") == "revoked"

    live_app.config["UNPAIRED"] = "deny"
    screen.goto(f"{page.base}/kiosk?lang=en")
    assert screen.locator("h1").inner_text() == "Pair this device"
    screen.screenshot(path=str(artifacts / "devices-pairing-screen.png"))
    kiosk.close()
