"""Business guides, registration-form samples, notification letters, service information and application progress."""
from flask import Flask


def init_app(app: Flask) -> None:
    from kiosk.api import register as register_api
    from kiosk.guides import admin, staff_views, views  # noqa: F401 - routes on the shared blueprint
    from kiosk.guides.api import bp as api_bp
    from kiosk.guides.blueprint import bp
    from kiosk.guides.cli import import_applications_command
    from kiosk.guides.labels import jinja_globals

    app.register_blueprint(bp)
    register_api(app, api_bp)
    app.cli.add_command(import_applications_command)
    app.jinja_env.globals.update(jinja_globals())
