"""How hall administration plugs into the app: its commands."""
from flask import Flask

from kiosk.admin import cli


def init_app(app: Flask) -> None:
    """Register the ``hall`` command group and ``create-hall``."""
    app.cli.add_command(cli.hall_group)
    app.cli.add_command(cli.create_hall_command)
