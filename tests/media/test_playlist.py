"""What plays now (dates and daily hours in hall time, displays), ordering, editing, retiring and their events."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from kiosk.events.models import Event
from kiosk.extensions import db
from kiosk.media import playlist
from kiosk.media.errors import MediaError
from kiosk.media.models import Slide
from tests.factories import as_device, make_device


def _slide(hall, **fields) -> Slide:
    values = {"kind": "text", "titles": {}, "texts": {"zh_Hans_CN": "通知", "en": "Notice"}, "duration_seconds": 10,
              "displays": "all", "sort_order": 1} | fields
    slide = Slide(hall_id=hall.id, **values)
    db.session.add(slide)
    db.session.commit()
    return slide


#: 2026-12-10 09:30 in Beijing is 01:30 UTC.
MORNING = datetime(2026, 12, 10, 1, 30, tzinfo=UTC)


@pytest.mark.parametrize(("fields", "plays"), [
    ({}, True),
    ({"starts_on": date(2026, 12, 10), "ends_on": date(2026, 12, 10)}, True),  # both days inclusive
    ({"starts_on": date(2026, 12, 11)}, False),
    ({"ends_on": date(2026, 12, 9)}, False),
    ({"daily_from": "09:00", "daily_until": "10:00"}, True),  # hall time, not UTC (01:30)
    ({"daily_from": "01:00", "daily_until": "02:00"}, False),
    ({"daily_from": "09:30", "daily_until": "09:31"}, True),  # from is inclusive
    ({"daily_from": "08:00", "daily_until": "09:30"}, False),  # until is not
    ({"daily_from": "22:00", "daily_until": "10:00"}, True),  # past midnight
    ({"daily_from": "22:00", "daily_until": "06:00"}, False),
    ({"retired_at": MORNING}, False),
])
def test_dates_and_daily_hours_in_hall_time(empty_app, make_hall, fields, plays):
    hall = make_hall()
    slide = _slide(hall, **fields)
    assert (slide in playlist.current_slides(hall, None, MORNING)) is plays


def test_hall_time_zone_decides_the_day(empty_app, make_hall):
    """At 01:30 UTC it is already 12-10 in Beijing but still 12-09 in Ürümqi's local time (UTC+6)."""
    beijing, urumqi = make_hall(), make_hall(code="urumqi", timezone="Asia/Urumqi")
    on_the_tenth = {"starts_on": date(2026, 12, 10), "ends_on": date(2026, 12, 10)}
    _slide(beijing, **on_the_tenth)
    _slide(urumqi, **on_the_tenth)
    assert len(playlist.current_slides(beijing, None, MORNING)) == 1
    assert playlist.current_slides(urumqi, None, datetime(2026, 12, 9, 17, 30, tzinfo=UTC)) == []


def test_displays_it_shows_on(empty_app, make_hall):
    hall = make_hall()
    wall, _secret = make_device(hall=hall, name="wall-1", kind="display")
    other_wall, _secret = make_device(hall=hall, name="wall-2", kind="display")
    counter, _secret = make_device(hall=hall, name="counter-1", kind="counter")
    everywhere = _slide(hall, sort_order=1)
    only_wall_2 = _slide(hall, displays=[other_wall.id], sort_order=2)
    counter_too = _slide(hall, displays=[wall.id, counter.id], sort_order=3)
    assert playlist.current_slides(hall, wall, MORNING) == [everywhere, counter_too]
    assert playlist.current_slides(hall, other_wall, MORNING) == [everywhere, only_wall_2]
    assert playlist.current_slides(hall, counter, MORNING) == [counter_too]  # "all" means wall displays
    assert playlist.current_slides(hall, None, MORNING) == [everywhere]  # an unpaired browser on the wall page


def test_display_reads_its_own_playlist(empty_app, make_hall):
    hall = make_hall()
    wall, secret = make_device(hall=hall, name="wall-1", kind="display")
    _slide(hall, sort_order=1, titles={"en": "Everyone"})
    mine = _slide(hall, displays=[wall.id], sort_order=2, texts={"zh_Hans_CN": "只此一屏"})
    _slide(hall, kind="tariff", texts={}, sort_order=3)
    anonymous = empty_app.test_client().get("/display/playlist").get_json()
    assert [item["kind"] for item in anonymous["slides"]] == ["text", "tariff"]
    response = as_device(empty_app.test_client(), secret).get("/display/playlist")
    assert response.headers["Cache-Control"] == "no-store"
    slides = response.get_json()["slides"]
    assert [item["id"] for item in slides][1] == mine.id
    assert slides[0] == {"id": slides[0]["id"], "kind": "text", "seconds": 10,
                         "titles": {"zh_Hans_CN": "Everyone", "en": "Everyone"},
                         "texts": {"zh_Hans_CN": "通知", "en": "Notice"}}
    assert slides[1]["texts"] == {"zh_Hans_CN": "只此一屏", "en": "只此一屏"}  # Chinese fallback
    assert slides[2]["url"] == "/display/slides/tariff"


