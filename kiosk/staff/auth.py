"""Access control: staff sessions (Flask-Login) and API bearer tokens, checked against the permission table."""
from __future__ import annotations

import hashlib
import secrets
from functools import wraps

from flask import g, request
from flask_babel import gettext as _
from sqlalchemy import select

from kiosk.api import api_error
from kiosk.dbtypes import utcnow
from kiosk.extensions import db, login_manager
from kiosk.staff.models import ApiToken, StaffUser
from kiosk.staff.permissions import PERMISSIONS, allowed

#: Session ids longer than this are refused before they reach the database (the columns are 32-bit integers).
MAX_ID_DIGITS = 9


@login_manager.user_loader
def load_user(session_id: str) -> StaffUser | None:
    """The session's user from ``"<id>:<session version>"`` (:meth:`StaffUser.get_id`).

    A session stored with an older version (before a logout, a password change or reset, a disable)
    or without one ends, and so does a disabled user's: they count as logged out.
    """
    user_id, _sep, version = str(session_id).partition(":")
    if not (user_id.isascii() and user_id.isdigit() and version.isascii() and version.isdigit()):
        return None
    if len(user_id) > MAX_ID_DIGITS or len(version) > MAX_ID_DIGITS:
        return None
    user = db.session.get(StaffUser, int(user_id))
    if user is None or not user.active or (user.session_version or 0) != int(version):
        return None
    return user


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(user: StaffUser) -> str:
    """Create an API token for ``user``; the plain token is returned once and never stored."""
    token = secrets.token_urlsafe(32)
    db.session.add(ApiToken(user_id=user.id, digest=_digest(token)))
    db.session.commit()
    return token


def user_for_token(token: str) -> StaffUser | None:
    """The active user owning ``token``, or ``None``."""
    row = db.session.scalar(select(ApiToken).where(ApiToken.digest == _digest(token)))
    if row is None or not row.user.active:
        return None
    row.last_used_at = utcnow()
    return row.user


def api_user() -> StaffUser | None:
    """The user from ``Authorization: Bearer …`` (cached on ``g``), or ``None``."""
    if "api_user" not in g:
        header = request.headers.get("Authorization", "")
        scheme, _sep, token = header.partition(" ")
        g.api_user = user_for_token(token.strip()) if scheme.lower() == "bearer" and token.strip() else None
    return g.api_user


def token_permission(action: str):
    """Decorator for API views: a valid bearer token (401) whose user may take ``action`` (403).

    The request's hall becomes the token user's hall, so the route works on that hall only.
    """
    if action not in PERMISSIONS:
        raise KeyError(action)

    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            user = api_user()
            if user is None:
                return api_error(_("A valid staff token is required."), 401)
            if not allowed(user, action):
                return api_error(_("Your role does not allow this action."), 403)
            g.hall = user.hall
            return view(*args, **kwargs)

        wrapped.permission = action  # type: ignore[attr-defined]
        return wrapped

    return decorate
