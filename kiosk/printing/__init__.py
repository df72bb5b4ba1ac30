"""Printed matter: PDF rendering, printer backends and print jobs.

Callers use :func:`render_pdf` for their documents and :func:`print_document` to send a
PDF to a device's printer; they never touch WeasyPrint or ``lp`` directly. A feature
whose documents can be reprinted or sampled registers them with
:func:`kiosk.printing.documents.register`.
"""
from __future__ import annotations

from flask import Flask

from kiosk.printing import cli, views, warmup
from kiosk.printing.render import render_pdf
from kiosk.printing.responses import print_pdf_response
from kiosk.printing.service import document_kind_name, print_document

__all__ = ["render_pdf", "print_document", "print_pdf_response", "init_app"]


def init_app(app: Flask) -> None:
    """Register the printing views and CLI, and warm the renderer when configured."""
    app.register_blueprint(views.bp)
    app.jinja_env.globals["document_kind_name"] = document_kind_name
    app.cli.add_command(cli.printing_cli)
    if app.config.get("WARM_PRINTER") and not app.config.get("TESTING"):
        warmup.start(app)
