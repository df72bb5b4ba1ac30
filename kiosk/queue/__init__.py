"""Queue tickets, window calling, ratings and statistics."""
from flask import Flask


def init_app(app: Flask) -> None:
    from kiosk.api import register as register_api
    from kiosk.queue import staff_views, stats_views  # noqa: F401 - routes on the queue blueprint
    from kiosk.queue.api import bp as api_bp
    from kiosk.queue.views import bp

    app.register_blueprint(bp)
    register_api(app, api_bp)
