"""``GET /api/v1/events``: the Server-Sent Events stream the displays follow."""
from __future__ import annotations

import time
from collections.abc import Hashable, Iterator

from flask import Blueprint, Response, current_app, request, stream_with_context
from flask_babel import gettext as _

from kiosk.api import api_error
from kiosk.events.hub import format_sse, hub_of
from kiosk.events.service import events_after, latest_event_id
from kiosk.extensions import db
from kiosk.hall.service import current_device, current_hall, hall_by_code
from kiosk.validation import float_arg, int_arg

#: The longest stream a client may ask to be ended after (tests and benchmarks use it).
MAX_STREAM_SECONDS = 86400.0
#: Rows a stream that resumes from before the listener's memory reads per query.
EVENTS_PER_READ = 200

bp = Blueprint("events", __name__)


def _requested_start() -> tuple[int | None, bool]:
    """The event id to resume after (``Last-Event-ID`` or ``?last_event_id=``) and whether it was well-formed."""
    raw = request.headers.get("Last-Event-ID") or request.args.get("last_event_id")
    if raw is None:
        return None, True
    value = int_arg(raw, minimum=-(2**31))
    return (None if value is None else max(value, 0)), value is not None


#: The last message of a stream the server ends (reload, shutdown): reconnect soon, with ``Last-Event-ID``.
CLOSING = b"retry: 1000\n: server restarting, reconnect\n\n"


def _stream_keys() -> dict[Hashable, int]:
    """The caps this stream counts against: its paired device's and its client address's."""
    keys: dict[Hashable, int] = {("address", request.remote_addr or ""): current_app.config["STREAMS_PER_ADDRESS"]}
    device = current_device()
    if device is not None:
        keys[("device", device.id)] = current_app.config["STREAMS_PER_DEVICE"]
    return keys


@bp.get("/events")
def stream():
    """Stream the hall's events after ``Last-Event-ID`` (or from now), with keep-alives.

    Answers 429 past ``KIOSK_STREAMS_PER_DEVICE`` open streams of one paired device or
    ``KIOSK_STREAMS_PER_ADDRESS`` of one client address (counted per server process).
    """
    start, well_formed = _requested_start()
    if not well_formed:
        return api_error(_("Last-Event-ID must be an event number."), 400)
    raw_seconds = request.args.get("max_seconds") or "0"
    max_seconds = float_arg(raw_seconds, maximum=MAX_STREAM_SECONDS)  # tests and benchmarks end streams
    if max_seconds is None:
        return api_error(_("max_seconds must be a number of seconds from 0 to %(limit)s.",
                           limit=int(MAX_STREAM_SECONDS)), 400)
    code = request.args.get("hall")
    hall = hall_by_code(code[:32]) if code else current_hall()
    if hall is None:
        return api_error(_("There is no such hall."), 404)
    hall_id = hall.id
    newest = latest_event_id(hall_id)
    last_id = start if start is not None else newest
    hub = hub_of(current_app)
    lease = hub.open(hall_id, newest, _stream_keys())
    db.session.remove()
    if lease is None and hub.closing:
        return api_error(_("The server is restarting; try again in a moment."), 503)
    if lease is None:
        return api_error(_("Too many event streams are open from this device or address."), 429)
    keepalive = current_app.config["EVENT_KEEPALIVE_SECONDS"]

    def generate() -> Iterator[bytes]:
        nonlocal last_id
        started = last_ping = time.monotonic()
        yield f"retry: 2000\n: connected {last_id}\n\n".encode()
        while True:
            now = time.monotonic()
            if max_seconds and now - started >= max_seconds:
                return
            if now - last_ping >= keepalive:
                last_ping = now
                yield b": keep-alive\n\n"
            timeout = keepalive - (now - last_ping)
            if max_seconds:
                timeout = min(timeout, max_seconds - (now - started))
            batch = lease.wait(last_id, max(timeout, 0.0))
            caught_up = False
            if batch.behind:  # resuming from before what the listener holds: read the gap here
                rows = events_after(hall_id, last_id, EVENTS_PER_READ)
                db.session.remove()
                caught_up = len(rows) < EVENTS_PER_READ
                if rows:
                    last_id = rows[-1].id
                    yield "".join(format_sse(row.id, row.type, row.payload) for row in rows).encode()
            if batch.items:  # the same bytes for every stream of the hall, in one write
                last_id = batch.items[-1].id
                yield b"".join(item.message for item in batch.items)
            if caught_up:  # nothing else exists up to what the listener holds
                last_id = max(last_id, batch.floor)
            if batch.closing:
                yield CLOSING
                return

    headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    response = Response(stream_with_context(generate()), mimetype="text/event-stream", headers=headers)
    response.call_on_close(lease.close)
    return response
