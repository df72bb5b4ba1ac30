"""Kiosk home, language and elder-mode switches, the idle reset and "coming soon" pages."""
from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, session, url_for

from kiosk.hall.service import current_hall
from kiosk.home.tiles import TILES, tile
from kiosk.i18n import normalize_locale
from kiosk.security import safe_path

bp = Blueprint("home", __name__)


@bp.get("/")
def root():
    return redirect(url_for("home.index"))


@bp.get("/kiosk")
def index():
    """The touchscreen home with a tile per capability."""
    hall = current_hall()
    return render_template("kiosk/home.html", hall=hall, tiles=TILES)


@bp.get("/kiosk/soon/<key>")
def coming_soon(key: str):
    """A plain page for a capability that is not installed yet."""
    found = tile(key)
    if found is None:
        abort(404)
    return render_template("kiosk/coming_soon.html", hall=current_hall(), tile=found)


@bp.get("/kiosk/reset")
def reset():
    """Forget everything about the last customer (idle timeout or Home): session, language, mode."""
    session.clear()
    return redirect(url_for("home.index"))


@bp.get("/kiosk/language")
def language():
    """Switch the kiosk language and return to the page the customer was on."""
    code = normalize_locale(request.args.get("lang"))
    if code:
        session["lang"] = code
    return redirect(_safe_next())


@bp.get("/kiosk/elder")
def elder_mode():
    """Toggle elder mode (large text, high contrast)."""
    session["elder"] = not session.get("elder", False)
    return redirect(_safe_next())


def _safe_next() -> str:
    return safe_path(request.args.get("next")) or url_for("home.index")
