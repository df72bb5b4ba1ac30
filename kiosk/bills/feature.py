"""How the bills feature plugs into the app: its blueprints, commands, hooks and template globals."""
from flask import Flask

from kiosk.api import register as register_api
from kiosk.bills.api import bp as api_bp
from kiosk.bills.cli import import_bills_command
from kiosk.bills.labels import jinja_globals
from kiosk.bills.session import forget_outside_bill_pages
from kiosk.bills.staff_views import bp as staff_bp
from kiosk.bills.views import bp


def init_app(app: Flask) -> None:
    """Register the bill pages, the staff page, the API, the import command and the template globals."""
    app.register_blueprint(bp)
    app.register_blueprint(staff_bp)
    register_api(app, api_bp)
    app.cli.add_command(import_bills_command)
    app.before_request(forget_outside_bill_pages)
    app.jinja_env.globals.update(jinja_globals())
