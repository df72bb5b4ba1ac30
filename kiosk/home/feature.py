"""How the home feature plugs into the app: its blueprints, commands, hooks and template globals."""
from flask import Flask, session

from kiosk.home import views


def init_app(app: Flask) -> None:
    """Register the home blueprint and the kiosk shell's template values."""
    app.register_blueprint(views.bp)

    @app.context_processor
    def kiosk_shell():
        return {"elder_mode": bool(session.get("elder")), "idle_seconds": app.config["IDLE_SECONDS"],
                "idle_warning_seconds": app.config["IDLE_WARNING_SECONDS"],
                "ticket_return_seconds": app.config["TICKET_RETURN_SECONDS"]}
