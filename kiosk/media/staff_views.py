"""Staff console: supervisors and administrators keep their hall's display playlist (``/staff/media``).

Thin views over :mod:`kiosk.media.playlist`: upload or add a slide, edit its times and displays, move it
up or down, preview and retire it.
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from kiosk.display.views import display_languages
from kiosk.hall.models import Hall
from kiosk.i18n import LOCALES
from kiosk.media import playlist, storage
from kiosk.media.errors import MediaError
from kiosk.media.models import MAX_SECONDS, MIN_SECONDS, Slide
from kiosk.staff.permissions import permission_required

bp = Blueprint("media_staff", __name__, url_prefix="/staff")


def _page(hall: Hall, *, error: MediaError | None = None, form=None, status: int = 200):
    return render_template("staff/media/index.html", hall=hall, slides=playlist.slides_of(hall),
                           retired=playlist.slides_of(hall, retired=True), devices=playlist.display_devices(hall),
                           locales=LOCALES, languages=display_languages(hall), error=error, form=form or {},
                           posted_titles=playlist.texts_from(form or {}, "title", playlist.TITLE_MAX),
                           posted_texts=playlist.texts_from(form or {}, "text", playlist.TEXT_MAX),
                           max_mb=f"{storage.max_bytes() / 1_000_000:g}", min_seconds=MIN_SECONDS,
                           max_seconds=MAX_SECONDS, min_size=storage.MIN_SIZE, max_size=storage.MAX_SIZE), status


def _slide_or_404(hall: Hall, slide_id: int) -> Slide:
    slide = playlist.slide_of_hall(hall, slide_id)
    if slide is None:
        abort(404)
    return slide


def _edit_page(hall: Hall, slide: Slide, *, error: MediaError | None = None, status: int = 200):
    return render_template("staff/media/edit.html", hall=hall, slide=slide, devices=playlist.display_devices(hall),
                           locales=LOCALES, error=error, min_seconds=MIN_SECONDS, max_seconds=MAX_SECONDS), status


@bp.get("/media")
@permission_required("media.manage")
def index():
    """The playlist in order, with previews, and the form for a new slide."""
    return _page(current_user.hall)


@bp.post("/media")
@permission_required("media.manage")
def add():
    """Add a slide: an uploaded image or video (checked by content), a text notice or a built-in slide."""
    hall, form = current_user.hall, request.form
    upload = request.files.get("file")
    try:
        schedule = playlist.schedule_from(form, hall)
        data = upload.stream.read(storage.max_bytes() + 1) if upload else None
        slide = playlist.add_slide(hall, form.get("kind", ""), schedule,
                                   titles=playlist.texts_from(form, "title", playlist.TITLE_MAX),
                                   texts=playlist.texts_from(form, "text", playlist.TEXT_MAX),
                                   data=data, user=current_user)
    except MediaError as error:
        return _page(hall, error=error, form=form, status=error.status)
    flash(_("Slide %(n)s added to the playlist.", n=slide.id))
    return redirect(url_for("media_staff.index"), 303)


@bp.get("/media/<int:slide_id>")
@permission_required("media.manage")
def edit(slide_id: int):
    """One slide: its preview and the form for its titles, text, times and displays."""
    hall = current_user.hall
    return _edit_page(hall, _slide_or_404(hall, slide_id))


@bp.post("/media/<int:slide_id>")
@permission_required("media.manage")
def update(slide_id: int):
    """Save a slide's titles, text, times and displays."""
    hall, form = current_user.hall, request.form
    slide = _slide_or_404(hall, slide_id)
    try:
        playlist.update_slide(slide, playlist.schedule_from(form, hall),
                              titles=playlist.texts_from(form, "title", playlist.TITLE_MAX),
                              texts=playlist.texts_from(form, "text", playlist.TEXT_MAX))
    except MediaError as error:
        return _edit_page(hall, slide, error=error, status=error.status)
    flash(_("Slide %(n)s saved.", n=slide.id))
    return redirect(url_for("media_staff.index"), 303)


@bp.post("/media/<int:slide_id>/move")
@permission_required("media.manage")
def move(slide_id: int):
    """Move a slide one place up or down."""
    hall = current_user.hall
    slide = _slide_or_404(hall, slide_id)
    try:
        playlist.move_slide(slide, request.form.get("direction", ""))
    except MediaError as error:
        return _page(hall, error=error, status=error.status)
    return redirect(url_for("media_staff.index"), 303)


@bp.post("/media/<int:slide_id>/retire")
@permission_required("media.manage")
def retire(slide_id: int):
    """Retire a slide: it leaves every display at once."""
    slide = _slide_or_404(current_user.hall, slide_id)
    playlist.retire_slide(slide)
    flash(_("Slide %(n)s retired.", n=slide.id))
    return redirect(url_for("media_staff.index"), 303)
