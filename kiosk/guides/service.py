"""Guides, forms, service information and the contractor directory: look-ups over the database."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from kiosk.extensions import db
from kiosk.guides.form_samples import FORMS
from kiosk.guides.labels import CATEGORIES
from kiosk.guides.models import Contractor, Guide, InfoItem
from kiosk.i18n import DEFAULT_LOCALE, localized

MAX_QUERY = 40
#: The boxes of a choice field's sample value ("☑ 新装  ☐ 增容  ☐ 充电桩").
CHOICE_BOXES = re.compile("[☑☐]")


def all_guides() -> list[Guide]:
    """Every guide in display order."""
    return list(db.session.scalars(select(Guide).order_by(Guide.sort_order, Guide.id)))


def guide_by_code(code: str) -> Guide | None:
    """The guide for business type ``code``, or ``None``."""
    if not code or len(code) > 40:
        return None
    return db.session.scalar(select(Guide).where(Guide.code == code))


def _haystack(guide: Guide, locale: str) -> str:
    parts = []
    for mapping in (guide.names, guide.purpose, guide.keywords):
        for code in {locale, DEFAULT_LOCALE, "en"}:
            parts.append((mapping or {}).get(code, ""))
    return " ".join(parts).casefold()


def search(query: str, locale: str) -> list[Guide]:
    """Guides whose name, purpose or keywords (in ``locale``, Chinese or English) contain every word of ``query``."""
    words = (query or "")[:MAX_QUERY].casefold().split()
    if not words:
        return all_guides()
    return [g for g in all_guides() if all(word in _haystack(g, locale) for word in words)]


@dataclass(frozen=True)
class CategoryGroup:
    code: str
    title: str
    guides: list


def grouped(guides: list[Guide]) -> list[CategoryGroup]:
    """Guides grouped by their "I want to…" category (empty categories left out)."""
    groups = []
    for code, title in CATEGORIES.items():
        members = [g for g in guides if g.guide_topic == code]
        if members:
            groups.append(CategoryGroup(code, str(title), members))
    return groups


def stage_limits(guide: Guide | None) -> list[tuple[str, int | None]]:
    """``(stage, working days or None)`` for the progress stages of ``guide``, in order."""
    limits: dict[str, int | None] = {}
    for step in (guide.steps if guide else []) or []:
        stage = step.get("stage")
        if not stage:
            continue
        days = step.get("days")
        if stage in limits and limits[stage] is not None and days is not None:
            limits[stage] += days
        elif stage not in limits:
            limits[stage] = days
    return list(limits.items())


def form_by_code(code: str) -> dict | None:
    """The registration-form sample ``code``, or ``None``."""
    return next((form for form in FORMS if form["code"] == code), None)


def all_forms() -> list[dict]:
    """Every form sample."""
    return list(FORMS)


def choice_options(sample: str) -> list[str]:
    """The options of a choice field's sample value ("☑ 新装  ☐ 增容" gives ``["新装", "增容"]``), or ``[]``
    for a field filled in by hand."""
    if not CHOICE_BOXES.search(sample or ""):
        return []
    return [part.strip() for part in CHOICE_BOXES.split(sample) if part.strip()]


def numbered_form(form: dict) -> tuple[list, list]:
    """The form's rows with a callout number on each annotated field, and the ``(number, note)`` list.

    Each cell also carries ``options``: a choice field's options, printed with empty boxes on the blank form.
    """
    rows, notes, number = [], [], 0
    for row in form["rows"]:
        cells = []
        for field in row:
            cell = dict(field, options=choice_options(field["sample"]))
            if field.get("note"):
                number += 1
                cell["number"] = number
                notes.append((number, field["label"], field["note"]))
            cells.append(cell)
        rows.append(cells)
    return rows, notes


def info_items(kind: str) -> list[InfoItem]:
    """Published 办事公开 items of ``kind`` in order."""
    return list(db.session.scalars(select(InfoItem).where(InfoItem.kind == kind)
                                   .order_by(InfoItem.sort_order, InfoItem.id)))


def contractors_neutral(on: date) -> list[Contractor]:
    """The contractor directory in a neutral order: sorted by id, rotated by one place each day,
    so no firm is always first (no recommendation, no paid ordering)."""
    rows = list(db.session.scalars(select(Contractor).order_by(Contractor.id)))
    if not rows:
        return rows
    shift = on.toordinal() % len(rows)
    return rows[shift:] + rows[:shift]


def guide_name(guide: Guide | None, code: str, locale: str | None = None) -> str:
    """The localized name of ``guide`` (or ``code`` when unknown)."""
    return localized(guide.names, locale) if guide else code
