"""200 simultaneous tickets from two OS processes (each with threads), persistence across a restart, the SSE stream."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from kiosk.extensions import db
from kiosk.queue.models import Ticket
from tests.conftest import make_app

ROOT = Path(__file__).resolve().parents[2]

WORKER = """
import json, sys, time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from tests.conftest import make_app
from kiosk.extensions import db
from kiosk.hall.service import hall_by_code, service_by_code
from kiosk.queue.tickets import issue_ticket

db_url, instance, go, count = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
app = make_app(db_url, Path(instance))

def one(_):
    with app.app_context():
        try:
            hall = hall_by_code("demo")
            return issue_ticket(hall, service_by_code(hall, "A")).number
        finally:
            db.session.remove()

while not go.exists():
    time.sleep(0.005)
with ThreadPoolExecutor(max_workers=10) as pool:
    print(json.dumps(list(pool.map(one, range(count)))))
"""


def two_processes(db_url: str, tmp_path: Path) -> list[str]:
    """Numbers issued by two processes × 10 threads, 100 each, started together."""
    db.session.remove()
    db.engine.dispose()
    go = tmp_path / "go"
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, db_url, str(tmp_path / f"p{n}"), str(go), "100"],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for n in range(2)]
    time.sleep(1.5)  # both have imported the app and wait for the signal
    go.write_text("go")
    numbers = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        numbers += json.loads(out.strip().splitlines()[-1])
    return numbers


def test_two_processes_get_a001_to_a200(app, db_path, tmp_path):
    numbers = two_processes(f"sqlite:///{db_path}", tmp_path)
    assert sorted(numbers) == [f"A{n:03d}" for n in range(1, 201)]
    assert db.session.scalar(select(db.func.count()).select_from(Ticket)) == 200


def test_state_survives_a_restart(app, db_path, tmp_path, issue, window):
    from kiosk.queue import windows

    issue("A")
    issue("A")
    windows.call_next(window(2))
    db.session.remove()
    db.engine.dispose()
    fresh = make_app(f"sqlite:///{db_path}", tmp_path / "restart")
    with fresh.app_context():
        snapshot = fresh.test_client().get("/api/v1/queue").get_json()
        assert {w["number"]: w["serving"] for w in snapshot["windows"]}[2] == "A001"
        assert snapshot["services"][0]["waiting"] == 1
        body = fresh.test_client().post("/api/v1/tickets", json={"service": "A"}).get_json()
        assert body["ticket"] == "A003" and body["waiting_ahead"] == 1
        db.session.remove()
        db.engine.dispose()


def test_event_stream_carries_calls(client, token):
    client.post("/api/v1/tickets", json={"service": "A"})
    start = client.get("/api/v1/events?max_seconds=0.01").get_data(as_text=True)
    last_id = int(start.split(": connected ")[1].split()[0])
    client.post("/api/v1/windows/3/call-next", headers=token("supervisor"))
    text = client.get(f"/api/v1/events?max_seconds=0.3&last_event_id={last_id}").get_data(as_text=True)
    messages = [block for block in text.split("\n\n") if block.startswith("id:")]
    types = [block.split("\n")[1].removeprefix("event: ") for block in messages]
    assert types == ["call", "window", "queue"]
    call = json.loads(messages[0].split("\n")[2].removeprefix("data: "))
    assert (call["ticket"], call["window"], call["service"], call["recall"]) == ("A001", 3, "A", False)
    window = json.loads(messages[1].split("\n")[2].removeprefix("data: "))
    assert window == {"number": 3, "status": "open", "serving": "A001", "reason": None, "reason_texts": {},
                      "until": None}
