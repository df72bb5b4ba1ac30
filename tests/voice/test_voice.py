"""Voice calls: default clips, announcements as WAV, recordings that replace clips, the settings."""
from __future__ import annotations

import io
import math
import struct
import wave
from datetime import time
from pathlib import Path

import pytest
from flask_babel import force_locale

from kiosk.extensions import db
from kiosk.voice import announce, clips, recordings
from kiosk.voice.errors import VoiceError
from kiosk.voice.models import VoiceClip
from tests.factories import STAFF_PASSWORD


def tone_wav(seconds: float = 0.5, rate: int = 44100, channels: int = 2, width: int = 2) -> bytes:
    """A sine tone as a WAV file."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        frames = bytearray()
        for index in range(int(seconds * rate)):
            value = int(12000 * math.sin(2 * math.pi * 440 * index / rate))
            sample = struct.pack("<h", value) if width == 2 else bytes([128 + value // 256])
            frames += sample * channels
        out.writeframes(bytes(frames))
    return buffer.getvalue()


def duration(data: bytes) -> float:
    with wave.open(io.BytesIO(data), "rb") as parsed:
        assert (parsed.getnchannels(), parsed.getsampwidth(), parsed.getframerate()) == (1, 2, clips.RATE)
        return parsed.getnframes() / parsed.getframerate()


@pytest.fixture
def hall(make_hall):
    return make_hall(display_languages=["zh_Hans_CN", "en", "ug"])


@pytest.fixture
def admin_client(empty_app, empty_client, hall, make_staff_user):
    make_staff_user(username="voiceadmin", role="admin", hall=hall)
    response = empty_client.post("/staff/login", data={"username": "voiceadmin", "password": STAFF_PASSWORD})
    assert response.status_code == 302
    return empty_client


def test_voice_build_makes_every_clip_of_every_voice_language(empty_app, empty_runner, hall, make_window):
    make_window(hall=hall, number=31)
    result = empty_runner.invoke(args=["voice", "build"])
    assert result.exit_code == 0, result.output
    folder = Path(empty_app.config["VOICE_DIR"])
    with empty_app.app_context():
        for language in ("zh_Hans_CN", "en", "ug"):
            for clip in clips.vocabulary(language, [*range(1, clips.BUILT_WINDOWS + 1), 31]):
                path = folder / language / f"{clip}.wav"
                assert path.exists(), path
                assert 0.05 < duration(path.read_bytes()) < 3.0, path
    again = empty_runner.invoke(args=["voice", "build"])
    assert "0 built" in again.output


@pytest.mark.parametrize("language", ["zh_Hans_CN", "en", "ug"])
def test_announcement_is_a_wav_of_the_expected_length(empty_client, hall, language):
    response = empty_client.get(f"/api/v1/announcements/A012?window=3&lang={language}")
    assert response.status_code == 200
    assert response.mimetype == "audio/wav"
    assert len(response.data) > 1000
    assert 1.5 <= duration(response.data) <= 8.0
    chimed = empty_client.get(f"/api/v1/announcements/A012?window=3&lang={language}&chime=1")
    assert 0.5 < duration(chimed.data) - duration(response.data) < 1.2


def test_announcement_clips_follow_each_languages_word_order():
    assert announce.clip_names("A012", 3, "zh_Hans_CN") == ["lead", "A", "0", "1", "2", "mid", "n3", "tail"]
    assert announce.clip_names("A012", 3, "en") == ["lead", "A", "0", "1", "2", "mid", "n3"]
    assert announce.clip_names("B7", 12, "ug") == ["B", "7", "mid", "n12", "tail"]
    assert clips.PHRASES["zh_Hans_CN"] == {"lead": "请", "mid": "号到", "tail": "号窗口办理"}


def test_announcement_refusals(empty_client, hall):
    assert empty_client.get("/api/v1/announcements/A012?window=3&lang=bo").status_code == 404  # no clips
    assert empty_client.get("/api/v1/announcements/A012?window=3&lang=xx").status_code == 404
    assert empty_client.get("/api/v1/announcements/a-12?window=3&lang=en").status_code == 404
    assert empty_client.get("/api/v1/announcements/A012?lang=en").status_code == 400
    assert empty_client.get("/api/v1/announcements/A012?window=100&lang=en").status_code == 400


def test_announcements_are_cached_by_content(empty_app, hall):
    with empty_app.test_request_context():
        first = announce.announcement(hall, "A001", 1, "en")
        assert announce.announcement(hall, "A001", 1, "en") is first


def test_an_uploaded_recording_replaces_the_default_and_reverts(empty_app, admin_client, hall):
    before = duration(admin_client.get("/api/v1/announcements/A012?window=3&lang=en").data)
    page = admin_client.get("/staff/voice?lang=en")
    assert page.status_code == 200 and b'data-clip="en/lead"' in page.data
    response = admin_client.post("/staff/voice/en/lead?lang=en", data={
        "recording": (io.BytesIO(tone_wav(2.0, rate=44100, channels=2)), "lead.wav")},
        content_type="multipart/form-data")
    assert response.status_code == 303
    stored = Path(empty_app.config["VOICE_DIR"]) / hall.code / "en" / "lead.wav"
    assert 1.9 < duration(stored.read_bytes()) < 2.1  # converted to 16 kHz mono
    with empty_app.app_context():
        row = db.session.query(VoiceClip).one()
        assert (row.language, row.clip, len(row.sha256)) == ("en", "lead", 64)
    after = duration(admin_client.get("/api/v1/announcements/A012?window=3&lang=en").data)
    assert after > before + 1.0
    assert admin_client.get("/staff/voice/en/lead.wav").data == stored.read_bytes()
    assert admin_client.post("/staff/voice/en/lead/revert").status_code == 303
    assert not stored.exists()
    assert duration(admin_client.get("/api/v1/announcements/A012?window=3&lang=en").data) == pytest.approx(before)


def test_a_hall_records_a_language_without_a_default_voice(empty_app, admin_client, hall):
    assert admin_client.get("/api/v1/announcements/A1?window=2&lang=bo").status_code == 404
    for clip in announce.clip_names("A1", 2, "bo"):
        response = admin_client.post(f"/staff/voice/bo/{clip}", data={
            "recording": (io.BytesIO(tone_wav(0.3, rate=8000, channels=1)), "clip.wav")},
            content_type="multipart/form-data")
        assert response.status_code == 303
    response = admin_client.get("/api/v1/announcements/A1?window=2&lang=bo")
    assert response.status_code == 200
    assert 1.5 <= duration(response.data) <= 8.0


def _wav_with_header(rate: int, channels: int = 1) -> bytes:
    data = tone_wav(0.2, rate=8000, channels=channels)
    return data[:24] + struct.pack("<I", rate) + data[28:]


@pytest.mark.parametrize(("data", "message"), [
    (b"", "Choose a WAV file to upload."),
    (b"hello, this is not audio at all", "This file is not a WAV recording."),
    (b"RIFF\x00\x00\x00\x00WAVEjunkjunkjunk", "This WAV file is not uncompressed PCM audio."),
    (tone_wav(6.0, rate=8000, channels=1, width=1), "The recording is longer than 5 seconds."),
    (_wav_with_header(4000), "The recording's sample rate must be between 8 and 48 kHz."),
    (_wav_with_header(96000), "The recording's sample rate must be between 8 and 48 kHz."),
    (tone_wav(0.2, rate=8000, channels=3), "The recording must be mono or stereo."),
])
def test_bad_uploads_are_refused_with_a_message(empty_app, admin_client, data, message):
    response = admin_client.post("/staff/voice/en/lead?lang=en", data={"recording": (io.BytesIO(data), "x.wav")},
                                 content_type="multipart/form-data")
    assert response.status_code == 400
    assert message in response.get_data(as_text=True).replace("&#39;", "'")
    with empty_app.app_context():
        assert db.session.query(VoiceClip).count() == 0


def test_a_recording_over_1_mb_is_refused(empty_app):
    # (checked without the test client, whose spooled request body would outlive the test)
    with empty_app.test_request_context(), force_locale("en"), pytest.raises(VoiceError) as refused:
        recordings.checked_recording(tone_wav(0.2, rate=8000, channels=1)[:44] + bytes(1024 * 1024 + 10))
    assert str(refused.value) == "The recording is larger than 1 MB."
    assert refused.value.status == 400


def test_unknown_clips_are_not_found(admin_client):
    assert admin_client.post("/staff/voice/en/hello", data={}).status_code == 404
    assert admin_client.post("/staff/voice/xx/lead", data={}).status_code == 404
    assert admin_client.get("/staff/voice/bo/lead.wav").status_code == 404  # nothing recorded, no default voice


def test_settings_default_to_the_display_languages_with_a_voice(empty_app, make_hall):
    with empty_app.app_context():
        hall = make_hall(display_languages=["zh_Hans_CN", "bo", "ug"])
        assert recordings.settings_of(hall) == {"languages": ["zh_Hans_CN", "ug"], "volume": 80,
                                                "quiet_from": None, "quiet_until": None}


def test_settings_are_saved_and_reach_the_display(empty_app, admin_client, hall, make_window):
    make_window(hall=hall, number=1)
    response = admin_client.post("/staff/voice/settings?lang=en", data={
        "languages": ["en", "zh_Hans_CN"], "volume": "55", "quiet_from": "22:00", "quiet_until": "07:30"})
    assert response.status_code == 303
    page = admin_client.get("/display").get_data(as_text=True)
    assert '"voice": {' in page
    for fragment in ('"languages": ["en", "zh_Hans_CN"]', '"volume": 55', '"quiet_from": "22:00"',
                     '"quiet_until": "07:30"', '"url": "/api/v1/announcements/TICKET"'):
        assert fragment in page
    assert "display-voice.js" not in page  # loaded by display.js itself
    for bad, message in (({"volume": "101"}, "The volume must be a whole number from 0 to 100."),
                         ({"volume": "50", "quiet_from": "22:00"}, "Give both ends of the quiet hours, or neither."),
                         ({"volume": "50", "quiet_from": "25:00", "quiet_until": "07:00"},
                          "Give quiet hours as HH:MM, for example 22:00.")):
        response = admin_client.post("/staff/voice/settings?lang=en", data=bad)
        assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_quiet_hours_may_span_midnight():
    night = {"quiet_from": "22:00", "quiet_until": "07:00"}
    assert recordings.is_quiet(night, time(23, 15)) and recordings.is_quiet(night, time(6, 59))
    assert not recordings.is_quiet(night, time(7, 0)) and not recordings.is_quiet(night, time(12, 0))
    noon = {"quiet_from": "12:00", "quiet_until": "13:30"}
    assert recordings.is_quiet(noon, time(12, 0)) and not recordings.is_quiet(noon, time(13, 30))
    assert not recordings.is_quiet({"quiet_from": None, "quiet_until": None}, time(3, 0))


def test_chime_is_synthesised():
    frames = clips.chime()
    assert 0.7 < len(frames) / 2 / clips.RATE < 1.0
    assert max(abs(value) for value in struct.unpack(f"<{len(frames) // 2}h", frames)) > 5000
