"""Staff console: notification letters for any business type, and the list of applications with their stages."""
from __future__ import annotations

from flask import render_template, request
from sqlalchemy import select

from kiosk.audit.service import record
from kiosk.extensions import db
from kiosk.guides import documents, progress, service
from kiosk.guides.blueprint import bp
from kiosk.guides.models import Application
from kiosk.guides.views import _guide_or_404
from kiosk.hall.service import business_day, current_hall
from kiosk.i18n import current_locale_code
from kiosk.printing import print_pdf_response
from kiosk.staff.auth import role_required

PAGE_SIZE = 200


@bp.get("/staff/letters")
@role_required("staff")
def staff_letters():
    """Every business type with its notification letter, in the locale the customer asks for."""
    return render_template("staff/guides/letters.html", guides=service.all_guides())


@bp.get("/staff/letters/<code>.pdf")
@role_required("staff")
def staff_letter_pdf(code: str):
    """The letter as a PDF for the counter printer; recorded in the audit log."""
    guide = _guide_or_404(code)
    pdf = documents.letter_pdf(guide, current_hall())
    record("guides.letter_print", guide.code, after={"locale": current_locale_code()})
    db.session.commit()
    return print_pdf_response(pdf, f"letter-{guide.code}.pdf")


@bp.get("/staff/applications")
@role_required("staff")
def staff_applications():
    """Applications (newest first, or the one searched for) with their stages; names masked."""
    query = progress.normalize_number(request.args.get("q", ""))
    statement = select(Application).order_by(Application.number.desc()).limit(PAGE_SIZE)
    if query:
        statement = select(Application).where(Application.number.contains(query)).limit(PAGE_SIZE)
    today = business_day(current_hall())
    rows = [progress.progress(application, today) for application in db.session.scalars(statement)]
    return render_template("staff/guides/applications.html", rows=rows, query=query, today=today)
