"""The writer turn waits cooperatively: under gevent a writer waiting for another process's turn lets the rest run."""
from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from kiosk.database import _FairLock, writer_turn

ROOT = Path(__file__).resolve().parents[2]


def test_the_turn_waits_for_another_process_lock(empty_app, empty_db_path):
    handle = os.open(f"{empty_db_path.resolve()}-writers.lock", os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(handle, fcntl.LOCK_EX)  # another process holds the turn
    entered = threading.Event()

    def write():
        with empty_app.app_context(), writer_turn():
            entered.set()

    thread = threading.Thread(target=write)
    thread.start()
    assert not entered.wait(0.3)
    fcntl.flock(handle, fcntl.LOCK_UN)
    assert entered.wait(2)
    thread.join(2)
    os.close(handle)


GREEN_WAIT = textwrap.dedent("""
    from gevent import monkey
    monkey.patch_all()
    import fcntl, os, sys, time
    import gevent
    sys.path.insert(0, sys.argv[2])
    from tests.conftest import make_app
    from kiosk.database import _FairLock, writer_turn
    from pathlib import Path

    database = Path(sys.argv[1])
    app = make_app(f"sqlite:///{database}", database.parent)
    handle = os.open(f"{database.resolve()}-writers.lock", os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(handle, fcntl.LOCK_EX)  # held through another open file: as another process would
    ticks = []

    def write():
        with app.app_context(), writer_turn():
            ticks.append("written")

    def tick():
        for _ in range(20):
            ticks.append("tick")
            gevent.sleep(0.01)
        fcntl.flock(handle, fcntl.LOCK_UN)

    gevent.joinall([gevent.spawn(write), gevent.spawn(tick)], timeout=10)
    print(ticks.count("tick"), ticks.index("written"))
""")


def test_a_waiting_writer_does_not_block_other_greenlets(empty_db_path, tmp_path):
    done = subprocess.run([sys.executable, "-c", GREEN_WAIT, str(empty_db_path), str(ROOT)], capture_output=True,
                          text=True, timeout=60, cwd=ROOT, env=dict(os.environ, KIOSK_INSTANCE_PATH=str(tmp_path)))
    assert done.returncode == 0, done.stderr[-2000:]
    ticks, written_at = map(int, done.stdout.split()[-2:])
    assert ticks == 20
    assert written_at == 20  # the other greenlet ran all along; the writer went in once the turn was free


def test_queued_writers_take_the_turn_in_the_order_they_came():
    lock = _FairLock()
    order: list[int] = []
    lock.__enter__()
    threads = []
    for n in range(5):
        thread = threading.Thread(target=lambda n=n: (lock.__enter__(), order.append(n), lock.__exit__()))
        thread.start()
        threads.append(thread)
        while len(lock._waiters) < n + 1:  # queued before the next one comes
            threading.Event().wait(0.001)
    lock.__exit__()
    for thread in threads:
        thread.join(5)
    assert order == [0, 1, 2, 3, 4]
