"""``POST /api/v1/bills/lookup`` and ``GET /api/v1/bills/<account_no>``: keys, money strings, as_of, one 404, 429."""
import pytest

from tests.factories import as_device, make_device

EXPECTED_KEYS = {"account", "name", "address", "category", "bills", "arrears", "late_fee", "total_due"}


def test_summary_as_of_the_issue_example(client, account):
    response = client.get(f"/api/v1/bills/{account}?as_of=2026-11-22")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    data = response.get_json()
    assert set(data) == EXPECTED_KEYS
    assert (data["account"], data["name"], data["address"], data["category"]) == (
        "6600000001", "张*明", "示范市示范区光明路**号*栋*单元***室", "residential")
    assert data["bills"] == [
        {"period": "2026-10", "kwh": "229.47", "amount": "123.45", "due_date": "2026-11-10", "paid": False,
         "days_overdue": 12, "late_fee": "1.48"},
        {"period": "2026-09", "kwh": "200", "amount": "107.60", "due_date": "2026-10-10", "paid": True,
         "days_overdue": 0, "late_fee": "0.00"},
    ]
    assert (data["arrears"], data["late_fee"], data["total_due"]) == ("123.45", "1.48", "124.93")
    assert "张三明" not in response.get_data(as_text=True)


def test_as_of_before_payment_and_before_the_bill(client, account):
    data = client.get(f"/api/v1/bills/{account}?as_of=2026-10-31").get_json()
    # October's bill does not exist yet; September's was paid on 10-08
    assert [(b["period"], b["paid"]) for b in data["bills"]] == [("2026-09", True)]
    data = client.get(f"/api/v1/bills/{account}?as_of=2026-10-05").get_json()
    assert [(b["period"], b["paid"], b["days_overdue"]) for b in data["bills"]] == [("2026-09", False, 0)]


def test_non_residential_across_the_year_boundary(client, account):
    data = client.get("/api/v1/bills/6600000002?as_of=2027-01-05").get_json()
    # 11 days at 2‰ and 5 days at 3‰ of 1000.00
    assert data["bills"][0]["days_overdue"] == 16 and data["bills"][0]["late_fee"] == "37.00"
    assert data["total_due"] == "1037.00" and data["name"] == "示******司"


@pytest.mark.parametrize("number", ["6600000009", "123", "66000000011234", "66000000O1", "%E4%B8%AD"])
def test_malformed_and_unknown_get_the_same_404(client, account, number):
    response = client.get(f"/api/v1/bills/{number}?lang=en")
    assert response.status_code == 404 and response.headers["Cache-Control"] == "no-store"
    assert response.get_json() == client.get("/api/v1/bills/0000000000?lang=en").get_json()
    assert "10 to 13 digits" in response.get_json()["error"]


def test_bad_as_of(client, account):
    response = client.get(f"/api/v1/bills/{account}?as_of=2026-13-01")
    assert response.status_code == 400 and "YYYY-MM-DD" in response.get_json()["error"]


def test_rate_limit(app, client, account):
    app.config["LOOKUPS_PER_MINUTE"] = 3
    statuses = [client.get(f"/api/v1/bills/{account}").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert "wait" in client.get(f"/api/v1/bills/{account}?lang=en").get_json()["error"]


def test_rate_limit_per_device(app, client, account, hall):
    app.config["LOOKUPS_PER_MINUTE"] = 2
    _device, secret = make_device(hall=hall, name="kiosk-limit")
    as_device(client, secret)
    for _ in range(2):
        assert client.get(f"/api/v1/bills/{account}", environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code == 200
    # a new address, but the same paired device
    response = client.get(f"/api/v1/bills/{account}", environ_base={"REMOTE_ADDR": "10.0.0.10"})
    assert response.status_code == 429
    # a name in the URL does not borrow another device's bucket
    other = app.test_client()
    assert other.get(f"/api/v1/bills/{account}?device=kiosk-limit",
                     environ_base={"REMOTE_ADDR": "10.0.0.11"}).status_code == 200


def test_lookups_are_logged_without_the_number(client, account, caplog):
    import logging

    with caplog.at_level(logging.INFO):
        client.get(f"/api/v1/bills/{account}")
    assert "******0001" in caplog.text and account not in caplog.text


# --- POST /api/v1/bills/lookup: the number in the body, never in the URL -------------------------


def test_post_lookup_answers_like_the_get(client, account):
    response = client.post("/api/v1/bills/lookup", json={"account": account, "as_of": "2026-11-22"})
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert response.get_json() == client.get(f"/api/v1/bills/{account}?as_of=2026-11-22").get_json()
    assert response.get_json()["total_due"] == "124.93"


def test_post_lookup_without_as_of_uses_today(client, account):
    assert set(client.post("/api/v1/bills/lookup", json={"account": account}).get_json()) == EXPECTED_KEYS


@pytest.mark.parametrize("body", [None, [1, 2, 3], "6600000001", {"account": 6600000001}, {}, {"account": None},
                                  {"account": "6600000001", "as_of": 20261122}])
def test_post_lookup_refuses_a_bad_body_with_400(client, account, body):
    response = client.post("/api/v1/bills/lookup?lang=en", json=body)
    assert response.status_code == 400 and "error" in response.get_json()


def test_post_lookup_bad_as_of_and_unknown_account(client, account):
    response = client.post("/api/v1/bills/lookup?lang=en", json={"account": account, "as_of": "2026-13-01"})
    assert response.status_code == 400 and "YYYY-MM-DD" in response.get_json()["error"]
    response = client.post("/api/v1/bills/lookup?lang=en", json={"account": "6600000009"})
    assert response.status_code == 404 and "10 to 13 digits" in response.get_json()["error"]


def test_post_lookup_is_rate_limited(app, client, account):
    app.config["LOOKUPS_PER_MINUTE"] = 2
    statuses = [client.post("/api/v1/bills/lookup", json={"account": account}).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_post_lookup_keeps_the_number_out_of_the_request_line(client, account, caplog):
    import logging

    with caplog.at_level(logging.INFO):
        response = client.post("/api/v1/bills/lookup", json={"account": account})
    assert response.request.path == "/api/v1/bills/lookup" and account not in response.request.url
    assert "******0001" in caplog.text and account not in caplog.text
