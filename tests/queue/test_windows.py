"""Calling order and window actions: call next, recall, skip, put back, transfer, finish."""
from __future__ import annotations

from datetime import timedelta

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from kiosk.audit.models import AuditLog
from kiosk.dbtypes import utcnow
from kiosk.events.models import Event
from kiosk.extensions import db
from kiosk.hall.service import business_day, service_by_code
from kiosk.queue import reads, windows
from kiosk.queue.errors import QueueError
from kiosk.queue.reads import ahead_count


def events(type_):
    return [row.payload for row in db.session.scalars(select(Event).where(Event.type == type_).order_by(Event.id))]


def staggered(issue, spec):
    """Issue tickets one second apart, ending a second ago: ``spec`` is a list of (code, priority).

    (Seconds, not minutes, ago: just after the hall's midnight a ticket from ten minutes ago is yesterday's.)"""
    start = utcnow() - timedelta(seconds=len(spec) + 1)
    return [issue(code, priority, now=start + timedelta(seconds=i)) for i, (code, priority) in enumerate(spec)]


@pytest.mark.parametrize(("spec", "window_number", "expected"), [
    # Window 1 serves A only: priority first, then arrival.
    ([("A", False), ("A", True), ("A", False)], 1, ["A002", "A001", "A003", None]),
    # Window 6 serves C and A: first come across both services, priority first.
    ([("A", False), ("C", False), ("A", False), ("C", True)], 6, ["C002", "A001", "C001", "A002", None]),
    # Window 4 serves B only; A tickets are not for it.
    ([("A", False), ("B", False)], 4, ["B001", None]),
])
def test_call_order(issue, window, spec, window_number, expected):
    staggered(issue, spec)
    target = window(window_number)
    called = [getattr(windows.call_next(target), "number", None) for _ in expected]
    assert called == expected


def test_call_next_appends_events_and_audit(issue, window):
    issue("A")
    ticket = windows.call_next(window(2))
    assert ticket.status == "called" and ticket.window.number == 2
    call = events("call")[-1]
    assert (call["ticket"], call["window"], call["service"], call["recall"]) == ("A001", 2, "A", False)
    assert events("window")[-1]["serving"] == "A001" and events("window")[-1]["status"] == "open"
    assert events("queue")[-1]["services"][0] == {"code": "A", "waiting": 0}
    assert db.session.scalar(select(AuditLog).where(AuditLog.action == "queue.call_next")).after == {"ticket": "A001"}


def test_recall_skip_requeue_and_finish(issue, window, hall):
    staggered(issue, [("A", False), ("A", False)])
    w1 = window(1)
    first = windows.call_next(w1)
    assert windows.recall(w1).number == first.number
    assert [call["recall"] for call in events("call")] == [False, True]
    windows.skip(w1)
    assert first.status == "skipped"
    assert reads.status_of(w1)["serving"] is None
    # The customer comes back: staff puts the ticket back at the front.
    windows.requeue(w1, "a001", business_day(hall))
    assert first.status == "waiting" and first.front
    assert windows.call_next(w1).number == "A001"
    finished = windows.finish(w1)
    assert finished.status == "done" and finished.finished_at is not None
    assert events("rating")[-1] == {"window": 1, "ticket": "A001"}
    assert windows.call_next(w1).number == "A002"


def test_requeue_unknown_ticket(window, hall):
    with pytest.raises(QueueError) as error:
        windows.requeue(window(1), "A999", business_day(hall))
    assert error.value.status == 404


def test_transfer_keeps_arrival_time(issue, window, hall):
    old_b = staggered(issue, [("A", False), ("B", False)])
    a_ticket = old_b[0]
    issued_at = a_ticket.issued_at
    issue("B")  # B002 arrived later than A001
    w1, w4 = window(1), window(4)
    windows.call_next(w1)
    moved = windows.transfer(w1, service=service_by_code(hall, "B"))
    assert moved.number == "A001" and moved.service.code == "B" and moved.issued_at == issued_at
    assert [windows.call_next(w4).number for _ in range(3)] == ["A001", "B001", "B002"]


def test_transfer_to_a_window(issue, window):
    issue("A")
    issue("B")
    w1, w4, w5 = window(1), window(4), window(5)
    windows.call_next(w1)
    windows.transfer(w1, target=w5)
    assert windows.call_next(w4).number == "B001"  # A001 waits for window 5 only
    assert windows.call_next(w5).number == "A001"


def test_nothing_to_act_on(window):
    w1 = window(1)
    assert windows.call_next(w1) is None
    for action in (windows.recall, windows.skip, windows.finish):
        with pytest.raises(QueueError):
            action(w1)


def test_closed_window_cannot_call(issue, window):
    issue("A")
    w1 = window(1)
    windows.set_open(w1, False)
    with pytest.raises(QueueError) as error, force_locale("en"):
        windows.call_next(w1)
    assert error.value.status == 409 and "closed" in error.value.message
    assert events("window")[-1] == {"number": 1, "status": "closed", "serving": None, "reason": None,
                                    "reason_texts": {}, "until": None}
    windows.set_open(w1, True)
    assert windows.call_next(w1).number == "A001"


def test_suspended_window_cannot_call(issue, window, monkeypatch):
    from kiosk.notices import status
    from kiosk.notices.status import SuspensionInfo

    issue("A")
    monkeypatch.setattr(status, "window_suspension",
                        lambda w: SuspensionInfo("window", "系统故障", {"en": "System failure"}))
    with pytest.raises(QueueError) as error:
        windows.call_next(window(1))
    assert error.value.status == 409 and "系统故障" in error.value.message
    assert reads.status_of(window(1))["status"] == "suspended"


def test_ahead_count_follows_calling_order(issue):
    tickets = staggered(issue, [("A", False), ("A", False), ("A", True), ("A", False)])
    assert [ahead_count(t) for t in tickets] == [1, 2, 0, 3]
