"""hallkiosk: self-service kiosk and wall display system for power-supply business halls."""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from flask import Flask, g

from kiosk import api, assets, cli, database, errors, i18n, security, validation
from kiosk import config as config_module
from kiosk.admin import feature as admin_feature
from kiosk.audit import models as audit_models  # noqa: F401 - the audit table
from kiosk.bills import feature as bills_feature
from kiosk.devices import feature as devices_feature
from kiosk.display import feature as display_feature
from kiosk.events import feature as events_feature
from kiosk.extensions import babel, csrf, db, login_manager, migrate
from kiosk.guides import feature as guides_feature
from kiosk.hall import feature as hall_feature
from kiosk.health import feature as health_feature
from kiosk.home import feature as home_feature
from kiosk.media import feature as media_feature
from kiosk.notices import feature as notices_feature
from kiosk.printing import feature as printing_feature
from kiosk.queue import feature as queue_feature
from kiosk.ratelimit import RateCounter  # noqa: F401 - the rate-limit table
from kiosk.region import feature as region_feature
from kiosk.staff import feature as staff_feature
from kiosk.tariffs import feature as tariffs_feature
from kiosk.voice import feature as voice_feature

#: Every feature's ``feature`` module, in registration order: its ``init_app(app)`` registers the
#: feature's blueprints, commands, hooks and template globals. Importing them loads every model too.
FEATURES = (
    hall_feature, devices_feature, staff_feature, events_feature, home_feature, display_feature, health_feature,
    tariffs_feature, bills_feature, queue_feature, notices_feature, guides_feature, printing_feature,
    media_feature, admin_feature, voice_feature, region_feature,
)


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
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = app.config.get("SESSION_COOKIE_SAMESITE") or "Lax"
    app.config["REMEMBER_COOKIE_HTTPONLY"] = True
    app.config["REMEMBER_COOKIE_SAMESITE"] = app.config.get("REMEMBER_COOKIE_SAMESITE") or "Lax"
    if app.config["HTTPS"]:
        app.config["SESSION_COOKIE_SECURE"] = True
        app.config["REMEMBER_COOKIE_SECURE"] = True
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(root / "translations")
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Asia/Shanghai")

    security.trust_proxies(app)
    _init_extensions(app)
    _init_features(app)
    security.init_app(app)
    return app


def _init_extensions(app: Flask) -> None:
    validation.init_app(app)
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
    assets.init_app(app)
    login_manager.login_view = "staff.login"
    login_manager.login_message = None


def _fresh_request_globals() -> None:
    """Start each request with an empty ``g`` (locale, hall and device are cached there).

    In production every request has its own app context anyway; this keeps tests,
    which hold one app context across many requests, honest.
    """
    for key in list(vars(g)):
        delattr(g, key)


def _init_features(app: Flask) -> None:
    for feature in FEATURES:
        feature.init_app(app)
    api.init_app(app)
    errors.init_app(app)
    cli.init_app(app)
