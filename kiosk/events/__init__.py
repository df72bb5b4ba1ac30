"""The event log and its Server-Sent Events stream."""
from flask import Flask


def init_app(app: Flask) -> None:
    from kiosk.api import register as register_api
    from kiosk.events.views import bp

    register_api(app, bp)
