"""Kiosk bill pages: keypad, masked result, detail with tiers and chart, statement PDF, forgetting the account."""
import base64
import hashlib
import re
import subprocess
import zlib

import pytest
from sqlalchemy import select

from kiosk.bills.session import LIFETIME, SESSION_KEY, BillLookup
from kiosk.extensions import db


def look_up(client, number, lang="en"):
    return client.post(f"/kiosk/bills?lang={lang}", data={"account": number})


def kept_account(client):
    """The account number the client's session looks up on the server, or ``None``."""
    with client.session_transaction() as session:
        token = session.get(SESSION_KEY)
    if token is None:
        return None
    digest = hashlib.sha256(token.encode()).hexdigest()
    return db.session.scalar(select(BillLookup.account_no).where(BillLookup.digest == digest))


def cookie_payload(client) -> str:
    """The session cookie's payload, base64-decoded (and inflated when Flask compressed it)."""
    cookie = client.get_cookie("session")
    assert cookie is not None
    value = cookie.value
    compressed = value.startswith(".")
    payload = value.lstrip(".").split(".")[0]
    data = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    return (zlib.decompress(data) if compressed else data).decode()


def test_keypad_page(client):
    response = client.get("/kiosk/bills?lang=en")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert 'data-keypad-for="account"' in html and 'id="account"' in html and "js/keypad.js" in html
    assert "10 to 13 digits" in html


def test_home_tile_links_to_the_bill_query(client):
    assert 'href="/kiosk/bills"' in client.get("/kiosk").get_data(as_text=True)


def test_lookup_keeps_the_account_out_of_the_url(client, account):
    response = look_up(client, account)
    assert response.status_code == 302 and response.headers["Location"] == "/kiosk/bills/result"
    assert kept_account(client) == account
    page = client.get("/kiosk/bills/result")
    html = page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store"
    assert "data-private" in html
    assert 'data-fact="name">张*明<' in html and 'data-fact="account">******0001<' in html
    assert 'data-fact="meter">*********1234<' in html
    assert "张三明" not in html and account not in html and "3301700001234" not in html
    assert 'data-period="2026-10"' in html and 'data-paid-period="2026-09"' in html


def test_scanner_input_with_spaces_is_accepted(client, account):
    assert look_up(client, f" {account[:5]} {account[5:]}\n").status_code == 302


@pytest.mark.parametrize("number", ["123", "66000000ab", "", "6600000009", "660000000112345"])
def test_wrong_input_gets_one_message(client, account, number):
    response = look_up(client, number)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "data-bills-error" in html
    assert "No bills were found for this account number" in html
    with client.session_transaction() as session:
        assert SESSION_KEY not in session


def test_kiosk_rate_limit(app, client, account):
    app.config["LOOKUPS_PER_MINUTE"] = 2
    assert [look_up(client, account).status_code for _ in range(3)] == [302, 302, 429]
    assert "Please wait a minute" in look_up(client, account).get_data(as_text=True)


@pytest.mark.parametrize("path", ["/kiosk", "/kiosk/reset", "/kiosk/bills"])
def test_leaving_the_bill_pages_forgets_the_account(client, account, path):
    look_up(client, account)
    client.get(path)
    with client.session_transaction() as session:
        assert SESSION_KEY not in session
    assert client.get("/kiosk/bills/result").headers["Location"] == "/kiosk/bills"


def test_bill_pages_keep_the_account(client, account):
    look_up(client, account)
    client.get("/kiosk/bills/bill/2026-10")
    client.get("/static/css/bills.css").close()
    assert kept_account(client) == account


def test_detail_page_tiers_ytd_and_chart(client, account):
    look_up(client, account)
    response = client.get("/kiosk/bills/bill/2026-09?lang=en")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store" and "data-private" in html
    assert '<tr data-tier="1" data-time-period="flat">' in html and "¥0.538" in html and "¥107.60" in html
    assert re.search(r'data-fact="ytd">200 kWh<', html)
    assert re.search(r'data-fact="tier_remaining">2,560 kWh<', html)
    bars = re.findall(r'data-bar="(\d{4}-\d\d)"', html)
    assert bars[0] == "2025-10" and bars[-1] == "2026-09" and len(bars) == 12


