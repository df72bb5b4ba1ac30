"""The wall display (``/display``), the counter display over each window and its rating screen.

The pages carry the display's settings and a queue snapshot as JSON; ``static/js/display.js``
renders every live element (calls, window cards, waiting counts) from them and from the events.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Blueprint, abort, jsonify, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from kiosk.api import json_body
from kiosk.events.service import latest_event_id
from kiosk.hall.models import Hall, Window
from kiosk.hall.service import current_device, current_hall, local_now, window_by_number
from kiosk.i18n import LOCALES, localized
from kiosk.media.playlist import CALL_PAUSE_MS, playlist
from kiosk.queue import ratings
from kiosk.queue.reads import queue_snapshot, status_of, waiting_for
from kiosk.timefmt import hall_date
from kiosk.voice.recordings import settings_of as voice_settings_of

bp = Blueprint("display", __name__, url_prefix="/display")

#: How many of the next numbers a counter display shows.
NEXT_NUMBERS = 3
#: How many days of clock dates a display page carries (it is reloaded long before they run out).
CLOCK_DAYS = 8


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
                "now_serving": _("Now serving"),
                "next": _("Next numbers"),
                "outage_line": _("%(title)s. Area: %(area)s. Lines: %(lines)s. From %(start)s; power expected "
                                 "back at %(end)s.", title="{title}", area="{area}", lines="{lines}",
                                 start="{start}", end="{end}"),
                "notice_line": _("%(title)s: %(text)s (valid until %(end)s)", title="{title}", text="{text}",
                                 end="{end}"),
                "notice_title_line": _("%(title)s (valid until %(end)s)", title="{title}", end="{end}"),
            }
    return strings


def display_languages(hall: Hall) -> list[str]:
    """The hall's display languages that ship with the product (Chinese and English by default)."""
    return [code for code in (hall.display_languages or ["zh_Hans_CN", "en"]) if code in LOCALES]


def clock_dates(hall: Hall, languages: list[str], days: int = CLOCK_DAYS) -> dict[str, dict[str, str]]:
    """The clock's date line for the hall's next ``days`` days in each display language: ``{code: {iso day: text}}``.

    The dates come from :func:`kiosk.timefmt.hall_date` (its patterns: traditional Mongolian's
    "year-GEN month-GEN day", Western digits everywhere), not from the browser's thin CLDR data.
    """
    today = local_now(hall).date()
    ahead = [today + timedelta(days=n) for n in range(days)]
    result = {}
    for code in languages:
        with force_locale(code):
            result[code] = {day.isoformat(): hall_date(day, "full", hall) for day in ahead}
    return result


def voice_config(hall: Hall) -> dict:
    """How the display announces calls: the announcement URL (``TICKET`` stands for the number), the voice
    languages in order, the volume (0-100), the quiet hours and, for the speech fallback, each language's sentence."""
    settings = voice_settings_of(hall)
    languages = settings["languages"]
    sentences = {}
    for code in languages:
        with force_locale(code):
            sentences[code] = _("Ticket %(ticket)s, please go to window %(window)s", ticket="{ticket}",
                                window="{window}")
    return {
        "url": url_for("api.voice.announcement", ticket="TICKET"),
        "languages": languages,
        "html_lang": {code: LOCALES[code].html_lang for code in languages if code in LOCALES},
        "sentences": sentences,
        "volume": settings["volume"],
        "quiet_from": settings["quiet_from"],
        "quiet_until": settings["quiet_until"],
    }


def display_config(hall: Hall, **extra) -> dict:
    """Settings the display script reads from the page.

    ``last_event_id`` is read before the page's snapshot, so the event stream resumes right after it.
    """
    languages = display_languages(hall)
    config = {
        "languages": languages,
        "html_lang": {code: LOCALES[code].html_lang for code in languages},
        "directions": {code: LOCALES[code].direction for code in languages},
        "strings": display_strings(languages),
        "timezone": hall.timezone or "Asia/Shanghai",
        "service_names": {service.code: {code: localized(service.names, code) for code in languages}
                          for service in hall.services},
        "events_url": url_for("api.events.stream"),
        "last_event_id": latest_event_id(hall.id),
        "queue_url": url_for("api.queue.queue_snapshot"),
        "notices_url": "/api/v1/notices",
        "voice": voice_config(hall),
        "clock_dates": clock_dates(hall, languages),
    }
    config.update(extra)
    return config


@bp.get("")
def wall():
    """The hall's wall display: calls, window states, waiting counts, clock and ticker."""
    hall = current_hall()
    languages = display_languages(hall)
    config = display_config(hall, playlist=playlist(hall, current_device(), languages),
                            playlist_url=url_for("media.display_playlist"),
                            fallback_slide=url_for("tariffs.display_slide"), call_pause_ms=CALL_PAUSE_MS)
    return render_template("display/wall.html", hall=hall, languages=config["languages"], config=config,
                           snapshot=queue_snapshot(hall), slides=True)


def _window_or_404(number: int) -> Window:
    window = window_by_number(current_hall(), number)
    if window is None:
        abort(404)
    return window


def counter_snapshot(window: Window) -> dict:
    """What a counter display shows: its window, the services it serves (with their signs), the next numbers."""
    codes = {service.code for service in window.services}
    services = [entry for entry in queue_snapshot(window.hall)["services"] if entry["code"] in codes]
    return {"windows": [status_of(window)], "services": services,
            "next": [ticket.number for ticket in waiting_for(window, limit=NEXT_NUMBERS)]}


@bp.get("/window/<int:number>")
def counter(number: int):
    """The counter display above window ``number``: its current and next numbers, or its suspended sign."""
    hall = current_hall()
    window = _window_or_404(number)
    config = display_config(hall, window=number, window_services=[service.code for service in window.services],
                            counter_url=url_for("display.counter_state", number=number))
    return render_template("display/counter.html", hall=hall, window=window, snapshot=counter_snapshot(window),
                           languages=config["languages"], config=config)


@bp.get("/window/<int:number>/state")
def counter_state(number: int):
    """The counter display's state as JSON (reloaded on queue and call events): window, services, next numbers."""
    return jsonify(counter_snapshot(_window_or_404(number)))


def _posted_rating() -> int | None:
    """The rating posted as a form field or in a JSON object; 0 when it is missing or not an integer.

    ``None`` when a JSON body is not an object (``1.5``, ``[1, 2]``) or holds text the database refuses.
    """
    body = json_body() if request.is_json else {}
    if body is None:
        return None
    raw: Any = request.form.get("rating") or body.get("rating")
    if isinstance(raw, bool | float):
        return 0
    try:
        return int(raw)
    except (TypeError, ValueError):
        return 0


@bp.route("/window/<int:number>/rate", methods=["GET", "POST"])
def rate(number: int):
    """The rating screen at the counter: four choices for 30 seconds after "finish service"."""
    hall = current_hall()
    window = _window_or_404(number)
    if request.method == "POST":
        value = _posted_rating()
        if value is None:
            message = _('Send a rating as a form field or a JSON object like {"rating": 4}.')
            return jsonify(ok=False, message=message), 400
        ticket = ratings.rate(window, value)
        if ticket is None:
            return jsonify(ok=False, message=_("There is no service to rate right now.")), 409
        return jsonify(ok=True, message=_("Thank you for your rating!"), ticket=ticket.number)
    pending = ratings.ticket_to_rate(window)
    config = display_config(hall, window=number, seconds=ratings.RATING_SECONDS,
                            pending=pending.number if pending else None)
    return render_template("display/rate.html", hall=hall, window=window, choices=ratings.CHOICES,
                           config=config, pending=pending, languages=config["languages"])
