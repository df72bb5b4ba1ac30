"""The kiosk home screen and its shell (language, elder mode, idle reset, device cookie)."""
from flask import Flask, request, session

DEVICE_COOKIE = "kiosk_device"
DEVICE_COOKIE_SECONDS = 10 * 365 * 24 * 3600


def remember_device(response):
    """``after_request``: ``?device=NAME`` of a registered device is kept in a long-lived cookie.

    A kiosk or display is pointed once at ``/kiosk?device=kiosk-1``; later requests (and the
    idle reset, which clears the session) still know which device, hall and printer it is.
    """
    name = request.args.get("device")
    if name and request.cookies.get(DEVICE_COOKIE) != name:
        from kiosk.hall.service import current_device

        if current_device() is not None:
            response.set_cookie(DEVICE_COOKIE, name, max_age=DEVICE_COOKIE_SECONDS, httponly=True, samesite="Lax")
    return response


def init_app(app: Flask) -> None:
    from kiosk.home.views import bp

    app.register_blueprint(bp)
    app.after_request(remember_device)

    @app.context_processor
    def kiosk_shell():
        return {"elder_mode": bool(session.get("elder")), "idle_seconds": app.config["IDLE_SECONDS"]}
