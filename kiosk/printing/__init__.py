"""Printed matter: PDF rendering, printer backends and print jobs.

Callers use :func:`render_pdf` for their documents and :func:`print_document` to send a
PDF to a device's printer; they never touch WeasyPrint or ``lp`` directly. A feature
whose documents can be reprinted or sampled registers them with
:func:`kiosk.printing.documents.register`.
"""
from __future__ import annotations

from kiosk.printing.render import render_pdf
from kiosk.printing.responses import print_pdf_response
from kiosk.printing.service import print_document

__all__ = ["render_pdf", "print_document", "print_pdf_response"]
