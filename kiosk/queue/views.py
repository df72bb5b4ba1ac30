"""Customer pages: take a number (``/kiosk/ticket``), the confirmation, the mobile status page ``/t/<token>``."""
from __future__ import annotations

import segno
from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from markupsafe import Markup

from kiosk.hall.service import current_hall, hours_today, is_open, service_by_code
from kiosk.queue import service as queue

bp = Blueprint("queue", __name__)


def _take_page(hall, error: str | None = None, status: int = 200):
    lines = queue.service_lines(hall)
    # A callback is offered only where the hall rules ask for one: a service stopped by a system failure.
    callbacks = set()
    if "notices.callback_request" in current_app.view_functions:
        callbacks = {line.service.code for line in lines if line.suspension and line.suspension.offers_callback}
    page = render_template("kiosk/queue/take.html", hall=hall, lines=lines, error=error,
                           hall_open=is_open(hall), hours=hours_today(hall), callbacks=callbacks)
    return page, status


@bp.get("/kiosk/ticket")
def take():
    """Services with waiting counts and estimated waits; a priority (green channel) option."""
    return _take_page(current_hall())


@bp.post("/kiosk/ticket")
def issue():
    """Issue a ticket for the chosen service, then show it."""
    hall = current_hall()
    service = service_by_code(hall, request.form.get("service", ""))
    if service is None:
        return _take_page(hall, _("Please choose one of the services below."), 400)
    try:
        ticket = queue.issue_ticket(hall, service, request.form.get("priority") in ("1", "on", "true"))
    except queue.QueueError as error:
        return _take_page(hall, error.message, error.status)
    return redirect(url_for("queue.confirmation", token=ticket.token))


def qr_svg(url: str) -> Markup:
    """An inline SVG QR code for ``url``."""
    svg = segno.make(url, error="m").svg_inline(scale=6, dark="#000", light="#fff", border=2)
    return Markup(svg)


def _ticket_or_404(token: str):
    ticket = queue.ticket_by_token(token)
    if ticket is None or ticket.hall_id != current_hall().id:
        abort(404)
    return ticket


@bp.get("/kiosk/ticket/<token>")
def confirmation(token: str):
    """The ticket number, very large, as soon as it is committed; printing happens after the page shows."""
    ticket = _ticket_or_404(token)
    ahead = queue.ahead_count(ticket)
    status_url = request.host_url.rstrip("/") + url_for("queue.status", token=ticket.token)
    printing = "printing.print_ticket" in current_app.view_functions
    return render_template("kiosk/queue/ticket.html", hall=current_hall(), ticket=ticket, ahead=ahead,
                           wait=queue.estimated_wait_minutes(ticket.service, ahead), qr=qr_svg(status_url),
                           printing=printing, back_url=url_for("queue.take"))


@bp.get("/t/<token>")
def status(token: str):
    """The mobile status page: live position, no personal data."""
    ticket = _ticket_or_404(token)
    ahead = queue.ahead_count(ticket)
    response = current_app.make_response(render_template(
        "kiosk/queue/status.html", hall=current_hall(), ticket=ticket, ahead=ahead,
        wait=queue.estimated_wait_minutes(ticket.service, ahead)))
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
