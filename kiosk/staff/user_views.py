"""Staff console: administrators maintain the staff users of their own hall; supervisors assign windows.

Thin views: parse the form, call :mod:`kiosk.staff.users`, commit or roll back, render.
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_user

from kiosk.extensions import db
from kiosk.staff import users
from kiosk.staff.models import HALL_ROLES, StaffRole, StaffUser
from kiosk.staff.permissions import permission_required

bp = Blueprint("staff_users", __name__, url_prefix="/staff/users")

#: Ids beyond this are not looked up (SQLite cannot even bind them).
MAX_ID = 2**31 - 1
#: The form fields kept when a form is shown again after an error (never the passwords).
KEPT_FIELDS = ("username", "display_name", "role", "default_window")


def _own(user_id: int) -> StaffUser:
    """The user ``user_id`` of the current admin's hall, else 404."""
    user = db.session.get(StaffUser, user_id) if 0 < user_id <= MAX_ID else None
    if user is None or user.hall_id != current_user.hall_id or user.role == StaffRole.REGION_ADMIN:
        abort(404)
    return user


def _kept_form() -> dict:
    return {key: request.form.get(key, "") for key in KEPT_FIELDS}


def _index_page(form: dict | None = None, error: users.UserError | None = None, status: int = 200):
    hall = current_user.hall
    return render_template("staff/users/index.html", hall=hall, users=users.users_of(hall),
                           tokens=users.token_counts(hall), windows=hall.windows, roles=HALL_ROLES,
                           form=form or {}, error=error, password_min=users.PASSWORD_MIN), status


def _edit_page(user: StaffUser, section: str | None = None, error: users.UserError | None = None,
               form: dict | None = None, status: int = 200):
    hall = current_user.hall
    return render_template("staff/users/edit.html", hall=hall, user=user, windows=hall.windows, roles=HALL_ROLES,
                           tokens=users.token_count(user), section=section, error=error,
                           form=form or {}, password_min=users.PASSWORD_MIN), status


def _done(user: StaffUser, message: str):
    flash(message)
    return redirect(url_for("staff_users.edit", user_id=user.id), 303)


@bp.get("")
@permission_required("users.admin")
def index():
    """The hall's users and the form for a new one."""
    return _index_page()


@bp.post("")
@permission_required("users.admin")
def create():
    """Add a user to the admin's hall."""
    form = request.form
    try:
        user = users.create(current_user.hall, current_user, username=form.get("username"),
                            display_name=form.get("display_name"), role=form.get("role"),
                            default_window=form.get("default_window"), password=form.get("password"),
                            password_confirm=form.get("password_confirm"))
    except users.UserError as error:
        return _index_page(_kept_form(), error, error.status)
    return _done(user, _("User %(name)s created.", name=user.username))


@bp.get("/<int:user_id>")
@permission_required("users.admin")
def edit(user_id: int):
    """One user: details, password, enable or disable, API tokens."""
    return _edit_page(_own(user_id))


@bp.post("/<int:user_id>")
@permission_required("users.admin")
def update(user_id: int):
    """Save display name, role and default window."""
    user, form = _own(user_id), request.form
    try:
        changed = users.update(user, current_user, display_name=form.get("display_name"), role=form.get("role"),
                               default_window=form.get("default_window"))
    except users.UserError as error:
        return _edit_page(_own(user_id), "details", error, _kept_form(), error.status)
    return _done(user, _("Changes to %(name)s saved.", name=user.username) if changed else _("Nothing changed."))


@bp.post("/<int:user_id>/password")
@permission_required("users.admin")
def password(user_id: int):
    """Set a new password (typed twice)."""
    user, form = _own(user_id), request.form
    try:
        users.set_password(user, current_user, form.get("password"), form.get("password_confirm"))
    except users.UserError as error:
        return _edit_page(_own(user_id), "password", error, status=error.status)
    if user.id == current_user.id:
        login_user(user)  # this session carries the new session version; the user's other sessions end
    return _done(user, _("New password for %(name)s saved.", name=user.username))


@bp.post("/<int:user_id>/disable")
@permission_required("users.admin")
def disable(user_id: int):
    """Disable the user: no login, no session, no API token."""
    return _set_active(user_id, False)


@bp.post("/<int:user_id>/enable")
@permission_required("users.admin")
def enable(user_id: int):
    """Enable the user again."""
    return _set_active(user_id, True)


def _set_active(user_id: int, active: bool):
    user = _own(user_id)
    try:
        changed = users.set_active(user, current_user, active)
    except users.UserError as error:
        return _edit_page(_own(user_id), "status", error, status=error.status)
    if not changed:
        message = _("Nothing changed.")
    elif active:
        message = _("%(name)s is enabled again.", name=user.username)
    else:
        message = _("%(name)s is disabled.", name=user.username)
    return _done(user, message)


@bp.post("/<int:user_id>/tokens/revoke")
@permission_required("users.admin")
def revoke_tokens(user_id: int):
    """Delete all of the user's API tokens."""
    user = _own(user_id)
    try:
        count = users.revoke_tokens(user, current_user)
    except users.UserError as error:
        return _edit_page(_own(user_id), "tokens", error, status=error.status)
    if count:
        message = ngettext("%(num)s API token of %(name)s revoked.", "%(num)s API tokens of %(name)s revoked.",
                           count, name=user.username)
    else:
        message = _("%(name)s has no API tokens.", name=user.username)
    return _done(user, message)


@bp.get("/windows")
@permission_required("users.assign_window")
def windows():
    """Which window each member of the hall's staff works at (supervisors and admins)."""
    hall = current_user.hall
    return render_template("staff/users/windows.html", hall=hall, users=users.users_of(hall), windows=hall.windows)


@bp.post("/<int:user_id>/window")
@permission_required("users.assign_window")
def assign_window(user_id: int):
    """Make a window (or none) the user's own window: the only one a staff member may operate."""
    user = _own(user_id)
    try:
        users.update(user, current_user, display_name=user.display_name, role=user.role,
                     default_window=request.form.get("default_window"))
    except users.UserError as error:
        flash(error.message, "error")
        return redirect(url_for("staff_users.windows"), 303)
    if user.default_window is not None:
        flash(_("%(name)s now works at window %(n)s.", name=user.username, n=user.default_window.number))
    else:
        flash(_("%(name)s has no window now.", name=user.username))
    return redirect(url_for("staff_users.windows"), 303)
