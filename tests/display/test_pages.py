"""The display pages' data: service signs in the snapshot, the counter's state and next numbers, the hall's zone."""
from __future__ import annotations

import json
import re
from datetime import timedelta

from kiosk.dbtypes import utcnow
from kiosk.notices import suspensions


def page_json(html: str, element_id: str) -> dict:
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', html, re.S)
    assert match, element_id
    return json.loads(match.group(1))


def test_the_snapshot_gives_a_suspended_service_its_reason_and_resume_time(empty_app, empty_client, make_service,
                                                                            make_window, make_staff_user):
    service = make_service(code="B")
    make_window(services=[service])
    supervisor = make_staff_user(role="supervisor")
    until = utcnow() + timedelta(hours=2)
    suspensions.suspend(service.hall, "service", service, "system_failure", "", until, supervisor)
    entry = empty_client.get("/api/v1/queue").get_json()["services"][0]
    assert entry["suspended"] is True and entry["reason"] == "系统故障"
    assert entry["reason_texts"]["en"] == "System failure" and entry["until"] == until.isoformat()


def test_a_counter_serving_only_a_suspended_business_gets_its_sign_and_next_numbers(
        empty_app, empty_client, make_service, make_window, make_ticket, make_staff_user):
    a, b = make_service(code="A"), make_service(code="B")
    make_window(number=1, services=[a])
    make_window(number=2, services=[b])
    for _ in range(5):
        make_ticket(service=b)
    make_ticket(service=a)
    html = empty_client.get("/display/window/2").get_data(as_text=True)
    config, snapshot = page_json(html, "display-config"), page_json(html, "display-snapshot")
    assert config["window_services"] == ["B"] and config["timezone"] == "Asia/Shanghai"
    assert config["counter_url"] == "/display/window/2/state"
    assert snapshot["next"] == ["B001", "B002", "B003"]
    assert [entry["code"] for entry in snapshot["services"]] == ["B"]
    suspensions.suspend(b.hall, "service", b, "other", "设备检修", None, make_staff_user(role="supervisor"))
    state = empty_client.get("/display/window/2/state").get_json()
    assert state["services"][0]["suspended"] and state["services"][0]["reason"] == "设备检修"
    assert state["windows"][0]["status"] == "open"  # the script shows the business's sign on this counter
    assert empty_client.get("/display/window/9/state").status_code == 404


def test_the_wall_embeds_the_strings_of_every_display_language_and_no_inline_script(empty_app, empty_client,
                                                                                   make_hall, make_window):
    make_hall(display_languages=["zh_Hans_CN", "en", "ug"], timezone="Asia/Urumqi")
    make_window()
    html = empty_client.get("/display").get_data(as_text=True)
    config = page_json(html, "display-config")
    assert config["timezone"] == "Asia/Urumqi" and config["directions"]["ug"] == "rtl"
    assert set(config["strings"]) == {"zh_Hans_CN", "en", "ug"}
    for strings in config["strings"].values():
        assert {"{title}", "{area}", "{lines}", "{start}", "{end}"} <= set(re.findall(r"{\w+}", strings["outage_line"]))
    scripts = re.findall(r"<script(?![^>]*(?:type=\"application/json\"|src=))[^>]*>", html)
    assert scripts == [] and not re.search(r"\son\w+=", html)


def test_the_wall_clock_dates_use_the_locale_patterns(empty_app, empty_client, make_hall, make_window):
    make_hall(display_languages=("mn_Mong_CN", "bo", "zh_Hans_CN"))
    make_window()
    config = page_json(empty_client.get("/display").get_data(as_text=True), "display-config")
    dates = config["clock_dates"]
    assert set(dates) == {"mn_Mong_CN", "bo", "zh_Hans_CN"} and all(len(days) == 8 for days in dates.values())
    day, mongolian = next(iter(dates["mn_Mong_CN"].items()))
    year, month, date = (int(part) for part in day.split("-"))
    assert mongolian.startswith(f"{year} ᠣᠨ ᠤ {month} ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ {date}᠂ ᠭᠠᠷᠠᠭ ᠤᠨ ")  # not "2026 M12 2, Wed"
    assert dates["zh_Hans_CN"][day].startswith(f"{year}年{month}月{date}日星期")
    assert not re.search("[\u0f20-\u0f29]", "".join(dates["bo"].values()))  # Western digits only
