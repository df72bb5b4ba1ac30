"""Open event streams against a real gunicorn on loopback: what they cost and what they do to the rest.

Run: ``.venv/bin/python bench/events.py [COUNTS]`` (default ``100,1000,5000``), SQLite, 2 workers as
``make run``. For each count of streams held open (asyncio raw sockets in this process, a few
kilobytes each) it prints the server's RSS (master and workers), ``/healthz`` p50/p99, the call →
display latency over every stream (p50, p99, max), and ticket issue at 50 clients (tickets/s, p99)
beside the same server with no stream open. The baseline in the same run is the thread-per-stream
server (gthread, 2 workers × 32 threads, as before) at the counts it survives; with
``BENCH_BEFORE=<folder>`` (a checkout of earlier code, translations compiled) it is instead that code's
gevent server at the same counts, as the before column.
"""
from __future__ import annotations

import sys
from pathlib import Path

# bench/queue.py is named like the standard library's ``queue`` module: keep this folder off the import path.
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)

import asyncio  # noqa: E402
import http.client  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from concurrent.futures import ThreadPoolExecutor  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(sys.executable).parent
CLIENTS, PER_CLIENT = 50, 20
HEALTH_REQUESTS = 200
CALLS = 10
GTHREAD_COUNTS = (50, 100)
TICKET = (b"POST /api/v1/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          b"Content-Length: 16\r\n\r\n{\"service\": \"A\"}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def flask(env: dict, *args: str) -> str:
    return subprocess.run([str(VENV / "flask"), "--app", "app", *args], cwd=env.get("BENCH_CODE", ROOT), env=env,
                          check=True,
                          capture_output=True, text=True, timeout=300).stdout


def start_server(env: dict, worker: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    extra = ["-k", "gthread", "--threads", "32", "--timeout", "0"] if worker == "gthread" else []
    server = subprocess.Popen([str(VENV / "gunicorn"), "--config", "gunicorn.conf.py", "-w", "2", *extra,
                               "-b", f"127.0.0.1:{port}", "--log-level", "error", "--access-logfile", "/dev/null",
                               "app:app"], cwd=env.get("BENCH_CODE", ROOT), env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            health(port, 2)
            break
        except OSError:
            time.sleep(0.1)
    return server, port


def rss_mb(pid: int) -> float:
    """Resident memory of the gunicorn master and its workers, in MB."""
    pids = [pid] + [int(p) for p in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True,
                                                   text=True).stdout.split()]
    total = 0
    for each in pids:
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def health(port: int, timeout: float = 10) -> float:
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    connection.request("GET", "/healthz")
    connection.getresponse().read()
    connection.close()
    return time.perf_counter() - started


def pct(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


class Streams:
    """Many SSE streams on one asyncio loop in a thread; records when each ``call`` reaches each stream."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.loop = asyncio.new_event_loop()
        self.connected = 0
        self.failed = 0
        self.arrivals: dict[str, list[float]] = {}
        self.tasks: list[asyncio.Task] = []
        self.writers: list[asyncio.StreamWriter] = []
        threading.Thread(target=self.loop.run_forever, daemon=True).start()

    async def _one(self) -> None:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
            self.writers.append(writer)
            writer.write(b"GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            await writer.drain()
            line = await asyncio.wait_for(reader.readline(), 60)
            if b" 200 " not in line:
                self.failed += 1
                return
            self.connected += 1
            kind = b""
            while True:
                line = await reader.readline()
                if not line:
                    return
                if line.startswith(b"event: "):
                    kind = line[7:].strip()
                elif line.startswith(b"data: ") and kind == b"call":
                    ticket = json.loads(line[6:])["ticket"]
                    self.arrivals.setdefault(ticket, []).append(time.perf_counter())
        except (TimeoutError, OSError):
            self.failed += 1

    def open(self, count: int) -> None:
        async def ramp():
            for index in range(count):
                self.tasks.append(asyncio.ensure_future(self._one()))
                if index % 200 == 199:
                    await asyncio.sleep(0.05)

        asyncio.run_coroutine_threadsafe(ramp(), self.loop).result()
        deadline = time.monotonic() + 15
        while self.connected + self.failed < count and time.monotonic() < deadline:
            time.sleep(0.1)

    def close(self) -> None:
        async def cancel():
            for task in self.tasks:
                task.cancel()
            await asyncio.gather(*self.tasks, return_exceptions=True)
            for writer in self.writers:
                writer.close()

        asyncio.run_coroutine_threadsafe(cancel(), self.loop).result()
        self.loop.call_soon_threadsafe(self.loop.stop)


def issue_tickets(port: int) -> tuple[float, float]:
    """Tickets/s and p99 (ms) at ``CLIENTS`` keep-alive clients."""

    def client(_index):
        sock = socket.create_connection(("127.0.0.1", port), timeout=60)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        times = []
        buffer = b""
        for _ in range(PER_CLIENT):
            started = time.perf_counter()
            sock.sendall(TICKET)
            while b"\r\n\r\n" not in buffer:
                buffer += sock.recv(65536)
            head, _, rest = buffer.partition(b"\r\n\r\n")
            length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                              if line.lower().startswith(b"content-length:")))
            while len(rest) < length:
                rest += sock.recv(65536)
            buffer = rest[length:]
            times.append(time.perf_counter() - started)
        sock.close()
        return times

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        times = [t for batch in pool.map(client, range(CLIENTS)) for t in batch]
    return len(times) / (time.perf_counter() - started), pct(times, 0.99) * 1000


def call_latency(port: int, token: str, streams: Streams) -> list[float]:
    """Seconds from each call-next POST to the ``call`` event on every open stream."""
    latencies: list[float] = []
    for _ in range(CALLS):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        sent = time.perf_counter()
        connection.request("POST", "/api/v1/windows/1/call-next", headers={"Authorization": f"Bearer {token}"})
        ticket = json.loads(connection.getresponse().read())["ticket"]
        connection.close()
        deadline = time.perf_counter() + 5
        while len(streams.arrivals.get(ticket, [])) < streams.connected and time.perf_counter() < deadline:
            time.sleep(0.005)
        latencies += [at - sent for at in streams.arrivals.get(ticket, [])]
        time.sleep(0.1)
    return latencies


def measure(label: str, env: dict, worker: str, counts: list[int], token: str) -> None:
    server, port = start_server(env, worker)
    try:
        tickets, p99 = issue_tickets(port)
        healthz = [health(port) for _ in range(HEALTH_REQUESTS)]
        print(f"\n== {label} ==")
        print(f"no streams: RSS {rss_mb(server.pid):.0f} MB, /healthz p50 {statistics.median(healthz) * 1000:.1f} ms "
              f"p99 {pct(healthz, 0.99) * 1000:.1f} ms, tickets {tickets:.0f}/s p99 {p99:.0f} ms at {CLIENTS} clients")
        for count in counts:
            streams = Streams(port)
            streams.open(count)
            time.sleep(1.0)
            try:
                healthz = [health(port) for _ in range(HEALTH_REQUESTS)]
                health_text = (f"/healthz p50 {statistics.median(healthz) * 1000:.1f} ms "
                               f"p99 {pct(healthz, 0.99) * 1000:.1f} ms")
            except OSError as error:
                health_text = f"/healthz FAILS ({error.__class__.__name__})"
            memory = rss_mb(server.pid)
            if streams.connected < count or health_text.endswith(")"):
                print(f"{count} streams: only {streams.connected} answered in 15 s; RSS {memory:.0f} MB; "
                      f"{health_text}")
                streams.close()
                break
            calls = call_latency(port, token, streams)
            tickets, p99 = issue_tickets(port)
            print(f"{count} streams: RSS {memory:.0f} MB; {health_text}; call→display over {len(calls)} deliveries "
                  f"p50 {statistics.median(calls) * 1000:.1f} ms p99 {pct(calls, 0.99) * 1000:.1f} ms "
                  f"max {max(calls) * 1000:.1f} ms; tickets {tickets:.0f}/s p99 {p99:.0f} ms")
            streams.close()
            time.sleep(1.0)
    finally:
        server.terminate()
        server.wait(30)


def main() -> None:
    counts = [int(n) for n in (sys.argv[1] if len(sys.argv) > 1 else "100,1000,5000").split(",")]
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(65536, hard), hard))
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ, KIOSK_INSTANCE_PATH=scratch, KIOSK_DATABASE_URL=f"sqlite:///{scratch}/bench.sqlite3",
                   KIOSK_WARM_PRINTER="0", KIOSK_SECRET_KEY="bench", KIOSK_STREAMS_PER_ADDRESS="100000")
        flask(env, "init-db")
        flask(env, "seed-demo")
        token = flask(env, "create-token", "staff1").strip().splitlines()[-1]
        before = os.environ.get("BENCH_BEFORE")
        if before:
            measure(f"before: gevent, code of {before}", dict(env, BENCH_CODE=before), "gevent", counts, token)
        measure("gevent (make run: 2 workers)", env, "gevent", counts, token)
        if not before:
            measure("baseline: gthread, 2 workers × 32 threads (one thread per stream)", env, "gthread",
                    list(GTHREAD_COUNTS), token)


if __name__ == "__main__":
    main()
