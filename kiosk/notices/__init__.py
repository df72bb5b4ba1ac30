"""Notice board: business-suspended signs, outage announcements, notices, the opinion book and callbacks."""
from flask import Flask


def init_app(app: Flask) -> None:
    from kiosk.extensions import csrf
    from kiosk.notices import staff_board, staff_suspensions, views  # noqa: F401 - routes on the shared blueprint
    from kiosk.notices.api import bp as api_bp
    from kiosk.notices.blueprint import bp
    from kiosk.notices.labels import jinja_globals

    app.register_blueprint(bp)
    csrf.exempt(api_bp)
    app.register_blueprint(api_bp)
    app.jinja_env.globals.update(jinja_globals())
