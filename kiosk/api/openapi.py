"""``GET /api/v1/openapi.json``: the OpenAPI 3.1 document of every ``/api/v1`` route (``docs/api.md`` in prose).

Written by hand, next to the routes it describes; ``tests/foundation/test_openapi.py`` keeps it and
``app.url_map`` in step, and ``tests/foundation/test_api_fuzz.py`` runs schemathesis against it.
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify

bp = Blueprint("openapi", __name__)

_ERROR = {"$ref": "#/components/schemas/Error"}
_STRING = {"type": "string"}
_BILL_SUMMARY = {
    "type": "object",
    "required": ["account", "name", "address", "category", "bills", "arrears", "late_fee", "total_due"],
    "properties": {"account": _STRING, "name": _STRING, "address": _STRING,
                   "category": {"enum": ["residential", "non_residential"]},
                   "bills": {"type": "array", "items": {"type": "object"}},
                   "arrears": _STRING, "late_fee": _STRING, "total_due": _STRING},
}
_NULLABLE_STRING = {"type": ["string", "null"]}
_TEXTS = {"type": "object", "additionalProperties": {"type": "string"}}

_MESSAGES = {
    200: "OK", 201: "Created", 400: "Malformed input (wrong types, a NUL byte, an id past its range)",
    401: "A valid staff token (or a paired device) is required", 403: "The role may not act",
    404: "Not found (also ids past the column's range)", 409: "Not possible in the current state",
    429: "Rate limited",
}


def _json(schema: dict) -> dict:
    return {"application/json": {"schema": schema}}


def _responses(ok: dict | None, *errors: int, ok_status: int = 200, ok_content: dict | None = None) -> dict:
    responses: dict[str, Any] = {}
    if ok is not None or ok_content is not None:
        responses[str(ok_status)] = {"description": _MESSAGES[ok_status], "content": ok_content or _json(ok or {})}
    for status in sorted({400, *errors}):
        responses[str(status)] = {"description": _MESSAGES[status], "content": _json(_ERROR)}
    return responses


def _events_responses() -> dict:
    responses = _responses(None, 404, 429, ok_content={"text/event-stream": {"schema": _STRING}})
    responses["503"] = {"description": "The server is reloading or shutting down: reconnect in a moment",
                        "content": _json(_ERROR)}
    responses["429"]["description"] = ("Too many open streams: KIOSK_STREAMS_PER_DEVICE per paired device or "
                                       "KIOSK_STREAMS_PER_ADDRESS per client address (default 4 and 50)")
    return responses


def _body(schema: dict, required: bool = True) -> dict:
    return {"required": required, "content": _json(schema)}


_WINDOW_NUMBER = {"name": "number", "in": "path", "required": True,
                  "schema": {"type": "integer", "minimum": 0, "examples": [1, 2]}}
_SERVICE_CODE = {"name": "code", "in": "path", "required": True, "schema": {"type": "string", "examples": ["A", "B"]}}
_LANG = {"name": "lang", "in": "query", "required": False, "schema": _STRING,
         "description": "zh_Hans_CN, en, ug, bo or mn_Mong_CN"}
_STAFF: list[dict[str, list[str]]] = [{"bearer": []}]

_WINDOW_TICKET = {"type": "object", "required": ["ticket", "window"],
                  "properties": {"ticket": _STRING, "window": {"type": "integer"}}}
_WINDOW_STATE = {
    "type": "object", "required": ["number", "status"],
    "properties": {"number": {"type": "integer"}, "status": {"enum": ["open", "suspended", "closed"]},
                   "serving": _NULLABLE_STRING, "reason": _NULLABLE_STRING, "reason_texts": _TEXTS,
                   "until": _NULLABLE_STRING},
}
_SERVICE_STATE = {
    "type": "object", "required": ["code", "suspended"],
    "properties": {"code": _STRING, "suspended": {"type": "boolean"}, "reason": _NULLABLE_STRING,
                   "reason_texts": _TEXTS, "until": _NULLABLE_STRING},
}
_SUSPENSION = {"type": "object", "properties": {
    "reason": {"type": ["string", "null"], "description": "a preset reason key or free text"},
    "text": {"type": ["string", "null"]},
    "until": {"type": ["string", "null"], "description": "ISO-8601, or null for until resumed"},
}}


def _window_action(summary: str, ok: dict, operation_id: str, body: dict | None = None,
                   errors: tuple[int, ...] = (401, 403, 404, 409)) -> dict:
    operation: dict[str, Any] = {"summary": summary, "operationId": operation_id, "security": _STAFF,
                                 "parameters": [_WINDOW_NUMBER], "responses": _responses(ok, *errors)}
    if body is not None:
        operation["requestBody"] = _body(body)
    return {"post": operation}


def _paths() -> dict:
    paths: dict[str, Any] = {
        "/api/v1/openapi.json": {"get": {
            "summary": "This document", "operationId": "openapi",
            "responses": {"200": {"description": "OK", "content": _json({"type": "object"})}},
        }},
        "/api/v1/tickets": {"post": {
            "summary": "Issue a queue ticket", "operationId": "create_ticket",
            "description": "409 when the hall is closed, or the service is suspended, closed, outside its own "
                           "hours or has reached its daily ticket cap.",
            "requestBody": _body({"type": "object", "required": ["service"],
                                  "properties": {"service": {"type": "string", "examples": ["A", "B"]},
                                                 "priority": {"type": "boolean"}}}),
            "responses": _responses({
                "type": "object", "required": ["ticket", "service", "waiting_ahead", "issued_at", "status_url"],
                "properties": {"ticket": _STRING, "service": _STRING, "waiting_ahead": {"type": "integer"},
                               "issued_at": _STRING, "status_url": _STRING},
            }, 401, 404, 409, 429, ok_status=201),
        }},
        "/api/v1/queue": {"get": {
            "summary": "Waiting counts, window states and recent calls", "operationId": "queue_snapshot",
            "responses": _responses({
                "type": "object", "required": ["hall", "services", "windows", "recent_calls"],
                "properties": {"hall": _STRING, "services": {"type": "array", "items": {"type": "object"}},
                               "windows": {"type": "array", "items": {"type": "object"}},
                               "recent_calls": {"type": "array", "items": {"type": "object"}}},
            }),
        }},
        "/api/v1/announcements/{ticket}": {"get": {
            "summary": "A call announcement as audio: the hall's clips (recordings, else the default voice) joined",
            "operationId": "announcement",
            "parameters": [
                {"name": "ticket", "in": "path", "required": True,
                 "schema": {"type": "string", "examples": ["A012"]}},
                {"name": "window", "in": "query", "required": False,
                 "schema": {"type": "string", "examples": ["3"]}, "description": "the window number (1 to 99)"},
                _LANG,
                {"name": "chime", "in": "query", "required": False, "schema": _STRING,
                 "description": "1: the call chime first"},
            ],
            "responses": _responses(None, 404, ok_content={"audio/wav": {"schema": {
                "type": "string", "contentMediaType": "audio/wav"}}}),
        }},
        "/api/v1/events": {"get": {
            "summary": "Server-Sent Events stream of the hall (call, window, service, queue, rating, notice)",
            "operationId": "events",
            "parameters": [
                {"name": "Last-Event-ID", "in": "header", "required": False, "schema": _STRING,
                 "description": "resume after this event id (an integer)"},
                {"name": "last_event_id", "in": "query", "required": False, "schema": _STRING},
                {"name": "max_seconds", "in": "query", "required": False, "schema": _STRING,
                 "description": "end the stream after this many seconds (0 to 86400; 0 or absent: never)"},
                {"name": "hall", "in": "query", "required": False, "schema": _STRING,
                 "description": "the hall's code (a phone following its ticket); default: the device's hall"},
            ],
            "responses": _events_responses(),
        }},
        "/api/v1/windows/{number}/call-next": _window_action(
            "Call the next ticket", {"type": "object", "required": ["ticket", "window"],
                                     "properties": {"ticket": _NULLABLE_STRING, "window": {"type": "integer"}}},
            "call_next"),
        "/api/v1/windows/{number}/recall": _window_action("Call the current ticket again", _WINDOW_TICKET, "recall"),
        "/api/v1/windows/{number}/skip": _window_action("Skip the current ticket", _WINDOW_TICKET, "skip"),
        "/api/v1/windows/{number}/finish": _window_action("Finish the current ticket", _WINDOW_TICKET, "finish"),
        "/api/v1/windows/{number}/transfer": _window_action(
            "Transfer the current ticket to a service or a window",
            {"type": "object", "required": ["ticket", "window", "service"],
             "properties": {"ticket": _STRING, "window": {"type": "integer"}, "service": _STRING,
                            "to_window": {"type": ["integer", "null"]}}},
            "transfer", body={"type": "object", "properties": {"service": _STRING, "window": {"type": "integer"}}}),
        "/api/v1/windows/{number}/open": _window_action(
            "Open the window", {"type": "object", "required": ["window", "status"],
                                "properties": {"window": {"type": "integer"}, "status": _STRING}}, "open"),
        "/api/v1/windows/{number}/close": _window_action(
            "Close the window", {"type": "object", "required": ["window", "status"],
                                 "properties": {"window": {"type": "integer"}, "status": _STRING}}, "close"),
        "/api/v1/windows/{number}/requeue": _window_action(
            "Put a skipped ticket of today back at the front of its line",
            {"type": "object", "required": ["ticket", "window", "status"],
             "properties": {"ticket": _STRING, "window": {"type": "integer"}, "status": _STRING}},
            "requeue", body={"type": "object", "required": ["ticket"], "properties": {"ticket": _STRING}}),
        "/api/v1/windows/{number}/suspend": _window_action(
            "Suspend the window (own window; supervisors any)", _WINDOW_STATE, "window_suspend", body=_SUSPENSION),
        "/api/v1/windows/{number}/resume": _window_action("Resume the window", _WINDOW_STATE, "window_resume"),
        "/api/v1/notices": {"get": {
            "summary": "Active notices and current or upcoming outages", "operationId": "notices",
            "parameters": [_LANG],
            "responses": _responses({"type": "object", "required": ["notices", "outages"],
                                     "properties": {"notices": {"type": "array", "items": {"type": "object"}},
                                                    "outages": {"type": "array", "items": {"type": "object"}}}}),
        }},
        "/api/v1/bills/{account_no}": {"get": {
            "summary": "The masked bill summary of an account", "operationId": "bill_summary",
            "parameters": [{"name": "account_no", "in": "path", "required": True, "schema": _STRING},
                           {"name": "as_of", "in": "query", "required": False, "schema": _STRING,
                            "description": "YYYY-MM-DD"}],
            "responses": _responses(_BILL_SUMMARY, 401, 404, 429),
        }},
        "/api/v1/bills/lookup": {"post": {
            "summary": "The masked bill summary of an account named in the body (keeps the number out of logs)",
            "operationId": "bill_lookup",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["account"],
                "properties": {"account": _STRING, "as_of": {**_STRING, "description": "YYYY-MM-DD"}}}}}},
            "responses": _responses(_BILL_SUMMARY, 401, 404, 429),
        }},
        "/api/v1/tariffs": {"get": {
            "summary": "The tariff tables in force and the upcoming versions", "operationId": "tariffs",
            "responses": _responses({"type": "object", "required": ["date", "tariffs", "upcoming"],
                                     "properties": {"date": _STRING,
                                                    "tariffs": {"type": "array", "items": {"type": "object"}},
                                                    "upcoming": {"type": "array", "items": {"type": "object"}}}}),
        }},
        "/api/v1/tariffs/estimate": {"get": {
            "summary": "Estimate a bill with every line of the calculation", "operationId": "estimate",
            "parameters": [
                {"name": name, "in": "query", "required": name == "kwh", "schema": _STRING}
                for name in ("category", "kwh", "ytd_kwh", "peak_kwh", "valley_kwh")
            ],
            "responses": _responses({"type": "object", "required": ["category", "lines", "total"],
                                     "properties": {"category": _STRING, "tariff": _STRING,
                                                    "effective_from": _STRING, "total": _STRING,
                                                    "lines": {"type": "array", "items": {"type": "object"}}}}),
        }},
        "/api/v1/fees": {"get": {
            "summary": "The fee schedule, optionally filtered by q", "operationId": "fees",
            "parameters": [{"name": "q", "in": "query", "required": False, "schema": _STRING}],
            "responses": _responses({"type": "object", "required": ["fees"],
                                     "properties": {"fees": {"type": "array", "items": {"type": "object"}}}}),
        }},
        "/api/v1/applications": {"post": {
            "summary": "Import applications and stage updates (all or nothing)", "operationId": "import_applications",
            "security": _STAFF,
            "requestBody": _body({"type": "object", "required": ["applications"],
                                  "properties": {"applications": {"type": "array", "items": {"type": "object"}}}}),
            "responses": _responses({"type": "object", "required": ["rows", "created", "updated"],
                                     "properties": {"rows": {"type": "integer"}, "created": {"type": "integer"},
                                                    "updated": {"type": "integer"}}}, 401, 403),
        }},
    }
    for action, summary in (("suspend", "Suspend a service across the hall (supervisor)"),
                            ("resume", "Resume a service (supervisor)")):
        operation: dict[str, Any] = {"summary": summary, "operationId": f"service_{action}", "security": _STAFF,
                                     "parameters": [_SERVICE_CODE],
                                     "responses": _responses(_SERVICE_STATE, 401, 403, 404, 409)}
        if action == "suspend":
            operation["requestBody"] = _body(_SUSPENSION)
        paths[f"/api/v1/services/{{code}}/{action}"] = {"post": operation}
    return paths


def document() -> dict:
    """The OpenAPI 3.1 document of ``/api/v1``."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "hallkiosk API", "version": "v1",
                 "description": "Queue, live events, suspensions, notices, bills, tariffs and applications. "
                                "Errors are {\"error\": message}. See docs/api.md."},
        "paths": _paths(),
        "components": {
            "schemas": {"Error": {"type": "object", "required": ["error"], "properties": {"error": _STRING}}},
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                           "description": "flask --app app create-token USERNAME"}},
        },
    }


@bp.get("/openapi.json")
def openapi_document():
    """The OpenAPI 3.1 document."""
    return jsonify(document())
