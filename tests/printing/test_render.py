"""Rendering printed matter: every locale, fonts, page sizes, rare characters, the URL fetcher."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from kiosk.printing import render, render_pdf
from kiosk.printing.qr import qr_data_uri
from kiosk.queue import paper
from tests.printing.conftest import pdf_fonts, pdf_page_size_mm, pdf_text, ticket_context

LOCALES = ("zh_Hans_CN", "en", "ug", "bo", "mn_Mong_CN")
#: The font family each locale's own script must be set in (besides the Chinese subset).
SCRIPT_FONT = {"zh_Hans_CN": "Hall-Sans-CJK", "en": "Hall-Sans-CJK", "ug": "Noto-Naskh-Arabic",
               "bo": "Noto-Serif-Tibetan", "mn_Mong_CN": "Noto-Sans-Mongolian"}


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def ticket_hall(empty_app, make_hall):
    """The hall printed on the sample tickets."""
    return make_hall(names={"zh_Hans_CN": "示范供电营业厅", "en": "Demo Power Supply Business Hall"})


@pytest.mark.parametrize("width", [80, 58])
@pytest.mark.parametrize("locale", LOCALES)
def test_ticket_renders_in_every_locale(empty_app, ticket_hall, tmp_path, locale, width):
    with empty_app.test_request_context("/"):
        pdf = paper.render_ticket(ticket_context(ticket_hall), width=width, locale=locale)
    text = pdf_text(pdf, tmp_path)
    assert "A012" in text
    assert "示范供电营业厅" in squash(text)  # the hall's Chinese name is on every ticket
    assert "电费缴纳" in squash(text)
    assert "https://hall.example.cn/t/tok-A012" in text  # absolute status URL under the QR code
    assert "95598" in text
    if locale == "ug":
        assert "توك" in text
    if locale == "en":
        assert "Bill payment" in text
    fonts = pdf_fonts(pdf, tmp_path)
    assert fonts and all(font["embedded"] for font in fonts)
    names = {font["name"] for font in fonts}
    assert SCRIPT_FONT[locale] in names
    assert "Hall-Sans-CJK" in names
    assert "Noto-Sans-Bold" in names  # the big number
    assert not any(name.startswith("Noto-Sans-CJK") for name in names)  # common characters: the prepared subset
    page_width, page_height = pdf_page_size_mm(pdf, tmp_path)
    assert page_width == width
    assert 60 < page_height < 250  # roll paper cut after the content, not a 1 m sheet or A4


def test_a4_documents_keep_their_page_size(empty_app, tmp_path):
    with empty_app.test_request_context("/"):
        pdf = render_pdf("print/base.html", {}, "en")
    assert pdf_page_size_mm(pdf, tmp_path) == (210.0, 297.0)


def test_roll_paper_length_follows_the_content(empty_app, tmp_path):
    short = "<style>@page { size: 80mm auto; margin: 4mm }</style><p>营业厅</p>"
    long = "<style>@page { size: 80mm auto; margin: 4mm }</style>" + "<p>营业厅</p>" * 30
    with empty_app.test_request_context("/"):
        short_size = pdf_page_size_mm(render.html_to_pdf(short), tmp_path)
        long_size = pdf_page_size_mm(render.html_to_pdf(long), tmp_path)
    assert short_size[0] == long_size[0] == 80.0
    assert 10 < short_size[1] < 30
    assert long_size[1] > short_size[1] + 100


def test_reprint_is_marked_on_paper(empty_app, ticket_hall, tmp_path):
    with empty_app.test_request_context("/"):
        first = pdf_text(paper.render_ticket(ticket_context(ticket_hall), locale="en"), tmp_path)
        again = pdf_text(paper.render_ticket(ticket_context(ticket_hall), locale="en", reprint=True), tmp_path)
    assert "REPRINT" not in first
    assert "REPRINT" in again


def test_priority_ticket_says_so(empty_app, ticket_hall, tmp_path):
    with empty_app.test_request_context("/"):
        text = pdf_text(paper.render_ticket(ticket_context(ticket_hall, priority=True), locale="en"), tmp_path)
    assert "Green channel" in text


@pytest.mark.parametrize("rare", ["㛃", "𠀾"])
def test_rare_characters_fall_back_to_the_full_font(empty_app, ticket_hall, tmp_path, rare):
    prepared = Path(empty_app.static_folder) / "fonts" / "prepared" / "HallSansCJK-Regular.otf"
    assert ord(rare) not in TTFont(prepared).getBestCmap()  # really outside the subset
    names = {"zh_Hans_CN": f"王{rare}营业厅", "en": "Hall"}
    with empty_app.test_request_context("/"):
        pdf = paper.render_ticket(ticket_context(names, service_names={"zh_Hans_CN": "电费缴纳"}),
                                    locale="zh_Hans_CN")
    assert f"王{rare}营业厅" in squash(pdf_text(pdf, tmp_path))
    names_in_pdf = {font["name"] for font in pdf_fonts(pdf, tmp_path)}
    assert "Hall-Sans-CJK" in names_in_pdf
    assert "Noto-Sans-CJK-SC" in names_in_pdf  # the rare character's glyph, from the full font


def test_renders_with_system_fonts_when_prepared_fonts_are_missing(empty_app, ticket_hall, tmp_path, monkeypatch):
    static = tmp_path / "static"
    shutil.copytree(Path(empty_app.static_folder) / "css", static / "css")
    monkeypatch.setattr(empty_app, "static_folder", str(static))
    monkeypatch.setattr(render, "_FONT_CONFIG", None)  # a process that never saw the prepared fonts
    assert not render.prepared_fonts_present()
    with empty_app.test_request_context("/"):
        pdf = paper.render_ticket(ticket_context(ticket_hall), locale="zh_Hans_CN")
    assert "示范供电营业厅" in squash(pdf_text(pdf, tmp_path))
    names = {font["name"] for font in pdf_fonts(pdf, tmp_path)}
    assert "Noto-Sans-CJK-SC" in names and "Hall-Sans-CJK" not in names


@pytest.mark.parametrize("url", [
    "http://example.invalid/logo.png",
    "https://example.invalid/x.css",
    "file:///etc/passwd",
    "file:///etc/hosts",
    "ftp://example.invalid/a",
])
def test_fetcher_refuses_outside_resources(empty_app, url):
    fetcher = render.restricted_url_fetcher(render.static_root())
    with pytest.raises(render.ResourceRefused):
        fetcher.fetch(url)


def test_fetcher_refuses_escaping_the_static_folder(empty_app):
    root = render.static_root()
    fetcher = render.restricted_url_fetcher(root)
    with pytest.raises(render.ResourceRefused):
        fetcher.fetch((root / "css" / ".." / ".." / "pyproject.toml").as_uri())
    response = fetcher.fetch((root / "css" / "print.css").as_uri())
    assert b"Hall Sans CJK" in response.read()


def test_document_with_outside_resources_still_renders(empty_app, tmp_path):
    html = ('<link rel="stylesheet" href="file:///etc/hosts"><link rel="stylesheet" href="http://example.invalid/a.css">'
            '<p>营业厅 <img src="http://example.invalid/x.png" alt="x"> <img src="file:///etc/passwd" alt="y"></p>')
    with empty_app.test_request_context("/"):
        pdf = render.html_to_pdf(html)
    assert "营业厅" in pdf_text(pdf, tmp_path)
    assert b"root:" not in pdf and b"localhost" not in pdf


def test_ticket_carries_a_sharp_qr_code_of_the_absolute_status_url(empty_app, ticket_hall, tmp_path):
    with empty_app.test_request_context("/"):
        context = paper.document_context(ticket_context(ticket_hall))
        html = render.render_html(paper.TEMPLATES[80], context, "en")
        pdf = render.html_to_pdf(html)
    assert f'src="{qr_data_uri("https://hall.example.cn/t/tok-A012")}"' in html
    (tmp_path / "qr.pdf").write_bytes(pdf)
    listing = subprocess.run(["pdfimages", "-list", str(tmp_path / "qr.pdf")], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    assert len(listing) == 1
    width, height, interpolate = listing[0].split()[3], listing[0].split()[4], listing[0].split()[9]
    assert width == height and int(width) >= 25 and interpolate == "no"
