"""Staff accounts: creation, authentication and the audit of logins and logouts."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.audit.service import record
from kiosk.errors import KioskError
from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.staff.models import ROLES, StaffUser
from kiosk.transaction import use_case


class StaffError(KioskError):
    """A staff account operation that cannot be done (bad role, duplicate name …)."""


def authenticate(username: str, password: str) -> StaffUser | None:
    """The active user with these credentials, or ``None``."""
    user = db.session.scalar(select(StaffUser).where(StaffUser.username == username.strip()))
    if user is None or not user.active or not user.check_password(password):
        return None
    return user


@use_case
def record_login(user: StaffUser) -> None:
    """``user`` logged in: written to the audit log."""
    record("staff.login", user.username, user=user)


@use_case
def record_logout(user: StaffUser) -> None:
    """``user`` logged out: written to the audit log."""
    record("staff.logout", user.username, user=user)


@use_case
def create_user(username: str, password: str, role: str, hall: Hall, *, display_name: str = "",
                default_window_id: int | None = None, actor: str | None = None) -> StaffUser:
    """Create (or, when it exists, update) a staff user: one use case; with ``actor``, written to the audit log."""
    username = username.strip()
    if role not in ROLES:
        raise StaffError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if not username or len(username) > 64:
        raise StaffError("a username of 1 to 64 characters is required")
    if len(password) < 8:
        raise StaffError("the password must have at least 8 characters")
    user = db.session.scalar(select(StaffUser).where(StaffUser.username == username))
    if user is None:
        user = StaffUser(username=username, hall_id=hall.id)
        db.session.add(user)
    user.role = role
    user.hall_id = hall.id
    user.display_name = display_name or user.display_name or username
    user.default_window_id = default_window_id
    user.active = True
    user.set_password(password)
    if actor is not None:
        record("staff.create", user.username, after={"role": role}, actor=actor, hall_id=hall.id)
    return user
