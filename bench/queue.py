"""Queue throughput and call-to-display latency against a real gunicorn on loopback, set up as ``make run``.

Run: ``.venv/bin/python bench/queue.py [--history] [POSTGRES_URL]`` (SQLite always; PostgreSQL too when a
URL is given or ``KIOSK_TEST_POSTGRES_URL`` is set — that database's public schema is emptied first).
gunicorn runs 2 workers of ``BENCH_WORKER`` (default ``gevent``, as ``make run``; ``gthread`` with
``BENCH_THREADS`` threads each, default 32, as before). ``--workers`` compares the two on SQLite in one run;
with ``BENCH_BEFORE=<folder>`` (a checkout of earlier code, translations compiled) it compares this code's
gevent server with that code's instead, in the same run (the before column).

``--history`` measures only ticket issue as history grows: for each of ``BENCH_HISTORY`` (default
0, 100,000, 1,000,000 and 0 again) earlier tickets, bulk-seeded in one ``INSERT … SELECT`` over ~365
earlier business days with about 3% left waiting, it gives issue p50/p99 for one client and 50-client
throughput beside the empty database (the mean of the size-0 runs) of the same run.
Prints ticket issue throughput and p50/p99 at 1 and 50 concurrent clients, the duplicate check, and the
time from a call-next POST to the ``call`` event on an SSE client. Baselines measured in the same run:
the same server without writer turns (``KIOSK_WRITER_TURNS=0``) and a display polling every 2 s; the
reference queue manager's figures are quoted.
"""
from __future__ import annotations

import sys
from pathlib import Path

# This script is named like the standard library's ``queue`` module: keep its folder off the import path.
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)

import http.client  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from concurrent.futures import ThreadPoolExecutor  # noqa: E402
from random import Random  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(sys.executable).parent  # the virtualenv running this script (``.venv/bin``)
SINGLE_REQUESTS = 300
CLIENTS, PER_CLIENT = 50, 40
CALLS = 40
THREADS = os.environ.get("BENCH_THREADS", "32")  # threads per gthread worker
WORKER = os.environ.get("BENCH_WORKER", "gevent")  # as `make run` serves
POLLED_CALLS, POLL_SECONDS = 10, 2.0
BASELINE = {
    "throughput": "reference queue manager: 8-19 tickets/s at 50 clients",
    "p99": "reference: p99 2.9-8.1 s at 50 clients",
    "duplicates": "reference: duplicate numbers with two worker processes",
    "display": "reference: ~1 s average (the display polls every 2 s)",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def flask(env: dict, *args: str) -> str:
    done = subprocess.run([str(VENV / "flask"), "--app", "app", *args], cwd=env.get("BENCH_CODE", ROOT), env=env,
                          check=True,
                          capture_output=True, text=True, timeout=300)
    return done.stdout


def start_server(env: dict) -> tuple[subprocess.Popen, int]:
    port = free_port()
    worker = env.get("BENCH_WORKER", WORKER)
    pool = ["--threads", THREADS] if worker == "gthread" else ["--worker-connections", "10000"]
    server = subprocess.Popen([str(VENV / "gunicorn"), "-k", worker, "-w", "2", *pool,
                               "-b", f"127.0.0.1:{port}", "--log-level", "warning", "app:app"],
                              cwd=env.get("BENCH_CODE", ROOT), env=env, stdout=subprocess.DEVNULL)
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/api/v1/queue")  # wake both workers' lazy state
    connection.getresponse().read()
    return server, port


TICKET_REQUEST = (b"POST /api/v1/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 16\r\n\r\n{\"service\": \"A\"}")


class LeanClient:
    """A keep-alive HTTP/1.1 client that sends one prepared request and reads the reply.

    It costs the shared CPU a fraction of ``http.client``, so the figures describe the server rather
    than the load generator running beside it.
    """

    def __init__(self, port: int):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=60)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b""

    def issue(self) -> tuple[float, str]:
        started = time.perf_counter()
        self.sock.sendall(TICKET_REQUEST)
        while b"\r\n\r\n" not in self.buffer:
            self.buffer += self._receive()
        head, _, rest = self.buffer.partition(b"\r\n\r\n")
        length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:")))
        while len(rest) < length:
            rest += self._receive()
        body, self.buffer = rest[:length], rest[length:]
        elapsed = time.perf_counter() - started
        if not head.startswith(b"HTTP/1.1 201"):
            raise RuntimeError(f"{head[:40]!r} {body[:200]!r}")
        return elapsed, json.loads(body)["ticket"]

    def _receive(self) -> bytes:
        chunk = self.sock.recv(65536)
        if not chunk:
            raise RuntimeError("the server closed the connection")
        return chunk

    def close(self) -> None:
        self.sock.close()


