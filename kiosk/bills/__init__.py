"""Bill queries: accounts, bills, late fees, the kiosk pages, the API and the CSV import."""
from flask import Flask, request, session

#: The session key holding the account number while the customer is on the bill pages.
SESSION_KEY = "bills_account"


def forget_outside_bill_pages() -> None:
    """``before_request``: leaving the bill pages for another kiosk page forgets the account."""
    if SESSION_KEY in session and request.endpoint != "static":
        path = request.path
        if (path == "/" or path.startswith("/kiosk")) and not path.startswith("/kiosk/bills"):
            session.pop(SESSION_KEY, None)


def init_app(app: Flask) -> None:
    from kiosk.api import register as register_api
    from kiosk.bills.api import bp as api_bp
    from kiosk.bills.cli import import_bills_command
    from kiosk.bills.labels import jinja_globals
    from kiosk.bills.staff_views import bp as staff_bp
    from kiosk.bills.views import bp

    app.register_blueprint(bp)
    app.register_blueprint(staff_bp)
    register_api(app, api_bp)
    app.cli.add_command(import_bills_command)
    app.before_request(forget_outside_bill_pages)
    app.jinja_env.globals.update(jinja_globals())
