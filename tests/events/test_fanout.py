"""Fan-out: one read and one serialisation per batch of events for every stream; ``queue`` events coalesced."""
from __future__ import annotations

import fcntl
import os
import threading
import time

import pytest
from sqlalchemy import event

from kiosk import database
from kiosk.database import writer_turn
from kiosk.events import hub as events_hub
from kiosk.events.hub import hub_of
from kiosk.events.models import Event
from kiosk.events.service import append_event
from kiosk.extensions import db
from tests.events.streams import parse, read_stream, wait_for_streams

STREAMS = 12


@pytest.fixture
def hall(empty_app, make_hall):
    return make_hall()


def follow(app, count: int, query: str) -> tuple[list[threading.Thread], list[str]]:
    """``count`` streams of ``app``, each in its own thread, their texts collected when they end."""
    texts: list[str] = []
    threads = [threading.Thread(target=lambda: texts.append(read_stream(app.test_client(), query)))
               for _ in range(count)]
    for thread in threads:
        thread.start()
    wait_for_streams(app, count)
    return threads, texts


def test_many_streams_cost_one_read_and_one_serialisation_per_batch(empty_app, hall, monkeypatch):
    empty_app.config["EVENT_POLL_SECONDS"] = 30.0  # only the commit wakes the listener
    reads: list[str] = []
    serialised: list[int] = []
    real_format = events_hub.format_sse

    def count_reads(_conn, _cursor, statement, *_args):
        if "FROM events" in statement:
            reads.append(statement)

    def count_format(event_id, type_, data):
        serialised.append(event_id)
        return real_format(event_id, type_, data)

    monkeypatch.setattr(events_hub, "format_sse", count_format)
    threads, texts = follow(empty_app, STREAMS, "max_seconds=2")
    time.sleep(0.3)  # every stream has read its starting point; the listener waits
    event.listen(db.engine, "before_cursor_execute", count_reads)
    items = [append_event(hall.id, "notice", {"n": n}) for n in range(3)]
    db.session.flush()
    ids = [item.id for item in items]  # read before the commit expires them
    db.session.commit()
    for thread in threads:
        thread.join(5)
    event.remove(db.engine, "before_cursor_execute", count_reads)
    assert len(texts) == STREAMS
    for text in texts:
        assert [(item[0], item[2]) for item in parse(text)] == [(id_, {"n": n}) for n, id_ in enumerate(ids)]
    assert len(reads) == 1  # one batch, read once for the twelve streams (the old way: twelve reads)
    assert sorted(serialised) == ids  # each event serialised once, not once per stream


@pytest.mark.latency
def test_a_burst_of_queue_events_reaches_the_streams_as_its_latest(empty_app, hall, monkeypatch):
    monkeypatch.setattr(events_hub, "QUEUE_EVENT_SECONDS", 1.0)
    threads, texts = follow(empty_app, 3, "max_seconds=3")
    time.sleep(0.3)
    started = time.monotonic()
    for n in range(5):  # a burst of tickets: the first goes out at once, the rest wait and supersede
        append_event(hall.id, "queue", {"services": [{"code": "A", "waiting": n}]})
        db.session.commit()
    append_event(hall.id, "call", {"ticket": "A001"})  # sends the held count first, then itself
    db.session.commit()
    append_event(hall.id, "queue", {"services": [{"code": "A", "waiting": 4}], "last": True})
    db.session.commit()
    assert time.monotonic() - started < 0.9  # the burst fits in one coalescing interval
    for thread in threads:
        thread.join(6)
    for text in texts:
        received = parse(text)
        assert [item[0] for item in received] == sorted({item[0] for item in received})
        assert [(item[1], item[2]) for item in received] == [
            ("queue", {"services": [{"code": "A", "waiting": 0}]}),
            ("queue", {"services": [{"code": "A", "waiting": 4}]}),
            ("call", {"ticket": "A001"}),
            ("queue", {"services": [{"code": "A", "waiting": 4}], "last": True}),  # after the interval
        ]


def test_a_held_queue_event_goes_out_within_the_interval(empty_app, hall):
    empty_app.config["EVENT_POLL_SECONDS"] = 30.0  # the listener's own timer sends it, not a poll
    hub = hub_of(empty_app)
    threads, _texts = follow(empty_app, 1, "max_seconds=1.5")
    time.sleep(0.3)
    for n in range(2):
        append_event(hall.id, "queue", {"services": [{"code": "A", "waiting": n}]})
        db.session.commit()
    last = db.session.scalar(db.select(Event.id).order_by(Event.id.desc()).limit(1))
    committed = time.monotonic()
    while hub.wait(hall.id, last - 1, 0.02).items == [] and time.monotonic() - committed < 1:
        pass
    assert time.monotonic() - committed < events_hub.QUEUE_EVENT_SECONDS + 0.25
    for thread in threads:
        thread.join(5)


def test_the_turn_goes_to_a_waiting_process_before_the_next_local_writer(empty_app, empty_db_path):
    base = f"{empty_db_path.resolve()}-writers"
    gate = os.open(f"{base}-gate.lock", os.O_RDWR | os.O_CREAT, 0o600)
    turn = os.open(f"{base}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    inside, finish, second_in = threading.Event(), threading.Event(), threading.Event()

    def first():
        with empty_app.app_context(), writer_turn():
            inside.set()
            finish.wait(5)

    def second():
        with empty_app.app_context(), writer_turn():
            second_in.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    threads[0].start()
    assert inside.wait(5)
    threads[1].start()
    deadline = time.monotonic() + 5
    while database._turn_state.waiting < 1 and time.monotonic() < deadline:
        time.sleep(0.005)
    fcntl.flock(gate, fcntl.LOCK_EX)  # another process now waits for the turn (it holds the gate meanwhile)
    finish.set()
    taken = False
    while not taken and time.monotonic() < deadline:
        try:
            fcntl.flock(turn, fcntl.LOCK_EX | fcntl.LOCK_NB)
            taken = True
        except BlockingIOError:
            time.sleep(0.005)
    assert taken  # handed over after one turn, although a writer of the holding process was queued
    fcntl.flock(gate, fcntl.LOCK_UN)
    assert not second_in.wait(0.2)  # the local writer now waits for the other process's turn
    fcntl.flock(turn, fcntl.LOCK_UN)
    assert second_in.wait(5)
    for thread in threads:
        thread.join(5)
    os.close(gate)
    os.close(turn)
