"""Content in other scripts: fallback markup, right-to-left isolation, vertical Mongolian, Tibetan numerals."""
from __future__ import annotations

from datetime import timedelta

from flask_babel import force_locale

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.i18n import localized, localized_html
from kiosk.notices.models import Notice


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
