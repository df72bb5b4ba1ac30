"""SQLite writer turns: one writer at a time across threads (and, by flock, across processes)."""
from __future__ import annotations

import threading
import time

from kiosk.database import writer_turn


def test_writer_turns_do_not_overlap(empty_app):
    app = empty_app
    spans: list[tuple[float, float]] = []
    started = threading.Barrier(3)

    def write():
        with app.app_context():
            started.wait()
            with writer_turn():
                begin = time.perf_counter()
                time.sleep(0.05)
                spans.append((begin, time.perf_counter()))

    threads = [threading.Thread(target=write) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    spans.sort()
    assert len(spans) == 3
    assert all(earlier[1] <= later[0] for earlier, later in zip(spans, spans[1:], strict=False))


def test_writer_turns_can_be_switched_off(empty_app):
    app = empty_app
    app.config["WRITER_TURNS"] = False
    inside = threading.Event()
    release = threading.Event()

    def hold():
        with app.app_context(), writer_turn():
            inside.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    inside.wait(5)
    began = time.perf_counter()
    with writer_turn():  # not blocked by the holder
        assert time.perf_counter() - began < 1
    release.set()
    holder.join(5)
