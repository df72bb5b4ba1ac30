"""Staff login, logout and the console home."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from kiosk.security import safe_path
from kiosk.staff.forms import LoginForm
from kiosk.staff.service import authenticate, record_login, record_logout

bp = Blueprint("staff", __name__, url_prefix="/staff")


@bp.route("", methods=["GET"])
def home():
    """The console home after login, the login form before it."""
    if not current_user.is_authenticated:
        return redirect(url_for("staff.login"))
    return render_template("staff/home.html", user=current_user)


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Log in with username and password; a wrong pair gets one message and 401."""
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.username.data, form.password.data)
        if user is None:
            return render_template("staff/login.html", form=form,
                                   error=_("Wrong username or password.")), 401
        session.permanent = True
        login_user(user)
        record_login(user)
        return redirect(_safe_next() or url_for("staff.home"))
    status = 400 if request.method == "POST" else 200
    return render_template("staff/login.html", form=form, error=None), status


@bp.post("/logout")
@login_required
def logout():
    """End the staff session."""
    record_logout(current_user)
    logout_user()
    session.clear()
    flash(_("You have logged out."))
    return redirect(url_for("staff.login"))


def _safe_next() -> str | None:
    target = safe_path(request.args.get("next"))
    return target if target is not None and target.startswith("/staff") else None
