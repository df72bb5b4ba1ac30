"""Serving the stored files (content type, year-long immutable cache), the built-in slides and the wall's playlist."""
from __future__ import annotations

import io
import json
import re

from kiosk.demo.media import seed_demo
from kiosk.extensions import db
from kiosk.guides.models import InfoItem
from kiosk.media import playlist
from kiosk.media.models import Slide
from tests.media.conftest import WEBM_HEAD, image_bytes


def _upload(client, data: bytes, name: str):
    return client.post("/staff/media", data={"kind": "image", "file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def test_stored_files_are_served_by_content_with_a_long_immutable_cache(empty_app, supervisor):
    client, hall = supervisor
    data = image_bytes(fmt="JPEG")
    assert _upload(client, data, "photo.png").status_code == 303
    assert _upload(client, WEBM_HEAD, "clip.bin").status_code == 303
    image, video = playlist.slides_of(hall)
    public = empty_app.test_client()
    response = public.get(f"/media/{image.file_name}")
    assert response.status_code == 200 and response.data == data
    assert response.headers["Content-Type"] == "image/jpeg" and image.file_name.endswith(".jpg")
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    response.close()
    again = public.get(f"/media/{image.file_name}", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
    again.close()
    webm = public.get(f"/media/{video.file_name}")
    assert webm.headers["Content-Type"] == "video/webm" and video.kind == "video"
    webm.close()


def test_a_changed_file_gets_a_new_url(empty_app, supervisor):
    client, hall = supervisor
    _upload(client, image_bytes(color=(10, 10, 10)), "a.png")
    _upload(client, image_bytes(color=(20, 20, 20)), "a.png")
    first, second = playlist.slides_of(hall)
    assert first.file_name != second.file_name


def test_unknown_or_malformed_names_are_not_found(empty_app):
    client = empty_app.test_client()
    for name in ("0" * 64 + ".png", "../secret_key", "x.png", "0" * 64 + ".exe", "%2e%2e%2fsecret_key"):
        assert client.get(f"/media/{name}").status_code == 404, name


def test_commitments_slide_in_every_display_language(empty_app, make_hall):
    make_hall(display_languages=("zh_Hans_CN", "en", "ug"))
    db.session.add(InfoItem(kind="commitment", titles={"zh_Hans_CN": "一次告知", "en": "Told once"},
                            texts={"zh_Hans_CN": "一次性告知所需材料。"}, sort_order=1))
    db.session.commit()
    page = empty_app.test_client().get("/display/slides/commitments").get_data(as_text=True)
    assert page.count("data-slide-locale=") == 3 and 'dir="rtl"' in page
    assert "一次告知" in page and "Told once" in page and "Our service commitments" in page


def _config(page: str) -> dict:
    return json.loads(re.search(r'id="display-config">(.*?)</script>', page, re.S).group(1))


def test_wall_page_embeds_the_playlist(empty_app, make_hall):
    hall = make_hall()
    db.session.add(Slide(hall_id=hall.id, kind="text", titles={}, texts={"zh_Hans_CN": "欢迎"}, displays="all",
                         sort_order=1, duration_seconds=5))
    db.session.commit()
    page = empty_app.test_client().get("/display").get_data(as_text=True)
    config = _config(page)
    assert config["playlist"]["slides"][0]["texts"]["zh_Hans_CN"] == "欢迎"
    assert config["playlist_url"] == "/display/playlist" and config["call_pause_ms"] > 3000
    assert "display-media.css" in page and "data-slide-panel" in page


def test_demo_hall_has_a_text_slide_in_every_language_and_the_tariff(app, hall):
    text, tariff = playlist.slides_of(hall)
    assert (text.kind, tariff.kind) == ("text", "tariff")
    assert set(text.texts) == {"zh_Hans_CN", "en", "ug", "bo", "mn_Mong_CN"}
    seed_demo(hall)
    db.session.commit()
    assert len(playlist.slides_of(hall)) == 2
