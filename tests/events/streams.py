"""Reading Server-Sent Events in tests: from a Flask test response or from a raw socket."""
from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

from kiosk.events.hub import hub_of


def parse(text: str) -> list[tuple[int, str, dict]]:
    """The ``(id, event, data)`` messages of an SSE text (comments and ``retry:`` left out)."""
    found = []
    for block in text.split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line and not line.startswith(":"))
        if "id" in fields and "data" in fields:
            found.append((int(fields["id"]), fields.get("event", "message"), json.loads(fields["data"])))
    return found


def insert_event(database: Path, hall_id: int, type_: str, payload: dict) -> int:
    """Insert an event as another process would: straight into the SQLite file, no in-process wake-up."""
    with sqlite3.connect(database, timeout=10) as connection:
        cursor = connection.execute(
            "INSERT INTO events (hall_id, type, payload, created_at) VALUES (?, ?, ?, datetime('now'))",
            (hall_id, type_, json.dumps(payload)),
        )
        return int(cursor.lastrowid or 0)


def wait_for_streams(app, count: int) -> None:
    """Until ``count`` streams of ``app`` are open (each has read its starting point)."""
    deadline = time.monotonic() + 10
    while hub_of(app).streams() < count and time.monotonic() < deadline:
        time.sleep(0.01)
    assert hub_of(app).streams() >= count


def read_stream(client, query: str = "", headers: dict | None = None, **environ) -> str:
    """The whole text of one stream (it ends after its ``max_seconds``)."""
    response = client.get(f"/api/v1/events?{query}", headers=headers or {}, environ_base=environ)
    try:
        return response.get_data(as_text=True)
    finally:
        response.close()
