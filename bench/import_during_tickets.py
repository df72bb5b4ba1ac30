"""Tickets issued while a 1,000,000-row bill import runs: ticket p50/p99/max and errors, the import's peak memory.

Run: ``.venv/bin/python bench/import_during_tickets.py [ROWS]`` (default 1,000,000; scratch SQLite database in a
temporary folder, gunicorn gthread with 2 workers as ``make run`` serves). A few kiosk clients issue a ticket
every ``BENCH_TICKET_PAUSE`` seconds (default 0.2) each during the whole import; the import runs as
``flask --app app import-bills FILE`` in its own process, whose peak resident memory is read from ``wait4``.
"""
from __future__ import annotations

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "4"))
PAUSE = float(os.environ.get("BENCH_TICKET_PAUSE", "0.2"))
MONTHS = 16
HEADER = "account_no,name,address,category,period,prev_reading,curr_reading,kwh,amount,due_date,paid_on\n"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def flask(env: dict, *args: str) -> str:
    done = subprocess.run([str(BIN / "flask"), "--app", "app", *args], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True, timeout=600)
    return done.stdout


def write_bills(path: Path, rows: int) -> None:
    """``rows`` bills: accounts of ``MONTHS`` monthly bills each, residential and not, some unpaid."""
    periods = [f"{2025 + m // 12}-{m % 12 + 1:02d}" for m in range(MONTHS)]
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for index in range(rows):
            account, month = divmod(index, MONTHS)
            period = periods[month]
            category = "residential" if account % 5 else "non_residential"
            paid = "" if month >= MONTHS - 2 else f"{period}-18"
            out.write(f"44{account:010d},测试用户,示范区光明路1号2栋,{category},{period},{month * 200},"
                      f"{month * 200 + 200},200,107.60,{period}-20,{paid}\n")


def start_server(env: dict) -> tuple[subprocess.Popen, int]:
    port = free_port()
    server = subprocess.Popen([str(BIN / "gunicorn"), "-k", "gthread", "-w", "2", "--threads", "8",
                               "-b", f"127.0.0.1:{port}", "--log-level", "warning", "app:app"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    return server, port


def services(port: int) -> list[str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/api/v1/queue")
    data = json.loads(connection.getresponse().read())
    connection.close()
    return [item["code"] for item in data["services"]]


def ticket_client(port: int, codes: list[str], stop: threading.Event, times: list, errors: list, offset: int):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    turn = offset
    while not stop.is_set():
        body = json.dumps({"service": codes[turn % len(codes)]})
        turn += 1
        started = time.perf_counter()
        try:
            connection.request("POST", "/api/v1/tickets", body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            text = response.read()
            if response.status != 201:
                errors.append(f"{response.status} {text[:120]!r}")
        except (OSError, http.client.HTTPException) as error:
            errors.append(repr(error))
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        times.append(time.perf_counter() - started)
        stop.wait(PAUSE)
    connection.close()


def pct(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = dict(os.environ, KIOSK_INSTANCE_PATH=str(folder),
                   KIOSK_DATABASE_URL=f"sqlite:///{folder / 'bench.sqlite3'}", KIOSK_WARM_PRINTER="0",
                   KIOSK_SECRET_KEY="bench")
        flask(env, "init-db")
        flask(env, "seed-demo")
        csv_path = folder / "bills.csv"
        started = time.perf_counter()
        write_bills(csv_path, rows)
        print(f"wrote {rows:,} rows ({csv_path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - started:.1f} s")
        server, port = start_server(env)
        try:
            codes = services(port)
            stop, times, errors = threading.Event(), [], []
            clients = [threading.Thread(target=ticket_client, args=(port, codes, stop, times, errors, n))
                       for n in range(CLIENTS)]
            for client in clients:
                client.start()
            time.sleep(2)
            before = len(times)
            started = time.perf_counter()
            importer = subprocess.Popen([str(BIN / "flask"), "--app", "app", "import-bills", str(csv_path)],
                                        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            _pid, status, usage = os.wait4(importer.pid, 0)
            elapsed = time.perf_counter() - started
            output = (importer.stdout.read() + importer.stderr.read()).decode() if importer.stdout else ""
            stop.set()
            for client in clients:
                client.join()
        finally:
            server.terminate()
            server.wait(30)
    during = times[before:]
    print(output.strip().splitlines()[-1] if output.strip() else "(no output)")
    print(f"import: exit status {os.waitstatus_to_exitcode(status)}, {elapsed:.1f} s, "
          f"peak RSS {usage.ru_maxrss / 1024:.0f} MB")
    print(f"tickets during the import ({CLIENTS} clients, one every {PAUSE} s each): {len(during)} issued, "
          f"{len(errors)} errors, p50 {statistics.median(during) * 1000:.0f} ms, "
          f"p99 {pct(during, 0.99) * 1000:.0f} ms, max {max(during) * 1000:.0f} ms")
    for error in errors[:5]:
        print("  error:", error)


if __name__ == "__main__":
    main()
