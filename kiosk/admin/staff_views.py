"""Staff console: an administrator edits their hall's whole setup as its YAML file (``/staff/admin/hall``).

Thin views over :mod:`kiosk.admin.setup_file`: "Check" lists what would change, "Save" applies it all
or nothing; problems are named by their path in the file, and the text is kept for correction.
"""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from kiosk.admin import setup_file
from kiosk.staff.permissions import permission_required

bp = Blueprint("admin_staff", __name__, url_prefix="/staff")

#: The longest setup text accepted from the form.
MAX_TEXT = 200_000


def _page(text: str, report: setup_file.SetupReport | None = None, status: int = 200):
    return render_template("staff/admin/hall.html", hall=current_user.hall, text=text, report=report), status


@bp.get("/admin/hall")
@permission_required("hall.admin")
def hall_setup():
    """The hall's setup file in an editor."""
    return _page(setup_file.dump(setup_file.export_hall(current_user.hall)))


@bp.post("/admin/hall")
@permission_required("hall.admin")
def save_hall_setup():
    """Check (``action=check``) or save the edited setup; on a problem the editor shows it with the text kept."""
    text = request.form.get("yaml", "")[:MAX_TEXT]
    check_only = request.form.get("action") == "check"
    report = setup_file.import_hall(text, dry_run=check_only, only_hall=current_user.hall.code,
                                    actor=current_user.username)
    if not report.ok:
        return _page(text, report, 400)
    if check_only:
        return _page(text, report)
    flash(_("Hall setup saved: %(count)s changes. The displays reload by themselves.", count=len(report.changes)))
    return redirect(url_for("admin_staff.hall_setup"), 303)
