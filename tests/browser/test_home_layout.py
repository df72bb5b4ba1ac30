"""Kiosk home layout in a real browser: tiles fill the screen in portrait, fit it in landscape, in
Chinese, Uyghur and traditional Mongolian; titles never break inside a word; large-text mode
enlarges the keypad and keeps the header toggle readable."""
from __future__ import annotations

import pytest

PORTRAIT = {"width": 1080, "height": 1920}
LANDSCAPE = {"width": 1920, "height": 1080}

# Boxes of the header, footer and tiles; the lines a tile title's characters sit on; whether the
# page or a tile scrolls. A character starts a new line when its block-axis position moves by more
# than half a character; such a break is allowed only beside a space of the title's text.
MEASURE = """() => {
  const box = (el) => { const r = el.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
  const splits = (title) => {
    const vertical = getComputedStyle(title).writingMode.startsWith("vertical");
    const text = title.firstChild, found = [];
    if (!text || text.nodeType !== Node.TEXT_NODE) return found;
    const range = document.createRange();
    let last = null, spaced = false;
    for (let i = 0; i < text.data.length; i++) {
      if (/\\s/.test(text.data[i])) { spaced = true; continue; }
      range.setStart(text, i); range.setEnd(text, i + 1);
      const r = range.getBoundingClientRect();
      if (!r.width && !r.height) continue;
      const at = vertical ? r.left : r.top, size = vertical ? r.width : r.height;
      if (last !== null && Math.abs(at - last) > size / 2 && !spaced) found.push(text.data.slice(0, i) + "|");
      last = at; spaced = false;
    }
    return found;
  };
  const tiles = [...document.querySelectorAll(".tile")];
  return {
    viewport: {width: innerWidth, height: innerHeight},
    scrolls: document.documentElement.scrollHeight > innerHeight + 1
             || document.documentElement.scrollWidth > innerWidth + 1,
    mainScrolls: (() => { const m = document.querySelector(".kiosk-main");
      return m.scrollHeight > m.clientHeight + 1 || m.scrollWidth > m.clientWidth + 1; })(),
    header: box(document.querySelector(".kiosk-header")),
    footer: box(document.querySelector(".kiosk-footer")),
    tiles: tiles.map(box),
    tileOverflow: tiles.filter((t) => t.scrollHeight > t.clientHeight + 1 || t.scrollWidth > t.clientWidth + 1)
                       .map((t) => t.dataset.tile),
    splits: tiles.flatMap((t) => splits(t.querySelector(".tile-title"))),
  };
}"""

KEYS = """() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return {width: r.width, height: r.height}; };
  return {digit: box(document.querySelector('.keypad .key[data-key="5"]')),
          search: box(document.querySelector('form:has(.keypad) button[type="submit"]')),
          nav: box(document.querySelector(".kiosk-footer .nav-button")),
          scrolls: document.documentElement.scrollHeight > innerHeight + 1
                   || document.querySelector(".kiosk-main").scrollHeight
                      > document.querySelector(".kiosk-main").clientHeight + 1};
}"""

# The large-text toggle's text and background colours as [r, g, b] (the nearest opaque background).
COLOURS = """() => {
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const toggle = document.querySelector(".elder-toggle");
  let el = toggle, bg = null;
  while (el && !bg) { const c = rgb(getComputedStyle(el).backgroundColor);
    if (c.length < 4 || c[3] > 0) bg = c.slice(0, 3); el = el.parentElement; }
  return {color: rgb(getComputedStyle(toggle).color).slice(0, 3), background: bg || [255, 255, 255]};
}"""


def _contrast(one: list[float], two: list[float]) -> float:
    def luminance(rgb: list[float]) -> float:
        channels = [c / 255 for c in rgb]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _check_home(page, name: str, portrait: bool) -> dict:
    page.screenshot(path=str(page.artifacts / f"home-layout-{name}.png"))
    found = page.evaluate(MEASURE)
    header, footer, view = found["header"], found["footer"], found["viewport"]
    assert not found["scrolls"] and not found["mainScrolls"], f"{name}: the home screen scrolls"
    assert len(found["tiles"]) == 8
    for tile in found["tiles"]:
        assert tile["left"] >= -1 and tile["right"] <= view["width"] + 1, f"{name}: a tile leaves the screen"
        assert tile["top"] >= header["bottom"] - 1 and tile["bottom"] <= footer["top"] + 1, \
            f"{name}: a tile runs under the header or the footer"
    assert not found["tileOverflow"], f"{name}: text overflows tiles {found['tileOverflow']}"
    assert not found["splits"], f"{name}: titles broken inside a word: {found['splits']}"
    if portrait:
        union_width = max(t["right"] for t in found["tiles"]) - min(t["left"] for t in found["tiles"])
        union_height = max(t["bottom"] for t in found["tiles"]) - min(t["top"] for t in found["tiles"])
        space = view["width"] * (footer["top"] - header["bottom"])
        assert union_width * union_height >= 0.8 * space, \
            f"{name}: the tiles cover {union_width * union_height / space:.0%} of the screen"
    return found


@pytest.fixture
def screen(browser, live_server, artifacts, request):
    """A touch page of the parametrized viewport, with ``base`` and ``artifacts`` set."""
    context = browser.new_context(viewport=request.param, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base, page.artifacts = live_server.url, artifacts
    yield page
    context.close()


@pytest.mark.parametrize("screen", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"], indirect=True)
def test_home_tiles_fill_the_screen_in_each_script(screen):
    portrait = screen.viewport_size["height"] > screen.viewport_size["width"]
    orientation = "portrait" if portrait else "landscape"
    for lang in ("zh_Hans_CN", "ug", "mn_Mong_CN"):
        screen.goto(f"{screen.base}/kiosk?lang={lang}")
        _check_home(screen, f"{lang}-{orientation}", portrait)


@pytest.mark.parametrize("screen", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"], indirect=True)
def test_large_text_enlarges_the_keypad_and_keeps_the_toggle_readable(screen):
    portrait = screen.viewport_size["height"] > screen.viewport_size["width"]
    orientation = "portrait" if portrait else "landscape"
    screen.goto(f"{screen.base}/kiosk/bills?lang=zh_Hans_CN")
    normal = screen.evaluate(KEYS)
    assert not normal["scrolls"]
    screen.goto(f"{screen.base}/kiosk/elder?next=/kiosk/bills")
    screen.wait_for_selector("html.elder")
    screen.screenshot(path=str(screen.artifacts / f"home-layout-keypad-elder-{orientation}.png"))
    large = screen.evaluate(KEYS)
    assert not large["scrolls"], "the large-text keypad screen scrolls"
    for side in ("width", "height"):
        assert large["digit"][side] >= 1.2 * normal["digit"][side], f"digit keys are not enlarged ({side})"
        assert large["search"][side] >= large["digit"][side], f"the search key is smaller than a digit ({side})"
    for button in ("search", "nav"):
        assert large[button]["height"] >= 1.2 * normal[button]["height"], f"the {button} button is not enlarged"
    colours = screen.evaluate(COLOURS)
    assert colours["color"] != colours["background"]
    assert _contrast(colours["color"], colours["background"]) >= 4.5, colours
    screen.goto(f"{screen.base}/kiosk")
    _check_home(screen, f"zh_Hans_CN-elder-{orientation}", portrait)
