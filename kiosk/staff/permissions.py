"""Who may do what: one table of role × action × scope that every staff page and API route consults.

Each action names one staff capability. For each role the table gives the widest scope in which the
role may take that action, or no entry when it may not take it at all:

* ``own_window``: only at the user's own window, their ``default_window`` (a staff member works at
  another window once a supervisor or admin assigns it to them, ``users.assign_window``);
* ``own_hall``: anywhere in the user's hall (for a region admin: the hall they currently work in,
  chosen with ``/staff/region/hall``);
* ``own_region``: in every hall of the user's region (a region admin's);
* ``any_hall``: in every hall (only for content every hall shares: tariffs, fees, guides, late-fee rules).

Nobody acts in another hall: staff pages and staff API routes work in the user's hall (the decorators
set it as the request's hall), so another hall's windows, notices, opinions, users or print jobs are
not found there (404); a direct check against another hall's object answers 403.
"""
from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from functools import wraps
from types import MappingProxyType

from flask import abort, g
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from kiosk.errors import KioskError
from kiosk.hall.models import Hall, Window
from kiosk.staff.models import StaffRole


class Scope(StrEnum):
    """Where a role may take an action, from narrowest to widest."""

    OWN_WINDOW = "own_window"
    OWN_HALL = "own_hall"
    OWN_REGION = "own_region"
    ANY_HALL = "any_hall"


#: The scopes in order of width.
SCOPES: tuple[Scope, ...] = tuple(Scope)

STAFF, SUPERVISOR, ADMIN = StaffRole.STAFF, StaffRole.SUPERVISOR, StaffRole.ADMIN
WINDOW, HALL, REGION, ANY = Scope.OWN_WINDOW, Scope.OWN_HALL, Scope.OWN_REGION, Scope.ANY_HALL


def _row(**scopes: Scope) -> Mapping[StaffRole, Scope]:
    """A row of the table; a region admin may do what an admin may, in the hall they currently work in."""
    if "admin" in scopes and "region_admin" not in scopes:
        scopes["region_admin"] = scopes["admin"]
    return MappingProxyType({StaffRole(role): scope for role, scope in scopes.items()})


#: action → {role: widest scope}. A role without an entry may not take the action.
PERMISSIONS: Mapping[str, Mapping[StaffRole, Scope]] = MappingProxyType({
    # queue console and API: open, close, call next, recall, skip, transfer, finish, requeue
    "window.operate": _row(staff=WINDOW, supervisor=HALL, admin=HALL),
    "window.view": _row(staff=HALL, supervisor=HALL, admin=HALL),
    "stats.view": _row(supervisor=HALL, admin=HALL),
    # suspensions (the page itself needs suspension.window)
    "suspension.window": _row(staff=WINDOW, supervisor=HALL, admin=HALL),
    "suspension.service": _row(supervisor=HALL, admin=HALL),
    "suspension.hall": _row(supervisor=HALL, admin=HALL),
    # notice board, opinion book, callback requests
    "notices.publish": _row(supervisor=HALL, admin=HALL),
    "opinions.reply": _row(staff=HALL, supervisor=HALL, admin=HALL),
    "callbacks.handle": _row(staff=HALL, supervisor=HALL, admin=HALL),
    # printing
    "printjobs.view": _row(staff=HALL, supervisor=HALL, admin=HALL),
    "printjobs.reprint": _row(staff=HALL, supervisor=HALL, admin=HALL),
    # guides: printed letters, the applications' progress, applications pushed by the utility's systems
    "letters.view": _row(staff=HALL, supervisor=HALL, admin=HALL),
    "applications.view": _row(staff=HALL, supervisor=HALL, admin=HALL),
    "applications.import": _row(staff=HALL, supervisor=HALL, admin=HALL),
    # content shared by every hall
    "guides.admin": _row(admin=ANY),
    "tariffs.admin": _row(admin=ANY),
    "late_fees.edit": _row(admin=ANY),
    # staff accounts of the hall; which window each member works at (their own window)
    "users.admin": _row(admin=HALL),
    "users.assign_window": _row(supervisor=HALL, admin=HALL),
    # the hall's kiosks and displays: register, pair, rename, revoke
    "devices.manage": _row(admin=HALL),
    # voice calls: recordings that replace default clips, voice languages, volume, quiet hours
    "voice.manage": _row(admin=HALL),
    # the wall displays' playlist: upload, order, edit and retire slides
    "media.manage": _row(supervisor=HALL, admin=HALL),
    # the hall's own setup: profile, hours, services, windows (hall administration)
    "hall.admin": _row(admin=HALL),
    # the region: overview and statistics of its halls (an admin sees their own hall's row); moving between them
    "region.view": _row(admin=HALL, region_admin=REGION),
    "region.switch_hall": _row(region_admin=REGION),
})

#: Messages for a refusal, by action (the 403 page or the API's ``{"error": …}``).
DENIED: Mapping[str, object] = MappingProxyType({
    "window.operate": _l("You may only work at your own window; a supervisor can assign you another one."),
    "suspension.window": _l("You may only suspend or resume your own window."),
    "suspension.service": _l("Only a supervisor may suspend or resume a service or the whole hall."),
    "suspension.hall": _l("Only a supervisor may suspend or resume a service or the whole hall."),
})


class PermissionDenied(KioskError):
    """The user's role or scope does not allow this action here (403)."""

    status_code = 403


def scope_of(user, action: str) -> Scope | None:
    """The widest scope in which ``user`` may take ``action``, or ``None`` (unknown actions raise ``KeyError``)."""
    grants = PERMISSIONS[action]
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "active", False):
        return None
    try:
        role = StaffRole(user.role)
    except ValueError:
        return None
    return grants.get(role)


def allowed(user, action: str, *, window: Window | None = None, hall: Hall | None = None) -> bool:
    """Whether ``user`` may take ``action`` at ``window`` (or in ``hall``).

    Without a window or hall this answers whether the user may take the action anywhere at all
    (what the route decorators check before the view knows its target).
    """
    scope = scope_of(user, action)
    if scope is None:
        return False
    if scope is Scope.ANY_HALL:
        return True
    target = window.hall if window is not None else hall
    if scope is Scope.OWN_REGION:
        return target is None or (user.region_id is not None and target.region_id == user.region_id)
    if target is not None and target.id != user.hall_id:
        return False
    if scope is Scope.OWN_WINDOW and window is not None:
        return user.default_window_id is not None and user.default_window_id == window.id
    return True


def denied_message(action: str) -> str:
    """The translated refusal for ``action``."""
    return str(DENIED.get(action) or _("Your role does not allow this action."))


def check(user, action: str, *, window: Window | None = None, hall: Hall | None = None) -> None:
    """Raise :class:`PermissionDenied` (403, translated message) unless :func:`allowed`."""
    if not allowed(user, action, window=window, hall=hall):
        raise PermissionDenied(denied_message(action))


def permission_required(action: str):
    """Decorator for staff pages: login required (else the login page), ``action`` allowed (else 403).

    The request's hall becomes the user's hall, so the page works on the user's hall only.
    """
    if action not in PERMISSIONS:
        raise KeyError(action)

    def decorate(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not allowed(current_user, action):
                abort(403)
            g.hall = current_user.hall
            return view(*args, **kwargs)

        wrapped.permission = action  # type: ignore[attr-defined]
        return wrapped

    return decorate
