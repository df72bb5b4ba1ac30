"""The wall display's playlist in a real browser: an image uploaded in the console plays in the side panel, a call
interrupts it (the call band takes the focus), and retiring the slide takes it off the wall without a reload."""
from __future__ import annotations

import io

from PIL import Image, ImageDraw

from kiosk.events.service import append_event
from kiosk.extensions import db
from kiosk.hall.service import hall_by_code
from tests.browser.conftest import staff_login, wait_until


def poster() -> bytes:
    image = Image.new("RGB", (1280, 720), (0, 94, 184))
    draw = ImageDraw.Draw(image)
    draw.rectangle((80, 80, 1200, 640), outline=(255, 255, 255), width=24)
    draw.ellipse((440, 160, 840, 560), fill=(255, 196, 0))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def test_uploaded_image_plays_and_a_call_interrupts_it(page, browser, live_server, live_app, artifacts):
    staff_login(page, "supervisor")
    page.goto(f"{page.base}/staff/media?lang=en")
    page.select_option("select[name=kind]", "image")
    page.set_input_files("input[name=file]", files=[{"name": "poster.png", "mimeType": "image/png",
                                                     "buffer": poster()}])
    page.fill("input[name=title_en]", "Our new hall")
    page.fill("input[name=duration_seconds]", "60")
    page.click("[data-form=add-slide] button[type=submit]")
    page.wait_for_selector('[data-slide-row][data-kind="image"]')
    for _step in range(2):  # after the demo's text and tariff slides: move it to the top
        page.click('[data-slide-row][data-kind="image"] [data-move="up"]')
        page.wait_for_load_state()
    assert page.locator("[data-slide-row]").first.get_attribute("data-kind") == "image"
    page.wait_for_selector('[data-slide-row][data-kind="image"] img[data-preview="image"]')
    slide_id = page.locator('[data-slide-row][data-kind="image"]').get_attribute("data-slide-row")

    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    wall = context.new_page()
    wall.set_default_timeout(10_000)
    try:
        wall.goto(f"{live_server.url}/display?lang=en")
        wall.wait_for_selector('body[data-connected="true"]')
        wall.wait_for_selector(f'[data-slide-panel][data-slide="{slide_id}"] img')
        wait_until(wall, "document.querySelector('[data-slide-panel] img').naturalWidth === 1280")
        assert "Our new hall" in wall.locator("[data-slide-panel] .media-caption").inner_text()
        wall.screenshot(path=str(artifacts / "media-wall-image.png"))

        with live_app.app_context():
            append_event(hall_by_code("demo").id, "call", {"ticket": "A031", "window": 3, "service": "A",
                                                           "called_at": "2026-03-01T01:00:00+00:00",
                                                           "recall": False})
            db.session.commit()
        wall.wait_for_selector('[data-call-number]:text("A031")')
        wall.wait_for_selector('[data-slide-panel][data-paused="true"]')
        wait_until(wall, "Number(getComputedStyle(document.querySelector('[data-slide-panel]')).opacity) < 0.5")
        wall.screenshot(path=str(artifacts / "media-wall-call-interrupts.png"))
        wait_until(wall, "!document.querySelector('[data-slide-panel]').dataset.paused", timeout=12_000)
        assert wall.locator(f'[data-slide-panel][data-slide="{slide_id}"] img').count() == 1

        page.click('[data-slide-row][data-kind="image"] [data-retire]')
        page.wait_for_load_state()
        wait_until(wall, f"document.querySelector('[data-slide-panel]').dataset.slide !== '{slide_id}'",
                   timeout=3_000)
        assert wall.locator("[data-slide-panel] img").count() == 0
    finally:
        context.close()


def test_demo_text_slide_shows_every_display_language(page, artifacts):
    page.goto(f"{page.base}/display?lang=en")
    panel = page.locator('[data-slide-panel][data-kind="text"]')
    panel.wait_for()
    blocks = page.locator("[data-slide-panel] .media-text-block")
    assert blocks.evaluate_all("nodes => nodes.map(node => node.lang)") == ["zh-Hans-CN", "en", "ug"]
    assert blocks.nth(2).get_attribute("dir") == "rtl"
    for width, height in ((1920, 1080), (1080, 1920)):
        page.set_viewport_size({"width": width, "height": height})
        overflow = page.evaluate("(() => { const p = document.querySelector('[data-slide-panel]');"
                                 " return p.scrollHeight - p.clientHeight; })()")
        assert overflow <= 1, (width, height, overflow)
        page.screenshot(path=str(artifacts / f"media-wall-text-{width}x{height}.png"))
