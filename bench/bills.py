"""Bill look-up latency with 1,000,000 bills, with and without the look-up indexes; CSV import of 100,000 rows.

Run: ``.venv/bin/python bench/bills.py`` (scratch SQLite databases in a temporary folder).
Prints p50/p99 of a full look-up (account by number, its bills, late fees, masking) and the import times.
"""
from __future__ import annotations

import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ACCOUNTS, MONTHS = 62_500, 16  # 1,000,000 bills
INDEXES = {
    "ix_bill_accounts_account_no": "CREATE UNIQUE INDEX ix_bill_accounts_account_no ON bill_accounts (account_no)",
    "ix_bills_account_period": "CREATE UNIQUE INDEX ix_bills_account_period ON bills (account_id, period)",
}


def make_app(folder: Path, name: str):
    os.environ["KIOSK_INSTANCE_PATH"] = str(folder)
    from kiosk import create_app

    return create_app({"DATABASE_URL": f"sqlite:///{folder / name}", "SECRET_KEY": "bench", "TESTING": True})


def periods(count: int) -> list[str]:
    return [f"{2025 + (m // 12)}-{m % 12 + 1:02d}" for m in range(count)]


def fill(path: Path) -> float:
    """Insert ACCOUNTS × MONTHS bills straight through sqlite3 (amounts in fen, kWh in hundredths)."""
    started = time.perf_counter()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")
    for index in INDEXES:
        connection.execute(f"DROP INDEX IF EXISTS {index}")
    connection.executemany(
        "INSERT INTO bill_accounts (id, account_no, name, address, customer_category, meter_no, phone, prepaid_balance)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
        ((i, f"44{i:010d}", "测试用户", "示范区光明路1号2栋", "residential" if i % 5 else "non_residential",
          f"33017{i:08d}", None) for i in range(1, ACCOUNTS + 1)))
    months = periods(MONTHS)
    connection.executemany(
        "INSERT INTO bills (account_id, period, prev_reading, curr_reading, kwh, amount, due_date, paid_on)"
        " VALUES (?, ?, 0, 20000, 20000, 10760, ?, ?)",
        ((i, p, f"{p}-20", None if n >= MONTHS - 2 else f"{p}-18") for i in range(1, ACCOUNTS + 1)
         for n, p in enumerate(months)))
    connection.commit()
    connection.close()
    return time.perf_counter() - started


def measure(count: int) -> list[float]:
    from kiosk.bills import service

    rng = random.Random(4)
    as_of = date(2026, 6, 1)
    timings = []
    for _ in range(count):
        number = f"44{rng.randint(1, ACCOUNTS):010d}"
        started = time.perf_counter()
        account = service.find_account(number)
        summary = service.summary(account, as_of)
        timings.append((time.perf_counter() - started) * 1000)
        assert summary.bills
    return timings


def report(label: str, timings: list[float]) -> None:
    ordered = sorted(timings)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(f"{label:<34} n={len(ordered):<4} p50 {statistics.median(ordered):8.2f} ms   p99 {p99:8.2f} ms")


def bench_lookup(folder: Path) -> None:
    from kiosk.cli import migrate_database
    from kiosk.extensions import db

    app = make_app(folder, "lookup.sqlite3")
    with app.app_context():
        migrate_database()
        db.engine.dispose()
        seconds = fill(folder / "lookup.sqlite3")
        print(f"inserted {ACCOUNTS * MONTHS:,} bills in {seconds:.1f} s")
        report("baseline (no look-up indexes)", measure(20))
        db.session.remove()
        with db.engine.begin() as connection:
            for statement in INDEXES.values():
                connection.exec_driver_sql(statement)
            connection.exec_driver_sql("ANALYZE")
        measure(20)  # warm up
        report("with the look-up indexes", measure(1000))


def bench_import(folder: Path, rows: int = 100_000) -> None:
    from kiosk.bills.importer import REQUIRED, import_csv
    from kiosk.cli import migrate_database
    from kiosk.extensions import db

    path = folder / "bills.csv"
    months = periods(20)
    with path.open("w", encoding="utf-8") as out:
        out.write(",".join(REQUIRED) + "\n")
        for i in range(rows // len(months)):
            for p in months:
                out.write(f"55{i:010d},测试用户,示范区光明路1号2栋,residential,{p},0,200,200,107.60,{p}-20,\n")
    app = make_app(folder, "import.sqlite3")
    with app.app_context():
        migrate_database()
        for label in ("import 100,000 rows (new)", "import 100,000 rows (again: updates)"):
            started = time.perf_counter()
            with path.open(encoding="utf-8", newline="") as stream:
                result = import_csv(stream)
            db.session.commit()
            assert result.ok and result.rows == rows
            print(f"{label:<40} {time.perf_counter() - started:6.1f} s")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as scratch:
        bench_lookup(Path(scratch))
        bench_import(Path(scratch))
