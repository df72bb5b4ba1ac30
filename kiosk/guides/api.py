"""``POST /api/v1/applications``: applications and stage updates from the utility's systems (staff token)."""
from __future__ import annotations

from flask import Blueprint, jsonify
from flask_babel import gettext as _

from kiosk.api import api_error, json_body
from kiosk.guides.importer import import_rows
from kiosk.staff.auth import api_user, token_permission

bp = Blueprint("guides", __name__)


def _rows(body: dict) -> list[tuple[int, dict]] | None:
    """``(item number, row)`` pairs from ``{"applications": [{…, "stages": [{…}]}]}``; ``None`` when malformed."""
    items = body.get("applications")
    if not isinstance(items, list):
        return None
    rows: list[tuple[int, dict]] = []
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("stages"), list) or not item["stages"]:
            rows.append((index, {}))
            continue
        base = {key: item.get(key) for key in ("number", "business", "applicant", "phone")}
        for stage in item["stages"]:
            rows.append((index, base | (stage if isinstance(stage, dict) else {})))
    return rows


@bp.post("/applications")
@token_permission("applications.import")
def import_applications():
    """Create or update applications with their stages; all or nothing (400 with every error)."""
    body = json_body()
    rows = _rows(body) if body is not None else None
    if rows is None:
        return api_error(_("Send a JSON object with a list “applications”."), 400)
    result = import_rows(rows, "api", user=api_user())
    if not result.ok:
        response = jsonify({"error": _("Nothing was imported."),
                            "errors": [{"item": line, "error": reason} for line, reason in result.errors]})
        response.status_code = 400
        return response
    return jsonify({"rows": result.rows, "created": result.created, "updated": result.updated})
