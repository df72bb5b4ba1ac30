"""The JSON API under ``/api/v1``: one parent blueprint that each feature's ``api.py`` hangs under.

The parent holds, once for every feature: ``Cache-Control: no-store``, the CSRF exemption (API
clients authenticate with a bearer token, not a session cookie) and JSON error bodies.
"""
from __future__ import annotations

from flask import Blueprint, Flask, Response, jsonify, request

from kiosk.api import openapi
from kiosk.extensions import csrf
from kiosk.validation import storable_json

_FEATURE_APIS = "kiosk.api.features"


def no_store(response: Response) -> Response:
    """API answers are live state or personal data: never cached."""
    response.headers["Cache-Control"] = "no-store"
    return response


def register(app: Flask, feature_api: Blueprint) -> None:
    """Hang a feature's API blueprint under ``/api/v1`` (call from the feature's ``init_app``)."""
    csrf.exempt(feature_api)
    app.extensions.setdefault(_FEATURE_APIS, []).append(feature_api)


def init_app(app: Flask) -> None:
    """Register the ``/api/v1`` parent with every feature API registered so far (endpoints ``api.<feature>.*``)."""
    parent = Blueprint("api", __name__, url_prefix="/api/v1")
    parent.after_request(no_store)
    for feature_api in app.extensions.pop(_FEATURE_APIS, []):
        parent.register_blueprint(feature_api)
    parent.register_blueprint(openapi.bp)
    app.register_blueprint(parent)


def api_error(message: str, status: int) -> Response:
    """A JSON error response ``{"error": message}`` with ``status``."""
    response = jsonify({"error": str(message)})
    response.status_code = status
    return response


def json_body() -> dict | None:
    """The request's JSON object, or ``None`` when the body is missing, malformed or not an object.

    A body holding text the database refuses (a NUL byte, a lone surrogate) or an integer past
    ``bigint`` counts as malformed, so every consumer answers it with its own 400.
    """
    data = request.get_json(silent=True)
    return data if isinstance(data, dict) and storable_json(data) else None


def wants_json() -> bool:
    """Whether the current request is an API call (errors answer in JSON)."""
    return request.path.startswith("/api/") or request.path == "/healthz"
