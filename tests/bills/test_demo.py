"""Demo bills: about 20 accounts × 24 months, idempotent, with overdue, paid and time-of-use accounts."""
from sqlalchemy import func, select

from kiosk.bills.models import Bill, BillAccount
from kiosk.demo.bills import ACCOUNTS, seed_demo
from kiosk.extensions import db


def snapshot():
    return db.session.execute(select(Bill.account_id, Bill.period, Bill.amount, Bill.paid_on, Bill.lines)
                              .order_by(Bill.account_id, Bill.period)).all()


def test_demo_is_idempotent(app, hall):
    before = snapshot()
    seed_demo(hall)
    db.session.commit()
    assert snapshot() == before
    assert db.session.scalar(select(func.count()).select_from(BillAccount)) == len(ACCOUNTS) == 20
    assert len(before) == 20 * 24


def test_demo_variety(app, client):
    app.config["LOOKUPS_PER_MINUTE"] = 100
    categories = set()
    for number in ACCOUNTS:
        data = client.get(f"/api/v1/bills/{number}").get_json()
        categories.add(data["category"])
    assert categories == {"residential", "non_residential"}
    overdue = client.get("/api/v1/bills/33000000150").get_json()
    unpaid = [bill for bill in overdue["bills"] if not bill["paid"]]
    assert len(unpaid) == 15 and {bill["due_date"][:4] for bill in unpaid} != {overdue["bills"][0]["due_date"][:4]}
    tou = db.session.scalar(select(Bill).join(BillAccount).where(BillAccount.account_no == "3300000009").limit(1))
    assert {line["period"] for line in tou.lines} <= {"peak", "valley"} and tou.peak_kwh is not None
