"""Queue JSON API: issue tickets, the queue snapshot, staff window actions (bearer token)."""
from __future__ import annotations

from flask import Blueprint, jsonify
from flask_babel import gettext as _

from kiosk.api import api_error, json_body
from kiosk.hall.models import Window
from kiosk.hall.service import business_day, current_hall, service_by_code, window_by_number
from kiosk.queue import reads, windows
from kiosk.queue.errors import QueueError
from kiosk.queue.paper import status_url
from kiosk.queue.tickets import issue_ticket
from kiosk.staff.auth import api_user, token_permission
from kiosk.staff.permissions import allowed, denied_message
from kiosk.validation import fits_integer

bp = Blueprint("queue", __name__)


@bp.post("/tickets")
def create_ticket():
    """Issue a ticket: ``{"service": "A", "priority": false}`` → 201."""
    body = json_body()
    if body is None or not isinstance(body.get("service"), str) or not isinstance(body.get("priority", False), bool):
        return api_error(_('Send a JSON object like {"service": "A", "priority": false}.'), 400)
    hall = current_hall()
    service = service_by_code(hall, body["service"])
    if service is None:
        return api_error(_("There is no service %(code)s in this hall.", code=body["service"][:8]), 404)
    try:
        ticket = issue_ticket(hall, service, body.get("priority", False))
    except QueueError as error:
        return api_error(error.message, error.status)
    response = jsonify({
        "ticket": ticket.number, "service": service.code, "waiting_ahead": ticket.waiting_ahead,
        "issued_at": ticket.issued_at.isoformat(), "status_url": status_url(ticket.token),
    })
    response.status_code = 201
    return response


@bp.get("/queue")
def queue_snapshot():
    """Services with waiting counts, windows with their state, the recent calls."""
    return jsonify(reads.queue_snapshot(current_hall()))


def _window(number: int) -> Window | None:
    user = api_user()
    return window_by_number(user.hall, number) if user is not None else None


def _act(number: int, action):
    window = _window(number)
    if window is None:
        return api_error(_("There is no window %(n)s in this hall.", n=number), 404)
    if not allowed(api_user(), "window.operate", window=window):
        return api_error(denied_message("window.operate"), 403)
    try:
        return action(window)
    except QueueError as error:
        return api_error(error.message, error.status)


@bp.post("/windows/<int:number>/call-next")
@token_permission("window.operate")
def call_next(number: int):
    """Call the next ticket: ``{"ticket": "A001"|null, "window": n}``."""
    def act(window):
        ticket = windows.call_next(window, api_user())
        return jsonify({"ticket": ticket.number if ticket else None, "window": window.number})
    return _act(number, act)


def _simple(name: str, function):
    def view(number: int):
        def act(window):
            ticket = function(window, user=api_user())
            return jsonify({"ticket": ticket.number, "window": window.number})
        return _act(number, act)
    view.__name__ = name
    view.__doc__ = f"``{name}`` the window's current ticket."
    return token_permission("window.operate")(view)


bp.add_url_rule("/windows/<int:number>/recall", view_func=_simple("recall", windows.recall), methods=["POST"])
bp.add_url_rule("/windows/<int:number>/skip", view_func=_simple("skip", windows.skip), methods=["POST"])
bp.add_url_rule("/windows/<int:number>/finish", view_func=_simple("finish", windows.finish), methods=["POST"])


@bp.post("/windows/<int:number>/transfer")
@token_permission("window.operate")
def transfer(number: int):
    """Transfer the current ticket: ``{"service": "B"}`` or ``{"window": 4}``."""
    body = json_body()
    if body is None or not (isinstance(body.get("service"), str) or isinstance(body.get("window"), int)):
        return api_error(_('Send a JSON object like {"service": "B"} or {"window": 4}.'), 400)

    def act(window):
        hall = window.hall
        service = target = None
        if isinstance(body.get("service"), str):
            service = service_by_code(hall, body["service"])
            if service is None:
                return api_error(_("There is no service %(code)s in this hall.", code=body["service"][:8]), 404)
        if isinstance(body.get("window"), int) and not isinstance(body.get("window"), bool):
            target = window_by_number(hall, body["window"]) if fits_integer(body["window"]) else None
            if target is None:
                return api_error(_("There is no window %(n)s in this hall.", n=body["window"]), 404)
        ticket = windows.transfer(window, service=service, target=target, user=api_user())
        return jsonify({"ticket": ticket.number, "window": window.number,
                        "service": ticket.service.code, "to_window": target.number if target else None})
    return _act(number, act)


def _toggle(name: str, is_open: bool):
    def view(number: int):
        def act(window):
            windows.set_open(window, is_open, api_user())
            return jsonify({"window": window.number, "status": reads.status_of(window)["status"]})
        return _act(number, act)
    view.__name__ = name
    view.__doc__ = f"{name.capitalize()} the window."
    return token_permission("window.operate")(view)


bp.add_url_rule("/windows/<int:number>/open", view_func=_toggle("open", True), methods=["POST"])
bp.add_url_rule("/windows/<int:number>/close", view_func=_toggle("close", False), methods=["POST"])


@bp.post("/windows/<int:number>/requeue")
@token_permission("window.operate")
def requeue(number: int):
    """Put a skipped ticket back at the front: ``{"ticket": "A003"}``."""
    body = json_body()
    if body is None or not isinstance(body.get("ticket"), str):
        return api_error(_('Send a JSON object like {"ticket": "A003"}.'), 400)

    def act(window):
        ticket = windows.requeue(window, body["ticket"][:12], business_day(window.hall), api_user())
        return jsonify({"ticket": ticket.number, "window": window.number, "status": ticket.status})
    return _act(number, act)
