"""Tibetan in a real browser: a body a step larger than Chinese, labels centred in their buttons,
a one-row header, no sideways scrolling, home tiles above the footer, Western digits only."""
from __future__ import annotations

import re

import pytest

PORTRAIT = {"width": 1080, "height": 1920}
LANDSCAPE = {"width": 1920, "height": 1080}
TIBETAN_DIGITS = re.compile(r"[\u0f20-\u0f33]")

#: Where the label of each element matching the selector sits in it. A Range over each text node
#: gives its line boxes; for Noto Serif Tibetan that box is the font's whole ascent and descent
#: (2.8em), far taller than the letters, so the ink is the glyphs' own extent (canvas measureText)
#: about the baseline the Range's box puts them on. With ``icon``, the element's icon counts as ink
#: too (a home tile: its icon beside the title in landscape, above it in portrait).
LABELS = """([selector, icon]) => {
  const canvas = document.createElement("canvas").getContext("2d");
  return [...document.querySelectorAll(selector)].filter((el) => el.getClientRects().length).map((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let top = Infinity, bottom = -Infinity, inkTop = Infinity, inkBottom = -Infinity, text = "";
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (!node.data.trim()) continue;
      const range = document.createRange(); range.selectNodeContents(node);
      const style = getComputedStyle(node.parentElement);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      for (const rect of range.getClientRects()) {
        if (!rect.height) continue;
        top = Math.min(top, rect.top); bottom = Math.max(bottom, rect.bottom);
      }
      const lines = [...range.getClientRects()].filter((r) => r.height);
      const m = canvas.measureText(node.data.trim());
      for (const rect of lines) {
        const baseline = rect.top + (rect.height - m.fontBoundingBoxAscent - m.fontBoundingBoxDescent) / 2
                         + m.fontBoundingBoxAscent;
        inkTop = Math.min(inkTop, baseline - m.actualBoundingBoxAscent);
        inkBottom = Math.max(inkBottom, baseline + m.actualBoundingBoxDescent);
      }
      text += node.data.trim();
    }
    const symbol = icon && el.querySelector(".icon");
    if (symbol) { const r = symbol.getBoundingClientRect();
      inkTop = Math.min(inkTop, r.top); inkBottom = Math.max(inkBottom, r.bottom); }
    const box = el.getBoundingClientRect();
    return {text, top: box.top, bottom: box.bottom, height: box.height, textTop: top, textBottom: bottom,
            inkTop, inkBottom};
  });
}"""

PAGE = """() => ({
  bodyFont: parseFloat(getComputedStyle(document.body).fontSize),
  header: document.querySelector(".kiosk-header").getBoundingClientRect().height,
  scrollsSideways: document.documentElement.scrollWidth > innerWidth + 1,
  footerTop: document.querySelector(".kiosk-footer").getBoundingClientRect().top,
  tilesBottom: Math.max(0, ...[...document.querySelectorAll(".tile")].map((t) => t.getBoundingClientRect().bottom)),
  text: document.body.innerText,
})"""

#: The labels that must sit in the middle of their box, per page: (selector, whether an icon counts).
CENTRED = {
    "/kiosk": [(".header-tools summary, .header-tools .elder-toggle", False), (".tile", True)],
    "/kiosk/bills": [(".header-tools summary, .header-tools .elder-toggle", False), (".keypad .key", False),
                     (".bills-submit", False), (".kiosk-footer .nav-button", False)],
}
CASES = [("landscape", LANDSCAPE, False), ("portrait", PORTRAIT, False), ("landscape-large", LANDSCAPE, True),
         ("portrait-large", PORTRAIT, True)]


@pytest.fixture
def screen(browser, live_server, artifacts, request):
    """A touch page of the parametrized viewport, with ``base`` and ``artifacts`` set."""
    context = browser.new_context(viewport=request.param[1], has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base, page.artifacts, page.case, page.large = live_server.url, artifacts, *request.param[::2]
    yield page
    context.close()


def _open(screen, path: str, lang: str) -> dict:
    """``path`` in ``lang`` (large text as the case asks), measured once its fonts are loaded."""
    screen.goto(f"{screen.base}{path}?lang={lang}")
    if screen.large != ("elder" in screen.get_attribute("html", "class").split()):
        screen.goto(f"{screen.base}/kiosk/elder?next={path}")
    screen.wait_for_selector("html.elder" if screen.large else "html:not(.elder)")
    screen.evaluate("document.fonts.ready.then(() => true)")
    return screen.evaluate(PAGE)


def _off_centre(label: dict) -> float:
    """How far the label's ink is from the middle of its box, as a share of the box's height."""
    ink = (label["inkTop"] + label["inkBottom"]) / 2
    return abs(ink - (label["top"] + label["bottom"]) / 2) / label["height"]


@pytest.mark.parametrize("screen", CASES, ids=[case[0] for case in CASES], indirect=True)
@pytest.mark.parametrize("path", ["/kiosk", "/kiosk/bills"])
def test_tibetan_is_set_comfortably(screen, path):
    chinese = _open(screen, path, "zh_Hans_CN")
    tibetan = _open(screen, path, "bo")
    name = path.strip("/").replace("/", "-")
    screen.screenshot(path=str(screen.artifacts / f"tibetan-{name}-{screen.case}.png"))
    assert screen.get_attribute("html", "lang") == "bo"
    assert tibetan["bodyFont"] >= 1.1 * chinese["bodyFont"], (tibetan["bodyFont"], chinese["bodyFont"])
    assert tibetan["header"] <= 1.2 * chinese["header"], "the header grows a row in Tibetan"
    assert not tibetan["scrollsSideways"]
    if path == "/kiosk":
        assert 0 < tibetan["tilesBottom"] <= tibetan["footerTop"], "the home tiles run under the footer"
    for selector, icon in CENTRED[path]:
        labels = screen.evaluate(LABELS, [selector, icon])
        assert labels, selector
        for label in labels:
            assert label["text"] and _off_centre(label) <= 0.15, (selector, label)
    assert not TIBETAN_DIGITS.search(tibetan["text"]), "Tibetan digits beside Western ones"


def test_tibetan_bill_uses_western_digits_only(page, artifacts):
    page.goto(f"{page.base}/kiosk/bills?lang=bo")
    page.locator("#account").fill("3300000003")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kiosk/bills/result")
    text = page.evaluate("document.body.innerText")
    page.screenshot(path=str(artifacts / "tibetan-bill-result.png"), full_page=True)
    assert not TIBETAN_DIGITS.search(text)
    for icon in (False, True):  # "Print": an icon and a label written straight into the button
        for label in page.evaluate(LABELS, ["[data-print]", icon]):
            assert _off_centre(label) <= 0.15, label
    assert re.search(r"2026 ?ཟླ་\d{1,2} ?ཚེས་\d{1,2}", text), "no date with Western digits"  # e.g. "2026 ཟླ་12 ཚེས་3"
