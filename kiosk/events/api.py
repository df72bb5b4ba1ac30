"""``GET /api/v1/events``: the Server-Sent Events stream the displays follow."""
from __future__ import annotations

import json
import time
from collections.abc import Iterator

from flask import Blueprint, Response, current_app, request, stream_with_context

from kiosk.events.service import events_after, latest_event_id, wakeup
from kiosk.extensions import db
from kiosk.hall.service import current_hall

bp = Blueprint("events", __name__)


def _start_id(hall_id: int) -> int:
    raw = request.headers.get("Last-Event-ID") or request.args.get("last_event_id")
    if raw is not None:
        try:
            return max(int(raw), 0)
        except ValueError:
            pass
    return latest_event_id(hall_id)


def format_sse(event_id: int, type_: str, data: dict) -> str:
    """One SSE message."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"id: {event_id}\nevent: {type_}\ndata: {body}\n\n"


@bp.get("/events")
def stream():
    """Stream the hall's events after ``Last-Event-ID`` (or from now), with keep-alives."""
    hall = current_hall()
    hall_id = hall.id
    last_id = _start_id(hall_id)
    db.session.remove()
    poll = current_app.config["EVENT_POLL_SECONDS"]
    keepalive = current_app.config["EVENT_KEEPALIVE_SECONDS"]
    max_seconds = float(request.args.get("max_seconds", 0) or 0)  # tests and benchmarks end streams

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
