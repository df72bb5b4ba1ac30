"""Business guides, registration-form samples, notification letters, service information and application progress."""
from flask import Flask


def init_app(app: Flask) -> None:
    from kiosk.guides import views  # noqa: F401 - routes on the shared blueprint
    from kiosk.guides.blueprint import bp
    from kiosk.guides.labels import jinja_globals

    app.register_blueprint(bp)
    app.jinja_env.globals.update(jinja_globals())
