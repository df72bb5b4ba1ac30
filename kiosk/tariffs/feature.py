"""How the tariffs feature plugs into the app: its blueprints, commands, hooks and template globals."""
from flask import Flask

from kiosk.api import register as register_api
from kiosk.tariffs import api, staff_views, views
from kiosk.tariffs.cli import import_fees_command, import_tariffs_command
from kiosk.tariffs.labels import jinja_globals


def init_app(app: Flask) -> None:
    """Register the kiosk, staff and API blueprints, the import commands and the template globals."""
    app.register_blueprint(views.bp)
    app.register_blueprint(staff_views.bp)
    register_api(app, api.bp)
    app.cli.add_command(import_tariffs_command)
    app.cli.add_command(import_fees_command)
    app.jinja_env.globals.update(jinja_globals())