def run_clients(port: int, clients: int, per_client: int) -> tuple[list[float], list[str], float]:
    def client(_index):
        connection = LeanClient(port)
        results = [connection.issue() for _ in range(per_client)]
        connection.close()
        return results

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = [item for batch in pool.map(client, range(clients)) for item in batch]
    elapsed = time.perf_counter() - started
    return [r[0] for r in results], [r[1] for r in results], elapsed


def pct(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def call_latency(port: int, token: str) -> list[float]:
    """Seconds from sending call-next to the ``call`` event arriving on an SSE client."""
    arrived: dict[str, float] = {}
    ready = threading.Event()

    def listen():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", "/api/v1/events?max_seconds=120")
        response = connection.getresponse()
        ready.set()
        kind = None
        while len(arrived) < CALLS:
            line = response.fp.readline().decode()
            if not line:
                return
            if line.startswith("event: "):
                kind = line[7:].strip()
            elif line.startswith("data: ") and kind == "call":
                arrived[json.loads(line[6:])["ticket"]] = time.perf_counter()

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    ready.wait(10)
    time.sleep(0.3)
    latencies = []
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(CALLS):
        sent = time.perf_counter()
        connection.request("POST", "/api/v1/windows/1/call-next", headers={"Authorization": f"Bearer {token}"})
        ticket = json.loads(connection.getresponse().read())["ticket"]
        deadline = time.perf_counter() + 5
        while ticket not in arrived and time.perf_counter() < deadline:
            time.sleep(0.0005)
        if ticket in arrived:
            latencies.append(arrived[ticket] - sent)
    return latencies


def poll_latency(port: int, token: str, calls: int = POLLED_CALLS) -> list[float]:
    """The baseline: a display that polls ``/api/v1/queue`` every 2 s, as the reference queue manager's does."""
    seen: dict[str, float] = {}
    stop = threading.Event()

    def poll():
        while not stop.is_set():
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/api/v1/queue")
            now = time.perf_counter()
            for call in json.loads(connection.getresponse().read())["recent_calls"]:
                seen.setdefault(call["ticket"], now)
            stop.wait(POLL_SECONDS)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    time.sleep(0.5)
    random = Random(7)
    latencies = []
    for _ in range(calls):
        time.sleep(random.uniform(0, POLL_SECONDS))
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.connect()
        sent = time.perf_counter()
        connection.request("POST", "/api/v1/windows/1/call-next", headers={"Authorization": f"Bearer {token}"})
        ticket = json.loads(connection.getresponse().read())["ticket"]
        deadline = sent + 3 * POLL_SECONDS
        while ticket not in seen and time.perf_counter() < deadline:
            time.sleep(0.001)
        if ticket in seen:
            latencies.append(seen[ticket] - sent)
    stop.set()
    return latencies


HISTORY_SIZES = [int(size) for size in os.environ.get("BENCH_HISTORY", "0,100000,1000000,0").split(",")]
HISTORY_DAYS = 365
#: Every 29th earlier ticket was left waiting at its day's end (about 3%), every 97th left called.
HISTORY_SQL = """
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < :count - 1),
svc(id, code, k) AS (SELECT id, code, row_number() OVER (ORDER BY id) - 1 FROM services WHERE hall_id = :hall),
t(i, day, service_id, code, seq, status, issued_at) AS (
  SELECT i, {day}, svc.id, svc.code, i / (:days * :services) + 1,
         CASE WHEN i % 29 = 0 THEN 'waiting' WHEN i % 97 = 0 THEN 'called' WHEN i % 11 = 0 THEN 'skipped'
              ELSE 'done' END,
         {issued}
  FROM n JOIN svc ON svc.k = (i / :days) % :services)
INSERT INTO tickets (hall_id, issued_service_id, service_id, business_day, seq, number, token, priority, front,
                     status, window_id, issued_at, called_at, finished_at, call_count)
SELECT :hall, service_id, service_id, day, seq, code || {seq_text}, 'history-' || i, {false}, {false}, status,
       CASE WHEN status = 'waiting' THEN NULL ELSE :window END, issued_at,
       CASE WHEN status = 'waiting' THEN NULL ELSE {called} END,
       CASE WHEN status IN ('done', 'skipped') THEN {finished} ELSE NULL END,
       CASE WHEN status = 'waiting' THEN 0 ELSE 1 END
FROM t
"""
HISTORY_DIALECT = {
    "sqlite": {"day": "date(:today, '-' || (1 + i % :days) || ' days')",
               "issued": "datetime(date(:today, '-' || (1 + i % :days) || ' days'), '+' || (3600 + i % 28800) "
                         "|| ' seconds')",
               "seq_text": "printf('%03d', i / (:days * :services) + 1)", "false": "0",
               "called": "datetime(issued_at, '+5 minutes')", "finished": "datetime(issued_at, '+9 minutes')"},
    "postgresql": {"day": "CAST(:today AS date) - (1 + i % :days)",
                   "issued": "CAST(CAST(:today AS date) - (1 + i % :days) AS timestamp) "
                             "+ make_interval(secs => 3600 + i % 28800)",
                   "seq_text": "lpad(CAST(i / (:days * :services) + 1 AS text), 3, '0')", "false": "false",
                   "called": "issued_at + interval '5 minutes'", "finished": "issued_at + interval '9 minutes'"},
}


def seed_history(database_url: str, count: int) -> float:
    """Insert ``count`` earlier tickets of the demo hall in one statement; returns the seconds it took."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    dialect = engine.dialect.name
    sql = HISTORY_SQL.format(**HISTORY_DIALECT[dialect])
    started = time.perf_counter()
    with engine.begin() as connection:
        hall = connection.execute(text("SELECT id, timezone FROM halls WHERE code = 'demo'")).one()
        services = connection.execute(text("SELECT count(*) FROM services WHERE hall_id = :h"), {"h": hall.id}).scalar()
        window = connection.execute(text("SELECT min(id) FROM windows WHERE hall_id = :h"), {"h": hall.id}).scalar()
        today = datetime.now(ZoneInfo(hall.timezone or "Asia/Shanghai")).date().isoformat()
        if count:
            connection.execute(text(sql), {"count": count, "hall": hall.id, "days": HISTORY_DAYS,
                                           "services": services, "window": window, "today": today})
    engine.dispose()
    return time.perf_counter() - started


def vacuum(database_url: str) -> None:
    """``VACUUM ANALYZE tickets`` on PostgreSQL, so autovacuum does not run during the measurement."""
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("VACUUM ANALYZE tickets"))
    engine.dispose()


def prepare(database_url: str, folder: Path, **settings: str) -> dict:
    env = dict(os.environ, KIOSK_INSTANCE_PATH=str(folder), KIOSK_DATABASE_URL=database_url,
               KIOSK_WARM_PRINTER="0", KIOSK_SECRET_KEY="bench", **settings)
    flask(env, "init-db")
    flask(env, "seed-demo")
    return env


def bench_history(label: str, database_url: str, folder: Path, size: int) -> dict:
    """Ticket issue with ``size`` earlier tickets in the database: 1 client p50/p99, 50 clients throughput."""
    env = prepare(database_url, folder)
    seeded = seed_history(database_url, size)
    flask(env, "queue", "expire")  # yesterday's closing, as a job after hours would run it
    if database_url.startswith("postgresql"):
        vacuum(database_url)
    server, port = start_server(env)
    try:
        connection = LeanClient(port)
        for _ in range(4):  # the first ticket of the day in each worker closes the earlier days' open tickets
            connection.issue()
        single = [connection.issue()[0] for _ in range(SINGLE_REQUESTS)]
        connection.close()
        times, numbers, elapsed = run_clients(port, CLIENTS, PER_CLIENT)
    finally:
        server.terminate()
        server.wait(30)
    figures = {"size": size, "seed_s": seeded, "single_p50_ms": statistics.median(single) * 1000,
               "single_p99_ms": pct(single, 0.99) * 1000, "throughput": len(times) / elapsed,
               "p50_ms": statistics.median(times) * 1000, "p99_ms": pct(times, 0.99) * 1000,
               "duplicates": len(numbers) - len(set(numbers))}
    print(f"{label} {size:>9,} earlier tickets (seeded in {seeded:.1f} s): 1 client p50 "
          f"{figures['single_p50_ms']:.2f} ms, p99 {figures['single_p99_ms']:.2f} ms; {CLIENTS} clients "
          f"{figures['throughput']:.0f} tickets/s, p50 {figures['p50_ms']:.1f} ms, p99 {figures['p99_ms']:.1f} ms; "
          f"duplicates {figures['duplicates']}", flush=True)
    return figures


def history(scratch: str, postgres: str) -> None:
    """Every history size on SQLite (and PostgreSQL), each beside the empty database of the same run."""
    targets = [("SQLite", None)] + ([("PostgreSQL", postgres)] if postgres else [])
    for label, url in targets:
        print(f"\n== ticket issue as history grows, {label} (gunicorn {WORKER}, 2 workers) ==")
        results = []
        for index, size in enumerate(HISTORY_SIZES):
            folder = Path(scratch) / f"history-{label}-{index}-{size}"
            folder.mkdir()
            if url:
                from tests.conftest import reset_postgres

                reset_postgres(url)
            results.append(bench_history(label, url or f"sqlite:///{folder / 'bench.sqlite3'}", folder, size))
        # The baseline is the empty database; list size 0 more than once (``BENCH_HISTORY=0,1000000,0``)
        # to average out a shared machine's drift over the run.
        empty = [row for row in results if row["size"] == 0] or results[:1]
        base_p50 = statistics.mean(row["single_p50_ms"] for row in empty)
        base_rate = statistics.mean(row["throughput"] for row in empty)
        for row in results:
            if row["size"]:
                print(f"{label} {row['size']:>9,} vs empty ({len(empty)} runs): 1 client p50 "
                      f"{100 * (row['single_p50_ms'] / base_p50 - 1):+.0f}%, throughput "
                      f"{100 * (row['throughput'] / base_rate - 1):+.0f}%   (target: within 10%)")


def bench(label: str, database_url: str, folder: Path, **settings: str) -> dict:
    env = prepare(database_url, folder, **settings)
    token = flask(env, "create-token", "staff1").strip().splitlines()[-1]
    server, port = start_server(env)
    try:
        connection = LeanClient(port)
        single = [connection.issue()[0] for _ in range(SINGLE_REQUESTS)]
        connection.close()
        times, numbers, elapsed = run_clients(port, CLIENTS, PER_CLIENT)
        latencies = call_latency(port, token)
        polled = poll_latency(port, token)
    finally:
        server.terminate()
        server.wait(30)
    all_numbers = numbers  # the single-client tickets came first: A001..A300
    expected = {f"A{n:03d}" for n in range(SINGLE_REQUESTS + 1, SINGLE_REQUESTS + CLIENTS * PER_CLIENT + 1)}
    figures = {
        "single_p50_ms": statistics.median(single) * 1000, "single_p99_ms": pct(single, 0.99) * 1000,
        "throughput": len(times) / elapsed, "p50_ms": statistics.median(times) * 1000,
        "p99_ms": pct(times, 0.99) * 1000, "duplicates": len(all_numbers) - len(set(all_numbers)),
        "complete": set(all_numbers) == expected,
        "call_p50_ms": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "call_p99_ms": pct(latencies, 0.99) * 1000 if latencies else float("nan"),
        "calls_seen": len(latencies),
        "polled_p50_ms": statistics.median(polled) * 1000 if polled else float("nan"),
    }
    print(f"\n== {label} (gunicorn {env.get('BENCH_WORKER', WORKER)}, 2 workers, loopback) ==")
    print(f"1 client:   p50 {figures['single_p50_ms']:.1f} ms, p99 {figures['single_p99_ms']:.1f} ms"
          f"   (target p99 <= 20 ms)")
    print(f"{CLIENTS} clients: {figures['throughput']:.0f} tickets/s, p50 {figures['p50_ms']:.1f} ms, "
          f"p99 {figures['p99_ms']:.1f} ms   ({BASELINE['throughput']}; {BASELINE['p99']})")
    last = SINGLE_REQUESTS + CLIENTS * PER_CLIENT
    print(f"duplicates: {figures['duplicates']}, numbers A{SINGLE_REQUESTS + 1:03d}..A{last} complete: "
          f"{figures['complete']}   ({BASELINE['duplicates']})")
    print(f"call-to-display: median {figures['call_p50_ms']:.1f} ms, p99 {figures['call_p99_ms']:.1f} ms over "
          f"{figures['calls_seen']} calls   (baseline, a display polling every {POLL_SECONDS:.0f} s, same run: "
          f"median {figures['polled_p50_ms']:.0f} ms over {len(polled)} calls; {BASELINE['display']})")
    return figures


def main() -> None:
    sys.path.insert(0, str(ROOT))
    arguments = [argument for argument in sys.argv[1:] if argument not in ("--history", "--workers")]
    postgres = arguments[0] if arguments else os.environ.get("KIOSK_TEST_POSTGRES_URL", "")
    with tempfile.TemporaryDirectory() as scratch:
        if "--history" in sys.argv[1:]:
            history(scratch, postgres)
            return
        if "--workers" in sys.argv[1:]:
            runs = [("gevent", "gevent", str(ROOT)), ("gthread", "gthread", str(ROOT))]
            if os.environ.get("BENCH_BEFORE"):  # before and after, both as `make run` serves
                runs[1] = ("gevent, before (BENCH_BEFORE)", "gevent", os.environ["BENCH_BEFORE"])
            for index, (label, worker, code) in enumerate(runs):
                folder = Path(scratch) / f"sqlite-{index}"
                folder.mkdir()
                bench(f"SQLite, {label}", f"sqlite:///{folder / 'bench.sqlite3'}", folder, BENCH_WORKER=worker,
                      BENCH_CODE=code)
            return
        for turns in ("1", "0"):
            label = "" if turns == "1" else ", baseline: waiting inside the database instead of writer turns"
            folder = Path(scratch) / f"sqlite-{turns}"
            folder.mkdir()
            bench(f"SQLite{label}", f"sqlite:///{folder / 'bench.sqlite3'}", folder, KIOSK_WRITER_TURNS=turns)
            if postgres:
                from tests.conftest import reset_postgres

                reset_postgres(postgres)
                folder = Path(scratch) / f"pg-{turns}"
                folder.mkdir()
                bench(f"PostgreSQL{label}", postgres, folder, KIOSK_WRITER_TURNS=turns)
        history(scratch, postgres)


if __name__ == "__main__":
    main()
