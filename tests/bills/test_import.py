"""``flask import-bills``: atomic, every bad row reported by line, idempotent on (account_no, period)."""
from decimal import Decimal

from sqlalchemy import func, select

from kiosk.bills.models import Bill, BillAccount
from kiosk.extensions import db

HEADER = "account_no,name,address,category,period,prev_reading,curr_reading,kwh,amount,due_date,paid_on\n"
GOOD = (
    "5500000001,测试甲,示范区光明路1号2栋,residential,2026-09,100,300,200,107.60,2026-10-20,\n"
    "5500000001,测试甲,示范区光明路1号2栋,residential,2026-10,300,450,150,80.70,2026-11-20,2026-11-18\n"
    "5500000002,测试乙公司,示范区商业街5号,non_residential,2026-10,0,1000,1000,652.00,2026-11-20,2026-12-01\n"
)


def write(tmp_path, text, name="bills.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_import_creates_accounts_and_bills(en_runner, tmp_path):
    accounts, bills = count(BillAccount), count(Bill)
    result = en_runner.invoke(args=["import-bills", write(tmp_path, HEADER + GOOD)])
    assert result.exit_code == 0, result.output
    assert "2 accounts created" in result.output and "3 bills created" in result.output
    assert count(BillAccount) == accounts + 2 and count(Bill) == bills + 3
    account = db.session.scalar(select(BillAccount).where(BillAccount.account_no == "5500000001"))
    september = db.session.scalar(select(Bill).where(Bill.account_id == account.id, Bill.period == "2026-09"))
    assert september.amount == Decimal("107.60") and september.paid_on is None
    # 200 kWh at the tier-1 price 0.538 = 107.60: the tier line is stored for the detail page
    assert september.lines == [{"tier": 1, "period": "flat", "kwh": "200", "price": "0.538", "amount": "107.60"}]
    # paid late (11 days × 2‰ × 652.00 = 14.344): the fee charged at payment is kept
    company = db.session.scalar(select(BillAccount).where(BillAccount.account_no == "5500000002"))
    paid = db.session.scalar(select(Bill).where(Bill.account_id == company.id))
    assert paid.late_fee_paid == Decimal("14.34") and paid.lines is None


def test_reimport_updates_instead_of_duplicating(en_runner, tmp_path):
    en_runner.invoke(args=["import-bills", write(tmp_path, HEADER + GOOD)])
    bills = count(Bill)
    changed = GOOD.replace("107.60,2026-10-20,", "107.60,2026-10-20,2026-10-19").replace("测试乙公司", "测试丙公司")
    result = en_runner.invoke(args=["import-bills", write(tmp_path, HEADER + changed, "again.csv")])
    assert result.exit_code == 0, result.output
    assert "0 bills created, 3 updated" in result.output and count(Bill) == bills
    company = db.session.scalar(select(BillAccount).where(BillAccount.account_no == "5500000002"))
    assert company.name == "测试丙公司"
    account = db.session.scalar(select(BillAccount).where(BillAccount.account_no == "5500000001"))
    september = db.session.scalar(select(Bill).where(Bill.account_id == account.id, Bill.period == "2026-09"))
    assert str(september.paid_on) == "2026-10-19"


def test_a_bad_file_imports_nothing_and_lists_every_bad_row(en_runner, tmp_path):
    accounts, bills = count(BillAccount), count(Bill)
    bad = HEADER + GOOD + (
        "55000000AB,坏,地址,residential,2026-10,0,10,10,5.38,2026-11-20,\n"          # line 5
        "5500000003,坏,地址,shop,2026-13,0,10,10,5.381,2026-11-31,\n"                 # line 6
        "5500000001,测试甲,示范区光明路1号2栋,residential,2026-10,300,450,150,80.70,2026-11-20,\n"  # line 7
        "5500000004,,地址,residential,2026-10,0,10,-10,abc,20261120,\n"              # line 8
        "5500000005,短,地址\n"                                                         # line 9
    )
    result = en_runner.invoke(args=["import-bills", write(tmp_path, bad)])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.startswith("line ")]
    assert [line.split(":")[0] for line in lines] == ["line 5", "line 6", "line 7", "line 8", "line 9"]
    assert "account_no “55000000AB”" in lines[0]
    assert "category “shop”" in lines[1] and "period “2026-13”" in lines[1] and "more than 2 decimals" in lines[1]
    assert "due_date “2026-11-31”" in lines[1]
    assert "already on line 3" in lines[2]
    assert "name is empty" in lines[3] and "kwh “-10”" in lines[3] and "amount “abc”" in lines[3]
    assert "Nothing imported" in result.output
    assert count(BillAccount) == accounts and count(Bill) == bills


