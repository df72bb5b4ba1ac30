"""Late-fee rule versions: data, effective dates, the admin page and its audit log."""
from datetime import date, timedelta
from decimal import Decimal

from flask_babel import force_locale
from sqlalchemy import func, select

from kiosk.audit.models import AuditLog
from kiosk.bills import rules
from kiosk.bills.models import LateFeeRule
from kiosk.extensions import db
from kiosk.hall.service import business_day

FORM = {"residential_rate": "0.0005", "current_year_rate": "0.001", "later_year_rate": "0.0015", "minimum": "2.00"}


def test_migration_seeds_the_statutory_rates(app):
    first = rules.versions()[-1]
    assert (first.effective_from, first.residential_rate, first.current_year_rate, first.later_year_rate,
            first.minimum) == (date(1990, 1, 1), Decimal("0.001"), Decimal("0.002"), Decimal("0.003"),
                               Decimal("1.00"))


def test_new_version_applies_from_its_date_and_paid_bills_keep_their_fee(client, account, hall):
    rules.save_version(date(2026, 11, 20), "0.002", "0.004", "0.006", "1.00", today=date(2026, 11, 1))
    db.session.commit()
    before = client.get(f"/api/v1/bills/{account}?as_of=2026-11-19").get_json()
    after = client.get(f"/api/v1/bills/{account}?as_of=2026-11-22").get_json()
    assert before["bills"][0]["late_fee"] == "1.11"  # 123.45 × 0.001 × 9
    assert after["bills"][0]["late_fee"] == "2.96"  # 123.45 × 0.002 × 12 under the new version
    assert after["bills"][1] == before["bills"][1]  # the paid bill is unchanged


def test_versions_in_force_are_never_edited(app):
    today = date(2026, 11, 22)
    for day in (today - timedelta(days=1), date(1990, 1, 1)):
        try:
            with force_locale("en"):
                rules.save_version(day, "0.001", "0.002", "0.003", "1", today=today)
        except rules.RuleError as error:
            assert "earliest" in str(error)
        else:
            raise AssertionError("a past version was accepted")


def test_admin_page_adds_a_version_with_audit(client, login, hall):
    login("admin")
    tomorrow = business_day(hall) + timedelta(days=1)
    page = client.get("/staff/late-fees?lang=en").get_data(as_text=True)
    assert 'data-effective-from="1990-01-01"' in page and "In force" in page
    response = client.post("/staff/late-fees", data={"effective_from": tomorrow.isoformat()} | FORM)
    assert response.status_code == 302
    rule = db.session.scalar(select(LateFeeRule).where(LateFeeRule.effective_from == tomorrow))
    assert rule.residential_rate == Decimal("0.0005") and rule.created_by == "admin"
    entry = db.session.scalar(select(AuditLog).where(AuditLog.action == "bills.late_fee_rule"))
    assert entry.actor == "admin" and entry.after["minimum"] == "2.00" and entry.before is None
    # a scheduled version may still be changed (audited with before and after)
    client.post("/staff/late-fees", data={"effective_from": tomorrow.isoformat()} | FORM | {"minimum": "3"})
    assert db.session.scalar(select(func.count()).select_from(LateFeeRule)) == 2
    changed = db.session.scalars(select(AuditLog).where(AuditLog.action == "bills.late_fee_rule")).all()[-1]
    assert changed.before["minimum"] == "2.00" and changed.after["minimum"] == "3.00"


def test_admin_page_rejects_bad_input(client, login):
    login("admin")
    count = db.session.scalar(select(func.count()).select_from(LateFeeRule))
    for data in ({"effective_from": "tomorrow"} | FORM, {"effective_from": "2099-01-01"} | FORM | {"minimum": "x"},
                 {"effective_from": "2099-01-01"} | FORM | {"residential_rate": "-1"},
                 {"effective_from": "2099-01-01"} | FORM | {"later_year_rate": "0.0000001"},
                 {"effective_from": "2000-01-01"} | FORM):
        response = client.post("/staff/late-fees?lang=en", data=data)
        assert response.status_code == 400 and "data-error" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(LateFeeRule)) == count


def test_only_admins(client, login):
    login("supervisor")
    assert client.get("/staff/late-fees").status_code == 403
    assert client.post("/staff/late-fees", data={"effective_from": "2099-01-01"} | FORM).status_code == 403
