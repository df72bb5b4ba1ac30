"""Uploads are checked by content (not by name), by size and by image dimensions; nothing is half-saved."""
from __future__ import annotations

import io

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from kiosk.audit.models import AuditLog
from kiosk.events.models import Event
from kiosk.extensions import db
from kiosk.media import storage
from kiosk.media.errors import MediaError
from kiosk.media.models import Slide
from tests.media.conftest import MP4_HEAD, WEBM_HEAD, image_bytes


def _upload(client, data: bytes, name: str, kind: str = "image", **fields):
    form = {"kind": kind, "duration_seconds": "10", "file": (io.BytesIO(data), name), **fields}
    return client.post("/staff/media?lang=en", data=form, content_type="multipart/form-data")


def _slides():
    return list(db.session.scalars(select(Slide)))


def _media_files(app):
    folder = storage.Path(app.config["MEDIA_DIR"])
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize(("data", "ext", "content_type"), [
    (image_bytes(fmt="PNG"), "png", "image/png"),
    (image_bytes(fmt="JPEG"), "jpg", "image/jpeg"),
    (image_bytes(fmt="WEBP"), "webp", "image/webp"),
    (MP4_HEAD, "mp4", "video/mp4"),
    (WEBM_HEAD, "webm", "video/webm"),
])
def test_kind_is_read_from_the_content(empty_app, data, ext, content_type):
    stored = storage.check(data)
    assert (stored.ext, stored.content_type) == (ext, content_type)
    assert stored.kind == content_type.split("/")[0]


def test_a_png_renamed_mp4_is_an_image_and_a_text_file_renamed_png_is_refused(empty_app, supervisor):
    client, _hall = supervisor
    response = _upload(client, image_bytes(), "clip.mp4", kind="video")
    assert response.status_code == 303
    (slide,) = _slides()
    assert (slide.kind, slide.content_type, slide.file_name.endswith(".png")) == ("image", "image/png", True)

    refused = _upload(client, b"<html>not an image</html>" * 20, "photo.png")
    assert refused.status_code == 415
    assert "is not a PNG, JPEG or WebP image" in refused.get_data(as_text=True)
    assert len(_slides()) == 1


def test_oversized_upload_is_refused_and_nothing_is_saved(empty_app, supervisor):
    client, _hall = supervisor
    empty_app.config["MEDIA_MAX_BYTES"] = 50_000
    big = image_bytes(1920, 1080, color=(1, 2, 3)) + b"\x00" * 60_000
    response = _upload(client, big, "big.png")
    assert response.status_code == 413
    assert "larger than 0.05 MB" in response.get_data(as_text=True)
    assert _slides() == [] and _media_files(empty_app) == []
    assert db.session.scalar(select(AuditLog).where(AuditLog.action == "media.add")) is None


@pytest.mark.parametrize(("size", "message"), [
    ((200, 100), "at least 320×180 are needed"),
    ((320, 179), "at least 320×180 are needed"),
    ((7681, 200), "at most 7680×4320 are accepted"),
])
def test_image_dimensions(empty_app, supervisor, size, message):
    client, _hall = supervisor
    response = _upload(client, image_bytes(*size), "x.png")
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _slides() == [] and _media_files(empty_app) == []


def test_a_truncated_image_is_refused(empty_app):
    with force_locale("en"), pytest.raises(MediaError, match="could not be read"):
        storage.check(image_bytes()[:40])


def test_upload_is_stored_by_content_audited_and_announced(empty_app, supervisor):
    client, hall = supervisor
    data = image_bytes(800, 450)
    assert _upload(client, data, "poster.png", title_zh_Hans_CN="海报", title_en="Poster").status_code == 303
    (slide,) = _slides()
    assert (slide.width, slide.height, slide.byte_size) == (800, 450, len(data))
    assert _media_files(empty_app) == [f"{slide.sha256}.png"] == [slide.file_name]
    assert slide.titles == {"zh_Hans_CN": "海报", "en": "Poster"}
    audit = db.session.scalar(select(AuditLog).where(AuditLog.action == "media.add"))
    assert audit.target == f"slide:{slide.id}" and audit.actor == "super" and audit.hall_id == hall.id
    event = db.session.scalar(select(Event).where(Event.type == "playlist"))
    assert event.hall_id == hall.id and event.payload == {"slide": slide.id, "action": "added"}


def test_missing_file_and_bad_schedule_are_refused_with_translated_messages(empty_app, supervisor):
    client, _hall = supervisor
    response = client.post("/staff/media?lang=en", data={"kind": "image"})
    assert response.status_code == 400 and "Choose a file to upload." in response.get_data(as_text=True)
    response = client.post("/staff/media?lang=en", data={"kind": "tariff", "duration_seconds": "500"})
    assert response.status_code == 400 and "3 to 120 seconds" in response.get_data(as_text=True)
    response = client.post("/staff/media?lang=en", data={"kind": "tariff", "starts_on": "2026-13-01"})
    assert response.status_code == 400 and "YYYY-MM-DD" in response.get_data(as_text=True)
    response = client.post("/staff/media?lang=en", data={"kind": "text"})
    assert response.status_code == 400 and "at least one language" in response.get_data(as_text=True)
    assert _slides() == []
