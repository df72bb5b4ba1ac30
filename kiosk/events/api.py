"""``GET /api/v1/events``: the Server-Sent Events stream the displays follow."""
from __future__ import annotations

import json
import time
from collections.abc import Iterator

from flask import Blueprint, Response, current_app, request, stream_with_context
from flask_babel import gettext as _

from kiosk.api import api_error
from kiosk.events.service import events_after, latest_event_id, wakeup
from kiosk.extensions import db
from kiosk.hall.service import current_hall
from kiosk.validation import float_arg, int_arg

#: The longest stream a client may ask to be ended after (tests and benchmarks use it).
MAX_STREAM_SECONDS = 86400.0

bp = Blueprint("events", __name__)


def _requested_start() -> tuple[int | None, bool]:
    """The event id to resume after (``Last-Event-ID`` or ``?last_event_id=``) and whether it was well-formed."""
    raw = request.headers.get("Last-Event-ID") or request.args.get("last_event_id")
    if raw is None:
        return None, True
    value = int_arg(raw, minimum=-(2**31))
    return (None if value is None else max(value, 0)), value is not None


def format_sse(event_id: int, type_: str, data: dict) -> str:
    """One SSE message."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"id: {event_id}\nevent: {type_}\ndata: {body}\n\n"


@bp.get("/events")
def stream():
    """Stream the hall's events after ``Last-Event-ID`` (or from now), with keep-alives."""
    start, well_formed = _requested_start()
    if not well_formed:
        return api_error(_("Last-Event-ID must be an event number."), 400)
    raw_seconds = request.args.get("max_seconds") or "0"
    max_seconds = float_arg(raw_seconds, maximum=MAX_STREAM_SECONDS)  # tests and benchmarks end streams
    if max_seconds is None:
        return api_error(_("max_seconds must be a number of seconds from 0 to %(limit)s.",
                           limit=int(MAX_STREAM_SECONDS)), 400)
    hall = current_hall()
    hall_id = hall.id
    last_id = start if start is not None else latest_event_id(hall_id)
    db.session.remove()
    poll = current_app.config["EVENT_POLL_SECONDS"]
    keepalive = current_app.config["EVENT_KEEPALIVE_SECONDS"]

    def generate() -> Iterator[str]:
        nonlocal last_id
        started = last_ping = time.monotonic()
        generation = wakeup.generation
        yield f"retry: 2000\n: connected {last_id}\n\n"
        while True:
            rows = events_after(hall_id, last_id)
            db.session.remove()
            for row in rows:
                last_id = row.id
                yield format_sse(row.id, row.type, row.payload)
            now = time.monotonic()
            if max_seconds and now - started >= max_seconds:
                return
            if now - last_ping >= keepalive:
                last_ping = now
                yield ": keep-alive\n\n"
            generation = wakeup.wait(generation, poll)

    headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    return Response(stream_with_context(generate()), mimetype="text/event-stream", headers=headers)
