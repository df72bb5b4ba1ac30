"""Staff accounts: creation, authentication and the audit of logins and logouts."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import ngettext
from sqlalchemy import select

from kiosk.audit.service import record
from kiosk.errors import KioskError
from kiosk.extensions import db
from kiosk.hall.models import Hall, Region
from kiosk.staff import throttle
from kiosk.staff.models import ROLES, StaffRole, StaffUser
from kiosk.transaction import use_case


class StaffError(KioskError):
    """A staff account operation that cannot be done (bad role, duplicate name …)."""


class LoginRefused(KioskError):
    """Too many failed logins for this account or from this address: the attempt was not checked.

    ``retry_after`` is the number of seconds until the next attempt may be made.
    """

    def __init__(self, refusal: throttle.Refusal):
        if refusal.locked:
            minutes = max(1, -(-refusal.seconds // 60))
            message = ngettext("Too many failed logins: login is locked. Try again in %(num)s minute.",
                               "Too many failed logins: login is locked. Try again in %(num)s minutes.", minutes)
        else:
            message = ngettext("Too many failed logins. Please wait %(num)s second and try again.",
                               "Too many failed logins. Please wait %(num)s seconds and try again.",
                               refusal.seconds)
        super().__init__(message, 429)
        self.retry_after = refusal.seconds


def authenticate(username: str, password: str) -> StaffUser | None:
    """The active user with these credentials, or ``None``."""
    user = db.session.scalar(select(StaffUser).where(StaffUser.username == username.strip()))
    if user is None or not user.active or not user.check_password(password):
        return None
    return user


def attempt_login(username: str, password: str, address: str | None, config: Mapping[str, Any]) -> StaffUser | None:
    """Check a login, throttled per account and per address: the user, ``None`` for a wrong pair.

    Raises :class:`LoginRefused` (the password is not checked) while the account or the address must wait.
    The attempt is counted before the check; a success takes it back and resets the account's count,
    a failure that reaches ``LOGIN_LOCK_AFTER`` is written to the audit log.
    """
    keys = throttle.keys_for(username, address)
    reserved = throttle.reserve(keys, config)
    if isinstance(reserved, throttle.Refusal):
        raise LoginRefused(reserved)
    user = authenticate(username, password)
    if user is not None:
        _login_succeeded(keys)
    else:
        _login_failed(username, reserved, config)
    return user


@use_case
def _login_succeeded(keys: list[str]) -> None:
    throttle.succeeded(keys[0], keys[1:])


@use_case
def _login_failed(username: str, reserved: throttle.Reservation, config: Mapping[str, Any]) -> None:
    locked = [key for key, count in reserved.counts.items() if count == config["LOGIN_LOCK_AFTER"]]
    if locked:
        user = db.session.scalar(select(StaffUser).where(StaffUser.username == username.strip()))
        record("staff.login.lock", username.strip()[:128],
               after={"keys": locked, "failures": config["LOGIN_LOCK_AFTER"],
                      "minutes": config["LOGIN_LOCK_MINUTES"]},
               actor="system", hall_id=user.hall_id if user is not None else None)


@use_case
def record_login(user: StaffUser) -> None:
    """``user`` logged in: written to the audit log."""
    record("staff.login", user.username, user=user)


@use_case
def record_logout(user: StaffUser) -> None:
    """``user`` logged out: written to the audit log; every session of the user ends (copies of the cookie too)."""
    user.end_sessions()
    record("staff.logout", user.username, user=user)


@use_case
def create_user(username: str, password: str, role: str, hall: Hall, *, display_name: str = "",
                default_window_id: int | None = None, actor: str | None = None,
                region: Region | None = None) -> StaffUser:
    """Create (or, when it exists, update) a staff user: one use case; with ``actor``, written to the audit log.

    A region admin needs ``region`` (and ``hall`` one of its halls, where they start working); nobody else has one.
    """
    username = username.strip()
    if role not in ROLES:
        raise StaffError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if (role == StaffRole.REGION_ADMIN) != (region is not None):
        raise StaffError("a region admin needs --region, and only a region admin has one")
    if region is not None and hall.region_id != region.id:
        raise StaffError(f"hall {hall.code} is not in region {region.code}")
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
    user.region_id = region.id if region is not None else None
    user.display_name = display_name or user.display_name or username
    user.default_window_id = default_window_id
    user.active = True
    user.set_password(password)
    user.end_sessions()
    throttle.clear(username)
    if actor is not None:
        record("staff.create", user.username, after={"role": role, **({"region": region.code} if region else {})},
               actor=actor, hall_id=hall.id)
    return user
