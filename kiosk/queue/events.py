"""The queue's display events: every ``queue``, ``window``, ``call`` and ``rating`` payload.

Each payload is built here from the current state and appended to the current transaction
(:func:`kiosk.events.service.append_event`); the shapes are those of ``docs/api.md``.
A suspension change announced by the notice board republishes the windows it touches.
"""
from __future__ import annotations

from datetime import date

from kiosk.dbtypes import utcnow
from kiosk.events.service import append_event
from kiosk.hall.models import Hall, Service, Window
from kiosk.notices.signals import suspension_changed
from kiosk.queue.models import Ticket, WindowState
from kiosk.queue.reads import status_of, waiting_counts


def publish_window(window: Window, state: WindowState | None = None) -> dict:
    """Append the ``window`` event with the window's real state; returns the payload."""
    payload = status_of(window, state)
    append_event(window.hall_id, "window", payload)
    return payload


def publish_queue(hall_id: int, day: date | None = None) -> list[dict]:
    """Append the ``queue`` event with the hall's waiting counts (of business day ``day``, default today)."""
    counts = waiting_counts(hall_id, day)
    append_event(hall_id, "queue", {"services": counts})
    return counts


def publish_call(ticket: Ticket, window: Window, *, recall: bool) -> None:
    """Append the ``call`` event: ``ticket`` is called (or called again) to ``window``."""
    append_event(window.hall_id, "call", {"ticket": ticket.number, "window": window.number,
                                          "service": ticket.service.code, "called_at": utcnow().isoformat(),
                                          "recall": recall})


def publish_rating(window: Window, ticket: Ticket) -> None:
    """Append the ``rating`` event: the counter's rating screen asks about ``ticket``."""
    append_event(window.hall_id, "rating", {"window": window.number, "ticket": ticket.number})


@suspension_changed.connect
def republish_windows(hall: Hall, *, scope: str, target: Window | Service | None) -> None:
    """Republish the windows a suspension change touches: the window itself, or every window of the hall."""
    if scope == "window" and isinstance(target, Window):
        publish_window(target)
    elif scope == "hall":
        for window in hall.windows:
            publish_window(window)