def _events():
    return [(item.type, item.payload) for item in db.session.scalars(select(Event).order_by(Event.id))]


def test_order_edit_retire_each_append_a_playlist_event(empty_app, make_hall):
    hall = make_hall()
    schedule = playlist.Schedule()
    first = playlist.add_slide(hall, "tariff", schedule, actor="cli")
    second = playlist.add_slide(hall, "commitments", schedule, actor="cli")
    third = playlist.add_slide(hall, "text", schedule, texts={"en": "Hello"}, actor="cli")
    assert playlist.slides_of(hall) == [first, second, third]
    playlist.move_slide(third, "up")
    assert playlist.slides_of(hall) == [first, third, second]
    playlist.move_slide(first, "up")  # already first: stays
    playlist.move_slide(second, "down")  # already last: stays
    assert playlist.slides_of(hall) == [first, third, second]
    playlist.update_slide(third, playlist.Schedule(duration_seconds=30, daily_from="08:00", daily_until="12:00"),
                          titles={"en": "Hi"}, texts={"en": "Hello again"})
    playlist.retire_slide(first)
    assert playlist.slides_of(hall) == [third, second]
    assert playlist.slides_of(hall, retired=True) == [first]
    with pytest.raises(MediaError):
        playlist.move_slide(first, "down")
    assert [payload["action"] for kind, payload in _events() if kind == "playlist"] == [
        "added", "added", "added", "moved", "moved", "moved", "changed", "retired"]
    assert (third.duration_seconds, third.daily_from, third.texts) == (30, "08:00", {"en": "Hello again"})


def test_staff_pages_order_edit_preview_and_retire(empty_app, supervisor):
    client, hall = supervisor
    wall, _secret = make_device(hall=hall, name="wall-1", kind="display")
    for kind in ("tariff", "text"):
        response = client.post("/staff/media", data={"kind": kind, "text_en": "Bring your ID card.",
                                                     "duration_seconds": "15"})
        assert response.status_code == 303
    tariff, text = playlist.slides_of(hall)
    page = client.get("/staff/media?lang=en").get_data(as_text=True)
    assert 'data-preview="text"' in page and "Bring your ID card." in page and 'data-preview="tariff"' in page
    assert client.post(f"/staff/media/{text.id}/move", data={"direction": "up"}).status_code == 303
    assert playlist.slides_of(hall) == [text, tariff]
    assert client.get(f"/staff/media/{text.id}?lang=en").status_code == 200
    response = client.post(f"/staff/media/{text.id}", data={
        "text_en": "Bring your ID card.", "duration_seconds": "20", "starts_on": "2026-12-01", "ends_on": "2026-12-31",
        "daily_from": "08:00", "daily_until": "17:00", "displays_mode": "some", "devices": [str(wall.id)]})
    assert response.status_code == 303
    db.session.expire_all()
    text = db.session.get(Slide, text.id)
    assert (text.duration_seconds, text.displays, text.ends_on) == (20, [wall.id], date(2026, 12, 31))
    bad = client.post(f"/staff/media/{text.id}?lang=en", data={"text_en": "x", "daily_from": "08:00"})
    assert bad.status_code == 400 and "both daily hours" in bad.get_data(as_text=True)
    assert client.post(f"/staff/media/{tariff.id}/retire").status_code == 303
    assert playlist.slides_of(hall) == [text]
    assert client.get("/staff/media/999999").status_code == 404


def test_another_halls_slide_is_not_found(empty_app, supervisor, make_hall):
    client, _hall = supervisor
    other = make_hall(code="other-hall")
    foreign = playlist.add_slide(other, "tariff", playlist.Schedule(), actor="cli")
    assert client.get(f"/staff/media/{foreign.id}").status_code == 404
    assert client.post(f"/staff/media/{foreign.id}/retire").status_code == 404
    assert playlist.slides_of(other) == [foreign]
