"""Admin editing of guides, service information and contractors as YAML (parse, validate, replace), and of the
holiday calendar. Each write function is one use case: audit-logged and committed."""
from __future__ import annotations

from datetime import date

import yaml
from flask_babel import gettext as _
from sqlalchemy import delete, func, select

from kiosk.audit.service import record
from kiosk.errors import KioskError
from kiosk.extensions import db
from kiosk.guides.labels import CATEGORIES, CHANNELS, CONTRACTOR_KINDS, DOCUMENT_KINDS, INFO_KINDS, STAGES
from kiosk.guides.models import Contractor, Guide, InfoItem
from kiosk.hall import calendar
from kiosk.hall.models import CalendarDay
from kiosk.i18n import DEFAULT_LOCALE
from kiosk.transaction import removes_too_much, use_case

GUIDE_FIELDS = ("names", "purpose", "eligibility", "documents", "steps", "total_note", "fees", "channels",
                "form_code", "keywords")


class EditError(KioskError):
    """Why an edit was refused (translated)."""


def dump(data) -> str:
    """YAML text for the editor (Unicode kept readable)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)


def load(text: str):
    """The YAML document in ``text``, or :class:`EditError`."""
    try:
        return yaml.safe_load(text or "")
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        raise EditError(_("The YAML cannot be read (line %(line)s).", line=mark.line + 1 if mark else "?")) from None


def _texts(value, where: str, required: bool = True) -> dict:
    if value in (None, {}) and not required:
        return {}
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise EditError(_("%(where)s must be a mapping of locale to text.", where=where))
    if required and not value.get(DEFAULT_LOCALE, "").strip():
        raise EditError(_("%(where)s needs the Chinese text (zh_Hans_CN).", where=where))
    return value


def guide_yaml(guide: Guide) -> str:
    """The editable fields of ``guide`` as YAML."""
    return dump({"category": guide.guide_topic} | {name: getattr(guide, name) for name in GUIDE_FIELDS})


def _apply_guide(guide: Guide, text: str) -> None:
    data = load(text)
    if not isinstance(data, dict):
        raise EditError(_("The guide must be a YAML mapping."))
    if data.get("category") not in CATEGORIES:
        raise EditError(_("category must be one of %(values)s.", values=", ".join(CATEGORIES)))
    documents, steps = data.get("documents"), data.get("steps")
    if not isinstance(documents, list) or not isinstance(steps, list) or not steps:
        raise EditError(_("documents and steps must be lists."))
    for index, doc in enumerate(documents, 1):
        if not isinstance(doc, dict) or doc.get("kind") not in DOCUMENT_KINDS:
            raise EditError(_("document %(n)s needs a kind: original, copy or both.", n=index))
        _texts(doc.get("names"), _("document %(n)s", n=index))
    for index, step in enumerate(steps, 1):
        if not isinstance(step, dict) or step.get("stage") not in (None, *STAGES):
            raise EditError(_("step %(n)s has an unknown stage.", n=index))
        days = step.get("days")
        if days is not None and (not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= 365):
            raise EditError(_("step %(n)s: days must be a whole number from 0 to 365, or empty.", n=index))
        _texts(step.get("names"), _("step %(n)s", n=index))
    channels = data.get("channels") or []
    if not isinstance(channels, list) or not set(channels) <= set(CHANNELS):
        raise EditError(_("channels must be a list of %(values)s.", values=", ".join(CHANNELS)))
    guide.guide_topic, guide.documents, guide.steps, guide.channels = data["category"], documents, steps, channels
    guide.names = _texts(data.get("names"), "names")
    for name in ("purpose", "eligibility", "fees"):
        setattr(guide, name, _texts(data.get(name), name))
    guide.total_note = _texts(data.get("total_note"), "total_note", required=False)
    guide.keywords = _texts(data.get("keywords"), "keywords", required=False)
    guide.form_code = str(data.get("form_code") or "")[:40]
    guide.total_days = sum(step.get("days") or 0 for step in steps)


def info_yaml(items: list[InfoItem]) -> str:
    """Every 办事公开 item as YAML grouped by kind."""
    grouped: dict[str, list] = {kind: [] for kind in INFO_KINDS}
    for item in items:
        grouped.setdefault(item.kind, []).append({"titles": item.titles, "texts": item.texts})
    return dump(grouped)


def parse_info(text: str) -> list[InfoItem]:
    """New :class:`InfoItem` rows from the YAML (replacing all of them)."""
    data = load(text)
    if not isinstance(data, dict) or not set(data) <= set(INFO_KINDS):
        raise EditError(_("Use the sections %(values)s.", values=", ".join(INFO_KINDS)))
    rows = []
    for kind, items in data.items():
        for order, item in enumerate(items or [], 1):
            if not isinstance(item, dict):
                raise EditError(_("%(kind)s item %(n)s must be a mapping.", kind=kind, n=order))
            rows.append(InfoItem(kind=kind, sort_order=order, texts=_texts(item.get("texts"), f"{kind} {order}"),
                                 titles=_texts(item.get("titles"), f"{kind} {order}", required=False)))
    return rows


def contractors_yaml(rows: list[Contractor]) -> str:
    return dump([{"names": c.names, "kind": c.kind, "qualification": c.qualification, "contact": c.contact,
                  "phone": c.phone} for c in rows])


def parse_contractors(text: str) -> list[Contractor]:
    """New :class:`Contractor` rows from the YAML list (replacing all of them)."""
    data = load(text) or []
    if not isinstance(data, list):
        raise EditError(_("The contractor directory must be a YAML list."))
    rows = []
    for index, item in enumerate(data, 1):
        if not isinstance(item, dict) or item.get("kind") not in CONTRACTOR_KINDS:
            raise EditError(_("contractor %(n)s needs a kind: design, construction or both.", n=index))
        rows.append(Contractor(names=_texts(item.get("names"), f"contractor {index}"), kind=item["kind"],
                               qualification=_texts(item.get("qualification"), f"contractor {index}"),
                               contact=str(item.get("contact") or "")[:64], phone=str(item.get("phone") or "")[:32]))
    return rows


@use_case
def save_guide(guide: Guide, text: str) -> None:
    """Replace the editable fields of ``guide`` with the YAML ``text``, or :class:`EditError` and nothing changes."""
    before = guide_yaml(guide)
    _apply_guide(guide, text)
    record("guides.edit", guide.code, before={"yaml": before}, after={"yaml": guide_yaml(guide)})


def _replace_all(model: type, rows: list, action: str, target: str, counted: str, replace_all: bool) -> int:
    """Replace every row of ``model`` with ``rows``, audited as ``action``; the number of rows.

    Ending with fewer than half of the current rows needs ``replace_all`` (the editor's "Replace all" box).
    """
    current = db.session.scalar(select(func.count()).select_from(model)) or 0
    if not replace_all and removes_too_much(current - len(rows), current):
        raise EditError(_("This would remove %(removed)s of the %(total)s current entries, more than half: nothing "
                          "was changed. Tick “Replace all” to confirm.", removed=current - len(rows), total=current))
    db.session.execute(delete(model))
    db.session.add_all(rows)
    record(action, target, after={counted: len(rows)})
    return len(rows)


@use_case
def replace_info(text: str, replace_all: bool = False) -> int:
    """Replace every 办事公开 item with those of the YAML ``text``; the number of items."""
    return _replace_all(InfoItem, parse_info(text), "guides.service_info", "service_info_items", "items",
                        replace_all)


@use_case
def replace_contractors(text: str, replace_all: bool = False) -> int:
    """Replace the contractor directory with the firms of the YAML ``text``; the number of firms."""
    return _replace_all(Contractor, parse_contractors(text), "guides.contractors", "contractors", "contractors",
                        replace_all)


@use_case
def set_calendar_day(day: date, working: bool, name: str) -> None:
    """Make ``day`` a holiday (``working`` false) or a make-up working day, named ``name``."""
    row = db.session.get(CalendarDay, day)
    if row is None:
        row = CalendarDay(day=day)
        db.session.add(row)
    row.working, row.names = working, {"zh_Hans_CN": name, "en": name} if name else {}
    calendar.forget_overrides()
    record("guides.calendar_set", day.isoformat(), after={"working": working, "name": name})


@use_case
def remove_calendar_day(day: date) -> None:
    """``day`` follows the weekday rule again."""
    row = db.session.get(CalendarDay, day)
    if row is not None:
        db.session.delete(row)
        calendar.forget_overrides()
        record("guides.calendar_remove", day.isoformat(), before={"working": row.working})
