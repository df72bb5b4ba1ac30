"""PostgreSQL: LISTEN/NOTIFY carries each event to the listeners of other app instances at commit."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from kiosk.events.hub import hub_of
from kiosk.events.service import append_event
from kiosk.extensions import db
from kiosk.hall.service import hall_by_code
from tests.conftest import POSTGRES_URL
from tests.events.streams import parse

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
CALLS = 20

#: A second app instance: its own engine, hub and LISTEN connection; prints each event with its arrival time.
OTHER_INSTANCE = textwrap.dedent("""
    import json, sys, time
    sys.path.insert(0, sys.argv[2])
    from pathlib import Path
    from tests.conftest import make_app
    from kiosk.events.hub import hub_of

    app = make_app(sys.argv[1], Path(sys.argv[3]))
    response = app.test_client().get("/api/v1/events?max_seconds=" + sys.argv[4])
    deadline = time.monotonic() + 20
    while not hub_of(app).listening and time.monotonic() < deadline:
        time.sleep(0.01)
    print("ready", flush=True)
    buffer = ""
    for chunk in response.response:
        buffer += chunk.decode() if isinstance(chunk, bytes) else chunk
        while "\\n\\n" in buffer:
            block, buffer = buffer.split("\\n\\n", 1)
            if block.startswith("id: "):
                print(json.dumps([time.time(), block]), flush=True)
    response.close()
""")


def test_calls_reach_another_instance_within_milliseconds(postgres_app, tmp_path):
    hall = hall_by_code("demo")
    other = subprocess.Popen([sys.executable, "-c", OTHER_INSTANCE, POSTGRES_URL, str(ROOT), str(tmp_path), "12"],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                             env=dict(os.environ, KIOSK_INSTANCE_PATH=str(tmp_path)))
    try:
        assert other.stdout is not None
        assert other.stdout.readline().strip() == "ready"
        time.sleep(0.2)
        sent: dict[int, float] = {}
        for n in range(CALLS):
            sent_at = time.time()
            item = append_event(hall.id, "notice", {"n": n})
            db.session.commit()
            sent[item.id] = sent_at
            time.sleep(0.1)
        arrived: dict[int, float] = {}
        while len(arrived) < CALLS:
            line = other.stdout.readline()
            if not line:
                break
            at, block = json.loads(line)
            arrived[parse(block + "\n\n")[0][0]] = at
    finally:
        other.kill()
        other.wait(10)
        if other.stdout is not None:
            other.stdout.close()
    assert set(arrived) == set(sent)
    latencies = [arrived[key] - sent[key] for key in sent]
    assert statistics.median(latencies) <= 0.05
    assert max(latencies) <= 0.25


def test_a_dropped_listener_falls_back_to_polling_and_reconnects(postgres_app):
    hall = hall_by_code("demo")
    hub = hub_of(postgres_app)
    texts: list[str] = []
    thread = threading.Thread(
        target=lambda: texts.append(postgres_app.test_client().get("/api/v1/events?max_seconds=6").get_data(
            as_text=True)))
    thread.start()
    deadline = time.monotonic() + 5
    while not hub.listening and time.monotonic() < deadline:
        time.sleep(0.05)
    assert hub.listening
    db.session.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            "WHERE query LIKE 'LISTEN hallkiosk_events%' AND pid <> pg_backend_pid()"))
    db.session.commit()
    time.sleep(0.3)
    first = append_event(hall.id, "notice", {"n": 1})
    db.session.commit()
    deadline = time.monotonic() + 5
    while not hub.listening and time.monotonic() < deadline:
        time.sleep(0.05)
    assert hub.listening  # back again
    second = append_event(hall.id, "notice", {"n": 2})
    db.session.commit()
    thread.join(10)
    assert [item[0] for item in parse(texts[0])] == [first.id, second.id]
