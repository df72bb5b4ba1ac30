"""How the display feature plugs into the app: its blueprints, commands, hooks and template globals."""
from flask import Flask

from kiosk.display.views import bp


def init_app(app: Flask) -> None:
    """Register the display pages."""
    app.register_blueprint(bp)
