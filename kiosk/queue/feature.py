"""How the queue feature plugs into the app: its blueprints, commands, hooks and template globals."""
from flask import Flask

from kiosk.api import register as register_api
from kiosk.queue import api, events, paper, staff_views, views  # noqa: F401 - events connects the signal receivers
from kiosk.queue.cli import queue_group


def init_app(app: Flask) -> None:
    """Register the queue's kiosk, staff and API blueprints, its commands, and hand printing the paper ticket."""
    app.register_blueprint(views.bp)
    app.register_blueprint(staff_views.bp)
    register_api(app, api.bp)
    app.cli.add_command(queue_group)
    paper.register_with_printing()
