"""The bill result screen: 待缴 versus 欠费, the total due, 12 recent months, the chart's year and unit,
and the "pay on your phone" QR code."""
from __future__ import annotations

from datetime import date, timedelta

from kiosk.bills import payment
from kiosk.extensions import db
from kiosk.hall.service import business_day


def months_back(today: date, count: int) -> str:
    """The billing month ``count`` months before ``today``'s month ("YYYY-MM")."""
    index = today.year * 12 + today.month - 1 - count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _account(make_hall, make_account, *, months: int = 14, unpaid: tuple[int, ...] = (1,), **hall_fields):
    hall = make_hall(**hall_fields)
    today = business_day(hall)
    bills = [{"period": months_back(today, back), "amount": "100.00", "paid": back not in unpaid}
             for back in range(1, months + 1)]
    make_account(account_no="3300001111", bills=bills)
    return hall, today


def _result(client, lang="en") -> str:
    client.post(f"/kiosk/bills?lang={lang}", data={"account": "3300001111"})
    return client.get(f"/kiosk/bills/result?lang={lang}").get_data(as_text=True)


def test_a_bill_not_yet_due_is_due_not_arrears(empty_client, make_hall, make_account):
    hall = make_hall()
    today = business_day(hall)
    make_account(account_no="3300001111", bills=[
        {"period": months_back(today, 2), "amount": "90.00"},
        {"period": months_back(today, 1), "amount": "100.00", "paid": False, "due_date": today + timedelta(days=10)}])
    html = _result(empty_client, "en")
    assert 'data-state="due"' in html and "Not yet due" in html and "In arrears" not in html
    assert 'data-total="arrears"' not in html and 'data-total="not_yet_due"' in html
    assert "欠费" not in _result(empty_client, "zh_Hans_CN")


def test_an_overdue_bill_is_arrears(empty_client, make_hall, make_account):
    _account(make_hall, make_account, unpaid=(3,))
    html = _result(empty_client, "en")
    assert 'data-state="overdue"' in html and "In arrears" in html and 'data-total="arrears"' in html
    assert "欠费" in _result(empty_client, "zh_Hans_CN")


def test_recent_bills_show_twelve_months_paid_or_not(empty_client, make_hall, make_account):
    _hall, today = _account(make_hall, make_account, months=14, unpaid=(2, 13))
    html = _result(empty_client)
    recent = html.split("data-recent", 1)[1].split("</ul>", 1)[0]
    periods = [months_back(today, back) for back in range(1, 13)]
    assert all(period in recent for period in periods)
    assert months_back(today, 13) not in recent
    assert recent.count("<li>") == 12


def test_total_due_is_emphasised_next_to_print(empty_client, make_hall, make_account):
    _account(make_hall, make_account, unpaid=(3,))
    html = _result(empty_client)
    assert 'class="bills-total-due"' in html
    assert html.index('data-total="total_due"') < html.index("data-print>") < html.index("data-unpaid")


def test_pay_on_the_phone_qr_with_account_and_amount(empty_client, make_hall, make_account):
    _account(make_hall, make_account, unpaid=(3,), payment_url_template="https://pay.example.cn/?account={account}")
    html = _result(empty_client)
    box = html.split("data-pay-qr", 1)[1].split("</figure>", 1)[0]
    assert "<svg" in box and "Pay on your phone" in box
    total = html.split('data-total="total_due" class="bills-total-due">', 1)[1].split("<", 1)[0]
    assert f"data-pay-amount>{total}</strong>" in box
    assert "3300001111" not in html  # the number is in the code, the screen shows it masked


def test_no_qr_without_a_payment_address(empty_client, make_hall, make_account):
    _account(make_hall, make_account, unpaid=(3,))
    assert "data-pay-qr" not in _result(empty_client)


def test_qr_encodes_the_account_in_the_template(empty_app, make_hall):
    hall = make_hall(payment_url_template="https://pay.example.cn/p?acct={account}&src=kiosk")
    assert payment.payment_url(hall, "3300001111") == "https://pay.example.cn/p?acct=3300001111&src=kiosk"
    hall.payment_url_template = "http://pay.example.cn/?a={account}"
    db.session.commit()
    assert payment.payment_url(hall, "3300001111") is None


def test_chart_shows_the_year_and_the_unit(empty_client, make_hall, make_account):
    _hall, today = _account(make_hall, make_account, unpaid=())
    empty_client.post("/kiosk/bills?lang=en", data={"account": "3300001111"})
    html = empty_client.get(f"/kiosk/bills/bill/{months_back(today, 1)}?lang=en").get_data(as_text=True)
    assert "Consumption in the last 12 months (kWh)" in html
    first = months_back(today, 12)
    assert f'data-year>{first[:4]}</text>' in html
