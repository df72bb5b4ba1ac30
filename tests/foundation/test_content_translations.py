"""The shipped content's Uyghur, Tibetan and traditional Mongolian texts (translations/content/*.json): each in
its own script, numbers kept as written, and every text the demo hall and the form samples show covered."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.content_translations import (
    SOURCE_LOCALE,
    TRANSLATED_LOCALES,
    catalogue,
    content_columns,
    content_mappings,
    missing_translations,
    with_translations,
)
from kiosk.extensions import db
from kiosk.guides import form_samples
from kiosk.guides.models import Guide

SCRIPTS = {"ug": re.compile(r"[\u0600-\u06FF]"), "bo": re.compile(r"[\u0F00-\u0FFF]"),
           "mn_Mong_CN": re.compile(r"[\u1800-\u18AF]")}
CJK = re.compile(r"[\u3400-\u9FFF]")
# a character the customer must write as it is (“代” on a form) may stay Chinese, in quotation marks
QUOTED = re.compile(r"“[^”]*”|「[^」]*」|«[^»]*»|《[^》]*》|\"[^\"]*\"")
DIGITS = re.compile(r"\d+")
ENTRIES = sorted(catalogue().items())
ROOT = Path(__file__).resolve().parents[2]


def test_the_catalogue_is_not_empty():
    assert len(ENTRIES) >= 250


@pytest.mark.parametrize("code", TRANSLATED_LOCALES)
def test_every_text_is_in_its_own_script(code):
    for source, texts in ENTRIES:
        text = texts.get(code, "")
        assert SCRIPTS[code].search(text), (code, source, text)
        assert not CJK.search(QUOTED.sub("", text)), (code, source, text)


@pytest.mark.parametrize("code", TRANSLATED_LOCALES)
def test_numbers_are_kept_in_western_digits(code):
    for source, texts in ENTRIES:
        missing = set(DIGITS.findall(source)) - set(DIGITS.findall(texts[code]))
        assert not missing, (code, source, texts[code], missing)
        assert not re.search(r"[\u0660-\u0669\u06F0-\u06F9\u0F20-\u0F29\u1810-\u1819]", texts[code]), (code, source)


def test_with_translations_keeps_the_hall_own_text():
    source = ENTRIES[0][0]
    mapping = with_translations({SOURCE_LOCALE: source, "en": "x", "ug": "hall's own"})
    assert mapping["ug"] == "hall's own" and mapping["bo"] == catalogue()[source]["bo"]


def test_every_shipped_text_is_translated(app):
    """The demo hall as seeded (every JSON column) and the built-in form samples: nothing is left in Chinese."""
    with app.app_context():
        values = [getattr(row, key) for model, key in content_columns() for row in db.session.scalars(select(model))]
    values += [value for name, value in vars(form_samples).items()
               if not name.startswith("_") and isinstance(value, (dict, list, tuple))]
    assert missing_translations(values) == {}
    used = {mapping[SOURCE_LOCALE].strip() for mapping in content_mappings(values)}
    assert sorted(set(catalogue()) - used) == [], "translations of texts no longer shipped: remove them"


def test_content_pages_show_chinese_only_as_marked_names_and_fallbacks(app, client):
    """``scripts/chinese_runs.py`` on the demo hall: in ug, bo and mn_Mong_CN every run of Chinese left on the
    guides, a guide, the fee schedule, the commitments, the tariffs and the notices is marked ``lang="zh-…"``
    (a paper form's Chinese title, a contact's name, the language menu's 简体中文)."""
    spec = importlib.util.spec_from_file_location("chinese_runs", ROOT / "scripts" / "chinese_runs.py")
    assert spec and spec.loader
    chinese_runs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(chinese_runs)
    with app.app_context():
        guide = db.session.scalars(select(Guide.code).order_by(Guide.id)).first()
    counts = chinese_runs.count_runs(client, guide, TRANSLATED_LOCALES)
    assert {key: runs for key, (_marked, runs) in counts.items() if runs} == {}
    assert all(marked <= 7 for marked, _runs in counts.values()), counts
