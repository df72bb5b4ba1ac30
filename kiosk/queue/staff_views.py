"""Staff pages of the queue: the window console (``/staff/window``: open, close, call next, recall, skip,
transfer, finish) and the supervisors' statistics (``/staff/stats``, SVG charts and a CSV export)."""
from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from kiosk.hall.service import business_day, service_by_code, window_by_number
from kiosk.queue import stats, windows
from kiosk.queue.errors import QueueError
from kiosk.queue.reads import skipped_today, status_of, waiting_for
from kiosk.staff.permissions import allowed, check, denied_message, permission_required

bp = Blueprint("queue_staff", __name__, url_prefix="/staff")

ACTIONS = ("call-next", "recall", "skip", "finish", "transfer", "open", "close", "requeue")


def _chosen_window():
    hall = current_user.hall
    raw = request.args.get("window", "")
    if raw.isdigit():
        return window_by_number(hall, int(raw))
    if current_user.default_window is not None and current_user.default_window.hall_id == hall.id:
        return current_user.default_window
    return hall.windows[0] if hall.windows else None


def console_context(window) -> dict:
    """Everything the console shows for ``window``."""
    state = windows.window_state(window)
    current = state.current_ticket if state.current_ticket and state.current_ticket.status == "called" else None
    return {
        "window": window, "state": state, "status": status_of(window, state), "current": current,
        "waiting": waiting_for(window, limit=30),
        "skipped": skipped_today(window, business_day(window.hall)),
        "services": window.hall.services, "all_windows": window.hall.windows,
        "can_operate": allowed(current_user, "window.operate", window=window),
        "not_yours": denied_message("window.operate"),
    }


@bp.get("/window")
@permission_required("window.view")
def window():
    """The console for one window (``?window=n``; default: the user's own window)."""
    chosen = _chosen_window()
    if chosen is None:
        abort(404)
    return render_template("staff/queue/window.html", **console_context(chosen))


@bp.get("/window/<int:number>/panel")
@permission_required("window.view")
def window_panel(number: int):
    """The live part of the console (current ticket and the waiting list), for refreshing in place."""
    chosen = window_by_number(current_user.hall, number)
    if chosen is None:
        abort(404)
    return render_template("staff/queue/_panel.html", **console_context(chosen))


def _run(action: str, chosen) -> str:
    user = current_user._get_current_object()
    hall = chosen.hall
    if action == "call-next":
        ticket = windows.call_next(chosen, user)
        return _("Called %(number)s.", number=ticket.number) if ticket else _("Nobody is waiting for this window.")
    if action in ("recall", "skip", "finish"):
        ticket = getattr(windows, action)(chosen, user=user)
        texts = {"recall": _("Called %(number)s again."), "skip": _("%(number)s marked as not present."),
                 "finish": _("Finished %(number)s.")}
        return texts[action] % {"number": ticket.number}
    if action == "transfer":
        service = service_by_code(hall, request.form.get("service", "")) if request.form.get("service") else None
        target_raw = request.form.get("to_window", "")
        target = window_by_number(hall, int(target_raw)) if target_raw.isdigit() else None
        ticket = windows.transfer(chosen, service=service, target=target, user=user)
        return _("%(number)s transferred.", number=ticket.number)
    if action in ("open", "close"):
        windows.set_open(chosen, action == "open", user)
        return _("Window opened.") if action == "open" else _("Window closed.")
    ticket = windows.requeue(chosen, request.form.get("ticket", "")[:12], business_day(hall), user)
    return _("%(number)s is back at the front of the line.", number=ticket.number)


@bp.post("/window/<int:number>/<action>")
@permission_required("window.operate")
def window_action(number: int, action: str):
    """Run one console action, then show the console again."""
    chosen = window_by_number(current_user.hall, number)
    if chosen is None or action not in ACTIONS:
        abort(404)
    check(current_user, "window.operate", window=chosen)
    try:
        flash(_run(action, chosen))
    except QueueError as error:
        flash(error.message, "error")
    return redirect(url_for("queue_staff.window", window=number))


def _period():
    hall = current_user.hall
    today = business_day(hall)
    error = None
    try:
        end = date.fromisoformat(request.args["to"]) if request.args.get("to") else today
        start = date.fromisoformat(request.args["from"]) if request.args.get("from") else end - timedelta(days=6)
    except ValueError:
        error = _("Dates must look like 2026-03-01.")
        start, end = today - timedelta(days=6), today
    if start > end or (end - start).days > 366:
        error = _("Choose a period of at most one year, the start before the end.")
        start, end = today - timedelta(days=6), today
    return hall, start, end, error


@bp.get("/stats", endpoint="stats")
@permission_required("stats.view")
def stats_page():
    """Per day, service and window: issued, served, no-shows, waits, service times, time limits, ratings."""
    hall, start, end, error = _period()
    rows = stats.compute(hall, start, end)
    return render_template("staff/queue/stats.html", rows=rows, start=start, end=end, error=error,
                           charts=stats.charts(rows, start, end), totals=stats.totals(rows))


@bp.get("/stats.csv")
@permission_required("stats.view")
def stats_csv():
    """The same rows as CSV (UTF-8 with BOM so spreadsheet programs read Chinese)."""
    hall, start, end, _error = _period()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(stats.CSV_COLUMNS)
    for row in stats.compute(hall, start, end):
        writer.writerow(row.csv_values())
    filename = f"queue-stats-{hall.code}-{start.isoformat()}-{end.isoformat()}.csv"
    return Response("\ufeff" + out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})

