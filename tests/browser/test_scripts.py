"""Scripts in a real browser: right-to-left order in Uyghur, vertical traditional Mongolian, Tibetan sizes."""
from __future__ import annotations

from kiosk.events.service import append_event
from kiosk.extensions import db
from kiosk.hall.service import hall_by_code
from tests.browser.conftest import page_through, wait_until

#: x of the first and of the last character of an element's text, as the browser lays them out.
CHAR_X = """(element) => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes = []; while (walker.nextNode()) if (walker.currentNode.data.trim()) nodes.push(walker.currentNode);
  const at = (node, index) => { const range = document.createRange(); range.setStart(node, index);
    range.setEnd(node, index + 1); return range.getBoundingClientRect(); };
  const first = nodes[0], last = nodes[nodes.length - 1];
  const lastIndex = last.data.trimEnd().length - 1;
  return {text: element.textContent, first: at(first, first.data.length - first.data.trimStart().length).x,
          last: at(last, lastIndex).x};
}"""


def test_uyghur_tier_range_reads_left_to_right(page, artifacts):
    page.goto(f"{page.base}/kiosk/tariffs?lang=ug")
    page.locator('[data-table="residential"] a, a[data-table="residential"]').first.click()
    cell = page.locator("[data-range]").first
    cell.wait_for()
    layout = cell.evaluate(CHAR_X)
    assert layout["text"].startswith("0–") and layout["text"].endswith("kWh")
    assert layout["first"] < layout["last"]  # "0–2,760 kWh", not "kWh 2,760–0"
    assert page.get_attribute("html", "dir") == "rtl"
    page.screenshot(path=str(artifacts / "scripts-tariff-ug.png"), full_page=True)


def test_uyghur_call_sentence_order_on_the_wall(page, live_app, artifacts):
    page.goto(f"{page.base}/display")
    page.wait_for_selector('body[data-connected="true"]')
    with live_app.app_context():
        append_event(hall_by_code("demo").id, "call", {"ticket": "A012", "window": 3, "service": "A",
                                                       "called_at": "2026-03-01T01:00:00+00:00", "recall": False})
        db.session.commit()
    wait_until(page, "document.querySelector('[data-call-number]')?.textContent === 'A012'")
    line = page.locator('.call-text[lang="ug"]')
    line.wait_for()
    ticket, window = line.locator(".call-ticket"), line.locator(".call-window")
    ticket_box, window_box = ticket.bounding_box(), window.bounding_box()
    assert ticket_box["x"] > window_box["x"]  # right to left: the ticket first (at the right), then the window
    layout = ticket.evaluate(CHAR_X)
    assert layout["text"] == "A012" and layout["first"] < layout["last"]  # the number itself left to right
    page.screenshot(path=str(artifacts / "scripts-display-call.png"))


def test_uyghur_bill_labels_beside_their_values(page, artifacts):
    page.goto(f"{page.base}/kiosk/bills?lang=ug")
    page.locator("#account").fill("3300000008")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kiosk/bills/result")
    page.locator("[data-unpaid] tbody tr a").first.click()
    page.wait_for_url("**/kiosk/bills/bill/**")
    page.screenshot(path=str(artifacts / "scripts-bill-ug.png"), full_page=True)
    value = page.locator('[data-fact="kwh"]')
    label = value.locator("xpath=preceding-sibling::dt[1]")
    gap = label.bounding_box()["x"] - (value.bounding_box()["x"] + value.bounding_box()["width"])
    assert 0 <= gap < 200, gap  # the value sits just left of its label, not ~1,300 px away
    layout = value.evaluate(CHAR_X)
    assert layout["text"].endswith("kWh") and layout["first"] < layout["last"]


def visit(page, path: str) -> None:
    """Open ``path`` afresh (the previous kiosk page's idle reset must not interrupt the navigation)."""
    page.goto("about:blank")
    page.goto(f"{page.base}{path}")


