"""The event log and its Server-Sent Events stream."""
from flask import Flask


def init_app(app: Flask) -> None:
    from kiosk.events.views import bp

    app.register_blueprint(bp)
