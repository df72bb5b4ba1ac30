"""How printing plugs into the app: its views, CLI, template global and renderer warm-up."""
from __future__ import annotations

from flask import Flask

from kiosk.printing import cli, staff_views, warmup
from kiosk.printing.service import document_kind_name


def init_app(app: Flask) -> None:
    """Register the print-jobs page and the CLI, and warm the renderer when configured."""
    app.register_blueprint(staff_views.bp)
    app.jinja_env.globals["document_kind_name"] = document_kind_name
    app.cli.add_command(cli.printing_cli)
    if app.config.get("WARM_PRINTER") and not app.config.get("TESTING"):
        warmup.start(app)