def test_wrong_header_is_line_one(en_runner, tmp_path):
    result = en_runner.invoke(args=["import-bills", write(tmp_path, "account_no,name,colour\n1,2,3\n")])
    assert result.exit_code != 0
    assert result.output.startswith("line 1: the header must have the columns account_no,name,")
    assert "unknown columns: colour" in result.output


def test_optional_columns_time_of_use_meter_and_prepaid(en_runner, tmp_path):
    header = HEADER.strip() + ",meter_no,peak_kwh,valley_kwh,prepaid_balance\n"
    # 300 kWh: 186 peak, 114 valley at tier 1 (0.568 / 0.288) = 105.65 + 32.83 = 138.48
    row = ("5500000009,测试丁,示范区光明路3号,residential,2026-10,0,300,300,138.48,2026-11-20,,"
           "3301700009999,186,114,20.50\n")
    result = en_runner.invoke(args=["import-bills", write(tmp_path, header + row)])
    assert result.exit_code == 0, result.output
    account = db.session.scalar(select(BillAccount).where(BillAccount.account_no == "5500000009"))
    assert account.meter_no == "3301700009999" and account.prepaid_balance == Decimal("20.50")
    bill = db.session.scalar(select(Bill).where(Bill.account_id == account.id))
    assert [(line["period"], line["kwh"], line["amount"]) for line in bill.lines] == [
        ("peak", "186.00", "105.65"), ("valley", "114.00", "32.83")]


def test_peak_and_valley_must_add_up(en_runner, tmp_path):
    header = HEADER.strip() + ",peak_kwh,valley_kwh\n"
    row = "5500000009,测试丁,示范区光明路3号,residential,2026-10,0,300,300,138.48,2026-11-20,,100,100\n"
    result = en_runner.invoke(args=["import-bills", write(tmp_path, header + row)])
    assert result.exit_code != 0 and "line 2: peak_kwh + valley_kwh must equal kwh" in result.output


def test_not_utf8(en_runner, tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes((HEADER + GOOD).encode("gbk"))
    result = en_runner.invoke(args=["import-bills", str(path)])
    assert result.exit_code != 0 and "UTF-8" in result.output


def many_rows(accounts: int, months: int = 3) -> str:
    return "".join(f"77{a:08d},测试,示范区光明路1号,residential,2026-{m:02d},0,100,100,53.80,2026-{m + 1:02d}-20,\n"
                   for a in range(accounts) for m in range(1, months + 1))


def test_import_is_written_in_batches(empty_app):
    from kiosk.bills.importer import import_text
    from kiosk.bills.store import STAGING

    result = import_text(HEADER + many_rows(40), batch_size=25)
    assert result.ok, result.errors
    assert result.rows == 120 and result.bills_created == 120 and result.accounts_created == 40
    assert result.batches >= 4  # about 25 rows each, an account never split
    assert count(Bill) == 120 and count(BillAccount) == 40
    assert count(STAGING) == 0
    again = import_text(HEADER + many_rows(40), batch_size=7)
    assert again.ok and again.bills_updated == 120 and again.bills_created == 0 and count(Bill) == 120


def test_a_bad_row_at_the_end_leaves_nothing_imported(empty_app):
    from kiosk.audit.models import AuditLog
    from kiosk.bills.importer import import_text
    from kiosk.bills.store import STAGING

    good = many_rows(40)
    result = import_text(HEADER + good + "7700000000,测试,示范区光明路1号,residential,2026-13,0,1,1,0.54,2026-11-20,\n",
                         batch_size=10)
    assert not result.ok and [line for line, _reason in result.errors] == [122]
    assert count(Bill) == 0 and count(BillAccount) == 0 and count(STAGING) == 0 and count(AuditLog) == 0


def test_a_bill_file_cut_off_inside_a_quoted_field_imports_nothing(en_runner, tmp_path):
    accounts, bills = count(BillAccount), count(Bill)
    cut = HEADER + GOOD + '5500000003,"测试丙,示范区'
    result = en_runner.invoke(args=["import-bills", write(tmp_path, cut)])
    assert result.exit_code != 0 and "line 5: The file ends inside a quoted field" in result.output
    too_many = HEADER + GOOD.replace("2026-10-20,\n", "2026-10-20,,x\n")
    result = en_runner.invoke(args=["import-bills", write(tmp_path, too_many)])
    assert result.exit_code != 0 and "line 2: expected 11 columns, found 12" in result.output
    assert count(BillAccount) == accounts and count(Bill) == bills
