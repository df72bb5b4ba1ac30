"""Ticket numbers: per service and business day in the hall's time zone, safe under concurrency."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from kiosk.extensions import db
from kiosk.queue.models import Ticket
from kiosk.queue.tickets import format_number


@pytest.mark.parametrize(("seq", "text"), [(1, "A001"), (12, "A012"), (999, "A999"), (1000, "A1000"), (1234, "A1234")])
def test_format_number(seq, text):
    assert format_number("A", seq) == text


def test_numbers_per_service(issue):
    numbers = [issue(code).number for code in "AABAC"]
    assert numbers == ["A001", "A002", "B001", "A003", "C001"]


def test_daily_reset_at_midnight_in_shanghai(issue):
    # 15:59:59 UTC is 23:59:59 in Asia/Shanghai; 16:00 UTC is the next business day there.
    before = issue("A", now=datetime(2026, 3, 1, 15, 59, 59, tzinfo=UTC))
    second = issue("A", now=datetime(2026, 3, 1, 15, 59, 59, 500000, tzinfo=UTC))
    after = issue("A", now=datetime(2026, 3, 1, 16, 0, 0, tzinfo=UTC))
    assert [before.number, second.number, after.number] == ["A001", "A002", "A001"]
    assert str(before.business_day) == "2026-03-01" and str(after.business_day) == "2026-03-02"
    # Older tickets stay for statistics.
    assert db.session.scalar(select(db.func.count()).select_from(Ticket)) == 3


def test_unique_constraint_is_the_last_guard(issue):
    first = issue("A")
    clone = Ticket(hall_id=first.hall_id, issued_service_id=first.issued_service_id, service_id=first.service_id,
                   business_day=first.business_day, seq=first.seq, number=first.number, token="other-token")
    db.session.add(clone)
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_token_is_long_and_random(issue):
    tokens = {issue("A").token for _ in range(5)}
    assert len(tokens) == 5 and all(len(token) >= 22 for token in tokens)


def test_200_threads_get_a001_to_a200(app, hall):
    from kiosk.hall.service import service_by_code
    from kiosk.queue.tickets import issue_ticket

    def one(_index):
        with app.app_context():
            local_hall = db.session.merge(hall, load=False)
            try:
                return issue_ticket(local_hall, service_by_code(local_hall, "A")).number
            finally:
                db.session.remove()

    db.session.remove()
    with ThreadPoolExecutor(max_workers=20) as pool:
        numbers = list(pool.map(one, range(200)))
    assert sorted(numbers) == [f"A{n:03d}" for n in range(1, 201)]
