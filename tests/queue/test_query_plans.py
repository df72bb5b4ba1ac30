"""Every hot query on tickets goes through an index over one hall's business day, however long the history.

The statements are captured while the real functions run (a ``before_cursor_execute`` listener),
so the check follows the code: each statement on ``tickets`` is explained (``EXPLAIN QUERY PLAN`` on
SQLite, ``EXPLAIN`` on PostgreSQL after ``ANALYZE``) and must not scan the table.
"""
from __future__ import annotations

import re
import secrets
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import event, insert, select, text

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.hall.models import Hall, Service
from kiosk.hall.service import business_day, hall_by_code, service_by_code, window_by_number
from kiosk.queue import reads, windows
from kiosk.queue.expiry import expire_stale_tickets
from kiosk.queue.models import Ticket
from kiosk.queue.tickets import issue_ticket
from tests.conftest import POSTGRES_URL

ON_TICKETS = re.compile(r"\b(FROM|UPDATE|JOIN)\s+tickets\b", re.IGNORECASE)


def seed_history(hall: Hall, days: int, per_day: int) -> None:
    """``per_day`` tickets per service on each of ``days`` earlier business days (a few left waiting or called)."""
    services = list(db.session.scalars(select(Service).where(Service.hall_id == hall.id)))
    window = window_by_number(hall, 1)
    today = business_day(hall)
    start = utcnow() - timedelta(days=days)
    rows = []
    for d in range(days):
        day = today - timedelta(days=days - d)
        for service in services:
            for seq in range(1, per_day + 1):
                issued = start + timedelta(days=d, seconds=seq * 30)
                status = ("waiting" if seq % 37 == 0 else "called" if seq % 53 == 0 else "skipped" if seq % 11 == 0
                          else "done")
                called = issued + timedelta(minutes=5) if status != "waiting" else None
                rows.append({
                    "hall_id": hall.id, "issued_service_id": service.id, "service_id": service.id,
                    "business_day": day, "seq": seq, "number": f"{service.code}{seq:03d}",
                    "token": secrets.token_urlsafe(12), "priority": seq % 13 == 0, "front": False, "status": status,
                    "window_id": window.id if called else None, "issued_at": issued, "called_at": called,
                    "finished_at": called + timedelta(minutes=4) if status in ("done", "skipped") else None,
                    "call_count": 1 if called else 0})
    db.session.execute(insert(Ticket), rows)
    db.session.commit()


@contextmanager
def statements_on_tickets():
    """Collect ``(statement, parameters)`` of every SELECT or UPDATE on ``tickets`` run inside the block."""
    seen: list[tuple[str, object]] = []

    def listen(_conn, _cursor, statement, parameters, _context, executemany):
        if not executemany and ON_TICKETS.search(statement) and statement.lstrip().upper().startswith(
                ("SELECT", "UPDATE", "WITH")):
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)


def run_hot_paths(app) -> None:
    """Issue, call, recall, skip, put back, transfer, finish, the snapshot, the pages, the expiry."""
    hall = hall_by_code("demo")
    service = service_by_code(hall, "A")
    first = issue_ticket(hall, service)
    issue_ticket(hall, service, priority=True)
    issue_ticket(hall, service_by_code(hall, "B"))
    window = window_by_number(hall, 1)
    windows.set_open(window, True)
    windows.call_next(window)
    windows.recall(window)
    windows.skip(window)
    windows.call_next(window)
    windows.finish(window)
    skipped = reads.skipped_today(window, business_day(hall))
    if skipped:
        windows.requeue(window, skipped[0].number, business_day(hall))
    windows.call_next(window)
    windows.transfer(window, service=service_by_code(hall, "B"))
    reads.waiting_counts(hall.id)
    reads.ahead_count(first)
    reads.waiting_for(window, limit=30)
    reads.queue_snapshot(hall)
    reads.service_lines(hall)
    reads.average_service_minutes(service)
    reads.recent_calls(hall)
    client = app.test_client()
    assert client.get(f"/t/{first.token}").status_code == 200
    assert client.get("/api/v1/queue").status_code == 200
    assert client.get("/kiosk/ticket").status_code == 200
    assert client.get("/display").status_code == 200
    expire_stale_tickets(hall)


def sqlite_plan(statement: str, parameters) -> list[str]:
    connection = db.engine.raw_connection()
    try:
        return [row[3] for row in connection.cursor().execute(f"EXPLAIN QUERY PLAN {statement}", parameters)]
    finally:
        connection.close()


def test_hot_queries_use_indexes_on_sqlite(app, hall):
    seed_history(hall, days=6, per_day=60)
    with statements_on_tickets() as seen:
        run_hot_paths(app)
    assert len(seen) > 15
    problems = []
    for statement, parameters in seen:
        plan = sqlite_plan(statement, parameters)
        if any(re.search(r"\bSCAN tickets(_\d+)?\b", line) for line in plan) or not any(
                re.search(r"\bSEARCH tickets(_\d+)?\b", line) for line in plan):
            problems.append((statement, plan))
    assert problems == []


def test_the_waiting_counts_read_only_todays_index_range(app, hall):
    seed_history(hall, days=3, per_day=40)
    with statements_on_tickets() as seen:
        reads.waiting_counts(hall.id)
    (statement, parameters), = seen
    plan = " ".join(sqlite_plan(statement, parameters))
    assert "USING COVERING INDEX ix_tickets_day (hall_id=? AND business_day=? AND status=?)" in plan


def test_the_estimate_reads_the_latest_finished_through_its_index(app, hall):
    seed_history(hall, days=3, per_day=40)
    with statements_on_tickets() as seen:
        reads.average_service_minutes(service_by_code(hall, "A"))
    (statement, parameters), = seen
    plan = " ".join(sqlite_plan(statement, parameters))
    assert "ix_tickets_estimate (service_id=? AND status=? AND finished_at>?)" in plan
    assert "TEMP B-TREE" not in plan


def test_the_expiry_reads_only_the_open_tickets_index(app, hall):
    seed_history(hall, days=3, per_day=40)
    with statements_on_tickets() as seen:
        assert expire_stale_tickets(hall) > 0
    assert len(seen) == 2
    for statement, parameters in seen:
        assert "ix_tickets_open (hall_id=? AND business_day<?)" in " ".join(sqlite_plan(statement, parameters))


@pytest.mark.postgres
@pytest.mark.xdist_group("postgres")
def test_hot_queries_use_indexes_on_postgres(postgres_app):
    if not POSTGRES_URL:
        pytest.skip("KIOSK_TEST_POSTGRES_URL is not set")
    hall = hall_by_code("demo")
    seed_history(hall, days=120, per_day=60)
    db.session.execute(text("ANALYZE tickets"))
    db.session.commit()
    with statements_on_tickets() as seen:
        run_hot_paths(postgres_app)
    assert len(seen) > 15
    problems = []
    connection = db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        for statement, parameters in seen:
            cursor.execute(f"EXPLAIN {statement}", parameters)
            plan = [row[0] for row in cursor.fetchall()]
            if any(re.search(r"Seq Scan on tickets\b", line) for line in plan):
                problems.append((statement, plan))
    finally:
        connection.rollback()
        connection.close()
    assert problems == []
