"""Printing views: the staff print-job console (recent jobs, one-touch reprint, the kept PDFs)."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from kiosk.printing import service
from kiosk.printing.models import PrintJob
from kiosk.printing.responses import print_pdf_response
from kiosk.staff.permissions import permission_required

bp = Blueprint("printing_staff", __name__, url_prefix="/staff")


@bp.get("/print-jobs")
@permission_required("printjobs.view")
def jobs():
    """Recent print jobs, failed ones highlighted, with one-touch reprint."""
    rows = service.recent_jobs(getattr(current_user, "hall_id", None))
    return render_template("staff/printing/jobs.html", jobs=rows, failed=sum(1 for job in rows if job.failed))


def _job_or_404(job_id: int) -> PrintJob:
    job = service.job_by_id(job_id)
    hall_id = getattr(current_user, "hall_id", None)
    if job is None or (job.hall_id is not None and hall_id is not None and job.hall_id != hall_id):
        abort(404)
    return job


@bp.post("/print-jobs/<int:job_id>/reprint")
@permission_required("printjobs.reprint")
def reprint(job_id: int):
    """Print a job again (marked as a reprint); audit-logged."""
    new = service.reprint_job(_job_or_404(job_id))
    if new.status == "ok":
        flash(_("Reprinted %(reference)s.", reference=new.reference or new.kind))
    else:
        flash(_("The reprint failed: %(reason)s", reason=new.message))
    return redirect(url_for("printing_staff.jobs"))


@bp.get("/print-jobs/<int:job_id>.pdf")
@permission_required("printjobs.view")
def job_pdf(job_id: int):
    """The PDF kept with a job."""
    job = _job_or_404(job_id)
    if not job.pdf:
        abort(404)
    return print_pdf_response(job.pdf, f"{job.kind}-{job.id}.pdf")
