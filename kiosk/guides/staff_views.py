"""Staff console: notification letters and applications (staff); guides, 办事公开 items, contractors (YAML)
and the holiday calendar (admins)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from kiosk.extensions import db
from kiosk.guides import documents, editing, progress, service
from kiosk.guides.models import Application, Contractor, InfoItem
from kiosk.guides.views import guide_or_404
from kiosk.hall.models import CalendarDay
from kiosk.hall.service import business_day, current_hall
from kiosk.i18n import current_locale_code
from kiosk.printing import print_pdf_response
from kiosk.staff.permissions import permission_required

bp = Blueprint("guides_staff", __name__, url_prefix="/staff")

MAX_TEXT = 200_000
PAGE_SIZE = 200


@bp.get("/letters")
@permission_required("letters.view")
def letters():
    """Every business type with its notification letter, in the locale the customer asks for."""
    return render_template("staff/guides/letters.html", guides=service.all_guides())


@bp.get("/letters/<code>.pdf")
@permission_required("letters.view")
def letter_pdf(code: str):
    """The letter as a PDF for the counter printer; recorded in the audit log."""
    guide = guide_or_404(code)
    pdf = documents.letter_pdf(guide, current_hall())
    documents.record_letter_print(guide, current_locale_code())
    return print_pdf_response(pdf, f"letter-{guide.code}.pdf")


@bp.get("/applications")
@permission_required("applications.view")
def applications():
    """Applications (newest first, or the one searched for) with their stages; names masked."""
    query = progress.normalize_number(request.args.get("q", ""))
    statement = select(Application).order_by(Application.number.desc()).limit(PAGE_SIZE)
    if query:
        statement = select(Application).where(Application.number.contains(query)).limit(PAGE_SIZE)
    today = business_day(current_hall())
    rows = [progress.progress(application, today) for application in db.session.scalars(statement)]
    return render_template("staff/guides/applications.html", rows=rows, query=query, today=today)


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


@bp.get("/guides")
@permission_required("guides.admin")
def admin():
    """Guides, service information, contractors and the holiday calendar."""
    return _page()


@bp.post("/guides/guide/<code>")
@permission_required("guides.admin")
def admin_guide(code: str):
    guide = guide_or_404(code)
    text = request.form.get("yaml", "")[:MAX_TEXT]
    try:
        editing.save_guide(guide, text)
    except editing.EditError as problem:
        return _page([str(problem)], 400, guide_code=code, guide_text=text)
    flash(_("Guide saved."))
    return redirect(url_for("guides_staff.admin", guide=code))


def _save_yaml(replace: Callable[[str, bool], int], text_field: str, saved: str):
    """Replace a list from the posted YAML; on a problem show the editor again with the text kept."""
    text = request.form.get("yaml", "")[:MAX_TEXT]
    try:
        replace(text, request.form.get("replace_all") == "1")
    except editing.EditError as problem:
        return _page([str(problem)], 400, **{text_field: text})
    flash(saved)
    return redirect(url_for("guides_staff.admin"))


@bp.post("/guides/info")
@permission_required("guides.admin")
def admin_info():
    """Replace the service information (办事公开) items."""
    return _save_yaml(editing.replace_info, "info_text", _("Service information saved."))


@bp.post("/guides/contractors")
@permission_required("guides.admin")
def admin_contractors():
    """Replace the contractor directory."""
    return _save_yaml(editing.replace_contractors, "contractors_text", _("Contractor directory saved."))


@bp.post("/guides/calendar")
@permission_required("guides.admin")
def admin_calendar():
    """Add or change a calendar exception (holiday or make-up working day), or remove one."""
    try:
        day = date.fromisoformat(request.form.get("day", "").strip()[:10])
    except ValueError:
        return _page([_("Enter the date as YYYY-MM-DD.")], 400)
    if request.form.get("action") == "remove":
        editing.remove_calendar_day(day)
    else:
        editing.set_calendar_day(day, request.form.get("working") == "1", request.form.get("name", "").strip()[:60])
    flash(_("Calendar saved."))
    return redirect(url_for("guides_staff.admin") + "#calendar")
