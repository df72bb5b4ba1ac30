"""Published tariffs and the fee schedule: kiosk pages, calculator, PDFs, display slide, admin, API, imports."""
from flask import Flask


def init_app(app: Flask) -> None:
    from kiosk.api import register as register_api
    from kiosk.tariffs import admin, views  # noqa: F401 - routes on the shared blueprint
    from kiosk.tariffs.api import bp as api_bp
    from kiosk.tariffs.blueprint import bp
    from kiosk.tariffs.cli import import_fees_command, import_tariffs_command
    from kiosk.tariffs.labels import jinja_globals

    app.register_blueprint(bp)
    register_api(app, api_bp)
    app.cli.add_command(import_tariffs_command)
    app.cli.add_command(import_fees_command)
    app.jinja_env.globals.update(jinja_globals())
