"""``GET /api/v1/announcements/<ticket>?window=3&lang=zh_Hans_CN``: the call announcement as a WAV."""
from __future__ import annotations

from flask import Blueprint, Response, request
from flask_babel import gettext as _

from kiosk.api import api_error
from kiosk.hall.service import current_hall
from kiosk.validation import int_arg
from kiosk.voice import announce, clips

bp = Blueprint("voice", __name__)


@bp.get("/announcements/<ticket>")
def announcement(ticket: str):
    """Chime (``?chime=1``) and the announcement of ``ticket`` at ``?window=`` in ``?lang=`` (default Chinese).

    404 for a language (or ticket) the hall has no clips for; 400 for a missing or malformed window.
    """
    window = int_arg(request.args.get("window"), minimum=1, maximum=clips.MAX_WINDOW)
    if window is None:
        return api_error(_("Give the window number (1 to %(max)s).", max=clips.MAX_WINDOW), 400)
    language = request.args.get("lang") or "zh_Hans_CN"
    if language not in clips.VOICE_LANGUAGES or not announce.is_ticket(ticket):
        return api_error(_("There is no announcement in this language."), 404)
    data = announce.announcement(current_hall(), ticket, window, language,
                                 with_chime=request.args.get("chime") in {"1", "true"})
    if data is None:
        return api_error(_("There is no announcement in this language."), 404)
    return Response(data, mimetype="audio/wav")
