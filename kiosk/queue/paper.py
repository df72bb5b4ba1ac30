"""The paper ticket: its print context, status URL and QR code, and the PDF (its routes are in ``views``).

80 mm and 58 mm rolls (``templates/print/ticket*.html``). The kiosk asks
``POST /kiosk/ticket/<token>/print`` right after the confirmation page shows; the browser
backend fetches ``GET /t/<token>/ticket.pdf``. Printing itself (render, backends, jobs) is
``kiosk.printing``; the queue registers the ticket there for warm-up, tests and reprints.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import has_request_context

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.i18n import DEFAULT_LOCALE, current_locale_code, normalize_locale
from kiosk.printing import documents, render_pdf
from kiosk.printing.qr import absolute_url, qr_data_uri
from kiosk.queue.issued import ahead_at_issue
from kiosk.queue.models import Ticket
from kiosk.queue.reads import ticket_by_token

KIND = "ticket"
WIDTHS = (80, 58)
TEMPLATES = {80: "print/ticket.html", 58: "print/ticket_58.html"}


def status_url(token: str, locale: str | None = None) -> str:
    """The path of the ticket's mobile status page (the ``queue.status`` route), the one place it is built.

    With ``locale`` (other than the default), the page opens in the language the ticket was taken in: the
    customer's phone has no session of the kiosk's.
    """
    return f"/t/{token}" if locale in (None, DEFAULT_LOCALE) else f"/t/{token}?lang={locale}"


def customer_locale() -> str | None:
    """The language of the kiosk request being served (``None`` outside a request: a print worker)."""
    return current_locale_code() if has_request_context() else None


def parse_width(raw: Any) -> int:
    """``58`` or ``80`` (the default) from a request value."""
    try:
        width = int(raw)
    except (TypeError, ValueError):
        return 80
    return width if width in WIDTHS else 80


def ticket_print_context(ticket: Ticket, waiting_ahead: int) -> dict:
    """What the paper ticket shows: hall, number, service, issue time, ``waiting_ahead``, status URL."""
    service = ticket.issued_service
    return {
        "hall": db.session.get(Hall, ticket.hall_id),
        "number": ticket.number,
        "service_code": service.code,
        "service_names": dict(service.names or {}),
        "issued_at": ticket.issued_at,
        "waiting_ahead": waiting_ahead,
        "status_url": status_url(ticket.token, customer_locale()),
        "priority": bool(ticket.priority),
        "token": ticket.token,
    }


def print_context_for_token(token: str) -> dict | None:
    """The print context of the ticket with ``token`` (people ahead as at its issue), or ``None``."""
    ticket = ticket_by_token(token)
    return ticket_print_context(ticket, ahead_at_issue(ticket)) if ticket is not None else None


def document_context(ticket: dict, *, reprint: bool = False, printed_at: datetime | None = None) -> dict:
    """The template context for a ticket: its print context plus QR code, printed time, reprint flag."""
    context = dict(ticket)
    hall = ticket.get("hall")
    url = absolute_url(str(ticket.get("status_url") or ""), hall)
    names = getattr(hall, "names", hall)
    context.update(hall_names=names if isinstance(names, dict) else {DEFAULT_LOCALE: str(names or "")},
                   hotline=getattr(hall, "hotline", "95598"), status_url=url,
                   qr=qr_data_uri(url) if url else "", reprint=reprint, printed_at=printed_at or utcnow())
    return context


def render_ticket(ticket: dict, *, width: int = 80, locale: str | None = None, reprint: bool = False) -> bytes:
    """The ticket PDF for a print context ``ticket`` on the ``width`` mm roll."""
    return render_pdf(TEMPLATES[parse_width(width)], document_context(ticket, reprint=reprint),
                      normalize_locale(locale) or DEFAULT_LOCALE)


def sample_context() -> dict:
    """A hand-made ticket context (warm-up, printer tests, benchmarks, previews)."""
    return {
        "hall": {"zh_Hans_CN": "国网示范供电营业厅", "en": "Demo Power Supply Business Hall",
                 "ug": "ئۈلگە توك تەمىنلەش سودا زالى"},
        "number": "A012", "service_code": "A",
        "service_names": {"zh_Hans_CN": "电费缴纳", "en": "Bill payment", "ug": "توك ھەققى تاپشۇرۇش",
                          "bo": "གློག་གླ་སྤྲོད་པ།", "mn_Mong_CN": "ᠴᠠᠬᠢᠯᠭᠠᠨ ᠤ ᠲᠥᠯᠥᠪᠥᠷᠢ"},
        "issued_at": utcnow(), "waiting_ahead": 3, "status_url": "http://127.0.0.1:5000/t/sample",
        "priority": False, "token": "sample",
    }


def sample_pdf(locale: str, width: int) -> bytes:
    """The sample ticket's PDF (printing's warm-up and printer test)."""
    return render_ticket(sample_context(), width=width, locale=locale)


def reprint_pdf(source: dict) -> bytes | None:
    """The ticket of a print job's ``source`` rendered again as a reprint; ``None`` when it is gone."""
    context = print_context_for_token(str(source.get("ticket_token") or ""))
    if context is None:
        return None
    return render_ticket(context, width=parse_width(source.get("width")), locale=source.get("locale"),
                         reprint=True)


def register_with_printing() -> None:
    """Hand printing the ticket's sample and re-renderer."""
    documents.register(KIND, sample=sample_pdf, rerender=reprint_pdf)
