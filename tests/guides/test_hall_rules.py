"""Demo content checked against the hall rules (service code Art. 9, 18, 20, 21, 29; Hunan 10.5)."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from kiosk.extensions import db
from kiosk.guides.models import Guide
from kiosk.guides.service import stage_limits
from kiosk.notices import opinions
from kiosk.tariffs.models import FeeItem

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def page_text(client, url: str) -> str:
    html = client.get(url).get_data(as_text=True)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_supply_reliability_follows_jiangxi_art_9(client):
    zh = page_text(client, "/kiosk/service-info?lang=zh_Hans_CN")
    en = page_text(client, "/kiosk/service-info?lang=en")
    assert "不低于 99.89%" in zh and "不低于 99%" in zh and "99.9%" not in zh and "99.8%" not in zh
    assert "not less than 99.89% in cities and 99% in rural areas" in en
    assert "99.9%" not in en and "99.8%" not in en


def test_complaint_days_are_the_same_on_the_page_and_in_the_opinion_book(client, hall):
    zh = page_text(client, "/kiosk/service-info?lang=zh_Hans_CN")
    en = page_text(client, "/kiosk/service-info?lang=en")
    assert "5 日内答复处理意见" in zh and "5 个工作日内答复处理意见" not in zh
    assert "answer within 5 days" in en and "within 5 working days" not in en.split("Complaints handled")[1][:200]
    complaint = opinions.submit(hall, kind="complaint", topic="other", text="测试投诉")
    report = opinions.submit(hall, kind="report", topic="other", text="测试举报")
    assert complaint.due_at - complaint.created_at == timedelta(days=5)  # calendar days, as the page says
    assert report.due_at - report.created_at == timedelta(days=10)


def test_arrival_times_say_the_same_in_chinese_and_english(client):
    zh = page_text(client, "/kiosk/service-info?lang=zh_Hans_CN")
    en = page_text(client, "/kiosk/service-info?lang=en")
    assert "边远地区 2 小时，特殊边远地区根据实际情况合理确定" in zh
    assert "2 hours in remote areas; in special remote areas as circumstances allow" in en


def test_dual_supply_has_its_own_stage_limits(app):
    single = db.session.scalar(select(Guide).where(Guide.code == "hv_new"))
    dual = db.session.scalar(select(Guide).where(Guide.code == "hv_new_dual"))
    single_limits, dual_limits = dict(stage_limits(single)), dict(stage_limits(dual))
    assert sum(days or 0 for days in single_limits.values()) == 22
    assert sum(days or 0 for days in dual_limits.values()) == 32
    assert dual_limits["supply_plan"] > single_limits["supply_plan"]


def test_dual_supply_guide_page(client):
    html = client.get("/kiosk/guides/hv_new_dual?lang=en").get_data(as_text=True)
    assert 'data-total-days="32"' in html and "Dual supply at most 32 working days" in html


def test_three_phase_meter_test_note_includes_the_refund(app):
    notes = {row.code: row.notes for row in db.session.scalars(select(FeeItem))}
    assert notes["meter_calibration_three"] == notes["meter_calibration_single"]
    assert "退补电费" in notes["meter_calibration_three"]["zh_Hans_CN"]


def test_service_items_describe_the_real_channels(client):
    zh = page_text(client, "/kiosk/service-info?lang=zh_Hans_CN")
    assert "电费查询、缴纳、发票打印" not in zh and "交费请到服务窗口" in zh


def test_english_tariff_cards_have_no_chinese_document_label(client):
    html = client.get("/kiosk/tariffs?lang=en").get_data(as_text=True)
    numbers = re.findall(r'<span[^>]*data-document-no>(.*?)</span>', html, re.S)
    assert numbers and not any(CJK.search(number) for number in numbers)
    assert "示例文号" not in html


def test_service_information_claims_no_payment_or_invoice_at_the_kiosk(client):
    """The kiosk looks up bills; payment is at a window or in the app, invoices in the app; real channels only."""
    for locale, kiosk, claims in (("zh_Hans_CN", ("自助终端", "终端"), ("发票", "缴费", "交费", "支付")),
                                  ("en", ("kiosk",), ("invoice", "pay"))):
        html = client.get(f"/kiosk/service-info?lang={locale}").get_data(as_text=True)
        main = html[html.index("<main"):html.index("</main>")]
        sentences = [part for part in re.split(r"<[^>]+>|[。；;]|\.\s", main) if any(word in part for word in kiosk)]
        assert sentences, locale
        for sentence in sentences:
            assert not any(claim in sentence.lower() for claim in claims), sentence
        assert "95598 网站" not in main and "95598 website" not in main
    zh = page_text(client, "/kiosk/service-info?lang=zh_Hans_CN")
    en = page_text(client, "/kiosk/service-info?lang=en")
    assert "自助终端可查询电费、打印电费清单。" in zh and "交费请到服务窗口，或使用网上国网 App" in zh
    assert "Bill enquiries and printed statements at the kiosk." in en and "Pay at a service window" in en


def test_demo_poster_claims_no_self_service_payment():
    from kiosk.demo.media import TEXTS, TITLES

    assert "缴费" not in TITLES["zh_Hans_CN"] and "Pay" not in TITLES["en"]
    assert "查询电费" in TEXTS["zh_Hans_CN"] and "交费请到服务窗口" in TEXTS["zh_Hans_CN"]
    assert "at the kiosk; pay at a window" in TEXTS["en"]
    assert set(TITLES) == set(TEXTS) == {"zh_Hans_CN", "en", "ug", "bo", "mn_Mong_CN"}
