"""Staff pages: notification letters, applications, admin editing; role checks and audit."""
import pytest
from sqlalchemy import func, select

from kiosk.audit.models import AuditLog
from kiosk.extensions import db
from kiosk.guides.models import Contractor, Guide
from kiosk.hall.models import CalendarDay


@pytest.mark.parametrize(("user", "url", "status"), [
    (None, "/staff/letters", 302), (None, "/staff/applications", 302), (None, "/staff/guides", 302),
    ("staff1", "/staff/letters", 200), ("staff1", "/staff/applications", 200), ("staff1", "/staff/guides", 403),
    ("supervisor", "/staff/guides", 403), ("admin", "/staff/guides", 200),
])
def test_roles(client, login, user, url, status):
    if user:
        login(user)
    assert client.get(url).status_code == status


def test_letter_print_is_audited(client, login):
    login("staff1")
    response = client.get("/staff/letters/closure.pdf?lang=en")
    assert response.mimetype == "application/pdf"
    entry = db.session.scalar(select(AuditLog).where(AuditLog.action == "guides.letter_print"))
    assert (entry.target, entry.actor, entry.after) == ("closure", "staff1", {"locale": "en"})


def test_applications_list_masks_names_and_flags_overdue(client, login):
    login("staff1")
    html = client.get("/staff/applications").get_data(as_text=True)
    assert html.count("data-application=") == 12
    assert "王*国" in html and "王建国" not in html
    assert 'data-application="5100000003" data-overdue' in html
    assert client.get("/staff/applications?q=5100000007").get_data(as_text=True).count("data-application=") == 1


def test_admin_edits_a_guide(client, login):
    login("admin")
    page = client.get("/staff/guides?guide=closure").get_data(as_text=True)
    assert 'data-guide-form="closure"' in page
    from kiosk.guides.editing import guide_yaml

    guide = db.session.scalar(select(Guide).where(Guide.code == "closure"))
    text = guide_yaml(guide).replace("days: 2", "days: 3", 1)
    assert client.post("/staff/guides/guide/closure", data={"yaml": text}).status_code == 302
    db.session.refresh(guide)
    assert guide.total_days == 6
    assert db.session.scalar(select(AuditLog).where(AuditLog.action == "guides.edit")).target == "closure"


@pytest.mark.parametrize(("text", "message"), [
    ("category: nope", "category must be one of"),
    (": : :", "cannot be read"),
    ("[1, 2]", "must be a YAML mapping"),
])
def test_admin_bad_guide_yaml(client, login, text, message):
    login("admin")
    response = client.post("/staff/guides/guide/closure?lang=en", data={"yaml": text})
    assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_admin_calendar_holiday_and_make_up_day(client, login):
    login("admin")
    client.post("/staff/guides/calendar", data={"day": "2030-10-01", "working": "0", "name": "国庆节"})
    client.post("/staff/guides/calendar", data={"day": "2030-09-29", "working": "1", "name": "调休"})
    rows = {row.day.isoformat(): row.working for row in db.session.scalars(select(CalendarDay))}
    assert rows == {"2030-10-01": False, "2030-09-29": True}
    client.post("/staff/guides/calendar", data={"day": "2030-09-29", "action": "remove"})
    assert [row.day.isoformat() for row in db.session.scalars(select(CalendarDay))] == ["2030-10-01"]
    assert client.post("/staff/guides/calendar", data={"day": "someday"}).status_code == 400


def test_admin_contractors_replace_and_reject(client, login):
    login("admin")
    text = "- names: {zh_Hans_CN: 新公司, en: New Co}\n  kind: design\n  qualification: {zh_Hans_CN: 乙级}\n"
    before = db.session.scalar(select(func.count()).select_from(Contractor))
    refused = client.post("/staff/guides/contractors?lang=en", data={"yaml": text})
    assert refused.status_code == 400 and "more than half" in refused.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Contractor)) == before > 2
    assert client.post("/staff/guides/contractors", data={"yaml": text, "replace_all": "1"}).status_code == 302
    assert [c.names["en"] for c in db.session.scalars(select(Contractor))] == ["New Co"]
    bad = client.post("/staff/guides/contractors", data={"yaml": "- kind: nope"})
    assert bad.status_code == 400 and db.session.scalar(select(Contractor)).names["en"] == "New Co"


def test_admin_service_info(client, login):
    login("admin")
    text = "commitment:\n- titles: {zh_Hans_CN: 承诺一}\n  texts: {zh_Hans_CN: 内容, en: Text}\n"
    assert client.post("/staff/guides/info", data={"yaml": text}).status_code == 400  # would remove most items
    assert client.post("/staff/guides/info", data={"yaml": text, "replace_all": "1"}).status_code == 302
    html = client.get("/kiosk/service-info?lang=en").get_data(as_text=True)
    assert "承诺一" in html and "Text" in html
