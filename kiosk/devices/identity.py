"""Recognising the paired device a request comes from, and what an unpaired browser may do.

``identify`` runs before every request: it reads the device's secret cookie and keeps the device in
``g.device`` (see :func:`kiosk.hall.service.current_device`). With ``KIOSK_UNPAIRED=deny``,
``refuse_unpaired`` then turns unpaired browsers away from the kiosk and display pages (they get the
pairing screen) and from the ticket, bill and print APIs (401). Staff signed in to the console,
API tokens and customers' phones following their ticket (``/t/…``) are not devices and pass.
"""
from __future__ import annotations

from flask import current_app, g, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import DatabaseError

from kiosk.api import api_error
from kiosk.devices import pairing
from kiosk.extensions import db
from kiosk.staff.auth import api_user
from kiosk.validation import storable

#: Pages only a paired device may open under ``KIOSK_UNPAIRED=deny`` (the pairing screen is shown instead).
DEVICE_PAGES = ("/kiosk", "/display")
#: API routes only a paired device (or a staff token) may call under ``KIOSK_UNPAIRED=deny``.
DEVICE_APIS = ("/api/v1/tickets", "/api/v1/bills")
#: The policy values of ``KIOSK_UNPAIRED``.
POLICIES = ("allow", "deny")


def identify() -> None:
    """``before_request``: the paired device holding the request's secret cookie goes into ``g.device``."""
    secret = request.cookies.get(pairing.SECRET_COOKIE)
    device = None
    if secret and storable(secret) and request.endpoint != "static":  # stylesheets and scripts need no device
        try:
            device = pairing.device_for_secret(secret)
            if device is not None:
                pairing.note_seen(device)
        except DatabaseError:  # schema not created yet
            db.session.rollback()
            device = None
    g.device = device


def _is_staff_or_token() -> bool:
    """Whether a signed-in staff member or a valid API token makes the request."""
    return bool(current_user and current_user.is_authenticated) or api_user() is not None


def refuse_unpaired():
    """``before_request``: under ``KIOSK_UNPAIRED=deny``, the pairing screen or a 401 for unpaired browsers."""
    if current_app.config["UNPAIRED"] != "deny" or g.get("device") is not None:
        return None
    path = request.path
    if path.startswith(DEVICE_APIS) or (path.startswith("/kiosk/") and path.endswith("/print")):
        if _is_staff_or_token():
            return None
        return api_error(_("This device is not paired with the hall. Ask an administrator for a pairing code."),
                         401)
    if path.startswith(DEVICE_PAGES) and not _is_staff_or_token():
        return render_template("devices/pair.html", code="", error=None), 401
    return None
