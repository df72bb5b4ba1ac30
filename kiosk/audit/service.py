"""Writing to the audit log (in the caller's transaction)."""
from __future__ import annotations

from flask import has_request_context
from flask_login import current_user

from kiosk.audit.models import AuditLog
from kiosk.extensions import db


def record(action: str, target: str = "", *, before: dict | None = None, after: dict | None = None,
           user=None, hall_id: int | None = None, actor: str | None = None) -> AuditLog:
    """Append an audit entry to the current session (committed with the caller's change).

    ``user`` defaults to the logged-in staff user; CLI callers pass ``actor="cli"``.
    """
    if user is None and has_request_context() and current_user and current_user.is_authenticated:
        user = current_user
    entry = AuditLog(
        action=action,
        target=target,
        before=before,
        after=after,
        user_id=getattr(user, "id", None),
        actor=actor or getattr(user, "username", None) or "system",
        hall_id=hall_id if hall_id is not None else getattr(user, "hall_id", None),
    )
    db.session.add(entry)
    return entry
