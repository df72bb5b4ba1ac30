"""Fixtures for notice board tests: demo users and objects of the demo hall."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.extensions import db
from kiosk.staff.models import StaffUser


@pytest.fixture
def user(app):
    """``user(name)``: a demo staff user (staff1's own window is 1)."""

    def get(name: str = "staff1") -> StaffUser:
        return db.session.scalar(select(StaffUser).where(StaffUser.username == name))

    return get


@pytest.fixture
def window(hall):
    """``window(n)``: the demo hall's window ``n``."""
    from kiosk.hall.service import window_by_number

    return lambda number: window_by_number(hall, number)


@pytest.fixture
def service(hall):
    """``service(code)``: the demo hall's service ``code``."""
    from kiosk.hall.service import service_by_code

    return lambda code: service_by_code(hall, code)


def events_of(hall, type_: str) -> list[dict]:
    """Payloads of the hall's events of ``type_``, oldest first."""
    from kiosk.events.models import Event

    return [e.payload for e in db.session.scalars(
        select(Event).where(Event.hall_id == hall.id, Event.type == type_).order_by(Event.id))]


def audit_actions(action: str) -> list:
    """Audit entries with ``action``."""
    from kiosk.audit.models import AuditLog

    return list(db.session.scalars(select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.id)))
