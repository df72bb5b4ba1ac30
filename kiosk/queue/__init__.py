"""Queue tickets, window calling, ratings and statistics."""
from flask import Flask


def init_app(app: Flask) -> None:
    from kiosk.extensions import csrf
    from kiosk.queue import staff_views, stats_views  # noqa: F401 - routes on the queue blueprint
    from kiosk.queue.api import bp as api_bp
    from kiosk.queue.views import bp

    app.register_blueprint(bp)
    csrf.exempt(api_bp)
    app.register_blueprint(api_bp)
