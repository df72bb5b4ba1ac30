"""Voice calls and the counter display in a real browser.

The wall display asks the server for each call's announcement, chime first, in each voice language in turn and
never two at once; a recall repeats it; quiet hours keep it silent. The counter display fills 1920×1080 and
1080×1920 whether its window is open, suspended (暂停服务) or closed; screenshots go to
``artifacts/screenshots/counter/``.
"""
from __future__ import annotations

import io
import wave
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest

from kiosk.dbtypes import utcnow
from kiosk.events.service import append_event
from kiosk.extensions import db
from kiosk.hall.service import local_now
from kiosk.notices import suspensions
from tests import factories
from tests.browser.conftest import wait_until
from tests.conftest import make_app
from tests.live_server import LiveServer

LANGUAGES = ["zh_Hans_CN", "en", "ug"]


def short_wav() -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(bytes(16000 // 5 * 2))  # 0.2 s of silence
    return buffer.getvalue()


@pytest.fixture
def voice_app(empty_db_path, tmp_path):
    application = make_app(f"sqlite:///{empty_db_path}", tmp_path, DEFAULT_HALL=factories.HALL_CODE)
    with application.app_context():
        hall = factories.make_hall(code=factories.HALL_CODE, display_languages=LANGUAGES)
        service = factories.make_service(code="A", names={"zh_Hans_CN": "居民用电业务", "en": "Residential services",
                                                          "ug": "ئاھالىلەر توك ئىشلىتىش مۇلازىمىتى"})
        first = factories.make_window(number=1)
        factories.make_ticket(service=service, status="called", window=first)
        for _ in range(4):
            factories.make_ticket(service=service)
        second = factories.make_window(number=2)
        factories.make_window(number=3, is_open=False)
        supervisor = factories.make_staff_user(role="supervisor")
        suspensions.suspend(hall, "window", second, "other", "系统升级，请到其他窗口办理",
                            utcnow() + timedelta(hours=1), supervisor)
        db.session.remove()
    server = LiveServer(application).start()
    application.config["TEST_URL"] = server.url
    yield application
    server.stop()
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def voice_page(browser, voice_app):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base = voice_app.config["TEST_URL"]
    yield page
    context.close()


def call(app, ticket: str, window: int, recall: bool = False) -> None:
    with app.app_context():
        hall = factories.default_hall()
        append_event(hall.id, "call", {"ticket": ticket, "window": window, "service": ticket[0],
                                       "called_at": utcnow().isoformat(), "recall": recall})
        db.session.commit()


def intercepted(page) -> list[dict]:
    """Every announcement request, answered with a short WAV."""
    seen: list[dict] = []

    def answer(route):
        url = urlparse(route.request.url)
        seen.append({"path": url.path, **{key: values[0] for key, values in parse_qs(url.query).items()}})
        route.fulfill(status=200, content_type="audio/wav", body=short_wav())

    page.route("**/api/v1/announcements/**", answer)
    return seen


def test_a_call_and_its_recall_request_the_announcement_in_each_language_in_turn(voice_page, voice_app):
    requests = intercepted(voice_page)
    voice_page.goto(f"{voice_page.base}/display?lang=en")
    voice_page.wait_for_selector('body[data-connected="true"]')
    call(voice_app, "A012", 3)
    wait_until(voice_page, "(window.__displayVoiceLog || []).length === 6")
    call(voice_app, "A012", 3, recall=True)
    wait_until(voice_page, "(window.__displayVoiceLog || []).length === 12")
    assert [entry["lang"] for entry in requests] == LANGUAGES * 2
    assert {entry["path"] for entry in requests} == {"/api/v1/announcements/A012"}
    assert {entry["window"] for entry in requests} == {"3"}
    assert [entry.get("chime") for entry in requests] == ["1", None, None] * 2  # the chime once per call
    # never overlapping: each language ends before the next starts
    expected = [f"{step}:{code}" for code in LANGUAGES for step in ("start", "end")] * 2
    assert voice_page.evaluate("window.__displayVoiceLog") == expected


def test_the_real_announcement_is_fetched_and_played(voice_page, voice_app):
    voice_page.goto(f"{voice_page.base}/display?lang=en")
    voice_page.wait_for_selector('body[data-connected="true"]')
    with voice_page.expect_response(lambda response: "/api/v1/announcements/" in response.url,
                                    timeout=20_000) as answered:
        call(voice_app, "A001", 1)
    response = answered.value
    assert response.status in (200, 206) and response.headers["content-type"] == "audio/wav"
    assert "lang=zh_Hans_CN" in response.url and "chime=1" in response.url
    wait_until(voice_page, "(window.__displayVoiceLog || []).includes('start:zh_Hans_CN')")


def test_quiet_hours_keep_the_display_silent(voice_page, voice_app):
    with voice_app.app_context():
        hall = factories.default_hall()
        now = local_now(hall)
        hall.voice = {"languages": LANGUAGES, "volume": 40,
                      "quiet_from": (now - timedelta(hours=1)).strftime("%H:%M"),
                      "quiet_until": (now + timedelta(hours=1)).strftime("%H:%M")}
        db.session.commit()
    requests = intercepted(voice_page)
    voice_page.goto(f"{voice_page.base}/display?lang=en")
    voice_page.wait_for_selector('body[data-connected="true"]')
    call(voice_app, "A002", 1)
    wait_until(voice_page, "window.__displayVoiceSkipped === 1")
    voice_page.wait_for_selector('[data-call-number]:text("A002")')  # the call is still shown
    assert requests == []


# ---- the counter display fills the screen -------------------------------------------------------------

MEASURE = """() => {
  const card = document.querySelector("[data-window]").getBoundingClientRect();
  const root = document.scrollingElement;
  const problems = [];
  if (root.scrollHeight > innerHeight + 1 || root.scrollWidth > innerWidth + 1) problems.push("scrolls");
  if (card.height < 0.75 * innerHeight) problems.push(`card height ${card.height}`);
  if (card.width < 0.85 * innerWidth) problems.push(`card width ${card.width}`);
  for (const node of document.querySelectorAll("main p, main h3, main li, main span, main strong")) {
    const box = node.getBoundingClientRect();
    if (!box.width) continue;
    if (box.bottom > innerHeight + 1 || box.right > innerWidth + 1 || box.left < -1 || box.top < -1)
      problems.push(`outside: ${node.textContent.slice(0, 30)}`);
    if (node.scrollWidth > node.clientWidth + 2 && getComputedStyle(node).display !== "inline")
      problems.push(`clipped: ${node.textContent.slice(0, 30)}`);
  }
  const size = (selector) => {
    const node = document.querySelector(selector);
    return node ? parseFloat(getComputedStyle(node).fontSize) : 0;
  };
  return {problems, serving: size("[data-serving]"), next: size("[data-next] li"),
          sign: size(".suspended-sign strong"), closed: size(".window-closed span"), label: size(".window-label span"),
          languages: document.querySelectorAll(".window-label span").length};
}"""


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1080, 1920)])
def test_the_counter_display_fills_the_screen(voice_page, artifacts, width, height):
    folder = artifacts / "screenshots" / "counter"
    folder.mkdir(parents=True, exist_ok=True)
    voice_page.set_viewport_size({"width": width, "height": height})
    results = {}
    for number, state in ((1, "open"), (2, "suspended"), (3, "closed")):
        voice_page.goto(f"{voice_page.base}/display/window/{number}")
        voice_page.wait_for_selector(f'[data-window="{number}"][data-status="{state}"]')
        voice_page.wait_for_selector('body[data-connected="true"]')
        results[state] = voice_page.evaluate(MEASURE)
        voice_page.screenshot(path=str(folder / f"counter-{state}-{width}x{height}.png"))
    for state, result in results.items():
        assert result["problems"] == [], (state, result)
        assert result["languages"] == 3 and result["label"] >= 40, (state, result)
    assert results["open"]["serving"] >= 300 and results["open"]["next"] >= 80, results["open"]
    assert results["suspended"]["sign"] >= 80, results["suspended"]
    assert results["closed"]["closed"] >= 100, results["closed"]
    text = voice_page.locator("main").inner_text()
    assert "Closed" in text and "已关闭" in text


def test_the_counter_shows_every_language_of_the_suspended_sign(voice_page):
    voice_page.goto(f"{voice_page.base}/display/window/2")
    sign = voice_page.locator('[data-window="2"][data-status="suspended"] .suspended-sign')
    sign.wait_for()
    assert sign.locator("p").count() == 3
    assert "系统升级" in sign.inner_text()
    assert sign.locator(".until").count() == 3
