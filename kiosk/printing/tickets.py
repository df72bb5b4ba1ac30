"""Queue tickets on paper: 80 mm and 58 mm rolls, with a QR code to the ticket's status page.

The ticket's data comes from ``kiosk.queue.service.ticket_print_context(ticket)`` (keys: hall,
number, service_code, service_names, issued_at, waiting_ahead, status_url, priority, token).
"""
from __future__ import annotations

import importlib
from datetime import datetime
from functools import lru_cache

import segno
from flask import has_request_context, request

from kiosk.dbtypes import utcnow
from kiosk.i18n import DEFAULT_LOCALE, normalize_locale
from kiosk.printing.render import render_pdf

WIDTHS = (80, 58)
TEMPLATES = {80: "print/ticket.html", 58: "print/ticket_58.html"}


def parse_width(raw) -> int:
    """``58`` or ``80`` (the default) from a request value."""
    try:
        width = int(raw)
    except (TypeError, ValueError):
        return 80
    return width if width in WIDTHS else 80


def absolute_url(url: str) -> str:
    """``url`` made absolute against the current request's host (left alone when already absolute)."""
    if url.startswith(("http://", "https://")) or not has_request_context():
        return url
    return request.host_url.rstrip("/") + "/" + url.lstrip("/")


@lru_cache(maxsize=256)
def qr_data_uri(url: str) -> str:
    """A QR code for ``url`` as a one-pixel-per-module PNG ``data:`` URI.

    The print CSS scales it up with ``image-rendering: pixelated`` (sharp edges); a tiny PNG
    draws several times faster in WeasyPrint than the same code as SVG.
    """
    return segno.make(url, error="m", micro=False).png_data_uri(scale=1, border=2)


def document_context(ticket: dict, *, reprint: bool = False, printed_at: datetime | None = None) -> dict:
    """The template context for a ticket: the queue's print context plus QR code, printed time, reprint flag."""
    context = dict(ticket)
    status_url = absolute_url(str(ticket.get("status_url") or ""))
    hall = ticket.get("hall")
    names = getattr(hall, "names", hall)
    context.update(hall_names=names if isinstance(names, dict) else {DEFAULT_LOCALE: str(names or "")},
                   hotline=getattr(hall, "hotline", "95598"), status_url=status_url,
                   qr=qr_data_uri(status_url) if status_url else "",
                   reprint=reprint, printed_at=printed_at or utcnow())
    return context


def render_ticket(ticket: dict, *, width: int = 80, locale: str | None = None, reprint: bool = False) -> bytes:
    """The ticket PDF for a print context ``ticket`` on the ``width`` mm roll."""
    return render_pdf(TEMPLATES[parse_width(width)], document_context(ticket, reprint=reprint),
                      normalize_locale(locale) or DEFAULT_LOCALE)


def queue_service():
    """The queue's service module, or ``None`` while it is not installed."""
    try:
        module = importlib.import_module("kiosk.queue.service")
    except ImportError:
        return None
    if not hasattr(module, "ticket_by_token") or not hasattr(module, "ticket_print_context"):
        return None
    return module


def ticket_context_for_token(token: str) -> dict | None:
    """The queue's print context for the ticket with ``token``, or ``None``."""
    service = queue_service()
    if service is None or not token or len(token) > 128:
        return None
    ticket = service.ticket_by_token(token)
    return service.ticket_print_context(ticket) if ticket is not None else None


def ticket_pdf_for_token(token: str, *, width: int = 80, locale: str | None = None,
                         reprint: bool = False) -> bytes | None:
    """The ticket PDF for ``token``, or ``None`` when there is no such ticket."""
    context = ticket_context_for_token(token)
    if context is None:
        return None
    return render_ticket(context, width=width, locale=locale, reprint=reprint)


def sample_context() -> dict:
    """A hand-made ticket context (warm-up, benchmarks, previews)."""
    return {
        "hall": {"zh_Hans_CN": "国网示范供电营业厅", "en": "Demo Power Supply Business Hall",
                 "ug": "ئۈلگە توك تەمىنلەش سودا زالى"},
        "number": "A012", "service_code": "A",
        "service_names": {"zh_Hans_CN": "电费缴纳", "en": "Bill payment", "ug": "توك ھەققى تاپشۇرۇش",
                          "bo": "གློག་གླ་སྤྲོད་པ།", "mn_Mong_CN": "ᠴᠠᠬᠢᠯᠭᠠᠨ ᠤ ᠲᠥᠯᠥᠪᠥᠷᠢ"},
        "issued_at": utcnow(), "waiting_ahead": 3, "status_url": "http://127.0.0.1:5000/t/sample",
        "priority": False, "token": "sample",
    }
