"""Printed letters and form samples, checked with pdftotext."""
import subprocess

import pytest

from kiosk.i18n import LOCALES


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_pages(data: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


def test_letter_in_english(client, tmp_path, artifacts):
    response = client.get("/kiosk/guides/residential_new/letter.pdf?lang=en")
    assert response.mimetype == "application/pdf"
    (artifacts / "guides-letter-en.pdf").write_bytes(response.data)
    text = pdf_text(response.data, tmp_path)
    for expected in ("One-time notification letter", "New residential connection", "☐", "Original and copy",
                     "at most 2 working days", "In total: at most 5 working days.", "No charge.",
                     "1 Guangming Road", "Service hotline 95598", "Complaints 95598", "Printed"):
        assert expected in text, expected
    assert "(A4)" in pdf_pages(response.data, tmp_path)  # A4


def test_letter_in_chinese(client, tmp_path):
    text = pdf_text(client.get("/kiosk/guides/hv_new/letter.pdf?lang=zh_Hans_CN").data, tmp_path)
    assert "高压新装" in text and "示范市示范区光明路" in text and "一次性告知书" in text


@pytest.mark.parametrize("locale", list(LOCALES))
def test_form_sample_pdfs_in_every_locale(client, tmp_path, locale):
    sample = pdf_text(client.get(f"/kiosk/forms/name_change/sample.pdf?lang={locale}").data, tmp_path)
    assert "更名（过户）申请表" in sample and "王示例" in sample and "户名" in sample
    blank = pdf_text(client.get(f"/kiosk/forms/name_change/blank.pdf?lang={locale}").data, tmp_path)
    assert "更名（过户）申请表" in blank and "户名" in blank and "王示例" not in blank


def test_form_sample_pdf_english_notes(client, tmp_path, artifacts):
    data = client.get("/kiosk/forms/pv/sample.pdf?lang=en").data
    (artifacts / "guides-form-pv-sample.pdf").write_bytes(data)
    text = pdf_text(data, tmp_path)
    assert "PV grid connection application" in text and "filled-in sample" in text
    assert "Installed capacity: total panel power in kWp" in text
    assert "Giving the inverter capacity instead of the panel capacity" in text
