"""Wall and counter displays."""
from flask import Flask

from kiosk.display.views import bp


def init_app(app: Flask) -> None:
    """Register the display pages."""
    app.register_blueprint(bp)
