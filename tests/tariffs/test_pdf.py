import subprocess

import pytest
from sqlalchemy import select

from kiosk.extensions import db
from kiosk.tariffs.models import TariffVersion


def pdf_text(path) -> str:
    """The PDF's text without any whitespace (table cells wrap wherever the column ends)."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(text.split())


def squeeze(fragment: str) -> str:
    return "".join(fragment.split())


def version_id(code: str) -> int:
    return db.session.scalar(select(TariffVersion.id).where(TariffVersion.code == code)
                             .order_by(TariffVersion.effective_from.desc()))


@pytest.mark.parametrize("lang,expected", [
    ("zh_Hans_CN", ["居民生活用电（一户一表，不满1千伏）", "2024-1", "0–2,760", "0.538", "0.568",
                    "0.288", "0.838", "0.868", "0.588"]),
    ("en", ["Residential, single meter, below 1 kV", "Effective from", "Tier 1", "2,761–4,800 kWh", "above 4,800 kWh",
            "SAMPLE data", "0.618", "0.338", "08:00–22:00"]),
])
def test_residential_table_pdf(client, artifacts, tmp_path, lang, expected):
    response = client.get(f"/kiosk/tariffs/{version_id('residential')}.pdf?lang={lang}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    path = artifacts / f"tariff-residential-{lang}.pdf"
    path.write_bytes(response.data)
    text = pdf_text(path)
    for fragment in expected:
        assert squeeze(fragment) in text, fragment
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "emb" in fonts.splitlines()[0] and all(" yes " in line for line in fonts.splitlines()[2:])


def test_commercial_pdf_shows_components(client, artifacts):
    response = client.get(f"/kiosk/tariffs/{version_id('commercial')}.pdf?lang=en")
    path = artifacts / "tariff-commercial-en.pdf"
    path.write_bytes(response.data)
    text = pdf_text(path)
    for fragment in ("General industrial and commercial", "Critical peak", "1–10 kV", "1.2864",
                     "Transmission and distribution price", "0.1834", "Government funds and surcharges"):
        assert squeeze(fragment) in text, fragment


@pytest.mark.parametrize("lang,expected", [
    ("zh_Hans_CN", ["校验电能表（单相）", "30.00", "《供电营业规则》第七十九条", "高可靠性供电费（10千伏）", "164.00"]),
    ("en", ["Fee schedule", "No fees other than those listed here may be charged.", "Meter calibration, single-phase",
            "High-reliability supply fee, 10 kV", "yuan per kVA", "SAMPLE data"]),
])
def test_fee_schedule_pdf(client, artifacts, lang, expected):
    response = client.get(f"/kiosk/tariffs/fees.pdf?lang={lang}")
    assert response.status_code == 200
    path = artifacts / f"fee-schedule-{lang}.pdf"
    path.write_bytes(response.data)
    text = pdf_text(path)
    for fragment in expected:
        assert squeeze(fragment) in text, fragment


def test_unknown_table_pdf_is_404(client):
    assert client.get("/kiosk/tariffs/9999.pdf").status_code == 404
