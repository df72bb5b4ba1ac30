"""How the queue feature plugs into the app: its blueprints, commands, hooks and template globals."""
from flask import Flask

from kiosk.api import register as register_api
from kiosk.queue import events, paper, staff_views, stats_views, views  # noqa: F401 - routes and event receivers
from kiosk.queue.api import bp as api_bp
from kiosk.queue.blueprint import bp


def init_app(app: Flask) -> None:
    """Register the queue's pages and API, and hand printing the paper ticket."""
    app.register_blueprint(bp)
    register_api(app, api_bp)
    paper.register_with_printing()
