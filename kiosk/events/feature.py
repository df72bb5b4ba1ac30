"""How the events feature plugs into the app: its blueprints, commands, hooks and template globals."""
from flask import Flask, url_for

from kiosk.api import register as register_api
from kiosk.events import api
from kiosk.events.hub import init_hub
from kiosk.events.service import latest_event_id


def setup_events_url(hall) -> str:
    """The hall's event stream, resuming after its newest event (a page follows it from when it was made)."""
    return url_for("api.events.stream", last_event_id=latest_event_id(hall.id))


def init_app(app: Flask) -> None:
    """Hang the event stream under ``/api/v1``, give the app its event listener and the ``setup_events_url`` global."""
    register_api(app, api.bp)
    init_hub(app)
    app.jinja_env.globals.update(setup_events_url=setup_events_url)
