"""The event stream: one listener per process fans events out; resuming; caps per device and address; closing."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import event

from kiosk.events import api as events_api
from kiosk.events.hub import hub_of
from kiosk.events.service import append_event
from kiosk.extensions import db
from tests.events.streams import insert_event, parse, read_stream, wait_for_streams

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def hall(empty_app, make_hall):
    return make_hall()


def test_one_listener_feeds_every_stream(empty_app, empty_db_path, hall):
    """Twenty streams, one poller: each gets every event from another process, and the table is read ~10×/s."""
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        if "FROM events" in statement:
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    texts: list[str] = []

    def follow():
        texts.append(read_stream(empty_app.test_client(), "max_seconds=3"))

    streams = [threading.Thread(target=follow) for _ in range(20)]
    for thread in streams:
        thread.start()
    wait_for_streams(empty_app, 20)
    time.sleep(0.2)
    before = len(statements)
    ids = [insert_event(empty_db_path, hall.id, "notice", {"n": n}) for n in range(3)]
    time.sleep(1.0)
    during = len(statements) - before
    for thread in streams:
        thread.join(5)
    event.remove(db.engine, "before_cursor_execute", count)
    assert len(texts) == 20
    for text in texts:
        assert [item[0] for item in parse(text)] == ids
    # one process-wide poller at EVENT_POLL_SECONDS = 0.1 s; twenty polling streams read it ~200 times
    assert during <= 20


def test_a_writer_in_the_process_wakes_the_streams_at_once(empty_app, hall):
    texts: list[str] = []
    thread = threading.Thread(target=lambda: texts.append(read_stream(empty_app.test_client(), "max_seconds=2")))
    empty_app.config["EVENT_POLL_SECONDS"] = 30.0  # only the in-process wake-up can deliver it in time
    thread.start()
    wait_for_streams(empty_app, 1)
    time.sleep(0.2)  # the listener has started and waits
    append_event(hall.id, "notice", {"n": 1})
    db.session.commit()
    thread.join(5)
    assert [item[1:] for item in parse(texts[0])] == [("notice", {"n": 1})]


def test_resuming_from_before_the_listener_reads_the_gap(empty_app, empty_db_path, hall):
    ids = [insert_event(empty_db_path, hall.id, "notice", {"n": n}) for n in range(5)]
    client = empty_app.test_client()
    assert [item[0] for item in parse(read_stream(client, f"max_seconds=0.3&last_event_id={ids[1]}"))] == ids[2:]
    assert [item[0] for item in parse(read_stream(client, "max_seconds=0.3", {"Last-Event-ID": "0"}))] == ids
    # an id past every event of the hall (another hall's, say) waits for new ones without spinning
    later: list[str] = []
    thread = threading.Thread(target=lambda: later.append(read_stream(client, "max_seconds=1&last_event_id=9999")))
    thread.start()
    time.sleep(0.3)
    thread.join(5)
    assert parse(later[0]) == []


class Held:
    """A stream held open in its own thread (as each is in the server) until :meth:`close`."""

    def __init__(self, app, address: str) -> None:
        self.status: int | None = None
        self._opened = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._hold, args=(app, address))
        self._thread.start()
        self._opened.wait(5)

    def _hold(self, app, address: str) -> None:
        response = app.test_client().get("/api/v1/events?lang=en", environ_base={"REMOTE_ADDR": address})
        self.status = response.status_code
        self.error = response.get_json()["error"] if response.status_code != 200 else None
        self._opened.set()
        try:
            for _chunk in response.response:
                if self._stop.is_set():
                    break
        finally:
            response.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)


@pytest.fixture
def quick_app(empty_app, hall):
    """Keep-alives every 50 ms, so held streams notice quickly that they should end."""
    empty_app.config["EVENT_KEEPALIVE_SECONDS"] = 0.05
    return empty_app


def test_streams_per_address_are_capped(quick_app):
    quick_app.config["STREAMS_PER_ADDRESS"] = 2
    held = [Held(quick_app, "10.0.0.5") for _ in range(2)]
    assert [stream.status for stream in held] == [200, 200]
    refused = Held(quick_app, "10.0.0.5")
    assert refused.status == 429
    assert "Too many event streams" in refused.error
    other = Held(quick_app, "10.0.0.6")
    assert other.status == 200
    held[0].close()
    again = Held(quick_app, "10.0.0.5")
    assert again.status == 200
    for stream in (refused, other, again, held[1]):
        stream.close()
    assert hub_of(quick_app).streams() == 0


def test_streams_per_device_are_capped(quick_app, monkeypatch):
    quick_app.config["STREAMS_PER_DEVICE"] = 1
    monkeypatch.setattr(events_api, "current_device", lambda: SimpleNamespace(id=7))
    first = Held(quick_app, "10.0.0.5")
    second = Held(quick_app, "10.0.0.6")
    assert (first.status, second.status) == (200, 429)
    first.close()
    second.close()
    third = Held(quick_app, "10.0.0.6")
    assert third.status == 200
    third.close()


def test_closing_ends_streams_with_a_retry(empty_app, hall):
    texts: list[str] = []
    thread = threading.Thread(target=lambda: texts.append(read_stream(empty_app.test_client())))
    thread.start()
    deadline = time.monotonic() + 5
    while hub_of(empty_app).streams() == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    hub_of(empty_app).close()  # what close_all_streams does to every hub of the process (gunicorn.conf.py)
    thread.join(5)
    assert not thread.is_alive()
    assert texts[0].endswith("retry: 1000\n: server restarting, reconnect\n\n")
    assert empty_app.test_client().get("/api/v1/events").status_code == 503  # a closing hub admits no one


ANOTHER_PROCESS_WRITES = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[3])
    from pathlib import Path
    from tests.conftest import make_app
    from kiosk.events.service import append_event
    from kiosk.extensions import db

    app = make_app(f"sqlite:///{sys.argv[1]}", Path(sys.argv[1]).parent)
    with app.app_context():
        item = append_event(int(sys.argv[2]), "notice", {"from": "another process"})
        db.session.commit()
        print(item.id)
""")


def test_a_writer_in_another_process_rings_the_listener(empty_app, empty_db_path, hall, tmp_path):
    """SQLite: the other process's commit wakes this process's listener through its socket, not the next poll."""
    empty_app.config["EVENT_POLL_SECONDS"] = 30.0
    texts: list[str] = []
    thread = threading.Thread(target=lambda: texts.append(read_stream(empty_app.test_client(), "max_seconds=60")))
    thread.start()
    wait_for_streams(empty_app, 1)
    time.sleep(0.3)
    done = subprocess.run([sys.executable, "-c", ANOTHER_PROCESS_WRITES, str(empty_db_path), str(hall.id), str(ROOT)],
                          check=True, timeout=60, cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ, KIOSK_INSTANCE_PATH=str(tmp_path)))
    written = int(done.stdout.split()[-1])
    deadline = time.monotonic() + 3  # far sooner than the 30 s poll
    hub = hub_of(empty_app)
    while hub.wait(hall.id, written - 1, 0.05).items == [] and time.monotonic() < deadline:
        pass
    arrived = time.monotonic() < deadline
    hub.close()
    thread.join(15)
    assert arrived
    assert [item[1:] for item in parse(texts[0])] == [("notice", {"from": "another process"})]
