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


def test_opening_the_display_leaves_the_kiosk_language_alone(client):
    client.get("/kiosk?lang=ug")
    assert client.get("/display?lang=en").status_code == 200
    assert client.get("/display/window/1?lang=en").status_code in (200, 404)
    assert 'lang="ug"' in client.get("/kiosk").get_data(as_text=True)


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


def _report():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "i18n_report.py"
    spec = importlib.util.spec_from_file_location("i18n_report", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("code", [code for code in LOCALES if code != "en"])
def test_every_shipped_catalogue_is_complete_and_keeps_placeholders(code):
    """Every shipped locale is complete (``make i18n`` then translate the new entries)."""
    report = _report()
    locale_dir = report.ROOT / code
    translated, fuzzy, total = report.completeness(locale_dir)
    assert (translated, fuzzy) == (total, 0), f"{code}: {total - translated} untranslated, {fuzzy} fuzzy"
    assert report.placeholder_mismatches(locale_dir) == []


def test_catalogues_hold_every_message_of_the_template():
    """The catalogues were updated after the last extraction (``make i18n``)."""
    from babel.messages.pofile import read_po

    report = _report()
    with open(report.ROOT / "messages.pot", "rb") as handle:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    for locale_dir in report.locale_dirs():
        with open(locale_dir / "LC_MESSAGES" / "messages.po", "rb") as handle:
            ids = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
        assert ids == template, locale_dir.name


def test_template_holds_every_string_in_the_code(tmp_path):
    """No string was added to the code or templates without ``make i18n`` (which also updates the catalogues)."""
    import subprocess
    import sys
    from pathlib import Path

    from babel.messages.pofile import read_po

    root = Path(__file__).resolve().parents[2]
    fresh = tmp_path / "fresh.pot"
    subprocess.run([str(Path(sys.executable).parent / "pybabel"), "-q", "extract", "-F", "translations/babel.cfg",
                    "-k", "_l", "-k", "lazy_gettext", "-k", "ngettext:1,2", "--no-location", "-o", str(fresh), "."],
                   cwd=root, check=True, capture_output=True)

    def ids(path):
        with open(path, "rb") as handle:
            return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}

    missing = ids(fresh) - ids(root / "translations" / "messages.pot")
    assert not missing, f"run `make i18n` and translate: {sorted(missing)[:10]}"
