"""Tariff pages in a real browser: the calculator on the on-screen keypad, category fields, RTL diagrams."""


def type_on_keypad(page, field: str, digits: str) -> None:
    page.locator(f"#{field}").tap()
    for digit in digits:
        page.locator(f'.keypad [data-key="{digit}"]').tap()


def test_calculator_on_the_keypad(page, artifacts):
    page.goto(f"{page.base}/kiosk/tariffs/calculator?lang=en")
    page.locator('input[name=category][value=residential]').check()
    type_on_keypad(page, "kwh", "400")
    type_on_keypad(page, "ytd_kwh", "2500")
    type_on_keypad(page, "peak_kwh", "3000")
    page.locator('.keypad [data-key="backspace"]').tap()              # 3000 -> 300
    type_on_keypad(page, "valley_kwh", "100")
    assert [page.input_value(f"#{name}") for name in ("kwh", "ytd_kwh", "peak_kwh", "valley_kwh")] == [
        "400", "2500", "300", "100"]
    page.locator("[data-calc-submit]").tap()
    page.wait_for_selector("[data-calc-result]")
    assert page.get_attribute("[data-calc-total]", "data-calc-total") == "206.20"
    assert page.locator("[data-amount]").all_inner_texts() == ["110.76", "18.72", "64.89", "11.83"]
    page.screenshot(path=str(artifacts / "tariffs-calculator.png"), full_page=True)


def test_category_shows_only_its_fields(page, artifacts):
    page.goto(f"{page.base}/kiosk/tariffs/calculator?lang=en")
    assert page.locator("#ytd_kwh").is_visible() and not page.locator("#capacity").is_visible()
    page.locator("label.choice", has=page.locator("input[value=large_industrial]")).tap()
    assert page.locator("#capacity").is_visible() and not page.locator("#ytd_kwh").is_visible()
    type_on_keypad(page, "kwh", "1000")
    type_on_keypad(page, "capacity", "315")
    page.locator("[data-calc-submit]").tap()
    page.wait_for_selector("[data-calc-result]")
    assert "ytd_kwh" not in page.url                                    # hidden fields are not submitted
    assert page.locator("[data-amount]").all_inner_texts() == ["600.00", "9450.00"]
    page.screenshot(path=str(artifacts / "tariffs-calculator-two-part.png"), full_page=True)


def test_wrong_split_gives_a_message(page):
    page.goto(f"{page.base}/kiosk/tariffs/calculator?lang=en")
    type_on_keypad(page, "kwh", "400")
    type_on_keypad(page, "peak_kwh", "300")
    type_on_keypad(page, "valley_kwh", "99")
    page.locator("[data-calc-submit]").tap()
    page.wait_for_selector("[data-calc-error]")
    assert "must add up" in page.inner_text("[data-calc-error]")


def test_table_page_in_rtl(page, artifacts):
    page.goto(f"{page.base}/kiosk/tariffs?lang=ug")
    page.locator('[data-table="residential"] a.tariff-card-link').tap()
    page.wait_for_selector('[data-diagram="tiers"]')
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(artifacts / "tariffs-table-ug.png"), full_page=True)


def test_fee_schedule_search(page, artifacts):
    page.goto(f"{page.base}/kiosk/tariffs/fees?lang=en")
    page.locator(".fee-shortcuts a", has_text="calibration").tap()
    page.wait_for_url("**topic=calibration**")
    assert page.locator("[data-fee]").count() == 3
    page.screenshot(path=str(artifacts / "tariffs-fees.png"), full_page=True)


def test_diagrams_render_in_both_directions(page, artifacts):
    for lang in ("en", "ug"):
        page.goto(f"{page.base}/kiosk/tariffs?lang={lang}")
        page.locator('[data-table="residential"] a.tariff-card-link').tap()
        for kind in ("tiers", "periods"):
            figure = page.locator(f'[data-diagram="{kind}"]')
            figure.scroll_into_view_if_needed()
            assert figure.bounding_box()["width"] > 300
            figure.screenshot(path=str(artifacts / f"tariffs-diagram-{kind}-{lang}.png"))
