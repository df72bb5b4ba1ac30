"""Staff console for regions: the live overview of the region's halls, their statistics, the hall switch.

A region admin sees every hall of their region; an admin sees their own hall's row only.
"""
from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from kiosk.csvfile import export_csv
from kiosk.hall.service import business_day
from kiosk.region import overview as region_overview
from kiosk.region import service
from kiosk.region import stats as region_stats
from kiosk.staff.permissions import permission_required

bp = Blueprint("region_staff", __name__, url_prefix="/staff/region")

#: The longest period the statistics cover, in days.
MAX_PERIOD_DAYS = 366


@bp.get("", endpoint="overview")
@permission_required("region.view")
def overview_page():
    """Every hall of the region: waiting per service, longest wait, open windows, suspensions (live)."""
    halls = service.halls_of(current_user)
    return render_template("staff/region/overview.html", data=region_overview.overview(halls), halls=halls,
                           region=current_user.region if current_user.role == "region_admin" else None)


@bp.get("/overview.json", endpoint="overview_json")
@permission_required("region.view")
def overview_json():
    """The overview's figures as JSON (``static/js/region-overview.js`` reloads them every few seconds)."""
    response = jsonify(region_overview.overview(service.halls_of(current_user)))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/hall", endpoint="switch_hall")
@permission_required("region.switch_hall")
def switch_hall():
    """Work in another hall of the region: every hall permission then applies there."""
    hall = service.switch_hall(current_user, request.form.get("hall", ""))  # another region's hall: 404
    flash(_("You now work in %(hall)s.", hall=hall.code))
    return redirect(url_for("staff.home"), 303)


def _period() -> tuple[date, date, str | None]:
    today = business_day(current_user.hall)
    error = None
    try:
        end = date.fromisoformat(request.args["to"]) if request.args.get("to") else today
        start = date.fromisoformat(request.args["from"]) if request.args.get("from") else end
    except ValueError:
        error = _("Dates must look like 2026-03-01.")
        start = end = today
    if start > end or (end - start).days >= MAX_PERIOD_DAYS:
        error = _("Choose a period of at most one year, the start before the end.")
        start = end = today
    return start, end, error


@bp.get("/stats", endpoint="stats")
@permission_required("region.view")
def stats_page():
    """Per hall and service over a period (default today): issued, served, no-shows, expired, waits."""
    start, end, error = _period()
    rows = region_stats.compute(service.halls_of(current_user), start, end)
    return render_template("staff/region/stats.html", rows=rows, start=start, end=end, error=error)


@bp.get("/stats.csv", endpoint="stats_csv")
@permission_required("region.view")
def stats_csv():
    """The region statistics as CSV (UTF-8 with BOM, formula-safe cells)."""
    start, end, _error = _period()
    rows = region_stats.compute(service.halls_of(current_user), start, end)
    text = export_csv(region_stats.CSV_COLUMNS, (row.csv_values() for row in rows))
    filename = f"region-stats-{start.isoformat()}-{end.isoformat()}.csv"
    return Response(text, mimetype="text/csv", headers={"Content-Disposition": f'attachment; filename="{filename}"'})
