"""The first-run wizard in the browser: an empty database without the demo, the whole way to a paired kiosk,
and the region overview refreshing by itself."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.hall.models import Hall
from tests import factories
from tests.browser.conftest import wait_until
from tests.conftest import make_app
from tests.live_server import LiveServer


@pytest.fixture
def wizard_server(empty_db_path, tmp_path):
    application = make_app(f"sqlite:///{empty_db_path}", tmp_path, DEMO=False, DEFAULT_HALL="north",
                           WTF_CSRF_ENABLED=True)
    server = LiveServer(application).start()
    yield server
    server.stop()


def test_the_wizard_sets_up_a_hall_from_an_empty_database(browser, wizard_server, artifacts):
    folder = artifacts / "screenshots" / "setup"
    folder.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    base = wizard_server.url
    page.goto(base + "/kiosk?lang=en")
    page.wait_for_url("**/setup/account")
    page.screenshot(path=str(folder / "1-account.png"), full_page=True)
    page.fill("#username", "chief")
    page.fill("#password", "first-admin-1")
    page.fill("#password_confirm", "other-thing-1")
    page.click("button[type=submit]")
    assert page.locator('[data-field="password_confirm"]').is_visible()
    page.screenshot(path=str(folder / "1-account-error.png"), full_page=True)
    page.fill("#password", "first-admin-1")
    page.fill("#password_confirm", "first-admin-1")
    page.click("button[type=submit]")
    page.wait_for_url("**/setup/hall")
    page.fill("#code", "north")
    page.fill("#name_zh", "北城营业厅")
    page.fill("#name_en", "North hall")
    page.screenshot(path=str(folder / "2-hall.png"), full_page=True)
    page.click("button[type=submit]")
    page.wait_for_url("**/setup/hours")
    page.fill("#lunch_from", "12:00")
    page.fill("#lunch_to", "13:30")
    page.screenshot(path=str(folder / "3-hours.png"), full_page=True)
    page.click("button[type=submit]")
    page.wait_for_url("**/setup/services")
    page.fill("[name=service2_code]", "C")
    page.fill("[name=service2_name]", "光伏业务")
    page.fill("[name=service2_limit]", "30")
    page.screenshot(path=str(folder / "4-services.png"), full_page=True)
    page.click("button[type=submit]")
    page.wait_for_url("**/setup/windows")
    page.fill("[name=window2_number]", "3")
    page.fill("[name=window2_services]", "C")
    page.screenshot(path=str(folder / "5-windows.png"), full_page=True)
    page.click("button[type=submit]")
    page.wait_for_url("**/setup/kiosk")
    page.screenshot(path=str(folder / "6-kiosk.png"), full_page=True)
    page.click("button[type=submit]")
    code = page.locator("[data-pairing-code]").inner_text().strip()
    assert code
    page.screenshot(path=str(folder / "7-done.png"), full_page=True)
    assert page.goto(base + "/setup/account").status == 404

    kiosk = context.new_page()
    kiosk.goto(base + "/pair?lang=en")
    kiosk.fill("input[name=code]", code)
    kiosk.click("button[type=submit]")
    kiosk.goto(base + "/kiosk/ticket?lang=en")
    assert "光伏业务" in kiosk.content() or "C" in kiosk.content()

    staff = context.new_page()
    staff.goto(base + "/staff/login?lang=en")
    staff.fill("#username", "chief")
    staff.fill("#password", "first-admin-1")
    staff.click("button[type=submit]")
    staff.wait_for_url("**/staff")
    staff.goto(base + "/staff/region?lang=en")
    assert staff.locator('tr[data-hall="north"]').is_visible()
    staff.screenshot(path=str(folder / "8-region-overview.png"), full_page=True)
    context.close()


@pytest.fixture
def region_server(empty_db_path, tmp_path):
    application = make_app(f"sqlite:///{empty_db_path}", tmp_path, WTF_CSRF_ENABLED=True)
    with application.app_context():
        north, south = factories.make_hall(code="north"), factories.make_hall(code="south")
        factories.make_region(code="east", halls=[north, south])
        service = factories.make_service(hall=north, code="A")
        factories.make_window(hall=north, number=1, services=[service])
        factories.make_window(hall=south, number=1, services=[factories.make_service(hall=south, code="A")])
        factories.make_staff_user(username="boss", role="region_admin", hall=north)
    server = LiveServer(application).start()
    server.app = application
    yield server
    server.stop()


def test_the_region_overview_follows_a_new_ticket(browser, region_server, artifacts):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(region_server.url + "/staff/login?lang=en")
    page.fill("#username", "boss")
    page.fill("#password", factories.STAFF_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/staff")
    page.goto(region_server.url + "/staff/region?lang=en")
    row = page.locator('tr[data-hall="north"] [data-field="services"]')
    assert row.inner_text().strip() == "A 0"
    with region_server.app.app_context():
        north = db.session.scalars(select(Hall).where(Hall.code == "north")).one()
        factories.make_ticket(service=north.services[0], issued_at=utcnow() - timedelta(minutes=7))
    wait_until(page, "document.querySelector('tr[data-hall=\"north\"] [data-field=\"services\"]')"
                     ".textContent.trim() === 'A 1'")
    assert "7" in page.locator('tr[data-hall="north"] [data-field="longest"]').inner_text()
    (artifacts / "screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(artifacts / "screenshots" / "region-overview-live.png"), full_page=True)
    page.locator('tr[data-hall="south"] button[type=submit]').click()
    page.wait_for_url("**/staff")
    assert "south" in page.content()
    context.close()
