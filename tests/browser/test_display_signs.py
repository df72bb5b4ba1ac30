"""Signs and calls on the wall and counter displays in a real browser: 暂停服务 for a business and for the whole
hall appearing live in every display language, the counter's next numbers, the Uyghur call sentence laid out
right to left, and the call band's contrast."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.hall.service import hall_by_code, service_by_code
from kiosk.notices import suspensions
from kiosk.staff.models import StaffUser
from tests.browser.test_display import emit

REASONS = ("系统故障", "System failure", "سىستېما")


def tomorrow_02_30z() -> datetime:
    tomorrow = utcnow().date() + timedelta(days=1)
    return datetime(tomorrow.year, tomorrow.month, tomorrow.day, 2, 30, tzinfo=UTC)


def change(app, action: str, scope: str, code: str | None = None) -> None:
    """Suspend (until 10:30 hall time tomorrow, for a system failure) or resume a service or the hall."""
    with app.app_context():
        hall = hall_by_code("demo")
        supervisor = db.session.scalar(select(StaffUser).where(StaffUser.username == "supervisor"))
        target = service_by_code(hall, code) if code else None
        if action == "suspend":
            suspensions.suspend(hall, scope, target, "system_failure", "", tomorrow_02_30z(), supervisor)
        else:
            suspensions.resume(hall, scope, target, supervisor)
        db.session.remove()


def test_a_business_suspension_shows_on_the_wall_and_on_counters_serving_only_it(browser, live_server, live_app,
                                                                                 artifacts):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    try:
        wall, counter, other = context.new_page(), context.new_page(), context.new_page()
        wall.goto(f"{live_server.url}/display")
        counter.goto(f"{live_server.url}/display/window/4")  # demo window 4 serves only B
        other.goto(f"{live_server.url}/display/window/1")  # window 1 serves A
        for page in (wall, counter, other):
            page.wait_for_selector('body[data-connected="true"]')
        change(live_app, "suspend", "service", "B")
        sign = wall.locator('[data-service-waiting="B"] [data-service-sign]')
        sign.wait_for()
        text = sign.text_content()
        assert all(reason in text for reason in REASONS) and "10:30" in text
        assert sign.locator("p").count() == 3  # zh, en, ug (shown in turn on the wall)
        assert [sign.locator("p").nth(i).get_attribute("dir") for i in range(3)] == ["ltr", "ltr", "rtl"]
        assert wall.locator('[data-service-waiting="A"] [data-service-sign]').count() == 0
        wall.screenshot(path=str(artifacts / "display-business-suspension.png"))
        card = counter.locator('[data-window="4"][data-status="suspended"][data-suspended-service="B"]')
        card.wait_for()
        lines = card.locator(".suspended-sign p")
        assert lines.count() == 3 and all(lines.nth(i).is_visible() for i in range(3))  # every language at once
        assert all(reason in card.inner_text() for reason in REASONS) and "10:30" in card.inner_text()
        counter.screenshot(path=str(artifacts / "counter-business-suspension.png"))
        assert other.locator('[data-window="1"][data-status="suspended"]').count() == 0
        change(live_app, "resume", "service", "B")
        counter.wait_for_selector('[data-window="4"][data-status="open"]')
        wall.wait_for_selector('[data-service-waiting="B"]:not(.suspended)')
        assert wall.locator("[data-service-sign]").count() == 0
    finally:
        context.close()


def test_a_hall_suspension_shows_on_every_window_and_service(browser, live_server, live_app, artifacts):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    try:
        wall, counter = context.new_page(), context.new_page()
        wall.goto(f"{live_server.url}/display")
        counter.goto(f"{live_server.url}/display/window/6")
        for page in (wall, counter):
            page.wait_for_selector('body[data-connected="true"]')
        change(live_app, "suspend", "hall")
        counter.wait_for_selector('[data-window="6"][data-status="suspended"] .suspended-sign')
        wall.wait_for_selector('[data-service-waiting="C"] [data-service-sign]')
        windows = wall.locator("[data-window]")
        assert windows.count() == wall.locator('[data-window][data-status="suspended"]').count() == 6
        assert wall.locator("[data-service-sign]").count() == wall.locator("[data-service-waiting]").count()
        assert all(reason in counter.locator(".suspended-sign").inner_text() for reason in REASONS)
        wall.screenshot(path=str(artifacts / "display-hall-suspension.png"))
    finally:
        context.close()


def test_the_counter_shows_its_next_numbers_live(page, live_app):
    page.goto(f"{page.base}/display/window/4?lang=en")
    page.wait_for_selector('body[data-connected="true"]')
    assert page.locator("[data-next] li").all_inner_texts() == ["—"]
    for _ in range(4):
        page.request.post(f"{page.base}/api/v1/tickets", data={"service": "B"})
    page.wait_for_selector("[data-next] li:nth-child(3)")
    numbers = page.locator("[data-next] li").all_inner_texts()
    assert len(numbers) == 3 and all(number.startswith("B") for number in numbers)
    assert page.locator(".serving-label").inner_text().count("Now serving") == 1


def test_the_uyghur_call_is_laid_out_right_to_left(page, live_app, artifacts):
    page.goto(f"{page.base}/display")
    page.wait_for_selector('body[data-connected="true"]')
    emit(live_app, "call", {"ticket": "A012", "window": 3, "service": "A", "called_at": "2026-03-01T01:00:00+00:00",
                            "recall": False})
    page.wait_for_selector('[data-call-number]:text("A012")')
    blocks = page.locator(".call-text")
    assert [(blocks.nth(i).get_attribute("lang"), blocks.nth(i).get_attribute("dir")) for i in range(3)] == [
        ("zh-Hans-CN", "ltr"), ("en", "ltr"), ("ug", "rtl")]

    def boxes(code):
        block = page.locator(f'.call-text[data-lang="{code}"]')
        return block.locator(".call-ticket").bounding_box(), block.locator(".call-window").bounding_box()

    ticket, window = boxes("ug")  # "A012 نومۇرلۇق خېرىدار، 3-كۆزنەككە بېرىڭ": the ticket comes first, at the right
    assert ticket["x"] > window["x"] + window["width"]
    ticket, window = boxes("zh_Hans_CN")  # 请 A012 号到 3 号窗口办理
    assert ticket["x"] + ticket["width"] < window["x"]
    assert page.locator('.call-text[data-lang="ug"] bdi').evaluate_all(
        "nodes => nodes.map(n => getComputedStyle(n).unicodeBidi)") == ["isolate", "isolate"]
    page.locator("[data-latest-call]").screenshot(path=str(artifacts / "display-uyghur-call.png"))


CONTRAST = """() => {
  const rgb = (value) => value.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const lum = (c) => { const [r, g, b] = c.map(channel); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => {
    const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const band = document.querySelector("[data-latest-call]");
  const backgrounds = [getComputedStyle(band).backgroundColor, "rgb(255, 243, 196)"];  // normal and flashing
  const texts = [...band.querySelectorAll("[data-call-number], .call-text, .call-text bdi")];
  return Math.min(...texts.flatMap((node) => backgrounds.map((bg) => ratio(getComputedStyle(node).color, bg))));
}"""


def test_the_call_band_has_at_least_7_to_1_contrast(page, live_app):
    page.goto(f"{page.base}/display")
    page.wait_for_selector('body[data-connected="true"]')
    emit(live_app, "call", {"ticket": "B003", "window": 4, "service": "B", "called_at": "2026-03-01T01:00:00+00:00",
                            "recall": False})
    page.wait_for_selector('[data-call-number]:text("B003")')
    page.locator("[data-latest-call]").evaluate("band => band.classList.remove('flash')")
    assert page.evaluate(CONTRAST) >= 7


def test_the_counter_shows_open_and_closed_in_every_display_language(page, live_app):
    page.goto(f"{page.base}/display/window/4")
    page.wait_for_selector('body[data-connected="true"]')
    labels = page.locator('[data-window="4"] .serving-label span')
    assert labels.all_inner_texts() == ["正在办理", "Now serving", labels.nth(2).inner_text()] and labels.count() == 3
    emit(live_app, "window", {"number": 4, "status": "closed", "serving": None})
    closed = page.locator('[data-window="4"][data-status="closed"] .window-closed span')
    closed.first.wait_for()
    assert closed.count() == 3 and closed.nth(1).inner_text() == "Closed"
    assert [closed.nth(i).get_attribute("dir") for i in range(3)] == ["ltr", "ltr", "rtl"]
