"""``/staff/admin/hall``: an admin checks and saves the hall's setup file; the displays hear of it."""
from __future__ import annotations

import yaml
from sqlalchemy import select

from kiosk.events.models import Event
from kiosk.extensions import db
from kiosk.hall.service import hall_by_code


def _text(page) -> str:
    html = page.get_data(as_text=True)
    return html.split('aria-label="Hall setup">', 1)[1].split("</textarea>", 1)[0]


def _edited(client, change) -> str:
    data = yaml.safe_load(_unescape(_text(client.get("/staff/admin/hall?lang=en"))))
    change(data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _unescape(text: str) -> str:
    return text.replace("&#39;", "'").replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace(
        "&amp;", "&")


def test_check_then_save_a_new_service(client, login):
    login("admin")
    text = _edited(client, lambda data: data["services"].append(
        {"code": "D", "names": {"zh_Hans_CN": "新装增容", "en": "New connections"}, "time_limit_minutes": 20}))
    check = client.post("/staff/admin/hall?lang=en", data={"yaml": text, "action": "check"})
    assert check.status_code == 200 and "service D: created" in check.get_data(as_text=True)
    assert [service.code for service in hall_by_code("demo").services] == ["A", "B", "C"]  # only checked
    before = db.session.scalar(select(Event.id).order_by(Event.id.desc()).limit(1)) or 0
    assert client.post("/staff/admin/hall", data={"yaml": text, "action": "save"}).status_code == 303
    db.session.expire_all()
    assert [service.code for service in hall_by_code("demo").services] == ["A", "B", "C", "D"]
    setup = db.session.scalars(select(Event).where(Event.id > before, Event.type == "setup")).all()
    assert len(setup) == 1
    assert "新装增容" in client.get("/kiosk/ticket?lang=zh_Hans_CN").get_data(as_text=True)


def test_problems_are_listed_and_the_text_kept(client, login):
    login("admin")
    text = _edited(client, lambda data: data["services"][0].update(time_limit_minutes=0))
    page = client.post("/staff/admin/hall?lang=en", data={"yaml": text, "action": "save"})
    html = page.get_data(as_text=True)
    assert page.status_code == 400 and "services[0].time_limit_minutes: must be a whole number" in html
    assert "time_limit_minutes: 0" in _unescape(_text(page))


def test_an_admin_edits_only_their_own_hall(client, login):
    login("admin")
    text = _edited(client, lambda data: data["hall"].update(code="elsewhere"))
    page = client.post("/staff/admin/hall?lang=en", data={"yaml": text, "action": "save"})
    assert page.status_code == 400 and "hall.code: must stay demo" in page.get_data(as_text=True)
    assert hall_by_code("elsewhere") is None
