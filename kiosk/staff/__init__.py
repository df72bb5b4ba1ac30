"""Staff accounts, login and the console."""
from flask import Flask
from flask_babel import lazy_gettext as _l

ROLE_NAMES = {"staff": _l("Staff"), "supervisor": _l("Supervisor"), "admin": _l("Administrator")}


def init_app(app: Flask) -> None:
    from kiosk.staff import auth  # noqa: F401 - registers the user loader
    from kiosk.staff.nav import nav_for
    from kiosk.staff.user_views import bp as users_bp
    from kiosk.staff.views import bp

    app.register_blueprint(bp)
    app.register_blueprint(users_bp)
    app.jinja_env.globals.update(staff_nav=nav_for, role_name=lambda role: str(ROLE_NAMES.get(role, role)))
