"""Notice board: business-suspended signs, outage announcements, notices, the opinion book and callbacks."""
from flask import Flask


def init_app(app: Flask) -> None:
    from kiosk.api import register as register_api
    from kiosk.notices import staff_board, staff_suspensions, views  # noqa: F401 - routes on the shared blueprint
    from kiosk.notices.api import bp as api_bp
    from kiosk.notices.blueprint import bp
    from kiosk.notices.labels import jinja_globals

    app.register_blueprint(bp)
    register_api(app, api_bp)
    app.jinja_env.globals.update(jinja_globals())
