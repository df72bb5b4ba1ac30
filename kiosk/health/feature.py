"""How the health feature plugs into the app: its blueprints, commands, hooks and template globals."""
from flask import Flask

from kiosk.health import views


def init_app(app: Flask) -> None:
    """Register the health check."""
    app.register_blueprint(views.bp)
