"""A hall's voice: its uploaded recordings (which replace default clips) and its voice settings.

Settings live in the hall's ``voice`` JSON column: ``{"languages": [...], "volume": 0-100,
"quiet_from": "HH:MM"|None, "quiet_until": "HH:MM"|None}``; missing keys take their defaults.
"""
from __future__ import annotations

import hashlib
import io
import re
import wave
from datetime import time
from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy import select

from kiosk.audit.service import record
from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.i18n import LOCALES
from kiosk.transaction import use_case
from kiosk.voice import clips
from kiosk.voice.errors import VoiceError
from kiosk.voice.models import VoiceClip

#: Limits of an uploaded recording.
MAX_UPLOAD_BYTES = 1024 * 1024
MAX_SECONDS = 5.0
MIN_RATE, MAX_RATE = 8000, 48000
DEFAULT_VOLUME = 80
_HHMM = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


# ---- recordings ---------------------------------------------------------------------------------

def recording_path(hall: Hall, language: str, clip: str) -> Path:
    """Where the hall's recording of ``clip`` in ``language`` is stored."""
    if language not in clips.VOICE_LANGUAGES or not clips.is_clip(clip):
        raise ValueError(f"not a clip: {language}/{clip}")
    return clips.voice_dir() / hall.code / language / f"{clip}.wav"


def recordings_of(hall: Hall) -> dict[tuple[str, str], VoiceClip]:
    """The hall's uploaded recordings by (language, clip)."""
    rows = db.session.scalars(select(VoiceClip).where(VoiceClip.hall_id == hall.id))
    return {(row.language, row.clip): row for row in rows}


def clip_file(hall: Hall, language: str, clip: str, recorded: dict | None = None) -> Path | None:
    """The file an announcement uses for ``clip``: the hall's recording, else the default clip, else ``None``."""
    recorded = recordings_of(hall) if recorded is None else recorded
    if (language, clip) in recorded:
        path = recording_path(hall, language, clip)
        if path.exists():
            return path
    return clips.default_clip(language, clip)


