"""Queue tickets, window calling, ratings and statistics."""
from flask import Flask


def init_app(app: Flask) -> None:
    from kiosk.extensions import csrf
    from kiosk.queue.api import bp as api_bp

    csrf.exempt(api_bp)
    app.register_blueprint(api_bp)
