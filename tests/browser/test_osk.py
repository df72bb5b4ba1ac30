"""The on-screen keyboard in a real browser: pinyin candidates, Uyghur letters, layout switching, where the
board sits (never over its field or the results) and key sizes, in both orientations and large text."""
from __future__ import annotations

import pytest

from tests.conftest import make_app

LANDSCAPE = {"width": 1920, "height": 1080}
PORTRAIT = {"width": 1080, "height": 1920}


@pytest.fixture
def live_app(db_path, tmp_path):
    """The live server's app with a long idle timeout: these tests look at one screen for a while."""
    return make_app(f"sqlite:///{db_path}", tmp_path, IDLE_SECONDS=600, WTF_CSRF_ENABLED=True)


def _type(page, board, letters):
    for letter in letters:
        page.click(f'{board} .osk-letters [data-osk-key="{letter}"]')


def _pick(page, board, text):
    """Pages through the candidate bar until ``text`` shows, then taps it."""
    candidate = page.locator(f"{board} [data-osk-candidate]", has_text=text).filter(has_text=text)
    for _ in range(10):
        exact = page.locator(f"{board} [data-osk-candidate]").filter(has_text=text)
        for index in range(exact.count()):
            if exact.nth(index).inner_text() == text:
                exact.nth(index).click()
                return
        page.click(f'{board} [data-osk-page="1"]')
    raise AssertionError(f"{text} not among the candidates ({candidate.count()})")


def _large_text(page):
    page.click(".elder-toggle")
    page.wait_for_selector("html.elder")


def test_pinyin_types_dianfei_on_the_opinion_book(page, artifacts):
    page.goto(f"{page.base}/kiosk/opinion")  # Chinese: the board starts in pinyin
    board = '.osk[data-osk-for="opinion-text"]'
    assert page.get_attribute(board, "data-osk-layout") == "pinyin"
    page.click("#opinion-text")
    _type(page, board, "dianfei")
    page.wait_for_selector(f"{board} [data-osk-candidate]")
    assert page.inner_text(f"{board} [data-osk-composing]") == "dianfei"
    first = page.locator(f"{board} [data-osk-candidate]").all_inner_texts()
    assert "电费" in first[:3]
    assert page.input_value("#opinion-text") == ""  # letters wait in the bar, not in the field
    page.screenshot(path=str(artifacts / "osk-pinyin-dianfei.png"))
    _pick(page, board, "电费")
    assert page.input_value("#opinion-text") == "电费"
    assert page.inner_text(f"{board} [data-osk-composing]") == ""
    _type(page, board, "ni")
    page.wait_for_selector(f"{board} [data-osk-candidate]")
    assert "你" in page.locator(f"{board} [data-osk-candidate]").all_inner_texts()
    page.click(f'{board} [data-osk-key=" "]')  # space takes the first candidate
    page.click(f'{board} [data-osk-key="，"]')
    assert page.input_value("#opinion-text").startswith("电费") and page.input_value("#opinion-text").endswith("，")
    # a character picked from a longer input leaves the rest to choose: 电 then 费
    _type(page, board, "dianfei")
    page.wait_for_selector(f"{board} [data-osk-candidate]")
    _pick(page, board, "电")
    assert page.inner_text(f"{board} [data-osk-composing]") == "fei"
    _pick(page, board, "费")
    assert page.input_value("#opinion-text").endswith("，电费")


