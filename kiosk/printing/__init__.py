"""Printed matter: PDF rendering, printer backends and print jobs.

Callers use :func:`render_pdf` for their documents and :func:`print_document` to send a
PDF to a device's printer; they never touch WeasyPrint or ``lp`` directly.
"""
from __future__ import annotations

from kiosk.printing.render import render_pdf
from kiosk.printing.service import print_document

__all__ = ["render_pdf", "print_document", "print_pdf_response", "init_app"]


def print_pdf_response(pdf: bytes, filename: str = "document.pdf"):
    """A Flask response serving ``pdf`` inline (for "print this" buttons and the browser backend)."""
    from flask import Response

    safe = "".join(ch for ch in filename if ch.isalnum() or ch in "-_.") or "document.pdf"
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{safe}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app) -> None:
    """Register the printing views and CLI, and warm the renderer when configured."""
    from kiosk.printing import cli, views, warmup
    from kiosk.printing import service as service_module

    app.register_blueprint(views.bp)
    app.jinja_env.globals["document_kind_name"] = service_module.document_kind_name
    app.cli.add_command(cli.printing_cli)
    if app.config.get("WARM_PRINTER") and not app.config.get("TESTING"):
        warmup.start(app)
