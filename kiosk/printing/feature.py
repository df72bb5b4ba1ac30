"""How printing plugs into the app: its views, CLI and template global.

The renderer is warmed by the serving processes only (``gunicorn.conf.py`` calls
:func:`kiosk.printing.warmup.start_if_configured` in each worker), never by a command.
"""
from __future__ import annotations

from flask import Flask

from kiosk.printing import cli, staff_views
from kiosk.printing.service import document_kind_name


def init_app(app: Flask) -> None:
    """Register the print-jobs page and the CLI."""
    app.register_blueprint(staff_views.bp)
    app.jinja_env.globals["document_kind_name"] = document_kind_name
    app.cli.add_command(cli.printing_cli)
