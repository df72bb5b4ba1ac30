"""Admin pages: edit guides, 办事公开 items and contractors (YAML), and the holiday calendar."""
from __future__ import annotations

from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import delete, select

from kiosk.audit.service import record
from kiosk.extensions import db
from kiosk.guides import editing, service
from kiosk.guides.blueprint import bp
from kiosk.guides.models import CalendarDay, Contractor, InfoItem
from kiosk.guides.views import _guide_or_404
from kiosk.staff.auth import role_required

MAX_TEXT = 200_000


def _page(errors=None, status: int = 200, **drafts):
    code = request.args.get("guide") or drafts.get("guide_code") or ""
    guide = service.guide_by_code(code)
    contractors = list(db.session.scalars(select(Contractor).order_by(Contractor.id)))
    context = {
        "guides": service.all_guides(), "guide": guide, "errors": errors or [],
        "guide_text": drafts.get("guide_text") or (editing.guide_yaml(guide) if guide else ""),
        "info_text": drafts.get("info_text") or editing.info_yaml(
            list(db.session.scalars(select(InfoItem).order_by(InfoItem.kind, InfoItem.sort_order)))),
        "contractors_text": drafts.get("contractors_text") or editing.contractors_yaml(contractors),
        "days": list(db.session.scalars(select(CalendarDay).order_by(CalendarDay.day))),
    }
    return render_template("staff/guides/admin.html", **context), status


@bp.get("/staff/guides")
@role_required("admin")
def admin():
    """Guides, service information, contractors and the holiday calendar."""
    return _page()


@bp.post("/staff/guides/guide/<code>")
@role_required("admin")
def admin_guide(code: str):
    guide = _guide_or_404(code)
    text = request.form.get("yaml", "")[:MAX_TEXT]
    before = editing.guide_yaml(guide)
    try:
        editing.apply_guide(guide, text)
    except editing.EditError as problem:
        db.session.rollback()
        return _page([str(problem)], 400, guide_code=code, guide_text=text)
    record("guides.edit", code, before={"yaml": before}, after={"yaml": editing.guide_yaml(guide)})
    db.session.commit()
    flash(_("Guide saved."))
    return redirect(url_for("guides.admin", guide=code))


@bp.post("/staff/guides/info")
@role_required("admin")
def admin_info():
    text = request.form.get("yaml", "")[:MAX_TEXT]
    try:
        rows = editing.parse_info(text)
    except editing.EditError as problem:
        return _page([str(problem)], 400, info_text=text)
    db.session.execute(delete(InfoItem))
    db.session.add_all(rows)
    record("guides.service_info", "service_info_items", after={"items": len(rows)})
    db.session.commit()
    flash(_("Service information saved."))
    return redirect(url_for("guides.admin"))


@bp.post("/staff/guides/contractors")
@role_required("admin")
def admin_contractors():
    text = request.form.get("yaml", "")[:MAX_TEXT]
    try:
        rows = editing.parse_contractors(text)
    except editing.EditError as problem:
        return _page([str(problem)], 400, contractors_text=text)
    db.session.execute(delete(Contractor))
    db.session.add_all(rows)
    record("guides.contractors", "contractors", after={"contractors": len(rows)})
    db.session.commit()
    flash(_("Contractor directory saved."))
    return redirect(url_for("guides.admin"))


@bp.post("/staff/guides/calendar")
@role_required("admin")
def admin_calendar():
    """Add or change a calendar exception (holiday or make-up working day), or remove one."""
    try:
        day = date.fromisoformat(request.form.get("day", "").strip()[:10])
    except ValueError:
        return _page([_("Enter the date as YYYY-MM-DD.")], 400)
    row = db.session.get(CalendarDay, day)
    if request.form.get("action") == "remove":
        if row is not None:
            db.session.delete(row)
            record("guides.calendar_remove", day.isoformat(), before={"working": row.working})
    else:
        working = request.form.get("working") == "1"
        name = request.form.get("name", "").strip()[:60]
        if row is None:
            row = CalendarDay(day=day)
            db.session.add(row)
        row.working, row.names = working, {"zh_Hans_CN": name, "en": name} if name else {}
        record("guides.calendar_set", day.isoformat(), after={"working": working, "name": name})
    db.session.commit()
    flash(_("Calendar saved."))
    return redirect(url_for("guides.admin") + "#calendar")
