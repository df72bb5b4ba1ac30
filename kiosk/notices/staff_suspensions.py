"""Staff console: suspend and resume windows, services or the whole hall; today's history."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from kiosk.dbtypes import utcnow
from kiosk.hall.models import Service, Window
from kiosk.hall.service import current_hall, service_by_code, window_by_number
from kiosk.notices import suspensions
from kiosk.notices.errors import NoticeError
from kiosk.notices.staff_views import bp
from kiosk.notices.status import active_service_row, active_window_row
from kiosk.staff.permissions import allowed, permission_required


def target_from(hall, scope: str, value) -> Window | Service | None:
    """The Window or Service a form or API call names (404 when missing); ``None`` for the hall."""
    target: Window | Service | None
    if scope == "window":
        try:
            target = window_by_number(hall, int(value))
        except (TypeError, ValueError):
            target = None
    elif scope == "service":
        target = service_by_code(hall, value)
    elif scope == "hall":
        return None
    else:
        raise NoticeError(_("Choose a window, a service or the whole hall."))
    if target is None:
        raise NoticeError(_("There is no such window or service."), 404)
    return target


@bp.get("/suspensions", endpoint="suspensions")
@permission_required("suspension.window")
def suspensions_page():
    """Own window (staff) or every window, service and the hall (supervisors); active ones and today's history."""
    hall = current_hall()
    windows = [(w, active_window_row(w)) for w in hall.windows]
    services = [(s, active_service_row(s)) for s in hall.services]
    own = next(((w, row) for w, row in windows if w.id == current_user.default_window_id), None)
    hall_row = next((row for row in suspensions.active(hall) if row.scope == "hall"), None)
    return render_template("staff/notices/suspensions.html", hall=hall, own=own, windows=windows,
                           services=services, hall_row=hall_row, history=suspensions.today(hall), now_utc=utcnow(),
                           supervisor=allowed(current_user, "suspension.service"))


@bp.post("/suspensions/suspend")
@permission_required("suspension.window")
def suspend():
    """Suspend the window, service or hall named in the form."""
    hall = current_hall()
    form = request.form
    scope = form.get("scope", "")
    try:
        target = target_from(hall, scope, form.get("target"))
        key, text = suspensions.parse_reason(form.get("reason"), form.get("reason_text"))
        until = suspensions.parse_until(form.get("until"), hall)
        suspensions.suspend(hall, scope, target, key, text, until, current_user)
    except NoticeError as error:
        if error.status == 403:
            abort(403)
        flash(str(error))
        return redirect(url_for("notices_staff.suspensions"), 303)
    flash(_("Suspended. Displays show the sign now."))
    return redirect(url_for("notices_staff.suspensions"), 303)


@bp.post("/suspensions/resume")
@permission_required("suspension.window")
def resume():
    """Resume in one touch."""
    hall = current_hall()
    try:
        scope = request.form.get("scope", "")
        suspensions.resume(hall, scope, target_from(hall, scope, request.form.get("target")), current_user)
    except NoticeError as error:
        if error.status == 403:
            abort(403)
        flash(str(error))
        return redirect(url_for("notices_staff.suspensions"), 303)
    flash(_("Resumed."))
    return redirect(url_for("notices_staff.suspensions"), 303)
