"""How the home feature plugs into the app: its blueprints, commands, hooks and template globals."""
from flask import Flask, Response, request, session

from kiosk.hall.service import current_device
from kiosk.home import views

DEVICE_COOKIE = "kiosk_device"
DEVICE_COOKIE_SECONDS = 10 * 365 * 24 * 3600


def remember_device(response: Response) -> Response:
    """``after_request``: ``?device=NAME`` of a registered device is kept in a long-lived cookie.

    A kiosk or display is pointed once at ``/kiosk?device=kiosk-1``; later requests (and the
    idle reset, which clears the session) still know which device, hall and printer it is.
    """
    name = request.args.get("device")
    if name and request.cookies.get(DEVICE_COOKIE) != name and current_device() is not None:
        response.set_cookie(DEVICE_COOKIE, name, max_age=DEVICE_COOKIE_SECONDS, httponly=True, samesite="Lax")
    return response


def init_app(app: Flask) -> None:
    """Register the home blueprint, the device cookie and the kiosk shell's template values."""
    app.register_blueprint(views.bp)
    app.after_request(remember_device)

    @app.context_processor
    def kiosk_shell():
        return {"elder_mode": bool(session.get("elder")), "idle_seconds": app.config["IDLE_SECONDS"]}
