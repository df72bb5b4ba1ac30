"""Staff console: late-fee rule versions (admins add a version; one in force is never edited)."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from kiosk.bills import rules
from kiosk.hall.service import business_day, current_hall
from kiosk.parsing import parse_date
from kiosk.staff.permissions import permission_required

bp = Blueprint("bills_staff", __name__, url_prefix="/staff/late-fees")


def _render(today: date, error: str | None = None, form: Mapping[str, str] | None = None, status: int = 200):
    return render_template("staff/bills/late_fees.html", versions=rules.versions(), today=today, error=error,
                           form=form or {}, in_force=rules.rule_on(today)), status


@bp.get("")
@permission_required("late_fees.edit")
def late_fees():
    """The versions of the late-fee rates, newest first, and a form for a new version."""
    return _render(business_day(current_hall()))


@bp.post("")
@permission_required("late_fees.edit")
def save_late_fees():
    """Add a version from a date (today or later), or change a version that is not yet in force."""
    today = business_day(current_hall())
    form = request.form
    try:
        effective_from = parse_date(form.get("effective_from"))
    except ValueError:
        return _render(today, _("Enter the date the rates take effect (YYYY-MM-DD)."), form, 400)
    try:
        rules.save_version(effective_from, form.get("residential_rate", ""), form.get("current_year_rate", ""),
                           form.get("later_year_rate", ""), form.get("minimum", ""), today,
                           actor=current_user.username)
    except rules.RuleError as error:
        return _render(today, str(error), form, 400)
    flash(_("Late-fee rates from %(day)s saved.", day=effective_from.isoformat()))
    return redirect(url_for("bills_staff.late_fees"))
