"""The queue on PostgreSQL: 200 simultaneous tickets (threads and two processes), calling, the snapshot."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from kiosk.extensions import db
from kiosk.queue.models import Ticket
from tests.conftest import POSTGRES_URL
from tests.queue.test_concurrency import two_processes

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("postgres")]


def test_threads_and_calls(postgres_app):
    from kiosk.hall.service import hall_by_code, service_by_code, window_by_number
    from kiosk.queue import windows
    from kiosk.queue.tickets import issue_ticket

    def one(_index):
        with postgres_app.app_context():
            try:
                hall = hall_by_code("demo")
                return issue_ticket(hall, service_by_code(hall, "A")).number
            finally:
                db.session.remove()

    db.session.remove()
    with ThreadPoolExecutor(max_workers=20) as pool:
        numbers = list(pool.map(one, range(200)))
    assert sorted(numbers) == [f"A{n:03d}" for n in range(1, 201)]
    hall = hall_by_code("demo")
    issue_ticket(hall, service_by_code(hall, "A"), priority=True)
    assert windows.call_next(window_by_number(hall, 1)).number == "A201"
    assert windows.call_next(window_by_number(hall, 2)).number == "A001"
    snapshot = postgres_app.test_client().get("/api/v1/queue").get_json()
    assert snapshot["services"][0]["waiting"] == 199
    assert [call["ticket"] for call in snapshot["recent_calls"]] == ["A001", "A201"]


def test_two_processes(postgres_app, tmp_path):
    numbers = two_processes(POSTGRES_URL, tmp_path)
    assert sorted(numbers) == [f"A{n:03d}" for n in range(1, 201)]
    assert db.session.scalar(select(db.func.count()).select_from(Ticket)) == 200
