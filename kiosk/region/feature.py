"""How regions plug into the app: the region console pages and ``create-region``."""
from flask import Flask

from kiosk.region import cli, staff_views


def init_app(app: Flask) -> None:
    """Register the region blueprint and the ``create-region`` command."""
    app.register_blueprint(staff_views.bp)
    app.cli.add_command(cli.create_region_command)
