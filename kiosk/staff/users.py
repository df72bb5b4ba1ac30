"""Staff user administration: plain functions over ``db.session`` (no request, no templates).

Every write function validates all of its input before it changes anything and is one use case: it
writes its audit record (never a password or a hash) and commits, or on :class:`UserError` rolls back,
so an action is saved completely or not at all.
"""
from __future__ import annotations

import re
import unicodedata

from flask_babel import gettext as _
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from kiosk.audit.service import record
from kiosk.errors import KioskError
from kiosk.extensions import db
from kiosk.hall.models import Hall, Window
from kiosk.staff import throttle
from kiosk.staff.models import HALL_ROLES, ApiToken, StaffRole, StaffUser
from kiosk.transaction import use_case

USERNAME_PATTERN = re.compile(r"[A-Za-z0-9._-]{3,64}", re.ASCII)
DISPLAY_NAME_MAX = 128
PASSWORD_MIN = 8
PASSWORD_MAX = 256
#: Window numbers are small; longer input is refused before it reaches the database.
WINDOW_NUMBER_DIGITS = 6


class UserError(KioskError):
    """An action that cannot be done; ``str(error)`` is the translated message.

    ``status`` is the HTTP status for the view (400 bad input, 422 refused by a rule,
    404 not found); ``fields`` maps form field names to their own message.
    """

    def __init__(self, message: str, status: int = 400, fields: dict[str, str] | None = None):
        super().__init__(str(message), status)
        self.fields = dict(fields or {})


# --- reading --------------------------------------------------------------------------------------


def users_of(hall: Hall) -> list[StaffUser]:
    """The hall's users by username (region admins working in the hall are the region's, not listed)."""
    return list(db.session.scalars(select(StaffUser).where(StaffUser.hall_id == hall.id,
                                                           StaffUser.role != StaffRole.REGION_ADMIN.value)
                                   .order_by(StaffUser.username)))


def token_counts(hall: Hall) -> dict[int, int]:
    """``{user id: number of API tokens}`` for the hall's users that have any."""
    rows = db.session.execute(
        select(ApiToken.user_id, func.count(ApiToken.id))
        .join(StaffUser, StaffUser.id == ApiToken.user_id)
        .where(StaffUser.hall_id == hall.id)
        .group_by(ApiToken.user_id)
    )
    return {user_id: count for user_id, count in rows}


def token_count(user: StaffUser) -> int:
    """How many API tokens ``user`` has."""
    return db.session.scalar(select(func.count(ApiToken.id)).where(ApiToken.user_id == user.id)) or 0


def snapshot(user: StaffUser) -> dict:
    """The audited state of a user (never the password hash)."""
    return {
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role,
        "default_window": user.default_window.number if user.default_window else None,
        "active": bool(user.active),
    }


# --- validation -----------------------------------------------------------------------------------


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _check_username(value, problems: dict[str, str]) -> str:
    username = _text(value)
    if not USERNAME_PATTERN.fullmatch(username):
        problems["username"] = _("A username has 3 to 64 characters: letters, digits, dots (.), "
                                 "underscores (_) or hyphens (-).")
    return username


def _check_display_name(value, problems: dict[str, str]) -> str:
    name = _text(value)
    if not name:
        problems["display_name"] = _("Enter a display name.")
    elif len(name) > DISPLAY_NAME_MAX:
        problems["display_name"] = _("A display name has at most %(n)s characters.", n=DISPLAY_NAME_MAX)
    elif any(unicodedata.category(char) == "Cc" for char in name):
        problems["display_name"] = _("A display name cannot contain control characters.")
    return name


def _check_role(value, problems: dict[str, str]) -> str:
    role = _text(value)
    if role not in HALL_ROLES:
        problems["role"] = _("Choose one of the roles.")
    return role


def _check_window(hall: Hall, value, problems: dict[str, str]) -> Window | None:
    """``value`` is a window number ("" or ``None`` for no window)."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    text = _text(value)
    if not text:
        return None
    window = None
    if text.isascii() and text.isdigit() and len(text) <= WINDOW_NUMBER_DIGITS:
        window = db.session.scalar(select(Window).where(Window.hall_id == hall.id, Window.number == int(text)))
    if window is None:
        problems["default_window"] = _("Choose one of this hall's windows, or no window.")
    return window


def _check_password(password, confirm, problems: dict[str, str]) -> str:
    password = password if isinstance(password, str) else ""
    confirm = confirm if isinstance(confirm, str) else ""
    if len(password) < PASSWORD_MIN:
        problems["password"] = _("A password has at least %(n)s characters.", n=PASSWORD_MIN)
    elif len(password) > PASSWORD_MAX:
        problems["password"] = _("A password has at most %(n)s characters.", n=PASSWORD_MAX)
    elif password != confirm:
        problems["password_confirm"] = _("The two passwords are not the same. Type the new password twice.")
    return password


def account_problems(username, password, password_confirm) -> dict[str, str]:
    """What is wrong with a new account's username and password (typed twice), by form field; empty when fine."""
    problems: dict[str, str] = {}
    username = _check_username(username, problems)
    _check_password(password, password_confirm, problems)
    if "username" not in problems and _username_taken(username):
        problems["username"] = _taken_error(username).message
    return problems


def _raise(problems: dict[str, str], status: int = 400) -> None:
    if problems:
        messages = list(problems.values())
        message = messages[0] if len(messages) == 1 else " ".join(messages)
        raise UserError(message, status, problems)


