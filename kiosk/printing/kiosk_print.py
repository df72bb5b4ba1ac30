"""Prints a customer starts on a kiosk page: always on the paired device's printer, never a PDF to navigate to.

A kiosk page offers "print" as a POST form (CSRF); its view renders the document and hands it to
:func:`print_for_customer`, which sends it through :func:`kiosk.printing.print_document` with the
customer limits, and shows the outcome on the kiosk's own confirmation page
(:func:`confirmation_page`). A device whose printer is the ``browser`` backend gets the PDF's
address for a hidden frame on that page (``static/js/print-frame.js``); the kiosk never leaves
its own screens.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, render_template
from flask_babel import gettext as _

from kiosk.hall.service import current_device, current_hall
from kiosk.printing.models import PrinterKind
from kiosk.printing.service import print_document


@dataclass(frozen=True)
class KioskPrint:
    """What happened to a customer's print: ``ok``, a message, and the PDF for a hidden frame (browser backend)."""

    ok: bool
    message: str
    frame_url: str | None = None


def prints_in_browser() -> bool:
    """Whether this kiosk's printer is its own browser (the page prints the PDF in a hidden frame)."""
    device = current_device()
    setting = (device.printer if device is not None else "") or current_app.config.get("DEFAULT_PRINTER", "")
    return (setting or "").strip() == PrinterKind.BROWSER


def print_for_customer(pdf: bytes, kind: str, reference: str, *, pdf_url: str | None = None) -> KioskPrint:
    """Print ``pdf`` on this kiosk's printer (customer limits apply); commits the job. Never raises.

    ``pdf_url`` is where the page's hidden frame loads the document when the printer is the browser.
    """
    failed = _("The document could not be printed. Please ask the staff for help.")
    device = current_device()
    hall = current_hall()
    try:
        job = print_document(device, pdf, kind, reference=reference, limited=True,
                             hall_id=device.hall_id if device is not None else hall.id)
    except Exception:  # noqa: BLE001 - a printer problem must never lose the customer's page
        current_app.logger.exception("printing %s %s failed", kind, reference)
        return KioskPrint(False, failed)
    if job.failed:
        detail = job.message or ""
        return KioskPrint(False, failed + (f" ({detail})" if detail else ""))
    frame = pdf_url if job.backend == PrinterKind.BROWSER else None
    return KioskPrint(True, _("Printing… Please take your paper from the printer below."), frame)


def confirmation_page(outcome: KioskPrint, title: str, back_url: str):
    """The kiosk's own page after a print: the outcome, Back to the page printed from, and Home.

    A print that failed or was refused is still a page the kiosk answers normally (200): the
    request was fine, the paper is what went wrong, and the page says what to do.
    """
    return render_template("kiosk/printing/printed.html", hall=current_hall(), outcome=outcome, title=title,
                           back_url=back_url)
