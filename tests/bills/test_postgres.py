"""Bills on PostgreSQL: import, upsert and the API answer as on SQLite."""
import pytest

from kiosk.bills.importer import import_text
from kiosk.extensions import db
from tests.bills.conftest import HEADER, ROWS

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("postgres")]


def test_import_and_lookup_on_postgres(postgres_app):
    for _ in range(2):  # the second import updates
        result = import_text(HEADER + ROWS)
        assert result.ok, result.errors
        db.session.commit()
    assert result.bills_updated == 3
    data = postgres_app.test_client().get("/api/v1/bills/6600000001?as_of=2026-11-22").get_json()
    assert (data["name"], data["late_fee"], data["total_due"]) == ("张*明", "1.48", "124.93")
    assert data["bills"][0]["days_overdue"] == 12
