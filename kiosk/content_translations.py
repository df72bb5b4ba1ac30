"""The shipped content in the languages its source files do not spell out.

The demo hall's content and the built-in form samples are written in Chinese and English in the code
(``T("居民新装", "New residential connection")``, ``{"zh_Hans_CN": …, "en": …}``). Their Uyghur, Tibetan and
traditional Mongolian texts live in ``translations/content/*.json``, one file per area, keyed by the Chinese
text::

    {"居民新装": {"ug": "…", "bo": "…", "mn_Mong_CN": "…"}}

:func:`with_translations` adds them to one ``{locale: text}`` mapping; :func:`translate_stored_content`
adds them to every such mapping the database holds (run at the end of the demo seed). A hall's own content
is edited per locale in the staff console and never goes through here.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, select

from kiosk.extensions import db

CONTENT_DIR = Path(__file__).resolve().parent.parent / "translations" / "content"
SOURCE_LOCALE = "zh_Hans_CN"
TRANSLATED_LOCALES = ("ug", "bo", "mn_Mong_CN")


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Every content translation, by Chinese source text (all files of ``translations/content/`` merged)."""
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(CONTENT_DIR.glob("*.json")):
        for source, texts in json.loads(path.read_text(encoding="utf-8")).items():
            merged.setdefault(source, {}).update({k: v for k, v in texts.items() if v})
    return merged


def is_content_mapping(value: Any) -> bool:
    """Whether ``value`` is a ``{locale: text}`` mapping with a Chinese source text."""
    return isinstance(value, dict) and isinstance(value.get(SOURCE_LOCALE), str) and bool(value[SOURCE_LOCALE])


def with_translations(mapping: dict) -> dict:
    """``mapping`` with the catalogue's texts added for the locales it lacks (its own texts win)."""
    found = catalogue().get(mapping[SOURCE_LOCALE].strip(), {})
    added = {code: found[code] for code in TRANSLATED_LOCALES if code in found and not mapping.get(code)}
    return {**mapping, **added} if added else mapping


def translate_tree(value: Any) -> Any:
    """``value`` (a JSON document) with every content mapping in it translated, at any depth."""
    if is_content_mapping(value):
        value = with_translations(value)
    if isinstance(value, dict):
        return {key: translate_tree(item) for key, item in value.items()}
    if isinstance(value, list):
        return [translate_tree(item) for item in value]
    return value


def content_columns() -> list[tuple[type, str]]:
    """(model, attribute) for every JSON column of the mapped models."""
    found = []
    registry: Any = db.Model.registry  # type: ignore[attr-defined]
    for mapper in registry.mappers:
        for prop in mapper.column_attrs:
            if any(isinstance(column.type, JSON) for column in prop.columns):
                found.append((mapper.class_, prop.key))
    return found


def translate_stored_content() -> int:
    """Add the catalogue's translations to every content mapping stored in JSON columns; the rows changed."""
    changed = 0
    for model, key in content_columns():
        row: Any
        for row in db.session.scalars(select(model)):
            old = getattr(row, key)
            new = translate_tree(old)
            if new != old:
                setattr(row, key, new)
                changed += 1
    db.session.flush()
    return changed


def content_mappings(value: Any) -> Iterator[dict]:
    """Every content mapping in ``value`` (a JSON document, lists and tuples included), at any depth."""
    if is_content_mapping(value):
        yield value
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from content_mappings(item)


def missing_translations(values: list[Any]) -> dict[str, list[str]]:
    """The Chinese source texts among ``values`` (JSON documents) that lack a translation, by locale."""
    missing: dict[str, list[str]] = {code: [] for code in TRANSLATED_LOCALES}
    for mapping in content_mappings(values):
        for code in TRANSLATED_LOCALES:
            if not mapping.get(code) and mapping[SOURCE_LOCALE] not in missing[code]:
                missing[code].append(mapping[SOURCE_LOCALE])
    return {code: texts for code, texts in missing.items() if texts}
