"""The wall display fits one screen: 3 sizes × 1/2/3 display languages × 1, 8 and 20 windows, every language slot.

For each combination: no scrolling, the ticker inside the viewport, no text clipped or outside its box, and at
1080p the key texts (window and service names, counts, ticker) at least 32 px and the called number at least
120 px. Screenshots go to ``artifacts/screenshots/display/``. One page is reused: the viewport changes between
sizes, the page reloads only when the hall's languages or windows change.
"""
from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.notices import board, suspensions
from kiosk.staff.models import StaffUser
from tests import factories
from tests.browser.conftest import wait_until
from tests.conftest import make_app
from tests.live_server import LiveServer

SIZES = [(1920, 1080), (1080, 1920), (3840, 2160)]
LANGUAGES = {1: ["zh_Hans_CN"], 2: ["zh_Hans_CN", "en"], 3: ["zh_Hans_CN", "en", "ug"]}
WINDOW_COUNTS = [1, 8, 20]
SERVICES = {
    "A": {"zh_Hans_CN": "居民用电业务", "en": "Residential electricity services",
          "ug": "ئاھالىلەر توك ئىشلىتىش مۇلازىمىتى"},
    "B": {"zh_Hans_CN": "非居民用电业务", "en": "Non-residential electricity services",
          "ug": "ئاھالە ئەمەس توك ئىشلىتىش مۇلازىمىتى"},
    "C": {"zh_Hans_CN": "电费缴纳与票据", "en": "Bill payment and invoices", "ug": "توك پۇلى تاپشۇرۇش ۋە تالون"},
    "D": {"zh_Hans_CN": "咨询与投诉", "en": "Enquiries and complaints", "ug": "مەسلىھەت ۋە ئەرز"},
}
HALL_NAMES = {"zh_Hans_CN": "国网示例供电营业厅", "en": "State Grid Sample Power Supply Hall",
              "ug": "دۆلەت تور ئۈلگە توك تەمىنلەش زالى"}

#: Measured in the page for each language slot: problems found, smallest key font, called number size.
MEASURE = (Path(__file__).parent / "display_fit.js").read_text(encoding="utf-8")


@pytest.fixture
def fit_app(empty_db_path, tmp_path):
    application = make_app(f"sqlite:///{empty_db_path}", tmp_path, DEFAULT_HALL=factories.HALL_CODE)
    with application.app_context():
        hall = factories.make_hall(code=factories.HALL_CODE, names=HALL_NAMES, display_languages=LANGUAGES[3])
        services = [factories.make_service(code=code, names=names) for code, names in SERVICES.items()]
        factories.make_tariff_version()
        supervisor = factories.make_staff_user(role="supervisor")
        now = utcnow()
        board.publish_outage(hall, supervisor, outage_type="planned",
                             titles={"zh_Hans_CN": "计划停电", "en": "Planned outage"}, texts={},
                             areas={"zh_Hans_CN": "测试区幸福路 1–99 号", "en": "Xingfu Road 1–99"},
                             lines={"zh_Hans_CN": "10kV 幸福线", "en": "10 kV Xingfu line"},
                             starts_at=now + timedelta(days=8), ends_at=now + timedelta(days=8, hours=6))
        board.publish_notice(hall, supervisor, titles={"zh_Hans_CN": "营业时间调整", "en": "New opening hours"},
                             texts={"zh_Hans_CN": "周六营业至 17:00", "en": "Open until 17:00 on Saturdays"},
                             starts_at=now - timedelta(hours=1), ends_at=now + timedelta(days=3))
        first = factories.make_window(number=1)
        for index in range(6):
            factories.make_ticket(service=services[index % 4])
        factories.make_ticket(service=services[0], status="called", window=first)
        suspensions.suspend(hall, "service", services[1], "system_failure", "", now + timedelta(hours=2), supervisor)
        db.session.remove()
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


def set_hall(app, languages: list[str], windows: int) -> None:
    """The hall's display languages and windows (2 suspended, 3 closed once they exist)."""
    with app.app_context():
        hall = factories.default_hall()
        hall.display_languages = languages
        db.session.commit()
        supervisor = db.session.scalar(select(StaffUser).where(StaffUser.role == "supervisor"))
        have = len(hall.windows)
        for number in range(have + 1, windows + 1):
            window = factories.make_window(number=number, is_open=number != 3)
            if number == 2:
                suspensions.suspend(hall, "window", window, "other", "系统升级，请到其他窗口办理",
                                    utcnow() + timedelta(hours=1), supervisor)
        db.session.remove()


def test_the_wall_fits_every_screen_language_count_and_window_count(browser, fit_app, artifacts):
    server = LiveServer(fit_app).start()
    folder = artifacts / "screenshots" / "display"
    folder.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.set_default_timeout(10_000)
    failures, smallest = [], {}
    try:
        for windows in WINDOW_COUNTS:
            for count, languages in LANGUAGES.items():
                set_hall(fit_app, languages, windows)
                page.set_viewport_size({"width": 1920, "height": 1080})
                page.goto(f"{server.url}/display")
                page.wait_for_selector('body[data-connected="true"]')
                page.wait_for_selector("[data-slide-panel] .slide")
                page.wait_for_selector("[data-ticker-track] .ticker-item")
                wait_until(page, f"document.querySelectorAll('[data-window]').length === {windows}")
                for width, height in SIZES:
                    page.set_viewport_size({"width": width, "height": height})
                    result = page.evaluate(MEASURE, count)
                    case = f"{width}x{height}-{count}lang-{windows}win"
                    failures += [f"{case}: {problem}" for problem in result["problems"]]
                    if (width, height) == (1920, 1080):
                        smallest[case] = (result["keyFont"], result["callFont"])
                    page.screenshot(path=str(folder / f"wall-{case}.png"))
    finally:
        context.close()
        server.stop()
    (folder / "fit.json").write_text(json.dumps({"smallest_at_1080p": smallest, "failures": failures}, indent=1))
    assert not failures, "\n".join(failures[:40])
    assert all(key >= 32 and call >= 120 for key, call in smallest.values()), smallest
