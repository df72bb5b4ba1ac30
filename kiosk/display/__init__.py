"""Wall and counter displays."""
from flask import Flask


def init_app(app: Flask) -> None:
    from kiosk.display.views import bp

    app.register_blueprint(bp)
