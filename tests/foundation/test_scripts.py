"""Content in other scripts: fallback markup, right-to-left isolation, vertical Mongolian, Tibetan numerals."""
from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from flask_babel import force_locale

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.i18n import localized, localized_html
from kiosk.notices.models import Notice
from kiosk.queue import paper
from kiosk.timefmt import hall_date, hall_datetime
from tests.printing.conftest import pdf_fonts, pdf_text, ticket_context


def test_localized_html_marks_a_chinese_fallback(empty_app):
    with empty_app.test_request_context("/?lang=ug"):
        html = str(localized_html({"zh_Hans_CN": "停电<通知>。"}))
        assert html == '<span lang="zh-Hans-CN" dir="ltr" class="fallback">停电&lt;通知&gt;。</span>'
        assert str(localized_html({"zh_Hans_CN": "停电", "ug": "توك توختىتىش"})) == "توك توختىتىش"
        assert localized({"zh_Hans_CN": "停电"}) == "停电"
    with empty_app.test_request_context("/"), force_locale("zh_Hans_CN"):
        assert str(localized_html({"zh_Hans_CN": "停电"})) == "停电"
        assert str(localized_html({"en": "Outage"})) == '<span lang="en" dir="ltr" class="fallback">Outage</span>'


def test_ug_page_marks_a_chinese_only_notice(empty_app, empty_client, make_hall):
    hall = make_hall()
    now = utcnow()
    db.session.add(Notice(hall_id=hall.id, kind="notice", titles={"zh_Hans_CN": "仅中文的通知"},
                          texts={"zh_Hans_CN": "为住宅申请办理。", "ug": "ئۆي ئىلتىماسى."},
                          starts_at=now - timedelta(hours=1), ends_at=now + timedelta(days=1)))
    db.session.commit()
    page = empty_client.get("/kiosk/notices?lang=ug").get_data(as_text=True)
    assert '<h2><span lang="zh-Hans-CN" dir="ltr" class="fallback">仅中文的通知</span></h2>' in page
    assert "<p>ئۆي ئىلتىماسى.</p>" in page
    assert 'class="fallback">为住宅申请办理。' not in page
    assert 'class="fallback"' not in empty_client.get("/kiosk/notices?lang=zh_Hans_CN").get_data(as_text=True)


TIBETAN_DIGITS = re.compile("[\u0f20-\u0f29]")


def test_dates_use_one_numeral_system_and_mongolian_patterns(empty_app, make_hall):
    make_hall()
    moment = datetime(2026, 12, 20, 2, 28, tzinfo=UTC)  # 10:28 in Asia/Shanghai, a Sunday
    with empty_app.test_request_context("/"):
        with force_locale("bo"):
            texts = [hall_date(moment, width) for width in ("medium", "long", "full")]
            texts.append(hall_datetime(moment))
            assert texts[0] == "2026 ལོའི་ཟླ་12 ཚེས་20"
            assert not any(TIBETAN_DIGITS.search(text) for text in texts), texts
        with force_locale("mn_Mong_CN"):
            assert hall_date(moment, "long") == "2026 ᠣᠨ ᠤ 12 ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 20"
            assert hall_date(moment, "full") == "2026 ᠣᠨ ᠤ 12 ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 20᠂ ᠭᠠᠷᠠᠭ ᠤᠨ ᠡᠳᠦᠷ"
            assert hall_datetime(moment) == "2026 ᠣᠨ ᠤ 12 ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 20 10:28"
            assert "M12" not in hall_date(moment, "medium") and "Sun" not in hall_date(moment, "full")
        with force_locale("ug"):
            assert "M12" not in hall_date(moment, "medium") and hall_date(moment, "MMM") == "12"
        with force_locale("zh_Hans_CN"):
            assert hall_date(moment, "full") == "2026年12月20日星期日"


def test_ug_tier_range_and_kwh_are_isolated(empty_app, empty_client, make_hall, make_tariff_version):
    make_hall()
    make_tariff_version()
    page = empty_client.get("/kiosk/tariffs?lang=ug").get_data(as_text=True)
    version = re.search(r'href="(/kiosk/tariffs/\d+)"', page)
    table = empty_client.get((version.group(1) if version else "/kiosk/tariffs/1") + "?lang=ug").get_data(as_text=True)
    assert re.search(r'<bdi dir="ltr" class="num-range" data-range>0–[\d,]+ kWh</bdi>', table), table[:2000]


def test_printed_tickets_mongolian_horizontal_fallback_and_uyghur_time_order(empty_app, make_hall, tmp_path):
    hall = make_hall(names={"zh_Hans_CN": "示范供电营业厅", "en": "Demo Power Supply Business Hall"})
    context = ticket_context(hall)
    context["issued_at"] = context["printed_at"] = datetime(2026, 12, 2, 2, 28, tzinfo=UTC)
    with empty_app.test_request_context("/"):
        mongolian = paper.render_ticket(context, width=80, locale="mn_Mong_CN")
        uyghur = paper.render_ticket(context, width=80, locale="ug")
    text = pdf_text(mongolian, tmp_path)
    assert "ᠳᠤᠭᠠᠷ" in text  # "Your number", set horizontally (the documented fallback for receipts)
    assert "Noto-Sans-Mongolian" in {font["name"] for font in pdf_fonts(mongolian, tmp_path)}
    uyghur_text = pdf_text(uyghur, tmp_path)
    assert "2026-12-02 10:28" in uyghur_text.replace("\u2066", "").replace("\u2069", "")
    assert not re.search(r"\d\d:\d\d(:\d\d)? \d\d-\d\d-\d{4}", uyghur_text)  # was "02:28 02-12-2026"
