"""Bill fixtures: a known account imported through the real importer; residential tariffs stated by the test."""
from datetime import date

import pytest
from sqlalchemy import select

from kiosk.bills.importer import import_text
from kiosk.extensions import db
from kiosk.tariffs.models import TariffVersion

HEADER = ("account_no,name,address,category,period,prev_reading,curr_reading,kwh,amount,due_date,paid_on,"
          "meter_no,phone\n")
ROWS = (
    "6600000001,张三明,示范市示范区光明路18号3栋2单元501室,residential,2026-09,100,300,200,107.60,2026-10-10,"
    "2026-10-08,3301700001234,13812345678\n"
    "6600000001,张三明,示范市示范区光明路18号3栋2单元501室,residential,2026-10,300,529.47,229.47,123.45,2026-11-10,,"
    "3301700001234,13812345678\n"
    "6600000002,示例商贸有限公司,示范市示范区商业街100号1层,non_residential,2026-11,0,1533.74,1533.74,1000.00,"
    "2026-12-20,,,\n"
)


@pytest.fixture
def account(app):
    """Account 6600000001 (residential, one unpaid bill due 2026-11-10) and 6600000002 (non-residential)."""
    result = import_text(HEADER + ROWS)
    assert result.ok, result.errors
    db.session.commit()
    return "6600000001"


@pytest.fixture
def publish_residential(app):
    """Remove every published residential table; the returned function publishes a version of one."""
    for version in db.session.scalars(select(TariffVersion).where(TariffVersion.user_class == "residential")):
        db.session.delete(version)
    db.session.commit()

    def publish(effective_from: date, rows: list[dict], tier_basis: str | None = "annual") -> TariffVersion:
        version = TariffVersion(code="residential", user_class="residential", tier_basis=tier_basis,
                                effective_from=effective_from, document_no="test", names={"en": "Residential"},
                                rows=rows)
        db.session.add(version)
        db.session.commit()
        return version

    return publish
