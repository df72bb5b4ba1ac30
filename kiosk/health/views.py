"""``GET /healthz`` for monitoring."""
from flask import Blueprint, jsonify
from sqlalchemy import text

from kiosk.extensions import db

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    """``{"status": "ok", "db": "ok"}``, or 503 naming the failing part."""
    try:
        db.session.execute(text("SELECT 1"))
    except Exception as error:  # noqa: BLE001 - any database failure means "not healthy"
        db.session.rollback()
        return jsonify({"status": "error", "db": type(error).__name__}), 503
    return jsonify({"status": "ok", "db": "ok"})
