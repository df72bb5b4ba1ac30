"""Guides in a real browser: from the kiosk home to a printed notification letter; the progress keypad."""


def test_home_to_printed_notification_letter(page, artifacts, live_app):
    page.goto(f"{page.base}/?lang=en")
    page.locator('[data-tile="guides"]').tap()
    page.wait_for_selector('[data-category="connect"]')
    page.screenshot(path=str(artifacts / "guides-index.png"), full_page=True)
    page.locator('a[data-guide="residential_new"]').tap()
    page.wait_for_selector("[data-documents]")
    assert page.get_attribute("[data-total-days]", "data-total-days") == "5"
    page.locator("[data-print-letter]").tap()
    page.wait_for_selector("[data-print-outcome]")
    assert page.get_attribute("[data-print-outcome]", "data-print-outcome") == "ok"
    page.screenshot(path=str(artifacts / "guides-letter-printed.png"), full_page=True)
    with live_app.app_context():
        from sqlalchemy import select

        from kiosk.extensions import db
        from kiosk.printing.models import PrintJob

        job = db.session.scalar(select(PrintJob).order_by(PrintJob.id.desc()))
        assert (job.kind, job.reference, job.status) == ("notification_letter", "residential_new", "ok")
        assert job.pdf.startswith(b"%PDF")


def test_progress_on_the_keypad(page, artifacts):
    page.goto(f"{page.base}/kiosk/progress?lang=en")
    page.locator("#number").tap()
    for digit in "5100000003":
        page.locator(f'.keypad [data-key="{digit}"]').tap()
    page.locator("#phone4").tap()
    for digit in "3456":
        page.locator(f'.keypad [data-key="{digit}"]').tap()
    page.locator("[data-progress-submit]").tap()
    page.wait_for_selector("[data-progress]")
    assert page.inner_text("[data-applicant]") == "王*国"
    assert page.get_attribute('[aria-current="step"]', "data-stage") == "connection"
    page.screenshot(path=str(artifacts / "guides-progress.png"), full_page=True)


def test_wrong_pair_and_rtl_form_sample(page, artifacts):
    page.goto(f"{page.base}/kiosk/progress?lang=en")
    page.fill("#number", "5100000003")
    page.fill("#phone4", "9999")
    page.locator("[data-progress-submit]").tap()
    page.wait_for_selector("[data-progress-error]")
    page.goto(f"{page.base}/kiosk/forms/residential?lang=ug")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(artifacts / "guides-form-ug.png"), full_page=True)
