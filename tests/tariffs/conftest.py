from datetime import date

import pytest
from sqlalchemy import select

from kiosk.extensions import db
from kiosk.tariffs.models import TariffVersion

NAMES = {"zh_Hans_CN": "居民生活用电", "en": "Residential"}


@pytest.fixture
def add_version(app):
    """``add_version(effective_from, rows, code="residential")`` stores a version and returns it."""

    def add(effective_from: date, rows: list[dict], code: str = "residential", category: str = "residential",
            document_no: str = "TEST〔2030〕1号") -> TariffVersion:
        version = TariffVersion(code=code, user_class=category, names=NAMES, notes={}, tier_basis="annual",
                                effective_from=effective_from, document_no=document_no, rows=rows, periods=[],
                                sample=False, sort_order=10)
        db.session.add(version)
        db.session.commit()
        return version

    return add


def announce_commercial_version() -> TariffVersion:
    """A copy of the commercial table in force from 2099 (an "Upcoming" link on its card)."""
    current = db.session.scalar(select(TariffVersion).where(TariffVersion.code == "commercial"))
    upcoming = TariffVersion(code="commercial", user_class="commercial", names=current.names, notes=current.notes,
                             effective_from=date(2099, 1, 1), document_no="TEST〔2099〕1号", rows=current.rows,
                             periods=current.periods, sample=False, sort_order=current.sort_order)
    db.session.add(upcoming)
    db.session.commit()
    return upcoming