def checked_recording(data: bytes) -> bytes:
    """The frames of an uploaded WAV at the common format, or a :class:`VoiceError` saying what is wrong."""
    if not data:
        raise VoiceError(_("Choose a WAV file to upload."))
    if len(data) > MAX_UPLOAD_BYTES:
        raise VoiceError(_("The recording is larger than %(size)s MB.", size=1))
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise VoiceError(_("This file is not a WAV recording."))
    try:
        with wave.open(io.BytesIO(data), "rb") as source:
            channels, rate = source.getnchannels(), source.getframerate()
            width, frames = source.getsampwidth(), source.getnframes()
    except (wave.Error, EOFError, ValueError) as error:
        raise VoiceError(_("This WAV file is not uncompressed PCM audio.")) from error
    if channels not in (1, 2):
        raise VoiceError(_("The recording must be mono or stereo."))
    if not MIN_RATE <= rate <= MAX_RATE or width not in (1, 2, 3, 4):
        raise VoiceError(_("The recording's sample rate must be between %(low)s and %(high)s kHz.",
                           low=MIN_RATE // 1000, high=MAX_RATE // 1000))
    if frames == 0:
        raise VoiceError(_("The recording is empty."))
    if frames / rate > MAX_SECONDS:
        raise VoiceError(_("The recording is longer than %(seconds)s seconds.", seconds=int(MAX_SECONDS)))
    return clips.trim(clips.to_common(data))


@use_case
def upload(hall: Hall, language: str, clip: str, data: bytes) -> VoiceClip:
    """Store a recording of ``clip`` in ``language`` for the hall, replacing the default (or an older recording)."""
    if language not in clips.VOICE_LANGUAGES or not clips.is_clip(clip):
        raise VoiceError(_("There is no such clip."), 404)
    stored = clips.wav_bytes(checked_recording(data))
    digest = hashlib.sha256(stored).hexdigest()
    clips.write_atomically(recording_path(hall, language, clip), stored)
    row = db.session.scalar(select(VoiceClip).where(VoiceClip.hall_id == hall.id, VoiceClip.language == language,
                                                    VoiceClip.clip == clip))
    before = {"sha256": row.sha256} if row else None
    if row is None:
        row = VoiceClip(hall_id=hall.id, language=language, clip=clip, sha256=digest)
        db.session.add(row)
    else:
        row.sha256 = digest
    record("voice.upload", f"{language}/{clip}", before=before, after={"sha256": digest}, hall_id=hall.id)
    db.session.flush()
    return row


@use_case
def revert(hall: Hall, language: str, clip: str) -> bool:
    """Drop the hall's recording of ``clip`` in ``language`` (the default clip is used again); whether there was one."""
    row = db.session.scalar(select(VoiceClip).where(VoiceClip.hall_id == hall.id, VoiceClip.language == language,
                                                    VoiceClip.clip == clip))
    if row is None:
        return False
    db.session.delete(row)
    record("voice.revert", f"{language}/{clip}", before={"sha256": row.sha256}, hall_id=hall.id)
    recording_path(hall, language, clip).unlink(missing_ok=True)
    return True


# ---- settings -----------------------------------------------------------------------------------

def default_languages(hall: Hall) -> list[str]:
    """The hall's display languages that have a default voice, in display order."""
    shown = [code for code in (hall.display_languages or ["zh_Hans_CN", "en"]) if code in LOCALES]
    return [code for code in shown if clips.has_default_voice(code)]


def settings_of(hall: Hall) -> dict:
    """The hall's voice settings with defaults filled in."""
    stored = hall.voice or {}
    languages = [code for code in stored.get("languages") or [] if code in clips.VOICE_LANGUAGES]
    return {
        "languages": languages if "languages" in stored else default_languages(hall),
        "volume": int(stored.get("volume", DEFAULT_VOLUME)),
        "quiet_from": stored.get("quiet_from") or None,
        "quiet_until": stored.get("quiet_until") or None,
    }


def _hhmm(raw: str | None) -> str | None:
    value = (raw or "").strip()
    if not value:
        return None
    if not _HHMM.match(value):
        raise VoiceError(_("Give quiet hours as HH:MM, for example 22:00."))
    return value


@use_case
def update_settings(hall: Hall, languages: list[str], volume: str | int, quiet_from: str | None,
                    quiet_until: str | None) -> dict:
    """Save the hall's voice languages (in order), volume and quiet hours."""
    chosen = list(dict.fromkeys(code for code in languages if code in clips.VOICE_LANGUAGES))
    try:
        level = int(volume)
    except (TypeError, ValueError) as error:
        raise VoiceError(_("The volume must be a whole number from 0 to 100.")) from error
    if not 0 <= level <= 100:
        raise VoiceError(_("The volume must be a whole number from 0 to 100."))
    start, end = _hhmm(quiet_from), _hhmm(quiet_until)
    if (start is None) != (end is None) or (start is not None and start == end):
        raise VoiceError(_("Give both ends of the quiet hours, or neither."))
    before = settings_of(hall)
    hall.voice = {"languages": chosen, "volume": level, "quiet_from": start, "quiet_until": end}
    record("voice.settings", hall.code, before=before, after=dict(hall.voice), hall_id=hall.id)
    return settings_of(hall)


def is_quiet(settings: dict, at: time) -> bool:
    """Whether ``at`` (the hall's local time of day) falls in the quiet hours (which may span midnight)."""
    if not settings.get("quiet_from") or not settings.get("quiet_until"):
        return False
    start = time.fromisoformat(settings["quiet_from"])
    end = time.fromisoformat(settings["quiet_until"])
    moment = at.replace(second=0, microsecond=0, tzinfo=None)
    if start < end:
        return start <= moment < end
    return moment >= start or moment < end
