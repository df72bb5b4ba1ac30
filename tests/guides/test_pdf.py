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


def test_blank_form_prints_every_option_of_a_choice_field_with_an_empty_box(client, tmp_path):
    """业务类型 and 电费通知方式 print "☐ 新装  ☐ 增容  ☐ 充电桩", not an empty line and never a ticked box."""
    import re

    data = client.get("/kiosk/forms/residential/blank.pdf?lang=en").data
    text = re.sub(r"[ \t]+", " ", pdf_text(data, tmp_path))
    for option in ("新装", "增容", "充电桩", "短信", "网上国网 App"):
        assert f"☐ {option}" in text, option
    assert "☑" not in text and "王示例" not in text


def test_blank_form_html_choice_options(app):
    """On the blank form's HTML each option is its own empty box; free-text fields stay empty."""
    import re

    from kiosk.guides import documents, service
    from kiosk.hall.service import current_hall

    with app.test_request_context("/"):
        html = documents.form_html(service.form_by_code("residential"), True, current_hall(), "en")
        sample = documents.form_html(service.form_by_code("residential"), False, current_hall(), "en")
    cells = dict(re.findall(r'data-field="([^"]+)">(.*?)</td>', html, re.S))
    option = r'<span class="paper-form-option" data-option><span class="box">☐</span> ([^<]+)</span>'
    options = {label: re.findall(option, cell) for label, cell in cells.items()}
    assert options["业务类型"] == ["新装", "增容", "充电桩"]
    assert options["电费通知方式"] == ["短信", "网上国网 App"]
    assert cells["户名"].strip() == "" and "☑" not in html
    assert "data-option" not in sample and "☑ 新装" in sample
