"""The wall display (``/display``), the counter display over each window and its rating screen."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from kiosk.hall.service import current_hall, window_by_number
from kiosk.i18n import LOCALES

bp = Blueprint("display", __name__, url_prefix="/display")


def display_strings(languages: list[str]) -> dict:
    """The display's fixed texts in each display language, for the script."""
    strings = {}
    for code in languages:
        with force_locale(code):
            strings[code] = {
                "call": _("Ticket %(ticket)s, please go to window %(window)s", ticket="{ticket}", window="{window}"),
                "suspended": _("Service suspended"),
                "until": _("Expected to resume at %(time)s", time="{time}"),
                "closed": _("Closed"),
                "open": _("Open"),
                "window": _("Window %(n)s", n="{n}"),
                "waiting": _("%(count)s waiting", count="{count}"),
                "urgent": _("Important notice"),
                "outage": _("Planned power outage"),
            }
    return strings


def display_config(hall, **extra) -> dict:
    """Settings the display script reads from the page."""
    languages = [code for code in (hall.display_languages or ["zh_Hans_CN", "en"]) if code in LOCALES]
    config = {
        "languages": languages,
        "html_lang": {code: LOCALES[code].html_lang for code in languages},
        "strings": display_strings(languages),
        "events_url": url_for("api.events.stream"),
        "queue_url": "/api/v1/queue",
        "notices_url": "/api/v1/notices",
    }
    config.update(extra)
    return config


def _slides() -> list[str]:
    slides = []
    if "tariffs.display_slide" in current_app.view_functions:
        slides.append(url_for("tariffs.display_slide"))
    return slides


@bp.get("")
def wall():
    """The hall's wall display: calls, window states, waiting counts, clock and ticker."""
    from kiosk.queue.reads import queue_snapshot

    hall = current_hall()
    snapshot = queue_snapshot(hall)
    return render_template("display/wall.html", hall=hall, languages=display_config(hall)["languages"],
                           config=display_config(hall), snapshot=snapshot, slides=_slides())


def _window_or_404(number: int):
    window = window_by_number(current_hall(), number)
    if window is None:
        abort(404)
    return window


@bp.get("/window/<int:number>")
def counter(number: int):
    """The counter display above window ``number``: its current number or its suspended sign."""
    from kiosk.queue.reads import status_of

    hall = current_hall()
    window = _window_or_404(number)
    config = display_config(hall, window=number)
    return render_template("display/counter.html", hall=hall, window=window, status=status_of(window),
                           languages=config["languages"], config=config)


@bp.route("/window/<int:number>/rate", methods=["GET", "POST"])
def rate(number: int):
    """The rating screen at the counter: four choices for 30 seconds after "finish service"."""
    from kiosk.queue import ratings

    hall = current_hall()
    window = _window_or_404(number)
    if request.method == "POST":
        raw = request.form.get("rating") or ((request.get_json(silent=True) or {}).get("rating"))
        try:
            value = int(raw)
        except (TypeError, ValueError):
            value = 0
        ticket = ratings.rate(window, value)
        if ticket is None:
            return jsonify(ok=False, message=_("There is no service to rate right now.")), 409
        return jsonify(ok=True, message=_("Thank you for your rating!"), ticket=ticket.number)
    pending = ratings.ticket_to_rate(window)
    config = display_config(hall, window=number, seconds=ratings.RATING_SECONDS,
                            pending=pending.number if pending else None)
    return render_template("display/rate.html", hall=hall, window=window, choices=ratings.CHOICES,
                           config=config, pending=pending, languages=config["languages"])
