"""The shipped content's Uyghur, Tibetan and traditional Mongolian texts (translations/content/*.json): each in
its own script, numbers kept as written, and every text the demo hall and the form samples show covered."""
from __future__ import annotations

import re

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

SCRIPTS = {"ug": re.compile(r"[\u0600-\u06FF]"), "bo": re.compile(r"[\u0F00-\u0FFF]"),
           "mn_Mong_CN": re.compile(r"[\u1800-\u18AF]")}
CJK = re.compile(r"[\u3400-\u9FFF]")
# a character the customer must write as it is (“代” on a form) may stay Chinese, in quotation marks
QUOTED = re.compile(r"“[^”]*”|「[^」]*」|«[^»]*»|《[^》]*》|\"[^\"]*\"")
DIGITS = re.compile(r"\d+")
ENTRIES = sorted(catalogue().items())


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
