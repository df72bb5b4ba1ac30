"""Tariffs on PostgreSQL: the demo tables, an import and the documented estimate as on SQLite."""
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.extensions import db
from kiosk.tariffs import importer
from kiosk.tariffs.models import TariffVersion

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("postgres")]
EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "tariffs.yaml"


def test_import_and_estimate_on_postgres(postgres_app):
    before = db.session.scalar(select(func.count()).select_from(TariffVersion))
    result = importer.import_tariffs(EXAMPLE.read_text(encoding="utf-8"), "tariffs.yaml",
                                     date(2030, 1, 1), actor="test")
    assert result.ok, result.errors
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(TariffVersion)) == before + 2
    client = postgres_app.test_client()
    data = client.get("/api/v1/tariffs/estimate?category=residential&kwh=400&ytd_kwh=2500"
                      "&peak_kwh=300&valley_kwh=100").get_json()
    assert data["total"] == "206.20"
    assert len(client.get("/api/v1/fees").get_json()["fees"]) == 11
