"""How the staff feature plugs into the app: its blueprints, commands, hooks and template globals."""
from flask import Flask

from kiosk.staff import (
    auth,  # noqa: F401 - registers the user loader
    staff_views,
    user_views,
)
from kiosk.staff.labels import role_name
from kiosk.staff.nav import admin_nav_for, nav_for


def init_app(app: Flask) -> None:
    """Register the console and user-administration blueprints and the navigation template globals."""
    app.register_blueprint(staff_views.bp)
    app.register_blueprint(user_views.bp)
    app.jinja_env.globals.update(staff_nav=nav_for, staff_admin_nav=admin_nav_for, role_name=role_name)
