"""Status and kind columns hold only their vocabulary's values, and the database enforces it."""
from __future__ import annotations

import pytest
from sqlalchemy import Enum, inspect, select, update
from sqlalchemy.exc import IntegrityError

from kiosk.extensions import db
from kiosk.queue.models import Ticket, TicketStatus
from kiosk.queue.tickets import issue_ticket
from kiosk.staff.models import StaffUser


def _vocabulary_columns():
    return [(table.name, column.name, column.type) for table in db.metadata.sorted_tables
            for column in table.columns if isinstance(column.type, Enum)]


def test_database_refuses_a_ticket_status_outside_the_vocabulary(hall):
    ticket = issue_ticket(hall, hall.services[0])
    with pytest.raises(IntegrityError, match="ck_tickets_status"):
        db.session.execute(update(Ticket).where(Ticket.id == ticket.id).values(status="lost"))
        db.session.flush()
    db.session.rollback()
    assert db.session.scalar(select(Ticket.status).where(Ticket.id == ticket.id)) == TicketStatus.WAITING


def test_database_refuses_a_rating_outside_one_to_four(hall):
    ticket = issue_ticket(hall, hall.services[0])
    with pytest.raises(IntegrityError, match="ck_tickets_rating"):
        db.session.execute(update(Ticket).where(Ticket.id == ticket.id).values(rating=5))
        db.session.flush()


def test_database_refuses_an_unknown_staff_role(app):
    user = db.session.scalar(select(StaffUser).where(StaffUser.username == "staff1"))
    user.role = "owner"
    with pytest.raises(IntegrityError, match="ck_staff_users_role"):
        db.session.flush()


def test_values_read_back_as_plain_strings(hall):
    ticket = issue_ticket(hall, hall.services[0])
    db.session.expire_all()
    status = db.session.scalar(select(Ticket.status).where(Ticket.id == ticket.id))
    assert type(status) is str and status == "waiting"


def test_every_vocabulary_column_has_its_check_in_the_migrated_database(app):
    """The migrations create, for each vocabulary column, the check the model declares, with the same values."""
    inspector = inspect(db.engine)
    columns = _vocabulary_columns()
    assert {("tickets", "status"), ("staff_users", "role"), ("guides", "guide_topic")} <= {
        (table, column) for table, column, _kind in columns}
    for table, column, kind in columns:
        checks = {check["name"]: check["sqltext"] for check in inspector.get_check_constraints(table)}
        expected = f"{column} IN ({', '.join(repr(value) for value in kind.enums)})"
        assert checks.get(f"ck_{table}_{column}") == expected, (table, column)
