"""Queue test helpers."""
from __future__ import annotations

import pytest

from kiosk.hall.service import service_by_code, window_by_number


@pytest.fixture
def issue(app, hall):
    """``issue("A", priority=False, now=None)`` issues a ticket in the demo hall."""
    from kiosk.queue.tickets import issue_ticket

    def do(code: str = "A", priority: bool = False, now=None):
        return issue_ticket(hall, service_by_code(hall, code), priority, now=now)

    return do


@pytest.fixture
def window(app, hall):
    """``window(n)``: the demo hall's window ``n``."""
    return lambda number: window_by_number(hall, number)

