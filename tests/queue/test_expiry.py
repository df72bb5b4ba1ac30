"""Yesterday's queue ends: earlier days' tickets are never counted, shown or called, and are closed as expired."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from kiosk.audit.models import AuditLog
from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.queue import reads, stats, windows
from kiosk.queue.expiry import expire_if_due, expire_stale_tickets
from kiosk.queue.models import Ticket, TicketStatus, WindowState
from kiosk.queue.tickets import issue_ticket


def _yesterday():
    return utcnow() - timedelta(days=1)


def test_expired_is_a_ticket_status_the_database_accepts(empty_app, make_ticket):
    ticket = make_ticket(status=TicketStatus.EXPIRED.value)
    db.session.commit()
    assert db.session.get(Ticket, ticket.id).status == "expired"


def test_call_next_on_a_new_day_calls_todays_a001(empty_app, make_service, make_window, make_ticket):
    """Regression: call-next called A001 of an earlier day before today's A001."""
    service = make_service(code="A")
    window = make_window(services=[service])
    old = [make_ticket(service=service, issued_at=_yesterday() - timedelta(days=89) + timedelta(minutes=n))
           for n in range(3)]
    db.session.commit()
    hall = service.hall
    today = issue_ticket(hall, service)
    assert today.number == "A001"
    called = windows.call_next(window)
    assert called.id == today.id and called.business_day != old[0].business_day
    assert windows.call_next(window) is None


def test_counts_ahead_and_line_ignore_earlier_days_without_the_job(empty_app, make_service, make_window,
                                                                    make_ticket):
    """Correctness does not depend on the expiry having run: the reads filter by business day."""
    service = make_service(code="A")
    window = make_window(services=[service])
    for n in range(5):
        make_ticket(service=service, issued_at=_yesterday() - timedelta(minutes=n))
    stale_called = make_ticket(service=service, status="called", window=window, issued_at=_yesterday())
    first = make_ticket(service=service)
    second = make_ticket(service=service)
    db.session.commit()
    hall = service.hall
    assert reads.waiting_counts(hall.id) == [{"code": "A", "waiting": 2}]
    assert reads.ahead_count(second) == 1 and reads.ahead_count(first) == 0
    assert [t.id for t in reads.waiting_for(window)] == [first.id, second.id]
    snapshot = reads.queue_snapshot(hall)
    assert snapshot["services"][0]["waiting"] == 2
    assert snapshot["windows"][0]["serving"] is None
    assert stale_called.number not in [call["ticket"] for call in snapshot["recent_calls"]]
    old = db.session.scalars(select(Ticket).where(Ticket.business_day < first.business_day)).first()
    assert reads.ahead_count(old) == 0


def test_expire_closes_waiting_and_called_tickets_of_earlier_days(empty_app, make_service, make_window,
                                                                   make_ticket):
    service = make_service(code="A")
    window = make_window(services=[service])
    waiting = [make_ticket(service=service, issued_at=_yesterday() - timedelta(minutes=n)) for n in range(3)]
    done = make_ticket(service=service, status="done", issued_at=_yesterday())
    called = make_ticket(service=service, status="called", window=window, issued_at=_yesterday())
    today = make_ticket(service=service)
    db.session.commit()
    hall = service.hall
    assert db.session.get(WindowState, window.id).current_ticket_id == called.id

    assert expire_stale_tickets(hall) == 4
    statuses = {t.id: db.session.get(Ticket, t.id).status for t in [*waiting, done, called, today]}
    assert [statuses[t.id] for t in waiting] == ["expired"] * 3
    assert (statuses[done.id], statuses[called.id], statuses[today.id]) == ("done", "expired", "waiting")
    state = db.session.get(WindowState, window.id)
    assert state.current_ticket_id is None and state.is_open
    assert db.session.get(Ticket, called.id).finished_at is None
    audit = db.session.scalar(select(AuditLog).where(AuditLog.action == "queue.expire"))
    assert audit.after["expired"] == 4
    assert expire_stale_tickets(hall) == 0


def test_expiry_runs_lazily_once_per_day_on_issue(empty_app, make_service, make_ticket):
    service = make_service(code="A")
    stale = make_ticket(service=service, issued_at=_yesterday())
    db.session.commit()
    hall = service.hall
    issue_ticket(hall, service)
    assert db.session.get(Ticket, stale.id).status == "expired"
    # Already done for today in this process: a later stale row (made by hand) stays until tomorrow's run.
    late = make_ticket(service=service, issued_at=_yesterday())
    db.session.commit()
    expire_if_due(hall)
    assert db.session.get(Ticket, late.id).status == "waiting"
    assert reads.waiting_counts(hall.id) == [{"code": "A", "waiting": 1}]


def test_call_next_with_yesterdays_ticket_at_the_window_expires_it(empty_app, make_service, make_window,
                                                                    make_ticket):
    service = make_service(code="A")
    window = make_window(services=[service])
    stale = make_ticket(service=service, status="called", window=window, issued_at=_yesterday())
    db.session.commit()
    empty_app.extensions["queue_expired_through"] = {service.hall_id: reads.today_of(service.hall_id)}
    assert windows.call_next(window) is None
    assert db.session.get(Ticket, stale.id).status == "expired"


def test_stats_count_expired_as_issued_not_served(empty_app, make_service, make_window, make_ticket):
    service = make_service(code="A")
    make_window(services=[service])
    make_ticket(service=service, issued_at=_yesterday())
    make_ticket(service=service, issued_at=_yesterday())
    db.session.commit()
    hall = service.hall
    expire_stale_tickets(hall)
    day = reads.today_of(hall.id) - timedelta(days=1)
    total = stats.totals(stats.compute(hall, day, day))
    assert (total.issued, total.served, total.no_shows, total.expired) == (2, 0, 0, 2)


def test_queue_expire_command(empty_app, make_service, make_ticket):
    service = make_service(code="A")
    make_ticket(service=service, issued_at=_yesterday())
    db.session.commit()
    result = empty_app.test_cli_runner().invoke(args=["queue", "expire"])
    assert result.exit_code == 0, result.output
    assert "1" in result.output
    assert db.session.scalar(select(Ticket.status)) == "expired"
    missing = empty_app.test_cli_runner().invoke(args=["queue", "expire", "--hall", "nowhere"])
    assert missing.exit_code == 1


def test_the_phone_page_of_an_expired_ticket_says_so(empty_app, empty_client, make_ticket):
    ticket = make_ticket(status="expired")
    page = empty_client.get(f"/t/{ticket.token}?lang=en").get_data(as_text=True)
    assert "earlier business day" in page and "finished" not in page


def test_the_phone_page_follows_the_stream_of_its_own_hall(empty_app, empty_client, make_hall, make_ticket):
    other = make_hall(code="other-hall")
    ticket = make_ticket(hall=other)
    page = empty_client.get(f"/t/{ticket.token}").get_data(as_text=True)
    assert 'data-events-url="/api/v1/events?hall=other-hall"' in page
    assert '<noscript><meta http-equiv="refresh"' in page  # without scripts it still refreshes
    assert empty_client.get("/api/v1/events?hall=nowhere&max_seconds=0.01").status_code == 404
    assert empty_client.get("/api/v1/events?hall=other-hall&max_seconds=0.01").status_code == 200
