"""How the events feature plugs into the app: its blueprints, commands, hooks and template globals."""
from flask import Flask

from kiosk.api import register as register_api
from kiosk.events import api
from kiosk.events.hub import init_hub


def init_app(app: Flask) -> None:
    """Hang the event stream under ``/api/v1`` and give the app its event listener."""
    register_api(app, api.bp)
    init_hub(app)
