"""Errors: the base class every feature's errors extend, and one handler for each kind of error.

A feature raises its own subclass of :class:`KioskError` (a translated message and an HTTP
status). Views that need to keep the user on the same form catch it and show the message;
anything left uncaught becomes the area's error page, or ``{"error": message}`` for the API.
Nothing ever shows a stack trace.
"""
from __future__ import annotations

from flask import Flask, current_app, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from kiosk.api import api_error, wants_json
from kiosk.extensions import db
from kiosk.hall.service import current_hall


class KioskError(ValueError):
    """A user-caused error: ``str(error)`` is the translated message, ``status`` the HTTP status."""

    #: The HTTP status when none is given.
    status_code = 400

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(str(message))
        self.message = str(message)
        self.status = status if status is not None else self.status_code


MESSAGES = {
    400: _l("The request could not be understood. Please go back and try again."),
    401: _l("Please log in first."),
    403: _l("Your role does not allow this page or action."),
    404: _l("This page does not exist."),
    405: _l("This action is not available here."),
    413: _l("The file or form is too large."),
    429: _l("Too many requests. Please wait a minute and try again."),
    500: _l("Something went wrong on our side. Please try again or ask the staff for help."),
    503: _l("The service is not available right now. Please ask the staff for help."),
}
HALL_NOT_CONFIGURED = _l("No business hall is set up yet. Run “flask --app app init-db” and "
                         "“flask --app app seed-demo”, or set KIOSK_DEFAULT_HALL.")
CSRF_MESSAGE = _l("The form has expired or was not sent from this page. Please reload the page and try again.")


def _area() -> str:
    path = request.path
    if path.startswith("/staff"):
        return "staff"
    if path.startswith("/display"):
        return "display"
    return "kiosk"


def _hall_or_none():
    try:
        return current_hall()
    except Exception:  # noqa: BLE001 - an error page must render even without a hall
        db.session.rollback()
        return None


def render_error(status: int, message: str):
    """The error as JSON for the API, or as the area's error page."""
    if wants_json():
        return api_error(message, status)
    area = _area()
    hall = _hall_or_none() if area == "kiosk" else None
    if area == "kiosk" and hall is None:
        area = "plain"
    return render_template("errors/error.html", status=status, message=message, area=area, hall=hall), status


def _http_error(error: HTTPException):
    status = error.code or 500
    if status == 503 and error.description == "hall-not-configured":
        return render_error(503, str(HALL_NOT_CONFIGURED))
    return render_error(status, str(MESSAGES.get(status, MESSAGES[400 if status < 500 else 500])))


def _kiosk_error(error: KioskError):
    db.session.rollback()
    return render_error(error.status, error.message)


def _csrf_error(_error: CSRFError):
    return render_error(400, str(CSRF_MESSAGE))


def _unexpected(error: Exception):
    db.session.rollback()
    if isinstance(error, HTTPException):
        return _http_error(error)
    request.environ["kiosk.error"] = error
    current_app.logger.exception("unhandled error", exc_info=error)
    return render_error(500, str(MESSAGES[500]))


def init_app(app: Flask) -> None:
    """Register the handlers."""
    app.register_error_handler(KioskError, _kiosk_error)
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(InternalServerError, _unexpected)
    app.register_error_handler(Exception, _unexpected)
