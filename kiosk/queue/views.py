"""Customer pages: take a number (``/kiosk/ticket``), the confirmation, the mobile status page ``/t/<token>``,
and the paper ticket's routes (print on the kiosk's printer, the PDF for the browser backend)."""
from __future__ import annotations

import segno
from flask import Blueprint, abort, current_app, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from markupsafe import Markup

from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.hall.service import current_device, current_hall, hours_today, is_open, next_opening, service_by_code
from kiosk.i18n import current_locale_code
from kiosk.printing import backends, print_document, print_pdf_response
from kiosk.printing.qr import absolute_url
from kiosk.printing.service import recent_jobs
from kiosk.queue import paper
from kiosk.queue.errors import QueueError
from kiosk.queue.issued import ahead_at_issue, remember
from kiosk.queue.models import Ticket
from kiosk.queue.paper import customer_locale, status_url
from kiosk.queue.reads import ahead_count, estimated_wait_minutes, service_lines, ticket_by_token
from kiosk.queue.tickets import issue_ticket

bp = Blueprint("queue", __name__)


def _take_page(hall: Hall, error: str | None = None, status: int = 200):
    lines = service_lines(hall)
    # A callback is offered only where the hall rules ask for one: a service stopped by a system failure.
    callbacks = {line.service.code for line in lines if line.suspension and line.suspension.offers_callback}
    page = render_template("kiosk/queue/take.html", hall=hall, lines=lines, error=error,
                           hall_open=(hall_open := is_open(hall)), hours=hours_today(hall), callbacks=callbacks,
                           next_open=None if hall_open else next_opening(hall))
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
    hall = current_hall()
    phone_url = absolute_url(status_url(ticket.token, customer_locale()), hall)
    return render_template("kiosk/queue/ticket.html", hall=hall, ticket=ticket, ahead=ahead,
                           wait=estimated_wait_minutes(ticket.service, ahead), phone_url=phone_url,
                           qr=qr_svg(phone_url), back_url=url_for("queue.take"))


@bp.get("/t/<token>")
def status(token: str):
    """The mobile status page: live position, no personal data; it follows the hall's event stream.

    The token alone finds the ticket: a phone is no device of a hall, so the ticket's hall is the page's.
    """
    ticket = ticket_by_token(token)
    if ticket is None:
        abort(404)
    ahead = ahead_count(ticket)
    hall = g.hall = db.session.get(Hall, ticket.hall_id)  # the ticket's hall, whoever's phone this is
    response = current_app.make_response(render_template(
        "kiosk/queue/status.html", hall=hall, ticket=ticket, ahead=ahead,
        wait=estimated_wait_minutes(ticket.service, ahead),
        events_url=url_for("api.events.stream", hall=hall.code if hall else None)))
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.get("/t/<token>/ticket.pdf")
def ticket_pdf(token: str):
    """The ticket as a PDF (``?width=58`` for the 58 mm roll, ``?lang=`` for the language)."""
    context = paper.print_context_for_token(token)
    if context is None:
        abort(404)
    pdf = paper.render_ticket(context, width=paper.parse_width(request.args.get("width")), locale=current_locale_code(),
                        reprint=request.args.get("reprint") == "1")
    return print_pdf_response(pdf, f"ticket-{context.get('number', '')}.pdf")


def _backend_kind(setting: str) -> str:
    try:
        return backends.parse_printer(setting).backend
    except backends.BadPrinterSetting:
        return "file"


def _already_printed(token: str, number: str) -> bool:
    return any(job.kind == paper.KIND and job.reference == number and job.status == "ok"
               and (job.source or {}).get("ticket_token") == token for job in recent_jobs(limit=200))


@bp.post("/kiosk/ticket/<token>/print")
def print_ticket(token: str):
    """Print the ticket on this kiosk's printer; answers ``{ok, message, printer, pdf_url}``."""
    device = current_device()
    setting = (device.printer if device else "") or current_app.config.get("DEFAULT_PRINTER", "file")
    kind = _backend_kind(setting)
    context = paper.print_context_for_token(token)
    if context is None:
        return jsonify(ok=False, message=_("This ticket was not found."), printer=kind, pdf_url=None), 404
    settings = (device.settings or {}) if device else {}
    width = paper.parse_width(request.values.get("width") or settings.get("paper_width"))
    locale = current_locale_code()
    number = str(context.get("number", ""))
    pdf_url = url_for("queue.ticket_pdf", token=token, width=width, lang=locale)
    reprint = _already_printed(token, number)
    hall = context.get("hall")
    try:
        pdf = paper.render_ticket(context, width=width, locale=locale, reprint=reprint)
    except Exception:  # noqa: BLE001 - the ticket stays valid whatever happens to the paper
        current_app.logger.exception("rendering ticket %s failed", number)
        return jsonify(ok=False, printer=kind, pdf_url=None,
                       message=_("Your number %(number)s is valid, but the ticket could not be printed. "
                                 "Please remember your number or ask the staff for help.", number=number))
    job = print_document(device if device is not None else setting, pdf, paper.KIND, reference=number,
                         reprint=reprint, hall_id=getattr(hall, "id", None),
                         source={"ticket_token": token, "width": width, "locale": locale})
    if job.status == "ok":
        message = (_("Your ticket is printing.") if kind == "browser"
                   else _("Your ticket is printing. Please take it from the slot below."))
    else:
        message = _("Your number %(number)s is valid, but the ticket could not be printed "
                    "(%(reason)s). Please remember your number or ask the staff for help.",
                    number=number, reason=job.message)
    return jsonify(ok=job.status == "ok", message=message, printer=kind,
                   pdf_url=pdf_url if kind == "browser" else None)
