"""How the notices feature plugs into the app: its blueprints, commands, hooks and template globals."""
from flask import Flask

from kiosk.api import register as register_api
from kiosk.notices import api, staff_suspensions, staff_views, views  # noqa: F401 - suspension pages on staff_views.bp
from kiosk.notices.labels import jinja_globals


def init_app(app: Flask) -> None:
    """Register the kiosk, staff (with the suspension pages) and API blueprints and the template globals."""
    app.register_blueprint(views.bp)
    app.register_blueprint(staff_views.bp)
    register_api(app, api.bp)
    app.jinja_env.globals.update(jinja_globals())
