"""The wall display shell (``/display``)."""
from __future__ import annotations

from flask import Blueprint, render_template

from kiosk.hall.service import current_hall

bp = Blueprint("display", __name__, url_prefix="/display")


@bp.get("")
def wall():
    """The hall's wall display: calls, window states, waiting counts, clock and ticker."""
    hall = current_hall()
    return render_template("display/wall.html", hall=hall, languages=hall.display_languages)
