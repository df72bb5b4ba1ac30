"""How hall administration plugs into the app: its console page and its commands."""
from flask import Flask

from kiosk.admin import cli, staff_views, wizard_views


def init_app(app: Flask) -> None:
    """Register the setup page, the first-run wizard, the ``hall`` and ``content`` commands and ``create-hall``."""
    app.register_blueprint(staff_views.bp)
    app.register_blueprint(wizard_views.bp)
    app.before_request(wizard_views.lead_to_setup)
    app.cli.add_command(cli.hall_group)
    app.cli.add_command(cli.create_hall_command)
    app.cli.add_command(cli.content_group)
