"""Public JSON: ``GET /api/v1/tariffs``, ``/api/v1/tariffs/estimate``, ``/api/v1/fees``."""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from kiosk.api import api_error
from kiosk.hall.service import business_day, current_hall
from kiosk.money import plain, yuan_text
from kiosk.tariffs import service

bp = Blueprint("tariffs", __name__)


def line_json(line) -> dict:
    """One calculation line as the API documents it (basic-charge lines add ``unit``; their kWh is null)."""
    data = {"tier": line.tier, "period": line.period, "kwh": plain(line.kwh) if line.unit == "kWh" else None,
            "price": plain(line.price), "amount": yuan_text(line.amount)}
    if line.unit != "kWh":
        data.update(quantity=plain(line.kwh), unit=line.unit)
    return data


@bp.get("/tariffs")
def tariffs():
    """The tables in force today, plus the upcoming versions."""
    on = business_day(current_hall())
    tables = service.tables(on)
    current = {table.current.id for table in tables if table.current}
    return jsonify({
        "date": on.isoformat(),
        "tariffs": [service.version_json(table.current, on, current) for table in tables if table.current],
        "upcoming": [service.version_json(version, on, current) for table in tables for version in table.upcoming],
    })


@bp.get("/tariffs/estimate")
def estimate():
    """The estimated bill with every line of the calculation."""
    try:
        params = service.parse_estimate(request.args)
        version, result = service.estimate(params, business_day(current_hall()))
    except service.EstimateError as error:
        return api_error(str(error), 400)
    return jsonify({"category": params.category, "tariff": version.code,
                    "effective_from": version.effective_from.isoformat(),
                    "lines": [line_json(line) for line in result.lines], "total": yuan_text(result.total)})


@bp.get("/fees")
def fees():
    """The fee schedule (optionally filtered by ``q``); no other fees may be charged."""
    return jsonify({"fees": [service.fee_json(item) for item in service.fee_items(request.args.get("q", ""))]})