def test_uyghur_letters_and_layout_switch(page, artifacts):
    page.goto(f"{page.base}/kiosk/opinion?lang=ug")
    board = '.osk[data-osk-for="opinion-text"]'
    assert page.get_attribute(board, "data-osk-layout") == "ug"
    assert page.get_attribute(f"{board} .osk-letters", "dir") == "rtl"
    page.click("#opinion-text")
    for letter in "ياخشى":
        page.click(f'{board} .osk-letters [data-osk-key="{letter}"]')
    page.click(f'{board} [data-osk-key="،"]')
    assert page.input_value("#opinion-text") == "ياخشى،"
    page.screenshot(path=str(artifacts / "osk-uyghur.png"))
    seen = ["ug"]
    for _ in range(5):
        page.click(f'{board} [data-osk-key="layout"]')
        seen.append(page.get_attribute(board, "data-osk-layout"))
    assert seen == ["ug", "bo", "mn", "pinyin", "latin", "ug"]  # the opinion book takes every script
    page.click(f'{board} [data-osk-key="layout"]')
    page.click(f'{board} [data-osk-key="stack"]')
    page.click(f'{board} .osk-letters [data-osk-key="ག"]')  # subjoined ga
    page.click(f'{board} [data-osk-key="layout"]')
    assert page.get_attribute(board, "data-osk-layout") == "mn"
    page.click(f'{board} .osk-letters [data-osk-key="ᠮ"]')
    assert page.input_value("#opinion-text") == "ياخشى،\u0f92ᠮ"


def test_search_boxes_have_a_keyboard_in_the_locale_layout(page):
    page.goto(f"{page.base}/kiosk/guides")
    board = '.osk[data-osk-for="guide-q"]'
    page.click("#guide-q")
    _type(page, board, "tingdian")
    _pick(page, board, "停电")
    assert page.input_value("#guide-q") == "停电"
    page.goto(f"{page.base}/kiosk/tariffs/fees?lang=en")
    assert page.locator('.osk[data-osk-for="q"]').is_hidden()  # folded under the fee table's search
    page.click('[data-osk-toggle="q"]')
    _type(page, '.osk[data-osk-for="q"]', "meter")
    assert page.input_value("#q") == "meter"


def _inside(box, area):
    return box["y"] >= area["y"] - 1 and box["y"] + box["height"] <= area["y"] + area["height"] + 1


def _apart(a, b):
    return a["y"] + a["height"] <= b["y"] + 1 or b["y"] + b["height"] <= a["y"] + 1


