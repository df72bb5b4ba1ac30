"""The notice board on PostgreSQL: suspension look-ups, the board query and opinions."""
from __future__ import annotations

import pytest

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("postgres")]


def test_suspensions_and_board_on_postgres(postgres_app):
    from sqlalchemy import select

    from kiosk.extensions import db
    from kiosk.hall.service import hall_by_code, service_by_code, window_by_number
    from kiosk.notices import board, opinions, suspensions
    from kiosk.notices.status import service_suspension, window_suspension
    from kiosk.staff.models import StaffUser

    hall = hall_by_code("demo")
    boss = db.session.scalar(select(StaffUser).where(StaffUser.username == "supervisor"))
    suspensions.suspend(hall, "window", window_by_number(hall, 2), "training", "", None, boss)
    suspensions.suspend(hall, "hall", None, "other", "停电", None, boss)
    db.session.commit()
    assert window_suspension(window_by_number(hall, 2)).scope == "window"
    assert window_suspension(window_by_number(hall, 3)).reason == "停电"
    assert service_suspension(service_by_code(hall, "A")).scope == "hall"
    assert [o["type"] for o in board.board(hall, "en")["outages"]] == ["fault", "planned"]
    assert len(board.outages(hall, query="Beiyuan")) == 1
    entry = opinions.submit(hall, kind="complaint", topic="service", text="慢", phone="13812345678")
    db.session.commit()
    assert opinions.staff_rows(hall)[0].phone == "138****5678" and entry.due_at is not None
