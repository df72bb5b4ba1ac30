"""A real gunicorn with the gevent worker (2 processes): calls reach a display within milliseconds from either
worker process, and when the server reloads (SIGHUP) during a burst of calls, a display that reconnects with
``Last-Event-ID`` receives every call event exactly once."""
from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.events.streams import parse
from tests.live_server import free_port

ROOT = Path(__file__).resolve().parents[2]
CALLS = 30
TIMED_CALLS = 12


def tool(name: str) -> str:
    """A console script of the virtualenv running the tests."""
    return str(Path(sys.executable).parent / name)


def request(port: int, method: str, path: str, headers: dict | None = None, body: bytes = b"") -> tuple[int, bytes]:
    """One request on a fresh connection (a reloading server closes idle keep-alive connections)."""
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close", f"Content-Length: {len(body)}"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), rest


class Display:
    """An SSE client that reconnects with ``Last-Event-ID`` whenever its stream ends, as a browser does."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.received: list[tuple[int, str, dict]] = []
        self.calls_at: dict[str, float] = {}
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            last = self.received[-1][0] if self.received else None
            headers = f"Last-Event-ID: {last}\r\n" if last is not None else ""
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=30) as sock:
                    sock.sendall(f"GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}\r\n".encode())
                    self.connections += 1
                    buffer = ""
                    while not self.stop.is_set():
                        sock.settimeout(0.5)
                        try:
                            chunk = sock.recv(65536)
                        except TimeoutError:
                            continue
                        if not chunk:
                            break
                        buffer += chunk.decode()
                        complete, _, buffer = buffer.rpartition("\n\n")
                        items = parse(complete.split("\r\n\r\n", 1)[-1] + "\n\n")
                        now = time.perf_counter()
                        for item in items:
                            if item[1] == "call":
                                self.calls_at[item[2]["ticket"]] = now
                        self.received.extend(items)
            except OSError:
                pass
            time.sleep(0.2)


@pytest.mark.slow
def test_every_call_arrives_once_across_reloads(tmp_path):
    database = tmp_path / "reload.sqlite3"
    env = dict(os.environ, KIOSK_INSTANCE_PATH=str(tmp_path), KIOSK_DATABASE_URL=f"sqlite:///{database}",
               KIOSK_WARM_PRINTER="0", KIOSK_SECRET_KEY="reload-test", KIOSK_EVENT_KEEPALIVE_SECONDS="1")
    flask = [tool("flask"), "--app", "app"]
    for command in (["init-db"], ["seed-demo"]):
        subprocess.run(flask + command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
    token = subprocess.run(flask + ["create-token", "staff1"], cwd=ROOT, env=env, check=True, capture_output=True,
                           text=True, timeout=120).stdout.strip().splitlines()[-1]
    port = free_port()
    log = (tmp_path / "gunicorn.log").open("wb")
    server = subprocess.Popen([tool("gunicorn"), "--config", "gunicorn.conf.py", "-b", f"127.0.0.1:{port}", "-w", "2",
                               "--log-level", "warning", "--access-logfile", "/dev/null", "app:app"],
                              cwd=ROOT, env=env, stdout=log, stderr=log)
    display = None
    try:
        for _ in range(300):
            try:
                if request(port, "GET", "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        for _ in range(CALLS + TIMED_CALLS):
            status, _ = request(port, "POST", "/api/v1/tickets", {"Content-Type": "application/json"},
                                b'{"service": "A"}')
            assert status == 201
        display = Display(port)
        time.sleep(1.0)
        auth = {"Authorization": f"Bearer {token}"}
        latencies = []
        for _ in range(TIMED_CALLS):  # each on a new connection: either worker process answers it
            status, body = request(port, "POST", "/api/v1/windows/1/call-next", auth)
            called = time.perf_counter()  # committed: from here on it is the event's way to the display
            assert status == 200, body
            ticket = json.loads(body)["ticket"]
            while ticket not in display.calls_at and time.perf_counter() < called + 2:
                time.sleep(0.001)
            latencies.append(max(display.calls_at.get(ticket, called + 2) - called, 0.0))
            time.sleep(0.05)
        assert statistics.median(latencies) <= 0.05, latencies
        assert max(latencies) <= 0.25, latencies
        for n in range(CALLS):
            if n in (8, 20):
                server.send_signal(signal.SIGHUP)
            status, body = request(port, "POST", "/api/v1/windows/1/call-next", auth)
            assert status == 200, body
            time.sleep(0.05)
        with sqlite3.connect(database) as connection:
            calls = [row[0] for row in connection.execute("SELECT id FROM events WHERE type = 'call' ORDER BY id")]
        assert len(calls) >= CALLS + TIMED_CALLS
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if {item[0] for item in display.received if item[1] == "call"} >= set(calls):
                break
            time.sleep(0.1)
        display.stop.set()
        display.thread.join(5)
        received = [item[0] for item in display.received if item[1] == "call"]
        assert received == calls  # each once, in order
        assert display.connections >= 2  # the reloads ended the stream and the display came back
        ids = [item[0] for item in display.received]
        assert ids == sorted(set(ids))
        assert all(json.dumps(item[2]) for item in display.received)
    finally:
        if display is not None:
            display.stop.set()
        server.terminate()
        server.wait(30)
        log.close()
