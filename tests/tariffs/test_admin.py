import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.audit.models import AuditLog
from kiosk.extensions import db
from kiosk.hall.service import business_day
from kiosk.tariffs.models import FeeItem, TariffVersion

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def versions() -> int:
    return db.session.scalar(select(func.count()).select_from(TariffVersion))


def last_audit() -> AuditLog:
    return db.session.scalar(select(AuditLog).order_by(AuditLog.id.desc()))


@pytest.mark.parametrize("user,status", [(None, 302), ("staff1", 403), ("supervisor", 403), ("admin", 200)])
def test_admin_role_only(client, login, user, status):
    if user:
        login(user)
    assert client.get("/staff/tariffs").status_code == status
    assert client.post("/staff/tariffs/fees", data={"yaml": "fees: []"}).status_code in (status, 400)


@pytest.mark.parametrize("user", ["staff1", "supervisor"])
def test_non_admin_cannot_post(client, login, user):
    login(user)
    before = versions()
    text = (EXAMPLES / "tariffs.yaml").read_text(encoding="utf-8")
    assert client.post("/staff/tariffs/versions", data={"yaml": text}).status_code == 403
    assert versions() == before


def test_new_version_draft_and_save(client, login, hall):
    login("admin")
    page = client.get("/staff/tariffs?new=residential").get_data(as_text=True)
    tomorrow = (business_day(hall) + timedelta(days=1)).isoformat()
    assert f"effective_from: &#39;{tomorrow}&#39;" in page or f"effective_from: '{tomorrow}'" in page
    draft = f"""tariffs:
- code: residential
  category: residential
  effective_from: '{tomorrow}'
  document_no: TEST〔2030〕5号
  tier_basis: annual
  names: {{zh_Hans_CN: 居民生活用电, en: Residential}}
  rows:
  - {{upper_kwh: 2760, flat: '0.540'}}
  - {{upper_kwh: 4800, flat: '0.590'}}
  - {{flat: '0.840'}}
"""
    before = versions()
    response = client.post("/staff/tariffs/versions", data={"yaml": draft})
    assert response.status_code == 302
    assert versions() == before + 1
    entry = last_audit()
    assert entry.action == "tariffs.import" and entry.actor == "admin"
    assert entry.after["created"] == [f"residential@{tomorrow}"]
    upcoming = db.session.scalar(select(TariffVersion).where(TariffVersion.document_no == "TEST〔2030〕5号"))
    assert upcoming.created_by == "admin"
    # an upcoming version may be withdrawn; the version in force may not
    assert client.post(f"/staff/tariffs/versions/{upcoming.id}/delete").status_code == 302
    assert last_audit().action == "tariffs.withdraw" and versions() == before
    current = db.session.scalar(select(TariffVersion.id).where(TariffVersion.code == "residential"))
    assert client.post(f"/staff/tariffs/versions/{current}/delete").status_code == 400
    assert versions() == before


def test_bad_draft_shows_line_reasons_and_saves_nothing(client, login):
    login("admin")
    before, audit = versions(), last_audit().id
    response = client.post("/staff/tariffs/versions?lang=en", data={"yaml": "tariffs:\n- code: x\n  category: nope\n"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "data-import-errors" in page and "line 2" in page and "nope" in page
    assert versions() == before and last_audit().id == audit


def test_fee_schedule_edit_and_upload(client, login):
    login("admin")
    page = client.get("/staff/tariffs").get_data(as_text=True)
    assert "meter_calibration_single" in page
    text = (EXAMPLES / "fees.yaml").read_text(encoding="utf-8").replace("amount: '30.00'", "amount: '35.00'")
    assert client.post("/staff/tariffs/fees", data={"yaml": text}).status_code == 302
    item = db.session.scalar(select(FeeItem).where(FeeItem.code == "meter_calibration_single"))
    assert item.amount_fen == 3500 and last_audit().action == "fees.import"
    upload = {"kind": "fees", "file": (io.BytesIO((EXAMPLES / "fees.csv").read_bytes()), "fees.csv")}
    response = client.post("/staff/tariffs/import", data=upload, content_type="multipart/form-data")
    assert response.status_code == 400 and "replace_all" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(FeeItem)) == 11
    upload = {"kind": "fees", "replace_all": "1",
              "file": (io.BytesIO((EXAMPLES / "fees.csv").read_bytes()), "fees.csv")}
    response = client.post("/staff/tariffs/import", data=upload, content_type="multipart/form-data")
    assert response.status_code == 302
    assert db.session.scalar(select(func.count()).select_from(FeeItem)) == 2
    assert last_audit().target == "fees.csv"
    bad = {"kind": "tariffs", "file": (io.BytesIO(b"\xff\xfe\x00"), "x.yaml")}
    assert client.post("/staff/tariffs/import", data=bad, content_type="multipart/form-data").status_code == 400


def test_forms_need_the_csrf_token(csrf_app):
    from kiosk.demo.seed import DEMO_PASSWORDS

    client = csrf_app.test_client()
    page = client.get("/staff/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post("/staff/login", data={"username": "admin", "password": DEMO_PASSWORDS["admin"], "csrf_token": token})
    admin_page = client.get("/staff/tariffs").get_data(as_text=True)
    fees_text = (EXAMPLES / "fees.yaml").read_text(encoding="utf-8")
    assert client.post("/staff/tariffs/fees", data={"yaml": fees_text}).status_code == 400
    form_token = re.search(r'name="csrf_token" value="([^"]+)"', admin_page).group(1)
    assert client.post("/staff/tariffs/fees", data={"yaml": fees_text, "csrf_token": form_token}).status_code == 302
