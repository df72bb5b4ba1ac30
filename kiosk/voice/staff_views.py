"""Staff console: the hall's voice calls (``/staff/voice``): clips per voice language, recordings, settings.

Admins hear each clip, upload a recording that replaces it (for the hall only) or go back to the default,
and choose the voice languages, volume and quiet hours. Thin views over :mod:`kiosk.voice.recordings`.
"""
from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from kiosk.hall.models import Hall
from kiosk.i18n import LOCALES
from kiosk.staff.permissions import permission_required
from kiosk.voice import clips, recordings
from kiosk.voice.errors import VoiceError

bp = Blueprint("voice_staff", __name__, url_prefix="/staff")


def _clip_rows(hall: Hall, language: str, recorded: dict) -> list[dict]:
    windows = [window.number for window in hall.windows]
    letters = [service.code[0] for service in hall.services if service.code[:1] in clips.LETTER_CLIPS]
    rows = []
    for clip in clips.vocabulary(language, windows, sorted(set(letters))):
        mine = recorded.get((language, clip))
        rows.append({"clip": clip, "text": clips.clip_text(language, clip), "recorded": mine,
                     "playable": mine is not None or clips.has_default_voice(language)})
    return rows


def _page(hall: Hall, *, error: VoiceError | None = None, status: int = 200):
    settings = recordings.settings_of(hall)
    recorded = recordings.recordings_of(hall)
    languages = [*settings["languages"], *(code for code in clips.VOICE_LANGUAGES if code not in settings["languages"])]
    tables = [{"code": code, "name": LOCALES[code].native_name if code in LOCALES else code,
               "default_voice": clips.has_default_voice(code), "rows": _clip_rows(hall, code, recorded)}
              for code in languages]
    return render_template("staff/voice.html", hall=hall, settings=settings, tables=tables, error=error,
                           max_seconds=int(recordings.MAX_SECONDS)), status


@bp.get("/voice")
@permission_required("voice.manage")
def index():
    """The clips of each voice language with their recordings, and the voice settings."""
    return _page(current_user.hall)


@bp.post("/voice/settings")
@permission_required("voice.manage")
def settings():
    """Save the voice languages (in order), the volume and the quiet hours."""
    hall, form = current_user.hall, request.form
    try:
        recordings.update_settings(hall, form.getlist("languages"), form.get("volume", ""),
                                   form.get("quiet_from"), form.get("quiet_until"))
    except VoiceError as error:
        return _page(hall, error=error, status=error.status)
    flash(_("Voice settings saved."))
    return redirect(url_for("voice_staff.index"), 303)


def _language_and_clip(language: str, clip: str) -> None:
    if language not in clips.VOICE_LANGUAGES or not clips.is_clip(clip):
        abort(404)


@bp.get("/voice/<language>/<clip>.wav")
@permission_required("voice.manage")
def clip_audio(language: str, clip: str):
    """The clip the hall's announcements use (its recording, else the default)."""
    _language_and_clip(language, clip)
    path = recordings.clip_file(current_user.hall, language, clip)
    if path is None:
        abort(404)
    response = Response(path.read_bytes(), mimetype="audio/wav")
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/voice/<language>/<clip>")
@permission_required("voice.manage")
def upload(language: str, clip: str):
    """Replace the clip with an uploaded WAV recording (checked and converted)."""
    _language_and_clip(language, clip)
    hall = current_user.hall
    data = b""
    upload = request.files.get("recording")
    if upload is not None:
        with upload.stream as stream:  # a large upload is spooled to a temporary file: close it now
            data = stream.read(recordings.MAX_UPLOAD_BYTES + 1)
    try:
        recordings.upload(hall, language, clip, data)
    except VoiceError as error:
        return _page(hall, error=error, status=error.status)
    flash(_("Recording saved."))
    return redirect(url_for("voice_staff.index", _anchor=f"voice-{language}"), 303)


@bp.post("/voice/<language>/<clip>/revert")
@permission_required("voice.manage")
def revert(language: str, clip: str):
    """Drop the hall's recording: the default clip is used again."""
    _language_and_clip(language, clip)
    if recordings.revert(current_user.hall, language, clip):
        flash(_("The default clip is used again."))
    return redirect(url_for("voice_staff.index", _anchor=f"voice-{language}"), 303)
