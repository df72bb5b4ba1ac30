"""How the media feature plugs into the app: its blueprints and template globals."""
from flask import Flask

from kiosk.media import staff_views, views
from kiosk.media.labels import jinja_globals


def init_app(app: Flask) -> None:
    """Register the public media routes, the playlist console and the template globals."""
    app.register_blueprint(views.bp)
    app.register_blueprint(staff_views.bp)
    app.jinja_env.globals.update(jinja_globals())
