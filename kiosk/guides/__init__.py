"""Business guides, registration-form samples, notification letters, service information and application progress."""
from flask import Flask


def init_app(app: Flask) -> None:
    from kiosk.extensions import csrf
    from kiosk.guides import admin, staff_views, views  # noqa: F401 - routes on the shared blueprint
    from kiosk.guides.api import bp as api_bp
    from kiosk.guides.blueprint import bp
    from kiosk.guides.cli import import_applications_command
    from kiosk.guides.labels import jinja_globals

    app.register_blueprint(bp)
    csrf.exempt(api_bp)
    app.register_blueprint(api_bp)
    app.cli.add_command(import_applications_command)
    app.jinja_env.globals.update(jinja_globals())
