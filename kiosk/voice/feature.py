"""How the voice feature plugs into the app: the announcement API, the staff page, the command."""
from flask import Flask

from kiosk import api as api_parent
from kiosk.voice import api, cli, staff_views


def init_app(app: Flask) -> None:
    """Register the announcement API, the staff page and ``flask voice build``."""
    api_parent.register(app, api.bp)
    app.register_blueprint(staff_views.bp)
    app.cli.add_command(cli.voice_group)
