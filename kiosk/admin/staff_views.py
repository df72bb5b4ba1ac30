"""Staff console for administrators: the hall's setup file (``/staff/admin/hall``) and the form pages.

Thin views over :mod:`kiosk.admin.setup_file` ("Check" lists what would change, "Save" applies it all
or nothing; problems are named by their path in the file, and the text is kept for correction) and
over :mod:`kiosk.admin.console` (profile, hours, services, windows: each form saved whole or not at all,
every bad field shown beside it).
"""
from __future__ import annotations

from collections.abc import Callable

from babel.dates import get_day_names
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from kiosk.admin import console, rules, setup_file
from kiosk.admin.errors import AdminError
from kiosk.extensions import db
from kiosk.hall.models import CalendarDay, Hall, Service, Window
from kiosk.i18n import LOCALES, current_locale_code
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


# --- the form pages -------------------------------------------------------------------------------


def _hall() -> Hall:
    return db.session.get_one(Hall, current_user.hall_id)


def _form_page(template: str, outcome: console.Outcome | None = None, status: int = 200, **context):
    fields = outcome.fields if outcome is not None else {}
    return render_template(f"staff/admin/{template}", hall=_hall(), outcome=outcome, fields=fields,
                           form=request.form if request.method == "POST" else {}, locales=LOCALES,
                           weekdays=rules.WEEKDAYS, day_names=get_day_names("wide", locale=current_locale_code()),
                           **context), status


def _after(outcome: console.Outcome, endpoint: str, message: str, page: Callable, **values):
    if not outcome.ok:
        return page(outcome, 400)
    flash(message)
    return redirect(url_for(endpoint, **values), 303)


def _profile_page(outcome: console.Outcome | None = None, status: int = 200):
    return _form_page("profile.html", outcome, status, zones=sorted(rules.zones()))


@bp.get("/admin/profile")
@permission_required("hall.admin")
def profile():
    """The hall profile: names, addresses, time zone, phones, public URL, reception days, payment link, languages."""
    return _profile_page()


@bp.post("/admin/profile")
@permission_required("hall.admin")
def save_profile():
    """Save the whole profile, or show every bad field with nothing saved."""
    languages = [request.form.get(f"language.{number}", "") for number in range(1, rules.MAX_LANGUAGES + 1)]
    outcome = console.save_profile(_hall(), request.form, languages)
    return _after(outcome, "admin_staff.profile", _("Hall profile saved. Kiosks and displays reload by themselves."),
                  _profile_page)


def _hours_page(outcome: console.Outcome | None = None, status: int = 200):
    hall = _hall()
    return _form_page("hours.html", outcome, status, grid=console.week_to_form(hall.business_hours),
                      exceptions=console.exceptions_to_text(hall.hour_exceptions), preview=console.preview(hall),
                      overrides=list(db.session.scalars(select(CalendarDay).order_by(CalendarDay.day))))


@bp.get("/admin/hours")
@permission_required("hall.admin")
def hours():
    """Weekly hours with lunch breaks, dated exceptions, public holidays, calendar overrides and a 14-day preview."""
    return _hours_page()


@bp.post("/admin/hours")
@permission_required("hall.admin")
def save_hours():
    """Save the weekly hours, exceptions and the public-holiday rule."""
    return _after(console.save_hours(_hall(), request.form), "admin_staff.hours",
                  _("Business hours saved. Kiosks and displays reload by themselves."), _hours_page)


@bp.post("/admin/hours/overrides")
@permission_required("hall.admin")
def add_override():
    """Add or change a dated calendar override (working or not, with a name)."""
    outcome = console.set_override(_hall(), request.form.get("day", ""), request.form.get("working") == "1",
                                   request.form.get("name", ""))
    return _after(outcome, "admin_staff.hours", _("Calendar saved."), _hours_page)


