"""How the devices feature plugs into the app: the pairing screen, the admin page, the command, the hooks."""
from flask import Flask

from kiosk.devices import cli, identity, staff_views, views
from kiosk.devices.labels import kind_name


def init_app(app: Flask) -> None:
    """Register the blueprints and the command; recognise paired devices before every request."""
    if app.config["UNPAIRED"] not in identity.POLICIES:
        raise ValueError(f"KIOSK_UNPAIRED must be one of {', '.join(identity.POLICIES)}")
    app.register_blueprint(views.bp)
    app.register_blueprint(staff_views.bp)
    app.cli.add_command(cli.register_device_command)
    app.before_request(identity.identify)
    app.before_request(identity.refuse_unpaired)
    app.jinja_env.globals.update(device_kind_name=kind_name)
