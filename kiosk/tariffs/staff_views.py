"""Staff console (admin role): tariff versions and the fee schedule, edited as YAML or imported from files."""
from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from kiosk.hall.service import business_day, current_hall
from kiosk.staff.permissions import permission_required
from kiosk.tariffs import export, fee_importer, importer, service

bp = Blueprint("tariffs_staff", __name__, url_prefix="/staff/tariffs")

MAX_UPLOAD = 2 * 1024 * 1024


def _page(errors=None, draft: str | None = None, fees_text: str | None = None, status: int = 200):
    on = business_day(current_hall())
    tables = service.tables(on)
    new_code = request.args.get("new")
    if draft is None and new_code:
        table = next((t for t in tables if t.code == new_code), None)
        latest = None if table is None else table.upcoming[-1] if table.upcoming else table.current
        if latest is not None:
            draft = export.tariffs_yaml([latest], max(on, latest.effective_from) + timedelta(days=1))
    if fees_text is None:
        fees_text = export.fees_yaml(service.fee_items())
    return render_template("staff/tariffs/admin.html", tables=tables, on=on, errors=errors or [], draft=draft or "",
                           fees_text=fees_text), status


@bp.get("")
@permission_required("tariffs.admin")
def admin():
    """Tables with their versions, the new-version form, the fee schedule editor and the file import."""
    return _page()


def _apply(kind: str, text: str, filename: str, draft=None, fees_text=None, replace_all: bool = False):
    on = business_day(current_hall())
    if kind == "tariffs":
        result = importer.import_tariffs(text, filename, on, actor=current_user.username)
    else:
        result = fee_importer.import_fees(text, filename, actor=current_user.username,
                                          replace_all=replace_all)
    if not result.ok:
        return _page(result.errors, draft, fees_text, 400)
    flash(_("Saved: %(new)s new, %(replaced)s replaced, %(removed)s removed.", new=len(result.created),
            replaced=len(result.replaced), removed=len(result.removed)))
    return redirect(url_for("tariffs_staff.admin"))


@bp.post("/versions")
@permission_required("tariffs.admin")
def admin_new_version():
    """Add (or replace a not-yet-effective) version from the YAML draft."""
    text = request.form.get("yaml", "")
    return _apply("tariffs", text, "form.yaml", draft=text)


@bp.post("/fees")
@permission_required("tariffs.admin")
def admin_fees():
    """Replace the fee schedule with the edited YAML."""
    text = request.form.get("yaml", "")
    return _apply("fees", text, "form.yaml", fees_text=text, replace_all=request.form.get("replace_all") == "1")


@bp.post("/import")
@permission_required("tariffs.admin")
def admin_import():
    """Import an uploaded YAML or CSV file of tariffs or fees."""
    kind = request.form.get("kind")
    upload = request.files.get("file")
    if kind not in ("tariffs", "fees") or upload is None or not upload.filename:
        return _page([(0, _("Choose what to import and a file."))], status=400)
    data = upload.read(MAX_UPLOAD + 1)
    try:
        if len(data) > MAX_UPLOAD:
            raise ValueError
        text = data.decode("utf-8-sig")
    except (UnicodeDecodeError, ValueError):
        return _page([(0, _("The file must be UTF-8 text of at most 2 MB."))], status=400)
    return _apply(kind, text, upload.filename, replace_all=request.form.get("replace_all") == "1")


@bp.post("/versions/<int:version_id>/delete")
@permission_required("tariffs.admin")
def admin_delete_version(version_id: int):
    """Withdraw a version that has not taken effect (versions in effect are never removed)."""
    if not importer.withdraw_version(version_id, business_day(current_hall())):
        return _page([(0, _("Only a version that has not yet taken effect can be withdrawn."))], status=400)
    flash(_("The upcoming version was withdrawn."))
    return redirect(url_for("tariffs_staff.admin"))
