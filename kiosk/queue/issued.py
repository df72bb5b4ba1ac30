"""The "people ahead" of a ticket at its issue, carried from the kiosk's issue to its paper.

:func:`kiosk.queue.tickets.issue_ticket` counts it once; the kiosk keeps it in the session
for the confirmation page and the printed ticket. A ticket issued elsewhere (the API, another
device) or printed again later is counted at that moment instead.
"""
from __future__ import annotations

from flask import session

from kiosk.queue.models import Ticket
from kiosk.queue.reads import ahead_count

SESSION_KEY = "queue_issued"


def remember(ticket: Ticket) -> None:
    """Keep the ``waiting_ahead`` of the ticket just issued for this kiosk's next pages."""
    session[SESSION_KEY] = {"token": ticket.token, "ahead": int(ticket.waiting_ahead or 0)}


def ahead_at_issue(ticket: Ticket) -> int:
    """The people ahead when this kiosk issued ``ticket``; counted now for a ticket it did not issue."""
    kept = session.get(SESSION_KEY)
    if isinstance(kept, dict) and kept.get("token") == ticket.token and isinstance(kept.get("ahead"), int):
        return kept["ahead"]
    return ahead_count(ticket)
