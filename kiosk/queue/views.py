"""Customer pages: take a number (``/kiosk/ticket``), the confirmation, the mobile status page ``/t/<token>``."""
from __future__ import annotations

import segno
from flask import abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from markupsafe import Markup

from kiosk.hall.models import Hall
from kiosk.hall.service import current_hall, hours_today, is_open, service_by_code
from kiosk.printing.qr import absolute_url
from kiosk.queue.blueprint import bp
from kiosk.queue.errors import QueueError
from kiosk.queue.issued import ahead_at_issue, remember
from kiosk.queue.models import Ticket
from kiosk.queue.paper import status_url
from kiosk.queue.reads import ahead_count, estimated_wait_minutes, service_lines, ticket_by_token
from kiosk.queue.tickets import issue_ticket


def _take_page(hall: Hall, error: str | None = None, status: int = 200):
    lines = service_lines(hall)
    # A callback is offered only where the hall rules ask for one: a service stopped by a system failure.
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
        ticket = issue_ticket(hall, service, request.form.get("priority") in ("1", "on", "true"))
    except QueueError as error:
        return _take_page(hall, error.message, error.status)
    remember(ticket)
    return redirect(url_for("queue.confirmation", token=ticket.token))


def qr_svg(url: str) -> Markup:
    """An inline SVG QR code for ``url``."""
    svg = segno.make(url, error="m").svg_inline(scale=6, dark="#000", light="#fff", border=2)
    return Markup(svg)


def _ticket_or_404(token: str) -> Ticket:
    ticket = ticket_by_token(token)
    if ticket is None or ticket.hall_id != current_hall().id:
        abort(404)
    return ticket


@bp.get("/kiosk/ticket/<token>")
def confirmation(token: str):
    """The ticket number, very large, as soon as it is committed; printing happens after the page shows."""
    ticket = _ticket_or_404(token)
    ahead = ahead_at_issue(ticket)
    return render_template("kiosk/queue/ticket.html", hall=current_hall(), ticket=ticket, ahead=ahead,
                           wait=estimated_wait_minutes(ticket.service, ahead),
                           qr=qr_svg(absolute_url(status_url(ticket.token))), back_url=url_for("queue.take"))


@bp.get("/t/<token>")
def status(token: str):
    """The mobile status page: live position, no personal data."""
    ticket = _ticket_or_404(token)
    ahead = ahead_count(ticket)
    response = current_app.make_response(render_template(
        "kiosk/queue/status.html", hall=current_hall(), ticket=ticket, ahead=ahead,
        wait=estimated_wait_minutes(ticket.service, ahead)))
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
