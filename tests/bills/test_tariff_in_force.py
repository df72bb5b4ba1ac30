"""Tier lines and "left in this tier" come from the residential tariff published for the bill's period."""
import re
from datetime import date

import pytest
from sqlalchemy import select

from kiosk.bills.importer import import_text
from kiosk.bills.models import Bill, BillAccount
from kiosk.extensions import db

HEADER = "account_no,name,address,category,period,prev_reading,curr_reading,kwh,amount,due_date,paid_on\n"
OLD_ROWS = [{"upper_kwh": 2760, "flat": "0.538"}, {"upper_kwh": 4800, "flat": "0.588"}, {"upper_kwh": None,
                                                                                         "flat": "0.838"}]
NEW_ROWS = [{"upper_kwh": 1000, "flat": "0.500"}, {"upper_kwh": 2000, "flat": "0.600"}, {"upper_kwh": None,
                                                                                         "flat": "0.900"}]
#: September priced by the old table (200 × 0.538), October by the new one (200 × 0.500).
BILLS = (
    "7700000001,测试甲,示范区光明路1号2栋,residential,2026-09,0,200,200,107.60,2026-10-20,2026-10-18\n"
    "7700000001,测试甲,示范区光明路1号2栋,residential,2026-10,200,400,200,100.00,2026-11-20,\n"
)


def bill_lines(period):
    account = db.session.scalar(select(BillAccount).where(BillAccount.account_no == "7700000001"))
    return db.session.scalar(select(Bill.lines).where(Bill.account_id == account.id, Bill.period == period))


def detail_page(client, period):
    client.post("/kiosk/bills?lang=en", data={"account": "7700000001"})
    return client.get(f"/kiosk/bills/bill/{period}?lang=en").get_data(as_text=True)


@pytest.fixture
def tariff_change(publish_residential):
    """The hall's own residential tariff, changed from October 2026 on."""
    publish_residential(date(2020, 1, 1), OLD_ROWS)
    publish_residential(date(2026, 10, 1), NEW_ROWS)
    result = import_text(HEADER + BILLS)
    assert result.ok, result.errors


def test_imported_tier_lines_use_the_version_of_the_period(tariff_change):
    assert bill_lines("2026-10") == [{"tier": 1, "period": "flat", "kwh": "200", "price": "0.500",
                                      "amount": "100.00"}]
    assert bill_lines("2026-09") == [{"tier": 1, "period": "flat", "kwh": "200", "price": "0.538",
                                      "amount": "107.60"}]


def test_left_in_this_tier_uses_the_version_of_the_period(client, tariff_change):
    october = detail_page(client, "2026-10")
    assert re.search(r'data-fact="ytd">400 kWh<', october)
    assert re.search(r'data-fact="tier_remaining">600 kWh<', october)  # 1,000 − 400 under the new table
    september = detail_page(client, "2026-09")
    assert re.search(r'data-fact="tier_remaining">2,560 kWh<', september)  # 2,760 − 200 under the old table


def test_a_period_no_published_tariff_covers(client, publish_residential):
    publish_residential(date(2027, 1, 1), NEW_ROWS)
    result = import_text(HEADER + BILLS)
    assert result.ok, result.errors
    assert bill_lines("2026-10") is None
    account = db.session.scalar(select(BillAccount).where(BillAccount.account_no == "7700000001"))
    amount = db.session.scalar(select(Bill.amount).where(Bill.account_id == account.id, Bill.period == "2026-10"))
    assert str(amount) == "100.00"  # the billed amount stands
    html = detail_page(client, "2026-10")
    assert "The tier breakdown of this bill is not available" in html
    assert 'data-fact="ytd">400 kWh<' in html
    assert 'data-fact="tier"' not in html and 'data-fact="tier_remaining"' not in html


def test_monthly_tiers_give_no_year_to_date_remainder(client, publish_residential):
    publish_residential(date(2020, 1, 1), NEW_ROWS, tier_basis="monthly")
    assert import_text(HEADER + BILLS).ok
    assert 'data-fact="tier_remaining"' not in detail_page(client, "2026-10")