@pytest.mark.parametrize("viewport", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_the_board_never_covers_its_field_or_the_results(page, artifacts, viewport, large):
    page.set_viewport_size(viewport)
    name = f"{'portrait' if viewport is PORTRAIT else 'landscape'}-{'large' if large else 'normal'}"
    page.goto(f"{page.base}/kiosk/opinion")
    if large:
        _large_text(page)
    board = '.osk[data-osk-for="opinion-text"]'
    page.click("#opinion-text")
    _type(page, board, "dianfei")
    page.wait_for_selector(f"{board} [data-osk-candidate]")
    main = page.locator(".kiosk-main").bounding_box()
    field = page.locator("#opinion-text").bounding_box()
    keys = page.locator(board).bounding_box()
    assert _apart(field, keys) and field["y"] < keys["y"]
    assert _inside(field, main) and _inside(keys, main), (field, keys, main)
    page.screenshot(path=str(artifacts / f"osk-opinion-{name}.png"))

    page.goto(f"{page.base}/kiosk/notices")
    board = '.osk[data-osk-for="outage-q"]'
    page.click("#outage-q")
    _type(page, board, "beiyuan")
    page.wait_for_selector(f"{board} [data-osk-candidate]")
    main = page.locator(".kiosk-main").bounding_box()
    field = page.locator("#outage-q").bounding_box()
    keys = page.locator(board).bounding_box()
    results = page.locator("[data-outage]").first.bounding_box()
    assert _apart(field, keys) and _apart(keys, results) and field["y"] < keys["y"]
    assert _inside(field, main) and _inside(keys, main), (field, keys, main)
    page.screenshot(path=str(artifacts / f"osk-outages-{name}.png"))
    # after a search the results sit right under the field and the board stays folded until asked for
    page.goto(f"{page.base}/kiosk/notices?q=北苑")
    assert page.locator(board).is_hidden()
    results = page.locator("[data-outage]").first.bounding_box()
    field = page.locator("#outage-q").bounding_box()
    main = page.locator(".kiosk-main").bounding_box()
    assert field["y"] + field["height"] <= results["y"] < main["y"] + main["height"] - 100
    page.click('[data-osk-toggle="outage-q"]')
    keys = page.locator(board).bounding_box()
    results = page.locator("[data-outage]").first.bounding_box()
    assert _apart(keys, results) and _apart(field, keys)


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_confirm_keys_are_as_large_as_digit_keys(page, large):
    page.goto(f"{page.base}/kiosk/bills")
    if large:
        _large_text(page)
    sizes = {}
    for path, confirm in [("/kiosk/bills", ".bills-submit"), ("/kiosk/progress", "[data-progress-submit]"),
                          ("/kiosk/opinion", "[data-submit]")]:
        page.goto(page.base + path)
        digit = page.locator('.keypad [data-key="5"]').first.bounding_box()
        button = page.locator(confirm).bounding_box()
        sizes[path] = (digit, button)
        assert button["height"] >= digit["height"] - 0.5, (path, digit, button)
        assert button["width"] >= digit["width"] - 0.5, (path, digit, button)
    if large:
        assert sizes["/kiosk/bills"][0]["height"] >= 100  # the keypad grows with large text
    for path, field in [("/kiosk/notices", "outage-q"), ("/kiosk/guides", "guide-q")]:
        page.goto(page.base + path)
        key = page.locator(f'.osk[data-osk-for="{field}"] [data-osk-key="5"]').bounding_box()
        search = page.locator(f'form:has(#{field}) button[type="submit"]').bounding_box()
        assert search["height"] >= key["height"] - 0.5 and search["width"] >= key["width"] - 0.5, (path, key, search)
        if large:
            assert key["height"] >= 80


def test_journey_3_a_complaint_in_chinese_with_the_pinyin_keyboard(page, artifacts):
    page.goto(f"{page.base}/kiosk")
    page.screenshot(path=str(artifacts / "journey3-1-home.png"))
    page.goto(f"{page.base}/kiosk/opinion")
    page.click('label.choice:has(input[name="kind"][value="complaint"]) span')
    page.click('label.choice:has(input[name="topic"][value="waiting"]) span')
    board = '.osk[data-osk-for="opinion-text"]'
    page.click("#opinion-text")
    for letters, text in [("dengdai", "等待"), ("shijian", "时间"), ("tai", "太"), ("chang", "长")]:
        _type(page, board, letters)
        page.wait_for_selector(f"{board} [data-osk-candidate]")
        _pick(page, board, text)
    page.click(f'{board} [data-osk-key="。"]')
    assert page.input_value("#opinion-text") == "等待时间太长。"
    page.screenshot(path=str(artifacts / "journey3-2-typed.png"))
    page.fill("#opinion-phone", "13812345678")
    page.click("[data-submit]")
    page.wait_for_selector("[data-thanks]")
    assert "5" in page.inner_text("main")  # complaints are answered within 5 days
    page.screenshot(path=str(artifacts / "journey3-3-thanks.png"))


@pytest.mark.parametrize(("code", "layout", "letters", "typed"), [
    ("bo", "bo", ["བ", "ོ", "ད", "་"], "བོད་"),
    ("mn_Mong_CN", "mn", ["ᠮ", "ᠣ", "ᠩ", "ᠭ", "ᠣ", "ᠯ"], "ᠮᠣᠩᠭᠣᠯ"),
    ("en", "latin", ["o", "k"], "ok"),
])
def test_the_board_starts_in_the_kiosk_locale_layout(page, artifacts, code, layout, letters, typed):
    page.goto(f"{page.base}/kiosk/opinion?lang={code}")
    board = '.osk[data-osk-for="opinion-text"]'
    assert page.get_attribute(board, "data-osk-layout") == layout
    page.click("#opinion-text")
    for letter in letters:
        page.click(f'{board} .osk-letters [data-osk-key="{letter}"]')
    assert page.input_value("#opinion-text") == typed
    page.screenshot(path=str(artifacts / f"osk-opinion-{code}.png"))
    # a search box takes Chinese, English and Uyghur: other locales start in pinyin
    page.goto(f"{page.base}/kiosk/guides?lang={code}")
    expected = "latin" if code == "en" else "pinyin"
    assert page.get_attribute('.osk[data-osk-for="guide-q"]', "data-osk-layout") == expected
