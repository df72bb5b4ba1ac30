"""Staff accounts: creation and authentication."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.errors import KioskError
from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.staff.models import ROLES, StaffUser


class StaffError(KioskError):
    """A staff account operation that cannot be done (bad role, duplicate name …)."""


def authenticate(username: str, password: str) -> StaffUser | None:
    """The active user with these credentials, or ``None``."""
    user = db.session.scalar(select(StaffUser).where(StaffUser.username == username.strip()))
    if user is None or not user.active or not user.check_password(password):
        return None
    return user


def create_user(username: str, password: str, role: str, hall: Hall, *, display_name: str = "",
                default_window_id: int | None = None) -> StaffUser:
    """Create (or, when it exists, update) a staff user; the caller commits."""
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
    return user
