from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.demo.tariff_tables import DEMO_RESIDENTIAL_TIERS as TIERS
from kiosk.money import plain, yuan_text
from kiosk.tariffs.calc import CalculationError, residential_bill, split_into_tiers


def summary(estimate):
    return [(x.tier, x.period, plain(x.kwh), plain(x.price), yuan_text(x.amount)) for x in estimate.lines]


def test_the_documented_example():
    estimate = residential_bill(TIERS, 400, ytd_kwh=2500, peak_kwh=300, valley_kwh=100)
    assert summary(estimate) == [
        (1, "peak", "195", "0.568", "110.76"), (1, "valley", "65", "0.288", "18.72"),
        (2, "peak", "105", "0.618", "64.89"), (2, "valley", "35", "0.338", "11.83")]
    assert yuan_text(estimate.total) == "206.20"


@pytest.mark.parametrize("ytd,kwh,expected", [
    (0, 2760, [(1, "2760")]),                       # exactly the last kWh of tier 1
    (2759, 1, [(1, "1")]),
    (2760, 1, [(2, "1")]),                          # the 2761st kWh is tier 2
    (2700, 100, [(1, "60"), (2, "40")]),
    (4800, 10, [(3, "10")]),
    (2000, 3000, [(1, "760"), (2, "2040"), (3, "200")]),  # crossing two tiers in one bill
    (0, 0, []),
])
def test_tier_boundaries(ytd, kwh, expected):
    assert [(t.number, plain(k)) for t, k in split_into_tiers(TIERS, Decimal(kwh), Decimal(ytd))] == expected


def test_flat_bill_rounds_each_line_half_up():
    estimate = residential_bill(TIERS, Decimal("10.5"), ytd_kwh=2755)
    # 5 kWh × 0.538 = 2.69; 5.5 kWh × 0.588 = 3.234 -> 3.23
    assert summary(estimate) == [(1, "flat", "5", "0.538", "2.69"), (2, "flat", "5.5", "0.588", "3.23")]
    assert yuan_text(estimate.total) == "5.92"


def test_half_fen_rounds_up():
    estimate = residential_bill(TIERS, Decimal("12.5"), ytd_kwh=0)  # 12.5 × 0.538 = 6.725
    assert yuan_text(estimate.total) == "6.73"


@pytest.mark.parametrize("kwargs", [
    {"kwh": -1}, {"kwh": 10, "ytd_kwh": -5},
    {"kwh": 100, "peak_kwh": 60, "valley_kwh": 30},
    {"kwh": 100, "peak_kwh": 60},
    {"kwh": 100, "peak_kwh": -10, "valley_kwh": 110},
])
def test_bad_input_is_refused(kwargs):
    with pytest.raises(CalculationError):
        residential_bill(TIERS, **kwargs)


def test_floats_are_refused():
    with pytest.raises(TypeError):
        residential_bill(TIERS, 1.5)


@given(ytd=st.integers(0, 10_000), kwh=st.integers(0, 5_000), peak_share=st.integers(0, 100))
def test_split_preserves_every_kwh(ytd, kwh, peak_share):
    peak = Decimal(kwh * peak_share) / 100
    estimate = residential_bill(TIERS, kwh, ytd_kwh=ytd, peak_kwh=peak, valley_kwh=Decimal(kwh) - peak)
    assert sum(line.kwh for line in estimate.lines) == kwh
    assert estimate.total == sum(line.amount for line in estimate.lines)
