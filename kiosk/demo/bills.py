"""Demo accounts: 20 fictional customers with 24 months of bills from the demo tariff, relative to today."""
from __future__ import annotations

import hashlib
from datetime import date, timedelta
from decimal import Decimal

from kiosk.bills import rules, store
from kiosk.bills.importer import ImportResult
from kiosk.demo.tariff_tables import DEMO_RESIDENTIAL_TIERS
from kiosk.hall.models import Hall
from kiosk.hall.service import business_day
from kiosk.money import round_fen
from kiosk.tariffs.calc import residential_bill

MONTHS = 24
NON_RESIDENTIAL_PRICE = Decimal("0.6520")
#: account number -> (name, address, category, time of use, unpaid months (newest), late payer, prepaid)
ACCOUNTS = {
    "3300000001": ("张示明", "示范市示范区光明路18号3栋2单元501室", "residential", False, 0, False, "0.00"),
    "3300000002": ("李样", "示范市示范区光明路20号1栋101室", "residential", False, 1, False, "0.00"),
    "3300000003": ("王演示红", "示范市示范区建设大道188号A座1203", "residential", False, 3, False, "0.00"),
    "3300000004": ("赵", "示范市示范区幸福街6号2单元302室", "residential", False, 0, True, "0.00"),
    "3300000005": ("欧阳示例", "示范市示范区和平巷9号401室", "residential", False, 2, False, "0.00"),
    "3300000006": ("陈样本", "示范市新区文化路66号5栋", "residential", False, 0, False, "35.50"),
    "3300000007": ("刘测试", "示范市新区文化路68号2栋1单元602室", "residential", False, 14, False, "0.00"),
    "3300000008": ("ئابدۇرېھىم سىناق", "示范市北区团结路12号3栋402室", "residential", False, 1, False, "0.00"),
    "3300000009": ("བཀྲ་ཤིས་དཔེ", "示范市北区雪域路3号1栋201室", "residential", True, 0, False, "0.00"),
    "3300000010": ("孙峰谷", "示范市东区阳光路15号8栋1103室", "residential", True, 2, False, "0.00"),
    "3300000011": ("周时段", "示范市东区阳光路17号2栋502室", "residential", True, 0, True, "0.00"),
    "3300000012": ("Demo Sample", "示范市东区滨江道5号", "residential", True, 1, False, "12.00"),
    "33000000130": ("示例商贸有限公司", "示范市示范区商业街100号1层", "non_residential", False, 0, False, "0.00"),
    "33000000140": ("样板餐饮店", "示范市示范区商业街102号", "non_residential", False, 2, False, "0.00"),
    "33000000150": ("演示机械厂", "示范市工业园区创新路8号", "non_residential", False, 15, False, "0.00"),
    "33000000160": ("示范学校", "示范市新区学府路1号", "non_residential", False, 0, True, "0.00"),
    "330000001700": ("测试物业管理处", "示范市北区团结路14号", "non_residential", False, 1, False, "0.00"),
    "330000001800": ("示例超市", "示范市东区滨江道9号", "non_residential", False, 13, False, "200.00"),
    "3300000019": ("吴虚构", "示范市示范区光明路22号6栋2单元1001室", "residential", False, 6, False, "0.00"),
    "3300000020": ("郑样例", "示范市新区文化路70号4栋302室", "residential", True, 13, False, "0.00"),
}


def _noise(account_no: str, period: str) -> int:
    return int(hashlib.sha256(f"{account_no}:{period}".encode()).hexdigest()[:6], 16)


def _periods(today: date) -> list[str]:
    index = today.year * 12 + today.month - 2  # last month
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - MONTHS + 1, index + 1)]


def _due(period: str) -> date:
    year, month = int(period[:4]), int(period[5:7])
    return date(year + month // 12, month % 12 + 1, 20)


def rows_for(account_no: str, today: date) -> list[dict]:
    """The demo bills of one account as import rows."""
    name, address, category, tou, unpaid, late, prepaid = ACCOUNTS[account_no]
    periods = _periods(today)
    reading = Decimal(1000 + _noise(account_no, "start") % 9000)
    ytd: dict[str, Decimal] = {}
    rows: list[dict] = []
    for index, period in enumerate(periods):
        month = int(period[5:7])
        season = 1.6 if month in (1, 7, 8, 12) else 1.0
        base = (180 if category == "residential" else 1500) * season
        kwh = Decimal(int(base) + _noise(account_no, period) % int(base // 2))
        peak = valley = None
        if category == "residential":
            if tou:
                peak = (kwh * Decimal("0.62")).quantize(Decimal(1))
                valley = kwh - peak
            used = ytd.get(period[:4], Decimal(0))
            amount = residential_bill(DEMO_RESIDENTIAL_TIERS, kwh, used, peak, valley).total
            ytd[period[:4]] = used + kwh
        else:
            amount = round_fen(kwh * NON_RESIDENTIAL_PRICE)
        due = _due(period)
        is_unpaid = index >= len(periods) - unpaid
        paid_on = None if is_unpaid else due + timedelta(days=15 if late and index % 5 == 0 else -3)
        rows.append({
            "account_no": account_no, "name": name, "address": address, "category": category, "period": period,
            "prev_reading": reading, "curr_reading": reading + kwh, "kwh": kwh, "amount": amount, "due_date": due,
            "paid_on": paid_on if paid_on is None or paid_on <= today else None,
            "meter_no": f"3301700{account_no[-6:]}",
            "phone": f"1380000{account_no[-4:]}", "peak_kwh": peak, "valley_kwh": valley,
            "prepaid_balance": Decimal(prepaid), "late_fee": None,
        })
        reading += kwh
    return rows


def seed_demo(hall: Hall) -> None:
    """Create or refresh the demo accounts and bills (idempotent within a day)."""
    rules.ensure_initial()
    today = business_day(hall)
    rows = [row for account_no in ACCOUNTS for row in rows_for(account_no, today)]
    store.upsert(rows, ImportResult(errors=[]))
