"""Kiosk pages: notices and outages with area search, the opinion book, callback requests."""
from __future__ import annotations

from datetime import UTC, date

from flask import Blueprint, current_app, render_template, request
from flask_babel import gettext as _

from kiosk.extensions import db
from kiosk.hall.service import current_hall, service_by_code
from kiosk.i18n import current_locale_code
from kiosk.notices import board, opinions
from kiosk.notices.errors import NoticeError
from kiosk.notices.status import service_suspension
from kiosk.ratelimit import allowed_for_all, client_keys
from kiosk.timefmt import zone_of

bp = Blueprint("notices", __name__)

#: Opinion and callback submissions per minute from one kiosk or address.
SUBMISSIONS_PER_MINUTE = 10


def _allowed(prefix: str) -> bool:
    limit = current_app.config.get("NOTICE_SUBMISSIONS_PER_MINUTE", SUBMISSIONS_PER_MINUTE)
    return allowed_for_all(client_keys(prefix), limit)


def reply_due_day(entry, hall) -> date | None:
    """The hall's local day by which ``entry`` is answered, by the opinion book's own due date (complaints
    within 5 days, reports within 10); ``None`` when the kind has no deadline."""
    if entry.due_at is None:
        return None
    due = entry.due_at if entry.due_at.tzinfo else entry.due_at.replace(tzinfo=UTC)
    return due.astimezone(zone_of(hall)).date()


@bp.get("/kiosk/notices")
def index():
    """Current notices, then current and upcoming outages; ``?q=`` searches area, street or line."""
    hall = current_hall()
    query = request.args.get("q", "").strip()[:40]
    rows = board.outages(hall, query=query)
    return render_template("kiosk/notices/index.html", hall=hall, notices=board.current_notices(hall),
                           outages=[(row, board.state(row)) for row in rows], query=query)


@bp.route("/kiosk/opinion", methods=["GET", "POST"])
def opinion():
    """The opinion book: kind, topic, optional window and phone, a short text (phrases and on-screen keyboard)."""
    hall = current_hall()
    form = request.form if request.method == "POST" else {}
    error, status = None, 200
    if request.method == "POST":
        try:
            if not _allowed("opinion"):
                raise NoticeError(_("Too many entries from this machine. Please try again in a minute."), 429)
            entry = opinions.submit(hall, kind=form.get("kind"), topic=form.get("topic"), text=form.get("text"),
                                    window=form.get("window") or None, phone=form.get("phone"),
                                    anonymous=form.get("anonymous") == "1", locale=current_locale_code())
            return render_template("kiosk/notices/opinion_thanks.html", hall=hall, entry=entry,
                                   days=opinions.DUE_DAYS.get(entry.kind), reply_due=reply_due_day(entry, hall))
        except NoticeError as problem:
            db.session.rollback()
            error, status = str(problem), problem.status
    return render_template("kiosk/notices/opinion.html", hall=hall, form=form, error=error,
                           kind=form.get("kind") or request.args.get("kind", "suggestion")), status


@bp.route("/kiosk/callback", methods=["GET", "POST"])
def callback_request():
    """Leave a phone number when ``?service=`` is suspended for a system failure."""
    hall = current_hall()
    service = service_by_code(hall, request.values.get("service", ""))
    suspension = opinions.failure_suspension(service) if service else None
    error, status = None, 200
    if request.method == "POST" and service is not None and suspension is not None:
        try:
            if not _allowed("callback"):
                raise NoticeError(_("Too many requests from this machine. Please try again in a minute."), 429)
            opinions.request_callback(hall, service, request.form.get("phone"))
            return render_template("kiosk/notices/callback_thanks.html", hall=hall, service=service)
        except NoticeError as problem:
            db.session.rollback()
            error, status = str(problem), problem.status
    elif service is None:
        status = 404
    info = service_suspension(service) if service else None
    return render_template("kiosk/notices/callback.html", hall=hall, service=service, info=info,
                           available=info is None, offered=suspension is not None, error=error,
                           phone=request.form.get("phone", "")), status
