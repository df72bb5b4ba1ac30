"""``/pair``: the screen where a kiosk or display is paired with the hall by a one-time code."""
from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _

from kiosk.devices import pairing
from kiosk.devices.errors import DeviceError
from kiosk.hall.models import DeviceKind
from kiosk.ratelimit import allowed_for_all, client_keys

bp = Blueprint("devices", __name__)

#: Wrong codes an address may try per minute.
ATTEMPTS_PER_MINUTE = 10
#: Where each kind of device goes once paired.
START_PAGES = {DeviceKind.KIOSK: "home.index", DeviceKind.DISPLAY: "display.wall"}


def _start_url(device) -> str:
    if device.kind in (DeviceKind.COUNTER, DeviceKind.TABLET) and device.window is not None:
        endpoint = "display.counter" if device.kind == DeviceKind.COUNTER else "display.rate"
        return url_for(endpoint, number=device.window.number)
    return url_for(START_PAGES.get(DeviceKind(device.kind), "home.index"))


@bp.get("/pair")
def pair_form():
    """The pairing screen; ``?code=`` fills in the code (the page then sends it by itself)."""
    code = request.args.get("code", "")
    code = code if isinstance(code, str) and len(code) <= 32 and code.isascii() else ""
    return render_template("devices/pair.html", code=code, error=None)


@bp.post("/pair")
def pair():
    """Pair this browser with the device whose code was entered; store its secret in an HttpOnly cookie."""
    code = request.form.get("code", "")
    if not allowed_for_all(client_keys("pair"), ATTEMPTS_PER_MINUTE):
        return render_template("devices/pair.html", code="",
                               error=_("Too many attempts. Please wait a minute and try again.")), 429
    try:
        device, secret = pairing.pair(code)
    except DeviceError as error:
        return render_template("devices/pair.html", code="", error=str(error)), error.status
    response = redirect(_start_url(device), 303)
    response.set_cookie(pairing.SECRET_COOKIE, secret, max_age=pairing.SECRET_COOKIE_SECONDS, httponly=True,
                        samesite="Lax", secure=bool(current_app.config.get("HTTPS")), path="/")
    return response
