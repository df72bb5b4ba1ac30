"""hallkiosk: self-service kiosk and wall display system for power-supply business halls."""
from __future__ import annotations

import importlib
import importlib.util
import os
from datetime import timedelta
from pathlib import Path

from flask import Flask

from kiosk import config as config_module
from kiosk.extensions import babel, csrf, db, login_manager, migrate

#: Feature packages, in registration order. Each may provide ``models`` (tables),
#: ``init_app(app)`` in its ``__init__`` (blueprints, CLI commands) and ``demo.seed_demo(hall)``.
FEATURES = (
    "hall", "staff", "audit", "events", "home", "display", "health",
    "tariffs", "bills", "queue", "notices", "guides", "printing",
)


def import_models() -> None:
    """Import every feature's models so the metadata knows all tables."""
    importlib.import_module("kiosk.ratelimit")
    for name in FEATURES:
        if importlib.util.find_spec(f"kiosk.{name}.models"):
            importlib.import_module(f"kiosk.{name}.models")


def create_app(config: dict | None = None) -> Flask:
    """Build the application: settings, extensions, features, templates."""
    root = config_module.ROOT
    app = Flask(
        __name__,
        instance_path=os.environ.get("KIOSK_INSTANCE_PATH", str(root / "instance")),
        instance_relative_config=True,
        template_folder=str(root / "templates"),
        static_folder=str(root / "static"),
    )
    instance = Path(app.instance_path)
    app.config.update(config_module.defaults(instance))
    app.config.from_pyfile("config.py", silent=True)
    app.config.update(config_module.from_environment(os.environ))
    app.config.update(config or {})
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config_module.secret_key(instance)
    app.config.setdefault("SQLALCHEMY_DATABASE_URI", app.config["DATABASE_URL"])
    app.config["SQLALCHEMY_DATABASE_URI"] = app.config["DATABASE_URL"]
    app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {"pool_pre_ping": True})
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(minutes=app.config["STAFF_SESSION_MINUTES"])
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(root / "translations")
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Asia/Shanghai")

    _init_extensions(app)
    _init_features(app)
    return app


def _init_extensions(app: Flask) -> None:
    from kiosk import database, i18n

    db.init_app(app)
    database.configure_engine(app)
    migrate.init_app(app, db, directory=str(config_module.ROOT / "migrations"), render_as_batch=True)
    babel.init_app(app, default_locale=i18n.DEFAULT_LOCALE, locale_selector=i18n.select_locale,
                   default_timezone=app.config["BABEL_DEFAULT_TIMEZONE"])
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    app.jinja_env.globals.update(i18n.jinja_helpers())
    app.before_request(_fresh_request_globals)
    app.before_request(i18n.remember_locale_choice)
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "staff.login"
    login_manager.login_message = None


def _fresh_request_globals() -> None:
    """Start each request with an empty ``g`` (locale, hall and device are cached there).

    In production every request has its own app context anyway; this keeps tests,
    which hold one app context across many requests, honest.
    """
    from flask import g

    for key in list(vars(g)):
        delattr(g, key)


def _init_features(app: Flask) -> None:
    from kiosk import api, cli, errors

    import_models()
    for name in FEATURES:
        module = importlib.import_module(f"kiosk.{name}")
        if hasattr(module, "init_app"):
            module.init_app(app)
    api.init_app(app)
    errors.init_app(app)
    cli.init_app(app)
