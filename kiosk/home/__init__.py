"""The kiosk home screen and its shell (language, elder mode, idle reset)."""
from flask import Flask, session


def init_app(app: Flask) -> None:
    from kiosk.home.views import bp

    app.register_blueprint(bp)

    @app.context_processor
    def kiosk_shell():
        return {"elder_mode": bool(session.get("elder")), "idle_seconds": app.config["IDLE_SECONDS"]}
