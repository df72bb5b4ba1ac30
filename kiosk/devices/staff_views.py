"""Staff console: administrators register, pair, rename and revoke their hall's devices (``/staff/devices``).

Thin views over :mod:`kiosk.devices.pairing`. A pairing code is shown once, on the page that
answers the request that made it (never in a URL or a flashed message).
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from kiosk.devices import pairing
from kiosk.devices.errors import DeviceError
from kiosk.hall.models import DeviceKind, Hall
from kiosk.staff.permissions import permission_required

bp = Blueprint("devices_staff", __name__, url_prefix="/staff")

KINDS = tuple(DeviceKind)


def _page(hall: Hall, *, code: str | None = None, coded=None, error: DeviceError | None = None,
          form: dict | None = None, status: int = 200):
    return render_template("staff/devices.html", hall=hall, devices=pairing.devices_of(hall), kinds=KINDS,
                           windows=hall.windows, code=code, coded=coded, error=error, form=form or {},
                           code_minutes=pairing.CODE_MINUTES), status


def _device_or_404(hall: Hall, device_id: int):
    device = pairing.device_of_hall(hall, device_id)
    if device is None:
        abort(404)
    return device


@bp.get("/devices")
@permission_required("devices.manage")
def index():
    """The hall's devices, when each was last seen, and the form for a new one."""
    return _page(current_user.hall)


@bp.post("/devices")
@permission_required("devices.manage")
def register():
    """Register a device (or update one of that name) and show its one-time pairing code."""
    hall, form = current_user.hall, request.form
    try:
        device, code = pairing.register(hall, form.get("name"), form.get("kind"), form.get("printer") or "file",
                                        form.get("window"))
    except DeviceError as error:
        kept = {key: form.get(key, "") for key in ("name", "kind", "printer", "window")}
        return _page(hall, error=error, form=kept, status=error.status)
    return _page(hall, code=code, coded=device)


@bp.post("/devices/<int:device_id>/code")
@permission_required("devices.manage")
def new_code(device_id: int):
    """A new one-time pairing code for a device (to pair a replaced screen, or after a revocation)."""
    hall = current_user.hall
    device = _device_or_404(hall, device_id)
    return _page(hall, code=pairing.new_code(device), coded=device)


@bp.post("/devices/<int:device_id>/rename")
@permission_required("devices.manage")
def rename(device_id: int):
    """Rename a device."""
    hall = current_user.hall
    device = _device_or_404(hall, device_id)
    try:
        pairing.rename(device, request.form.get("name"))
    except DeviceError as error:
        return _page(hall, error=error, status=error.status)
    flash(_("Device renamed to %(name)s.", name=device.name))
    return redirect(url_for("devices_staff.index"), 303)


@bp.post("/devices/<int:device_id>/revoke")
@permission_required("devices.manage")
def revoke(device_id: int):
    """Revoke a device: its browser is unknown from the next request on."""
    device = _device_or_404(current_user.hall, device_id)
    pairing.revoke(device)
    flash(_("Device %(name)s revoked. It must be paired again before it can be used.", name=device.name))
    return redirect(url_for("devices_staff.index"), 303)
