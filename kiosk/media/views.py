"""Public media routes: the stored slide files (``/media/<sha256>.<ext>``), a display's playlist and the
service-commitments slide.

Files are named by their content, so they are served with a year-long ``immutable`` cache; the playlist
is read afresh on every ``playlist`` event and is never cached.
"""
from __future__ import annotations

from flask import Blueprint, abort, jsonify, render_template, send_file
from flask_babel import force_locale

from kiosk.display.views import display_languages
from kiosk.guides.service import info_items
from kiosk.hall.service import current_device, current_hall
from kiosk.i18n import LOCALES
from kiosk.media import storage
from kiosk.media.playlist import playlist

bp = Blueprint("media", __name__)

#: ``Cache-Control`` of a stored file: its URL changes whenever its content does.
IMMUTABLE = "public, max-age=31536000, immutable"


@bp.get("/media/<name>")
def file(name: str):
    """A stored slide file, with its content type and a year-long immutable cache."""
    found = storage.stored_path(name)
    if found is None:
        abort(404)
    path, content_type = found
    response = send_file(path, mimetype=content_type, conditional=True, etag=name.split(".")[0])
    response.headers["Cache-Control"] = IMMUTABLE
    return response


@bp.get("/display/playlist")
def display_playlist():
    """The slides that play now on this display (by its device cookie), in order, as JSON."""
    hall = current_hall()
    response = jsonify(playlist(hall, current_device(), display_languages(hall)))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/display/slides/commitments")
def commitments_slide():
    """HTML fragment for the wall display: the hall's service commitments in each display language."""
    hall = current_hall()
    items = info_items("commitment")
    blocks = []
    for code in display_languages(hall):
        with force_locale(code):
            blocks.append(render_template("display/slides/_commitments_block.html", locale=LOCALES[code], items=items))
    return render_template("display/slides/commitments.html", blocks=blocks)
