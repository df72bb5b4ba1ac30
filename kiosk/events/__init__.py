"""The event log and its Server-Sent Events stream."""
from flask import Flask

from kiosk.api import register as register_api
from kiosk.events import api


def init_app(app: Flask) -> None:
    """Hang the event stream under ``/api/v1``."""
    register_api(app, api.bp)
