"""Bill query in a real browser: keypad, scanner-style input, wrong input, idle reset forgets the account."""
import re


def test_keypad_flow_shows_the_masked_result(page, artifacts):
    page.goto(f"{page.base}/kiosk/bills?lang=en")
    for digit in "3300000003":
        page.locator(f'.keypad .key[data-key="{digit}"]').tap()
    assert page.input_value("#account") == "3300000003"
    page.screenshot(path=str(artifacts / "bills-keypad.png"))
    page.locator(".bills-submit").tap()
    page.wait_for_url("**/kiosk/bills/result")
    assert page.locator("[data-private]").count() == 1
    assert page.locator('[data-fact="name"]').inner_text() == "王**红"
    assert page.locator('[data-fact="account"]').inner_text() == "******0003"
    assert "3300000003" not in page.content() and "王演示红" not in page.content()
    assert page.locator("[data-unpaid] tbody tr").count() == 3
    page.screenshot(path=str(artifacts / "bills-result.png"), full_page=True)
    page.locator("[data-unpaid] tbody tr a").first.tap()
    page.wait_for_url(re.compile(r".*/kiosk/bills/bill/\d{4}-\d\d$"))
    assert page.locator("[data-chart] [data-bar]").count() == 12
    assert page.locator("[data-tier-lines] tbody tr").count() >= 1
    page.screenshot(path=str(artifacts / "bills-detail.png"), full_page=True)


def test_scanner_style_input_and_rtl_detail(page, artifacts):
    page.goto(f"{page.base}/kiosk/bills?lang=ug")
    page.locator("#account").focus()
    page.keyboard.type("3300000008", delay=2)  # a keyboard-wedge scanner types fast …
    page.keyboard.press("Enter")  # … and ends with Enter
    page.wait_for_url("**/kiosk/bills/result")
    assert page.locator('[data-fact="name"]').inner_text() == "ئ********* ****ق"
    page.locator("[data-unpaid] tbody tr a").first.click()
    page.wait_for_url(re.compile(r".*/kiosk/bills/bill/.*"))
    assert page.get_attribute("html", "dir") == "rtl"
    boxes = [bar.bounding_box()["x"] for bar in page.locator("[data-chart] [data-bar] rect").all()]
    assert boxes == sorted(boxes, reverse=True)  # oldest month on the right
    page.screenshot(path=str(artifacts / "bills-detail-ug.png"), full_page=True)


def test_wrong_input_message(page, artifacts):
    page.goto(f"{page.base}/kiosk/bills?lang=en")
    page.locator("#account").fill("12345")
    page.keyboard.press("Enter")
    error = page.locator("[data-bills-error]")
    error.wait_for()
    assert "No bills were found for this account number" in error.inner_text()
    assert page.url == f"{page.base}/kiosk/bills" and page.locator("[data-private]").count() == 0
    page.screenshot(path=str(artifacts / "bills-wrong-input.png"))


def test_idle_reset_forgets_the_account(page, artifacts):
    page.goto(f"{page.base}/kiosk/bills?lang=en")
    page.locator("#account").fill("3300000001")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kiosk/bills/result")
    # IDLE_SECONDS is 3 for the live server: back to the start, the account forgotten
    page.wait_for_url(f"{page.base}/kiosk", timeout=8000)
    page.goto(f"{page.base}/kiosk/bills/result")
    assert page.url == f"{page.base}/kiosk/bills"
    assert page.locator("[data-private]").count() == 0
