import pytest

EXAMPLE = "/api/v1/tariffs/estimate?category=residential&kwh=400&ytd_kwh=2500&peak_kwh=300&valley_kwh=100"


def test_the_documented_example(client):
    response = client.get(EXAMPLE)
    assert response.status_code == 200
    data = response.get_json()
    assert data["category"] == "residential"
    assert data["total"] == "206.20"
    assert [(x["tier"], x["period"], x["kwh"], x["price"], x["amount"]) for x in data["lines"]] == [
        (1, "peak", "195", "0.568", "110.76"), (1, "valley", "65", "0.288", "18.72"),
        (2, "peak", "105", "0.618", "64.89"), (2, "valley", "35", "0.338", "11.83")]


@pytest.mark.parametrize("query,total,lines", [
    ("kwh=400&ytd_kwh=2500", "222.20", [(1, "flat", "260", "0.538"), (2, "flat", "140", "0.588")]),
    ("kwh=100", "53.80", [(1, "flat", "100", "0.538")]),
    ("kwh=100&ytd_kwh=&peak_kwh=&valley_kwh=", "53.80", [(1, "flat", "100", "0.538")]),
    ("kwh=0", "0.00", []),
])
def test_flat_residential(client, query, total, lines):
    data = client.get(f"/api/v1/tariffs/estimate?category=residential&{query}").get_json()
    assert data["total"] == total
    assert [(x["tier"], x["period"], x["kwh"], x["price"]) for x in data["lines"]] == lines


def test_shared_meter_is_one_price(client):
    data = client.get("/api/v1/tariffs/estimate?category=residential_shared&kwh=100&ytd_kwh=9000").get_json()
    assert data["lines"] == [{"tier": None, "period": "flat", "kwh": "100", "price": "0.558", "amount": "55.80"}]


def test_commercial_periods_and_voltage(client):
    data = client.get("/api/v1/tariffs/estimate?category=commercial&voltage=1_10kv&kwh=1000"
                      "&peak_kwh=400&valley_kwh=300&critical_kwh=50").get_json()
    assert [(x["period"], x["kwh"], x["price"], x["amount"]) for x in data["lines"]] == [
        ("critical", "50", "1.2864", "64.32"), ("peak", "400", "1.072", "428.80"),
        ("flat", "250", "0.67", "167.50"), ("valley", "300", "0.268", "80.40")]
    assert data["total"] == "741.02"


def test_two_part_adds_the_basic_charge(client):
    data = client.get("/api/v1/tariffs/estimate?category=large_industrial&voltage=1_10kv&kwh=10000"
                      "&peak_kwh=4000&valley_kwh=3000&capacity=315").get_json()
    assert data["lines"][-1] == {"tier": None, "period": "basic", "kwh": None, "quantity": "315", "unit": "kVA",
                                 "price": "30", "amount": "9450.00"}
    assert data["total"] == "15810.00"  # 3840 + 1800 + 720 + 9450
    by_kw = client.get("/api/v1/tariffs/estimate?category=large_industrial&kwh=0&capacity=200&basic=kw").get_json()
    assert by_kw["lines"] == [{"tier": None, "period": "basic", "kwh": None, "quantity": "200", "unit": "kW",
                               "price": "40", "amount": "8000.00"}]


@pytest.mark.parametrize("query", [
    "category=residential",                                             # kwh missing
    "category=residential&kwh=",                                        # kwh empty
    "category=residential&kwh=-5",                                     # negative
    "category=residential&kwh=abc",
    "category=residential&kwh=1e9",
    "category=residential&kwh=10.123",                                  # too many decimals
    "category=residential&kwh=100&ytd_kwh=-1",
    "category=residential&kwh=400&peak_kwh=300&valley_kwh=90",          # split does not add up
    "category=residential&kwh=400&peak_kwh=300",                        # half a split
    "category=residential&kwh=400&peak_kwh=-1&valley_kwh=401",
    "category=nuclear&kwh=100",                                         # unknown category
    "category=commercial&kwh=100&voltage=500kv",
    "category=commercial&kwh=100&peak_kwh=80&valley_kwh=30",            # periods exceed the total
    "category=large_industrial&kwh=100",                                # no capacity for the basic charge
    "category=large_industrial&kwh=100&capacity=10&basic=mva",
    "category=residential_shared&kwh=100&peak_kwh=50&valley_kwh=50",    # no time-of-use price
    "category=agricultural&kwh=100&capacity=10",                        # no basic charge
])
def test_bad_input_is_400_with_a_message(client, query):
    response = client.get(f"/api/v1/tariffs/estimate?{query}")
    assert response.status_code == 400
    assert set(response.get_json()) == {"error"} and response.get_json()["error"]


def test_current_tables_and_fees(client):
    data = client.get("/api/v1/tariffs").get_json()
    codes = [table["code"] for table in data["tariffs"]]
    assert codes == ["residential", "residential_shared", "commercial", "large_industrial", "agricultural"]
    residential = data["tariffs"][0]
    assert residential["status"] == "current" and residential["sample"] is True
    assert residential["rows"][0] == {"upper_kwh": 2760, "flat": "0.538", "peak": "0.568", "valley": "0.288"}
    shared = data["tariffs"][1]
    assert shared["rows"] == [{"voltage": "below_1kv", "flat": "0.558"}] and shared["effective_from"] == "2024-01-01"
    fees = client.get("/api/v1/fees").get_json()["fees"]
    assert len(fees) >= 10 and all(fee["sample"] for fee in fees)
    assert fees[0]["code"] == "meter_calibration_single" and fees[0]["amount"] == "30.00"
    found = client.get("/api/v1/fees?q=高可靠性").get_json()["fees"]
    assert [fee["code"] for fee in found] == ["high_reliability_10kv", "high_reliability_35kv"]


def test_api_needs_no_csrf_token(csrf_app):
    assert csrf_app.test_client().get(EXAMPLE).status_code == 200
