"""Shared helpers for the JSON API under ``/api/v1`` (each feature owns its own routes)."""
from __future__ import annotations

from decimal import Decimal

from flask import jsonify, request


def api_error(message: str, status: int):
    """A JSON error response ``{"error": message}`` with ``status``."""
    response = jsonify({"error": str(message)})
    response.status_code = status
    return response


def json_body() -> dict | None:
    """The request's JSON object, or ``None`` when the body is missing, malformed or not an object."""
    data = request.get_json(silent=True)
    return data if isinstance(data, dict) else None


def money_text(amount: Decimal) -> str:
    """Money as a string with exactly two decimals, as the API documents."""
    return f"{Decimal(amount).quantize(Decimal('0.01')):f}"


def wants_json() -> bool:
    """Whether the current request is an API call (errors answer in JSON)."""
    return request.path.startswith("/api/") or request.path == "/healthz"
