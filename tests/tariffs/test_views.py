import re

import pytest
from sqlalchemy import func, select

from kiosk.demo.tariffs import seed_demo
from kiosk.extensions import db
from kiosk.tariffs.models import FeeItem, TariffVersion


def html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.data[:500]
    return response.get_data(as_text=True)


def residential_id() -> int:
    return db.session.scalar(select(TariffVersion.id).where(TariffVersion.code == "residential"))


def test_home_tile_and_index(client):
    assert 'href="/kiosk/tariffs"' in html(client, "/kiosk")
    page = html(client, "/kiosk/tariffs?lang=en")
    for code in ("residential", "residential_shared", "commercial", "large_industrial", "agricultural"):
        assert f'data-table="{code}"' in page
    assert page.count("data-sample") == 5
    assert 'href="/kiosk/tariffs/calculator"' in page and 'href="/kiosk/tariffs/fees"' in page
    assert "effective from" in page and "SAMPLE 2024-1" in page


def test_table_page_has_prices_components_and_diagrams(client):
    page = html(client, f"/kiosk/tariffs/{residential_id()}?lang=en")
    assert 'data-status="current"' in page and 'data-effective="2024-01-01"' in page
    assert re.findall(r'data-price="peak">([^<]+)<', page) == ["0.568", "0.618", "0.868"]
    assert 'data-diagram="tiers"' in page and 'data-diagram="periods"' in page
    assert "Tiers are counted on your consumption since the start of the year" in page
    commercial = db.session.scalar(select(TariffVersion.id).where(TariffVersion.code == "commercial"))
    page = html(client, f"/kiosk/tariffs/{commercial}?lang=en")
    assert "data-components" in page and "Transmission and distribution price" in page and "0.2134" in page
    html(client, "/kiosk/tariffs/9999", 404)


def tier_xs(page: str) -> list[float]:
    return [float(x) for x in re.findall(r'<rect class="tier tier-\d" x="([\d.]+)"', page)]


def period_x(page: str, period: str) -> float:
    return float(re.search(rf'<rect class="period-{period}" x="([\d.]+)"', page).group(1))


def test_diagrams_mirror_in_rtl(client):
    ltr = html(client, f"/kiosk/tariffs/{residential_id()}?lang=en")
    rtl = html(client, f"/kiosk/tariffs/{residential_id()}?lang=ug")
    assert tier_xs(ltr) == sorted(tier_xs(ltr)) and tier_xs(rtl) == sorted(tier_xs(rtl), reverse=True)
    assert period_x(ltr, "peak") == pytest.approx(200.0)          # 08:00 of a 600-wide day
    assert period_x(rtl, "peak") == pytest.approx(50.0)           # 600 - 200 - 350
    assert 'dir="rtl"' in rtl


def test_calculator_without_javascript(client):
    page = html(client, "/kiosk/tariffs/calculator?category=residential&kwh=400&ytd_kwh=2500&peak_kwh=300"
                        "&valley_kwh=100&critical_kwh=&voltage=&capacity=&basic=kva&lang=en")
    assert 'data-calc-total="206.20"' in page
    assert re.findall(r"data-amount>([\d.]+)<", page) == ["110.76", "18.72", "64.89", "11.83"]
    assert 'value="400"' in page and 'data-keypad-for="kwh"' in page


def test_calculator_error_is_shown_not_raised(client):
    page = html(client, "/kiosk/tariffs/calculator?category=residential&kwh=400&peak_kwh=300&valley_kwh=1&lang=en",
                400)
    assert "data-calc-error" in page and "must add up" in page and "data-calc-result" not in page
    page = html(client, "/kiosk/tariffs/calculator?category=residential&kwh=%2Fetc&lang=en", 400)
    assert "must be a number" in page
    assert "data-calc-error" not in html(client, "/kiosk/tariffs/calculator")


def test_fee_schedule_search(client):
    page = html(client, "/kiosk/tariffs/fees?lang=en")
    assert "data-no-other-fees" in page and page.count("data-fee=") == 11 and "data-sample" in page
    page = html(client, "/kiosk/tariffs/fees?lang=en&q=Calibration")
    assert re.findall(r'data-fee="([^"]+)"', page) == ["meter_calibration_single", "meter_calibration_three",
                                                       "transformer_calibration"]
    page = html(client, "/kiosk/tariffs/fees?q=复电")
    assert re.findall(r'data-fee="([^"]+)"', page) == ["reconnection"]
    assert "data-no-results" in html(client, "/kiosk/tariffs/fees?q=<script>")
    assert "<script>" not in html(client, "/kiosk/tariffs/fees?q=<script>").split("data-no-results")[1][:200]


def test_display_slide_is_a_fragment_in_each_display_language(client, hall):
    hall.display_languages = ["zh_Hans_CN", "en", "ug"]
    db.session.commit()
    page = html(client, "/display/slides/tariff")
    assert "<html" not in page and page.lstrip().startswith("<section")
    assert re.findall(r'data-slide-locale="([^"]+)"', page) == ["zh_Hans_CN", "en", "ug"]
    assert "Residential electricity prices" in page and 'dir="rtl"' in page
    assert page.count('data-price="flat">0.538<') == 3


def test_demo_is_idempotent(app, hall):
    counts = (db.session.scalar(select(func.count()).select_from(TariffVersion)),
              db.session.scalar(select(func.count()).select_from(FeeItem)))
    seed_demo(hall)
    db.session.commit()
    assert counts == (db.session.scalar(select(func.count()).select_from(TariffVersion)),
                      db.session.scalar(select(func.count()).select_from(FeeItem)))
    assert counts[0] == 6 and counts[1] >= 10


def test_demo_never_overrides_a_published_schedule(app, hall, runner):
    from pathlib import Path

    fees_csv = Path(__file__).resolve().parents[2] / "docs" / "examples" / "fees.csv"
    assert runner.invoke(args=["import-fees", str(fees_csv), "--replace-all"]).exit_code == 0
    seed_demo(hall)
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(FeeItem)) == 2
