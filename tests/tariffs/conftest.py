from datetime import date

import pytest

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
