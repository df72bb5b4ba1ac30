"""JSON API: suspend/resume windows and services (staff tokens) and the public notice board."""
from __future__ import annotations

from flask import Blueprint, jsonify, request
from flask_babel import gettext as _

from kiosk.api import api_error, json_body
from kiosk.hall.service import current_hall, service_by_code, window_by_number
from kiosk.i18n import DEFAULT_LOCALE, normalize_locale
from kiosk.notices import board, suspensions
from kiosk.notices.errors import NoticeError
from kiosk.queue.reads import status_of
from kiosk.staff.auth import api_user, token_permission

bp = Blueprint("notices", __name__)


def _not_found():
    return api_error(_("There is no such window or service."), 404)


def _change(scope: str, target, action: str):
    hall = current_hall()
    user = api_user()
    try:
        if action == "suspend":
            body = json_body()
            if body is None:
                raise NoticeError(_("Send a JSON object with a reason."))
            key, text = suspensions.parse_reason(body.get("reason"), body.get("text"))
            until = suspensions.parse_until(body.get("until"), hall)
            suspensions.suspend(hall, scope, target, key, text, until, user)
        else:
            suspensions.resume(hall, scope, target, user)
    except NoticeError as error:
        return api_error(str(error), error.status)
    if scope == "window":
        return jsonify(status_of(target))
    return jsonify(suspensions.service_payload(target))


@bp.post("/windows/<int:number>/suspend")
@token_permission("suspension.window")
def window_suspend(number: int):
    """Suspend window ``number``: ``{"reason": preset key or text, "until": ISO-8601 or null}``."""
    window = window_by_number(current_hall(), number)
    return _change("window", window, "suspend") if window else _not_found()


@bp.post("/windows/<int:number>/resume")
@token_permission("suspension.window")
def window_resume(number: int):
    """Resume window ``number``."""
    window = window_by_number(current_hall(), number)
    return _change("window", window, "resume") if window else _not_found()


@bp.post("/services/<code>/suspend")
@token_permission("suspension.service")
def service_suspend(code: str):
    """Suspend a service across the hall (supervisor)."""
    service = service_by_code(current_hall(), code)
    return _change("service", service, "suspend") if service else _not_found()


@bp.post("/services/<code>/resume")
@token_permission("suspension.service")
def service_resume(code: str):
    """Resume a service (supervisor)."""
    service = service_by_code(current_hall(), code)
    return _change("service", service, "resume") if service else _not_found()


@bp.get("/notices")
def notices():
    """Active notices and current/upcoming outages, localized by ``?lang=`` (Chinese fallback)."""
    locale = normalize_locale(request.args.get("lang")) or DEFAULT_LOCALE
    return jsonify(board.board(current_hall(), locale))