def writing_mode(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("(node) => getComputedStyle(node).writingMode")


def test_mongolian_running_text_is_vertical(page, artifacts):
    for width, height, name in ((1920, 1080, "landscape"), (1080, 1920, "portrait")):
        page.set_viewport_size({"width": width, "height": height})
        visit(page, "/kiosk?lang=mn_Mong_CN")
        assert writing_mode(page, ".tile") == "vertical-lr"
        assert writing_mode(page, ".tile-hint") == "vertical-lr"
        assert writing_mode(page, ".tile-title") == "vertical-lr"
        tiles = [box for box in (tile.bounding_box() for tile in page.locator(".tile").all()) if box]
        assert all(box["x"] + box["width"] <= width + 1 for box in tiles)  # fits the screen
        page.screenshot(path=str(artifacts / f"scripts-home-mn-{name}.png"), full_page=True)
    page.set_viewport_size({"width": 1920, "height": 1080})
    visit(page, "/kiosk/service-info?lang=mn_Mong_CN")
    assert writing_mode(page, ".info-list > li") == "vertical-lr"
    items = page.locator('[data-section="commitments"] .info-list > li')
    first, second = items.nth(0).bounding_box(), items.nth(1).bounding_box()
    assert second["x"] > first["x"] or second["y"] > first["y"]  # columns flow left to right
    page.screenshot(path=str(artifacts / "scripts-commitments-mn.png"), full_page=True)
    visit(page, "/kiosk/guides/residential_new?lang=mn_Mong_CN")
    assert writing_mode(page, "[data-purpose]") == "vertical-lr"
    assert writing_mode(page, "[data-steps] > li") == "vertical-lr"
    assert writing_mode(page, "table") == "horizontal-tb"
    visit(page, "/kiosk/notices?lang=mn_Mong_CN")
    if page.locator(".notice-card").count():
        assert writing_mode(page, ".notice-card") == "vertical-lr"
    visit(page, "/kiosk/bills?lang=mn_Mong_CN")
    assert writing_mode(page, ".keypad") == "horizontal-tb"
    assert writing_mode(page, "#account") == "horizontal-tb"
    page.locator("#account").fill("3300000003")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kiosk/bills/result")
    page.locator("[data-unpaid] tbody tr a").first.click()
    page.wait_for_url("**/kiosk/bills/bill/**")
    assert writing_mode(page, ".bills-facts dt") == "vertical-lr"
    assert writing_mode(page, ".bills-facts dd") == "horizontal-tb"
    page.screenshot(path=str(artifacts / "scripts-bill-mn.png"), full_page=True)


def test_mongolian_language_menu_entry_is_vertical_in_every_menu(page):
    page.goto(f"{page.base}/kiosk?lang=en")
    page.locator(".language-menu summary").click()
    assert writing_mode(page, '.language-menu a[lang="mn-Mong-CN"]') == "vertical-lr"


def test_tibetan_body_is_a_step_larger(page, artifacts):
    page.goto(f"{page.base}/kiosk?lang=zh_Hans_CN")
    chinese = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    page.goto(f"{page.base}/kiosk?lang=bo")
    tibetan = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert tibetan > chinese
    page.screenshot(path=str(artifacts / "scripts-home-bo.png"))


def test_a_mongolian_guide_is_written_in_columns_read_left_to_right(page, artifacts):
    """The whole guide is one vertical flow: title, headings and paragraphs are columns that follow each other to
    the right; the page scrolls sideways, and the footer's cue says "more to the right" and pages that way."""
    visit(page, "/kiosk/guides/residential_new?lang=mn_Mong_CN")
    assert writing_mode(page, ".guide") == "vertical-lr"
    assert writing_mode(page, ".guide > h2") == "vertical-lr"
    title = page.locator(".guide > .page-title").bounding_box()
    heading = page.locator(".guide > h2").first.bounding_box()
    assert heading["x"] > title["x"] + title["width"] - 1  # the next column is to the right, not below
    cue = page.locator("[data-scroll-cue]")
    assert cue.is_visible() and cue.get_attribute("data-direction") == "right"
    page.screenshot(path=str(artifacts / "scripts-guide-mn-start.png"))
    page_through(page, "scrollLeft", 10)
    assert page.locator("[data-print-letter]").is_visible()
    page.screenshot(path=str(artifacts / "scripts-guide-mn-end.png"))