@bp.post("/admin/hours/overrides/remove")
@permission_required("hall.admin")
def remove_override():
    """Remove a calendar override."""
    try:
        outcome = console.remove_override(_hall(), request.form.get("day", ""))
    except AdminError as error:
        abort(error.status)
    return _after(outcome, "admin_staff.hours", _("Calendar saved."), _hours_page)


def _services_page(outcome: console.Outcome | None = None, status: int = 200, editing: Service | None = None):
    hall = _hall()
    return _form_page("services.html", outcome, status, editing=editing,
                      waiting={service.id: console.waiting_today(service) for service in hall.services},
                      grid=console.week_to_form(editing.own_hours if editing is not None else None))


def _service(service_id: int) -> Service:
    service = db.session.get(Service, service_id)
    if service is None or service.hall_id != current_user.hall_id:
        abort(404)
    return service


@bp.get("/admin/services")
@permission_required("hall.admin")
def services():
    """The services in kiosk order with up/down, close/reopen and delete, and the form to add one."""
    return _services_page()


@bp.post("/admin/services")
@permission_required("hall.admin")
def create_service():
    """Add a service."""
    return _after(console.create_service(_hall(), request.form), "admin_staff.services",
                  _("Service saved. Kiosks and displays reload by themselves."), _services_page)


@bp.get("/admin/services/<int:service_id>")
@permission_required("hall.admin")
def service(service_id: int):
    """The form to change a service."""
    return _services_page(editing=_service(service_id))


@bp.post("/admin/services/<int:service_id>")
@permission_required("hall.admin")
def update_service(service_id: int):
    """Save a changed service."""
    target = _service(service_id)
    outcome = console.update_service(_hall(), target, request.form)
    return _after(outcome, "admin_staff.services", _("Service saved. Kiosks and displays reload by themselves."),
                  lambda problems, status: _services_page(problems, status, _service(service_id)))


@bp.post("/admin/services/<int:service_id>/action")
@permission_required("hall.admin")
def service_action(service_id: int):
    """Move a service up or down, close or reopen it, or delete it (refused while tickets wait)."""
    try:
        outcome = console.service_action(_hall(), _service(service_id), request.form.get("action", ""))
    except AdminError as error:
        abort(error.status)
    return _after(outcome, "admin_staff.services", _("Services saved. Kiosks and displays reload by themselves."),
                  _services_page)


def _windows_page(outcome: console.Outcome | None = None, status: int = 200, editing: Window | None = None):
    hall = _hall()
    staff = console.default_staff(editing) if editing is not None else None
    return _form_page("windows.html", outcome, status, editing=editing, staff=console.hall_staff(hall),
                      ranks=console.window_ranks(editing) if editing is not None else {},
                      chosen_staff=staff.id if staff is not None else None,
                      defaults={window.id: console.default_staff(window) for window in hall.windows},
                      window_ranks={window.id: console.window_ranks(window) for window in hall.windows})


def _window(window_id: int) -> Window:
    window = db.session.get(Window, window_id)
    if window is None or window.hall_id != current_user.hall_id:
        abort(404)
    return window


@bp.get("/admin/windows")
@permission_required("hall.admin")
def windows():
    """The windows with their services in order of preference, and the form to add one."""
    return _windows_page()


@bp.post("/admin/windows")
@permission_required("hall.admin")
def create_window():
    """Add a window."""
    return _after(console.create_window(_hall(), request.form), "admin_staff.windows",
                  _("Window saved. Kiosks and displays reload by themselves."), _windows_page)


@bp.get("/admin/windows/<int:window_id>")
@permission_required("hall.admin")
def window(window_id: int):
    """The form to change a window."""
    return _windows_page(editing=_window(window_id))


@bp.post("/admin/windows/<int:window_id>")
@permission_required("hall.admin")
def update_window(window_id: int):
    """Save a changed window."""
    outcome = console.update_window(_hall(), _window(window_id), request.form)
    return _after(outcome, "admin_staff.windows", _("Window saved. Kiosks and displays reload by themselves."),
                  lambda problems, status: _windows_page(problems, status, _window(window_id)))