def test_chart_runs_right_to_left_in_uyghur(client, account):
    look_up(client, account)
    html = client.get("/kiosk/bills/bill/2026-10?lang=ug").get_data(as_text=True)
    assert 'dir="rtl"' in html
    pattern = r'data-bar="([\d-]+)"[^>]*>\s*<title>.*?</title>\s*<rect x="([\d.]+)"'
    xs = {period: float(x) for period, x in re.findall(pattern, html, re.S)}
    assert xs["2026-10"] < xs["2026-09"] < xs["2025-11"]  # newest on the left end


def test_unknown_period_goes_back_to_the_result(client, account):
    look_up(client, account)
    assert client.get("/kiosk/bills/bill/2030-01").headers["Location"] == "/kiosk/bills/result"
    assert client.get("/kiosk/bills/bill/junk").status_code == 302


def test_statement_pdf_is_masked(client, account, artifacts, tmp_path):
    look_up(client, account, lang="zh_Hans_CN")
    response = client.get("/kiosk/bills/statement.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    path = tmp_path / "statement.pdf"
    path.write_bytes(response.data)
    (artifacts / "bill-statement.pdf").write_bytes(response.data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "张*明" in text and "张三明" not in text
    assert "******0001" in text and account not in text
    assert "示范市示范区光明路**号*栋*单元***室" in text.replace("\n", "")
    assert "95598" in text and "示范供电营业厅" in text
    assert "123.45" in text
    size = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    width_pt = float(re.search(r"Page size:\s+([\d.]+) x", size).group(1))
    assert abs(width_pt - 80 / 25.4 * 72) < 1  # 80 mm roll
    assert "Pages:           1" in size


def test_result_without_session_goes_to_the_keypad(client):
    for path in ("/kiosk/bills/result", "/kiosk/bills/statement.pdf", "/kiosk/bills/bill/2026-10"):
        assert client.get(path).headers["Location"] == "/kiosk/bills"
    assert client.post("/kiosk/bills/print").headers["Location"] == "/kiosk/bills"


# --- the account stays on the server -------------------------------------------------------------


def test_the_cookie_holds_no_account_digits(client, account):
    look_up(client, account)
    client.get("/kiosk/bills/bill/2026-10")
    payload = cookie_payload(client)
    assert SESSION_KEY in payload
    assert account not in payload
    assert not any(account[start:start + 6] in payload for start in range(len(account) - 5))


def test_bill_page_urls_hold_no_account_digits(client, account):
    response = look_up(client, account)
    urls = [response.headers["Location"]]
    html = client.get("/kiosk/bills/result").get_data(as_text=True)
    urls += re.findall(r'(?:href|action|src)="([^"]+)"', html)
    urls += re.findall(r'(?:href|action|src)="([^"]+)"', client.get("/kiosk/bills/bill/2026-10").get_data(as_text=True))
    assert urls and all(account not in url and account[-4:] not in url for url in urls)
    assert "/kiosk/bills/bill/2026-10" in urls


def test_leaving_deletes_the_server_side_lookup(client, account):
    look_up(client, account)
    assert db.session.scalar(select(BillLookup.account_no)) == account
    client.get("/kiosk")
    assert db.session.scalar(select(BillLookup.account_no)) is None


def test_a_copied_cookie_stops_working_once_the_customer_leaves(app, client, account):
    look_up(client, account)
    copy = app.test_client()
    copy.set_cookie("session", client.get_cookie("session").value)
    assert copy.get("/kiosk/bills/result").status_code == 200
    client.get("/kiosk/reset")
    assert copy.get("/kiosk/bills/result").headers["Location"] == "/kiosk/bills"


def test_a_lookup_expires(client, account):
    look_up(client, account)
    row = db.session.scalar(select(BillLookup))
    row.expires_at = row.expires_at - LIFETIME
    db.session.commit()
    assert client.get("/kiosk/bills/result").headers["Location"] == "/kiosk/bills"