def _username_taken(username: str) -> bool:
    return db.session.scalar(
        select(StaffUser.id).where(func.lower(StaffUser.username) == username.lower()).limit(1)
    ) is not None


def _taken_error(username: str) -> UserError:
    message = _("The username “%(name)s” is taken. Choose another one.", name=username)
    return UserError(message, 422, {"username": message})


def _same_hall(user: StaffUser, actor: StaffUser | None) -> None:
    """Refuse (404) a user of another hall, and a region admin (theirs is the region's account, not the hall's)."""
    if actor is not None and (actor.hall_id != user.hall_id or user.role == StaffRole.REGION_ADMIN):
        raise UserError(_("This user does not exist."), 404)


def _keep_an_admin(user: StaffUser) -> None:
    """Refuse when ``user`` is the hall's only active administrator.

    The hall's active admins are locked (``FOR UPDATE`` where the database has it) so two
    admins removing each other at the same moment cannot both succeed.
    """
    admins = db.session.scalars(
        select(StaffUser.id)
        .where(StaffUser.hall_id == user.hall_id, StaffUser.role == "admin", StaffUser.active.is_(True))
        .with_for_update()
    ).all()
    if not any(admin_id != user.id for admin_id in admins):
        raise UserError(_("The hall must keep at least one active administrator. Make another user an "
                          "administrator first."), 422)


def _audit(action: str, user: StaffUser, actor: StaffUser | None, *, before: dict | None = None,
           after: dict | None = None) -> None:
    record(action, user.username, before=before, after=after, user=actor, hall_id=user.hall_id)


# --- changes --------------------------------------------------------------------------------------


@use_case
def create(hall: Hall, actor: StaffUser | None, *, username, display_name, role, default_window,
           password, password_confirm) -> StaffUser:
    """Add an active user to ``hall``; ``default_window`` is a window number or empty."""
    problems: dict[str, str] = {}
    username = _check_username(username, problems)
    display_name = _check_display_name(display_name, problems)
    role = _check_role(role, problems)
    window = _check_window(hall, default_window, problems)
    password = _check_password(password, password_confirm, problems)
    _raise(problems)
    if _username_taken(username):
        raise _taken_error(username)
    user = StaffUser(username=username, display_name=display_name, role=role, hall_id=hall.id, active=True)
    user.default_window = window
    user.set_password(password)
    db.session.add(user)
    try:
        db.session.flush()
    except IntegrityError as error:  # taken between the check and the insert
        raise _taken_error(username) from error
    _audit("staff.user.create", user, actor, after=snapshot(user))
    return user


@use_case
def update(user: StaffUser, actor: StaffUser | None, *, display_name, role, default_window) -> bool:
    """Change display name, role and default window; ``False`` when nothing changed."""
    _same_hall(user, actor)
    problems: dict[str, str] = {}
    display_name = _check_display_name(display_name, problems)
    role = _check_role(role, problems)
    window = _check_window(user.hall, default_window, problems)
    _raise(problems)
    if user.role == "admin" and role != "admin":
        if actor is not None and actor.id == user.id:
            message = _("You cannot take away your own administrator role. Ask another administrator.")
            raise UserError(message, 422, {"role": message})
        if user.active:
            _keep_an_admin(user)
    before = snapshot(user)
    user.display_name, user.role, user.default_window = display_name, role, window
    after = snapshot(user)
    changed = [key for key in after if after[key] != before[key]]
    if not changed:
        return False
    _audit("staff.user.update", user, actor, before={key: before[key] for key in changed},
           after={key: after[key] for key in changed})
    return True


@use_case
def set_password(user: StaffUser, actor: StaffUser | None, password, password_confirm) -> None:
    """Give ``user`` a new password (typed twice); every open session of ``user`` ends, failed logins are forgotten."""
    _same_hall(user, actor)
    problems: dict[str, str] = {}
    password = _check_password(password, password_confirm, problems)
    _raise(problems)
    user.set_password(password)
    user.end_sessions()
    throttle.clear(user.username)
    _audit("staff.user.password", user, actor, after={"password_changed": True})


@use_case
def set_active(user: StaffUser, actor: StaffUser | None, active: bool) -> bool:
    """Enable or disable ``user``; ``False`` when it already was so.

    A disabled user cannot log in, loses any open session and their API tokens stop working.
    """
    _same_hall(user, actor)
    active = bool(active)
    if bool(user.active) == active:
        return False
    if not active:
        if actor is not None and actor.id == user.id:
            raise UserError(_("You cannot disable your own account. Ask another administrator."), 422)
        if user.role == "admin":
            _keep_an_admin(user)
    before = {"active": bool(user.active)}
    user.active = active
    if not active:
        user.end_sessions()  # enabling again does not bring old sessions back
    _audit("staff.user.enable" if active else "staff.user.disable", user, actor, before=before,
           after={"active": active})
    return True


@use_case
def revoke_tokens(user: StaffUser, actor: StaffUser | None) -> int:
    """Delete all of ``user``'s API tokens; returns how many there were."""
    _same_hall(user, actor)
    count = token_count(user)
    if count:
        db.session.execute(delete(ApiToken).where(ApiToken.user_id == user.id))
        _audit("staff.user.revoke_tokens", user, actor, before={"tokens": count}, after={"tokens": 0})
    return count
