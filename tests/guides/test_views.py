"""Kiosk pages of the guides feature in every locale."""
import re
from pathlib import Path

import pytest

from kiosk.content_translations import catalogue
from kiosk.demo.guides.guides import GUIDES
from kiosk.guides import form_samples
from kiosk.i18n import LOCALES

ALL_LOCALES = list(LOCALES)
CODES = [spec[0] for spec in GUIDES]
FORMS = ["residential", "non_residential", "name_change", "closure", "capacity", "pv"]


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


@pytest.mark.parametrize("locale", ALL_LOCALES)
def test_index_lists_every_guide_by_category(client, locale):
    html = client.get(f"/kiosk/guides?lang={locale}").get_data(as_text=True)
    assert f'lang="{LOCALES[locale].html_lang}"' in html and f'dir="{LOCALES[locale].direction}"' in html
    assert sorted(re.findall(r'data-guide="([a-z_]+)"', html)) == sorted(CODES)
    assert re.findall(r'data-category="(\w+)"', html) == ["connect", "change", "account", "green"]
    assert sorted(re.findall(r'data-form="(\w+)"', html)) == sorted(FORMS)


@pytest.mark.parametrize("locale", ALL_LOCALES)
@pytest.mark.parametrize("code", CODES)
def test_every_guide_renders(client, locale, code):
    response = client.get(f"/kiosk/guides/{code}?lang={locale}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "data-documents" in html and "data-steps" in html and "data-fees" in html
    assert html.count("<li>", html.index("data-channels")) >= 3


def test_guide_content_in_english_and_chinese(client):
    english = text(client.get("/kiosk/guides/residential_new?lang=en"))
    assert "New residential connection" in english
    assert "In total: at most 5 working days." in english
    assert "Original and copy" in english
    chinese = text(client.get("/kiosk/guides/residential_new?lang=zh_Hans_CN"))
    assert "居民新装" in chinese and "申请人有效身份证明" in chinese
    # the shipped guides are translated (translations/content/): Tibetan reads Tibetan, not the Chinese
    tibetan = text(client.get("/kiosk/guides/residential_new?lang=bo"))
    assert catalogue()["居民新装"]["bo"] in tibetan and "居民新装" not in tibetan


@pytest.mark.parametrize(("code", "days"), [("residential_new", 5), ("lv_new", 6), ("hv_new", 22)])
def test_total_time_limits_follow_the_commitments(client, code, days):
    html = client.get(f"/kiosk/guides/{code}?lang=en").get_data(as_text=True)
    assert f'data-total-days="{days}"' in html


def test_high_voltage_guide_names_dual_supply_limit(client):
    assert "dual supply at most 32" in text(client.get("/kiosk/guides/hv_new?lang=en"))


def test_fees_link_to_the_fee_schedule(client):
    html = client.get("/kiosk/guides/lv_new?lang=en").get_data(as_text=True)
    assert 'data-fees-link' in html and 'href="/kiosk/tariffs/fees"' in html


@pytest.mark.parametrize(("query", "expected"), [
    ("光伏", ["pv"]), ("solar", ["pv"]), ("SOLAR", ["pv"]), ("过户", ["transfer"]),
    ("charger", ["ev_charger"]), ("meter relocation", ["meter_relocation"]), ("zzzz", []),
])
def test_search(client, query, expected):
    html = client.get("/kiosk/guides", query_string={"q": query, "lang": "en"}).get_data(as_text=True)
    assert re.findall(r'data-guide="([a-z_]+)"', html) == expected
    assert ("data-no-guides" in html) == (not expected)


def test_unknown_guide_and_form_are_404(client):
    assert client.get("/kiosk/guides/nope").status_code == 404
    assert client.get("/kiosk/forms/nope").status_code == 404
    assert client.get("/kiosk/forms/nope/blank.pdf").status_code == 404


@pytest.mark.parametrize("locale", ALL_LOCALES)
@pytest.mark.parametrize("code", FORMS)
def test_form_samples_render_with_numbered_notes(client, locale, code):
    html = client.get(f"/kiosk/forms/{code}?lang={locale}").get_data(as_text=True)
    callouts = re.findall(r'data-callout="(\d+)"', html)
    notes = re.findall(r'data-note="(\d+)"', html)
    assert callouts and callouts == notes == [str(n) for n in range(1, len(notes) + 1)]
    assert "data-mistakes" in html


def test_form_sample_keeps_chinese_field_names(client):
    page = text(client.get("/kiosk/forms/residential?lang=en"))
    assert "户名" in page and "用电地址" in page and "王示例" in page
    assert "Supply address: down to the door number" in page
    assert "an authorised agent holding a power of attorney" in page


@pytest.mark.parametrize("locale", ALL_LOCALES)
def test_service_info(client, locale):
    html = client.get(f"/kiosk/service-info?lang={locale}").get_data(as_text=True)
    assert html.count("<li>", html.index('data-section="commitments"'), html.index('data-section="items"')) == 10
    assert "data-no-designation" in html
    assert ("三不指定" in html) == (locale == "zh_Hans_CN")  # the Chinese name of the rule is for Chinese only
    assert len(re.findall(r'data-contractor="\d+"', html)) == 5


def test_service_info_english(client):
    page = text(client.get("/kiosk/service-info?lang=en"))
    assert "22 for high-voltage single supply and 32 for dual supply" in page
    assert "Service hotline 95598" in page and "You choose freely" in page


def test_contractor_order_rotates_daily(app):
    from datetime import date, timedelta

    from kiosk.guides.service import contractors_neutral

    day = date(2030, 1, 1)
    orders = [[c.id for c in contractors_neutral(day + timedelta(days=n))] for n in range(5)]
    assert len({order[0] for order in orders}) == 5
    assert all(sorted(order) == sorted(orders[0]) for order in orders)


@pytest.mark.parametrize("code", [form["code"] for form in form_samples.FORMS])
def test_form_sample_notes_do_not_repeat_the_field_name(code):
    """A note sits beside its field's name: it says what to write, not the name again ("户名：…")."""
    form = next(form for form in form_samples.FORMS if form["code"] == code)
    for row in form["rows"]:
        for field in row:
            if field["note"]:
                assert not field["note"]["zh_Hans_CN"].startswith(field["label"]), field["label"]
                assert "：" not in field["note"]["zh_Hans_CN"][:8], field["note"]["zh_Hans_CN"]
                # the paper form's field names stay Chinese, so a reader of another language is told the
                # field's name in their language first ("Account name: …")
                assert ": " in field["note"]["en"], field["note"]["en"]


def test_channels_are_a_real_list_and_inline_links_get_a_tall_tap_target(client, app):
    """One <li> per channel inside the <ul>; the guides stylesheet gives inline links a 64 px tap target."""
    html = client.get("/kiosk/guides/residential_new?lang=en").get_data(as_text=True)
    channels = re.search(r'<ul class="guide-channels" role="list" data-channels>(.*?)</ul>', html, re.S).group(1)
    items = re.findall(r"<li>(.*?)</li>", channels)
    assert len(items) >= 3 and re.sub(r"(<li>.*?</li>)", "", channels).strip() == ""
    css = Path(app.static_folder, "css", "guides.css").read_text(encoding="utf-8")
    rule = re.search(r"\.kiosk-main a:not\(\.button\):not\(\.guide-card\) \{([^}]*)\}", css).group(1)
    assert "min-block-size: max(var(--touch), 64px)" in rule and "inline-flex" in rule
    for page in ("/kiosk/guides/residential_new", "/kiosk/guides", "/kiosk/service-info", "/kiosk/forms/residential"):
        body = client.get(f"{page}?lang=en").get_data(as_text=True)
        assert "guides.css" in body
        main = body[body.index('<main class="kiosk-main"'):body.index("</main>")]
        for link in re.findall(r"<a\b[^>]*>", main):
            assert "style=" not in link
