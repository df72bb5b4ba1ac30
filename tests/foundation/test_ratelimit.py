"""The rate limiter is one atomic upsert: simultaneous hits never slip past the limit (SQLite and PostgreSQL)."""
from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.ratelimit import RateCounter, hit


def hit_from_threads(app, key: str, limit: int, count: int) -> list[bool]:
    """``count`` threads, each with its own app context and connection, hit ``key`` at the same moment."""
    start = threading.Barrier(count)
    results: list[bool] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def worker() -> None:
        try:
            with app.app_context():
                start.wait()
                allowed = hit(key, limit)
                db.session.remove()
            with lock:
                results.append(allowed)
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results


def test_fifty_simultaneous_hits_let_exactly_ten_through(empty_app):
    results = hit_from_threads(empty_app, "bills:addr:10.0.0.7", limit=10, count=50)
    assert len(results) == 50 and results.count(True) == 10
    assert db.session.get(RateCounter, "bills:addr:10.0.0.7").hits == 50


def test_fifty_simultaneous_bill_lookups_let_exactly_ten_through(make_hall, make_account, empty_app):
    make_hall()
    make_account(account_no="3300000001")
    empty_app.config["LOOKUPS_PER_MINUTE"] = 10
    start = threading.Barrier(50)
    statuses: list[int] = []
    lock = threading.Lock()

    def look_up() -> None:
        client = empty_app.test_client()
        start.wait()
        status = client.get("/api/v1/bills/3300000001", environ_base={"REMOTE_ADDR": "10.0.0.8"}).status_code
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=look_up) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] * 10 + [429] * 40


def test_a_new_window_starts_the_count_again(empty_app):
    now = utcnow()
    assert all(hit("k", 2, 60, now=now) for _ in range(2))
    assert not hit("k", 2, 60, now=now + timedelta(seconds=59))
    assert hit("k", 2, 60, now=now + timedelta(seconds=61))
    row = db.session.get(RateCounter, "k")
    db.session.refresh(row)
    assert row.hits == 1 and row.window_start == now + timedelta(seconds=61)


def test_keys_are_counted_apart(empty_app):
    assert hit("a", 1) and hit("b", 1)
    assert not hit("a", 1)


@pytest.mark.postgres
@pytest.mark.xdist_group("postgres")
def test_fifty_simultaneous_hits_on_postgres(postgres_app):
    results = hit_from_threads(postgres_app, "bills:addr:10.0.0.7", limit=10, count=50)
    assert len(results) == 50 and results.count(True) == 10
