"""Printing views: ticket PDFs, the kiosk's "print my ticket" call, the staff print-job console."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from kiosk.audit.service import record
from kiosk.extensions import db
from kiosk.hall.service import current_device
from kiosk.i18n import current_locale_code
from kiosk.printing import backends, print_pdf_response, service, tickets
from kiosk.staff.auth import role_required

bp = Blueprint("printing", __name__)


@bp.get("/t/<token>/ticket.pdf")
def ticket_pdf(token: str):
    """The ticket as a PDF (``?width=58`` for the 58 mm roll, ``?lang=`` for the language)."""
    context = tickets.ticket_context_for_token(token)
    if context is None:
        abort(404)
    width = tickets.parse_width(request.args.get("width"))
    pdf = tickets.render_ticket(context, width=width, locale=current_locale_code(),
                                reprint=request.args.get("reprint") == "1")
    return print_pdf_response(pdf, f"ticket-{context.get('number', '')}.pdf")


def _backend_kind(setting: str) -> str:
    try:
        return backends.parse_printer(setting).backend
    except backends.BadPrinterSetting:
        return "file"


def _already_printed(token: str, number: str) -> bool:
    jobs = service.recent_jobs(limit=200)
    return any(job.kind == "ticket" and job.reference == number and job.status == "ok"
               and (job.source or {}).get("ticket_token") == token for job in jobs)


@bp.post("/kiosk/ticket/<token>/print")
def print_ticket(token: str):
    """Print the ticket on this kiosk's printer; answers ``{ok, message, printer, pdf_url}``."""
    device = current_device()
    setting = (device.printer if device else "") or current_app.config.get("DEFAULT_PRINTER", "file")
    kind = _backend_kind(setting)
    context = tickets.ticket_context_for_token(token)
    if context is None:
        return jsonify(ok=False, message=_("This ticket was not found."), printer=kind, pdf_url=None), 404
    settings = (device.settings or {}) if device else {}
    width = tickets.parse_width(request.values.get("width") or settings.get("paper_width"))
    locale = current_locale_code()
    number = str(context.get("number", ""))
    pdf_url = url_for("printing.ticket_pdf", token=token, width=width, lang=locale)
    reprint = _already_printed(token, number)
    hall = context.get("hall")
    try:
        pdf = tickets.render_ticket(context, width=width, locale=locale, reprint=reprint)
    except Exception:  # noqa: BLE001 - the ticket stays valid whatever happens to the paper
        current_app.logger.exception("rendering ticket %s failed", number)
        return jsonify(ok=False, printer=kind, pdf_url=None,
                       message=_("Your number %(number)s is valid, but the ticket could not be printed. "
                                 "Please remember your number or ask the staff for help.", number=number))
    job = service.print_document(device if device is not None else setting, pdf, "ticket", reference=number,
                                 reprint=reprint, hall_id=getattr(hall, "id", None),
                                 source={"ticket_token": token, "width": width, "locale": locale})
    if job.status == "ok":
        message = (_("Your ticket is printing.") if kind == "browser"
                   else _("Your ticket is printing. Please take it from the slot below."))
    else:
        message = _("Your number %(number)s is valid, but the ticket could not be printed "
                    "(%(reason)s). Please remember your number or ask the staff for help.",
                    number=number, reason=job.message)
    return jsonify(ok=job.status == "ok", message=message, printer=kind,
                   pdf_url=pdf_url if kind == "browser" else None)


@bp.get("/staff/print-jobs")
@role_required("staff")
def jobs():
    """Recent print jobs, failed ones highlighted, with one-touch reprint."""
    rows = service.recent_jobs(getattr(current_user, "hall_id", None))
    return render_template("staff/printing/jobs.html", jobs=rows, failed=sum(1 for job in rows if job.failed))


def _job_or_404(job_id: int):
    job = service.job_by_id(job_id)
    hall_id = getattr(current_user, "hall_id", None)
    if job is None or (job.hall_id is not None and hall_id is not None and job.hall_id != hall_id):
        abort(404)
    return job


@bp.post("/staff/print-jobs/<int:job_id>/reprint")
@role_required("staff")
def reprint(job_id: int):
    """Print a job again (marked as a reprint); audit-logged."""
    job = _job_or_404(job_id)
    entry = record("print.reprint", f"print_job:{job.id}",
                   before={"kind": job.kind, "reference": job.reference, "status": job.status})
    new = service.reprint_job(job)
    entry.after = {"job": new.id, "status": new.status, "printer": new.printer}
    db.session.commit()
    if new.status == "ok":
        flash(_("Reprinted %(reference)s.", reference=new.reference or new.kind))
    else:
        flash(_("The reprint failed: %(reason)s", reason=new.message))
    return redirect(url_for("printing.jobs"))


@bp.get("/staff/print-jobs/<int:job_id>.pdf")
@role_required("staff")
def job_pdf(job_id: int):
    """The PDF kept with a job."""
    job = _job_or_404(job_id)
    if not job.pdf:
        abort(404)
    return print_pdf_response(job.pdf, f"{job.kind}-{job.id}.pdf")
