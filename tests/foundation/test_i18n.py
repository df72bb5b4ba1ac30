import re

import pytest

from kiosk.i18n import LOCALES, localized, normalize_locale, text_direction

EXPECTED = {  # code -> (html lang, dir, script class)
    "zh_Hans_CN": ("zh-Hans-CN", "ltr", "script-hans"),
    "en": ("en", "ltr", "script-latn"),
    "ug": ("ug", "rtl", "script-arab"),
    "bo": ("bo", "ltr", "script-tibt"),
    "mn_Mong_CN": ("mn-Mong-CN", "ltr", "script-mong"),
}


@pytest.mark.parametrize("code", list(EXPECTED))
def test_every_locale_loads_and_sets_lang_and_dir(client, code):
    html = client.get(f"/kiosk?lang={code}").get_data(as_text=True)
    tag = re.search(r"<html[^>]*>", html).group(0)
    lang, direction, script = EXPECTED[code]
    assert f'lang="{lang}"' in tag and f'dir="{direction}"' in tag and script in tag


def test_direction_comes_from_babel():
    assert {code: text_direction(code) for code in LOCALES} == {
        "zh_Hans_CN": "ltr", "en": "ltr", "ug": "rtl", "bo": "ltr", "mn_Mong_CN": "ltr"}
    assert LOCALES["mn_Mong_CN"].vertical


def test_choice_is_remembered_in_the_session(client):
    client.get("/kiosk?lang=en")
    assert 'lang="en"' in client.get("/kiosk").get_data(as_text=True)


def test_unknown_language_falls_back_to_chinese(client):
    html = client.get("/kiosk?lang=xx").get_data(as_text=True)
    assert 'lang="zh-Hans-CN"' in html


@pytest.mark.parametrize("raw,expected", [("zh", "zh_Hans_CN"), ("mn", "mn_Mong_CN"), ("ug", "ug"),
                                          ("", None), ("fr", None), (None, None)])
def test_normalize(raw, expected):
    assert normalize_locale(raw) == expected


def test_localized_falls_back_to_chinese_then_anything():
    assert localized({"zh_Hans_CN": "电费", "en": "Bill"}, "en") == "Bill"
    assert localized({"zh_Hans_CN": "电费", "en": "Bill"}, "ug") == "电费"
    assert localized({"en": "Bill"}, "bo") == "Bill"
    assert localized({}, "en", fallback="-") == "-"


def test_money_is_formatted_per_locale(app):
    from kiosk.i18n import money

    with app.test_request_context("/?lang=en"):
        assert money("12.5") == "CN¥12.50"
    from flask_babel import refresh

    with app.test_request_context("/"):
        refresh()
        assert money("12.5") == "¥12.50"
