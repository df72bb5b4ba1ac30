"""Statistics: per day, service and window; the page and its CSV export."""
from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.extensions import db
from kiosk.queue import stats
from kiosk.queue.models import Ticket


@pytest.mark.parametrize(("values", "share", "expected"), [
    ([], 0.9, None), ([5.0], 0.9, 5.0), ([float(n) for n in range(1, 11)], 0.9, 9.0), ([1.0, 2.0, 30.0], 0.9, 30.0),
])
def test_percentile(values, share, expected):
    assert stats.percentile(values, share) == expected


@pytest.fixture
def history(issue, window):
    """Four A tickets on 2026-03-02 (Shanghai): two served at window 1 (3 and 7 min), one no-show, one waiting."""
    base = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    tickets = [issue("A", now=base + timedelta(minutes=n)) for n in range(4)]
    w1 = window(1)
    plan = [(tickets[0], "done", 2, 3, 1), (tickets[1], "done", 4, 7, 4), (tickets[2], "skipped", 10, None, None)]
    for ticket, status, wait, service, rating in plan:
        ticket.status, ticket.window_id = status, w1.id
        ticket.called_at = ticket.issued_at + timedelta(minutes=wait)
        ticket.finished_at = ticket.called_at + timedelta(minutes=service or 0)
        ticket.rating = rating
    db.session.commit()
    return tickets


def test_compute(history, hall):
    day = history[0].business_day
    rows = stats.compute(hall, day, day)
    assert [(r.service, r.window, r.issued) for r in rows] == [("A", None, 1), ("A", 1, 3)]
    row = rows[1]
    assert (row.served, row.no_shows, row.avg_wait, row.p90_wait, row.avg_service) == (2, 1, 5.3, 10.0, 5.0)
    assert (row.within_pct, row.avg_rating, row.satisfied_pct) == (50.0, 2.5, 50.0)


def test_stats_page_and_csv(client, login, history):
    login("supervisor")
    page = client.get("/staff/stats?from=2026-03-01&to=2026-03-03&lang=en").get_data(as_text=True)
    assert 'data-chart="per-day"' in page and 'data-chart="waits"' in page and "<svg" in page
    response = client.get("/staff/stats.csv?from=2026-03-01&to=2026-03-03")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert tuple(rows[0]) == stats.CSV_COLUMNS
    assert [(r["day"], r["window"], r["issued"], r["served"], r["no_shows"], r["within_limit_pct"]) for r in rows] == [
        ("2026-03-02", "", "1", "0", "0", ""), ("2026-03-02", "1", "3", "2", "1", "50.0")]


@pytest.mark.parametrize("query", ["from=yesterday", "from=2026-03-05&to=2026-03-01", "from=2020-01-01&to=2026-03-01"])
def test_bad_period(client, login, query):
    login("supervisor")
    response = client.get(f"/staff/stats?{query}&lang=en")
    assert response.status_code == 200 and 'class="form-error"' in response.get_data(as_text=True)


def test_staff_cannot_see_stats(client, login):
    login("staff1")
    assert client.get("/staff/stats").status_code == 403


def test_estimate_uses_recent_service_times(history, hall):
    from kiosk.dbtypes import utcnow
    from kiosk.hall.service import service_by_code
    from kiosk.queue.reads import average_service_minutes, estimated_wait_minutes

    service_a = service_by_code(hall, "A")
    assert average_service_minutes(service_a) == 5.0  # the March history is too old: the default
    for ticket, minutes in zip(history[:2], (3, 9), strict=True):
        ticket.finished_at = utcnow() - timedelta(minutes=1)
        ticket.called_at = ticket.finished_at - timedelta(minutes=minutes)
    db.session.commit()
    assert average_service_minutes(service_a) == pytest.approx(6.0)
    assert estimated_wait_minutes(service_a, 0) == 0
    assert estimated_wait_minutes(service_a, 6) == 9  # 6 × 6 min over the 4 open windows serving A


def test_estimate_default_without_history(hall):
    from kiosk.hall.service import service_by_code
    from kiosk.queue.reads import DEFAULT_SERVICE_MINUTES, average_service_minutes

    assert average_service_minutes(service_by_code(hall, "B")) == DEFAULT_SERVICE_MINUTES
    assert db.session.query(Ticket).count() == 0
