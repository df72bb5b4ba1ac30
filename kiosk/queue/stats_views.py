"""Statistics for supervisors: a page with SVG charts and a CSV export."""
from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from flask import Response, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from kiosk.hall.service import business_day
from kiosk.queue import stats
from kiosk.queue.blueprint import bp
from kiosk.staff.auth import role_required


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


@bp.get("/staff/stats", endpoint="stats")
@role_required("supervisor")
def stats_page():
    """Per day, service and window: issued, served, no-shows, waits, service times, time limits, ratings."""
    hall, start, end, error = _period()
    rows = stats.compute(hall, start, end)
    return render_template("staff/queue/stats.html", rows=rows, start=start, end=end, error=error,
                           charts=stats.charts(rows, start, end), totals=stats.totals(rows))


@bp.get("/staff/stats.csv")
@role_required("supervisor")
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

