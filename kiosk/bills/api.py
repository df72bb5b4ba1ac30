"""The masked bill summary as JSON.

``POST /api/v1/bills/lookup {"account": …, "as_of": "YYYY-MM-DD"}`` keeps the account number out of
URLs and access logs; ``GET /api/v1/bills/<account_no>[?as_of=YYYY-MM-DD]`` stays for existing clients.
"""
from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, current_app, jsonify, request
from flask_babel import gettext as _

from kiosk.api import api_error, json_body
from kiosk.bills import lookup
from kiosk.hall.service import business_day, current_hall
from kiosk.money import plain, yuan_text
from kiosk.parsing import parse_date

bp = Blueprint("bills", __name__)


@bp.post("/bills/lookup")
def bill_lookup():
    """The summary of ``{"account": "<number>"}`` (optional ``"as_of"``): the number travels in the body only."""
    body = json_body()
    if body is None or not isinstance(body.get("account"), str):
        return api_error(_("Send a JSON object with the account number as a string in \u201caccount\u201d."), 400)
    as_of = body.get("as_of")
    if as_of is not None and not isinstance(as_of, str):
        return api_error(_("as_of must be a date YYYY-MM-DD."), 400)
    return _summary(body["account"], as_of)


@bp.get("/bills/<account_no>")
def bill_summary(account_no: str):
    """The account's bills, late fees and totals as of ``as_of`` (default: today in the hall)."""
    return _summary(account_no, request.args.get("as_of"))


def _summary(account_no: str, as_of_text: str | None) -> Response:
    as_of: date
    if as_of_text:
        try:
            as_of = parse_date(as_of_text)
        except ValueError:
            return api_error(_("as_of must be a date YYYY-MM-DD."), 400)
    else:
        as_of = business_day(current_hall())
    if not lookup.allowed():
        return api_error(lookup.wait_message(), 429)
    found = lookup.look_up(account_no, as_of, current_app.config)
    if found is None:
        return api_error(lookup.not_found_message(), 404)
    return jsonify({
        "account": found.account, "name": found.name, "address": found.address, "category": found.category,
        "bills": [{"period": bill.period, "kwh": plain(bill.kwh), "amount": yuan_text(bill.amount),
                   "due_date": bill.due_date.isoformat(), "paid": bill.paid, "days_overdue": bill.days_overdue,
                   "late_fee": yuan_text(bill.late_fee)} for bill in found.bills],
        "arrears": yuan_text(found.arrears), "late_fee": yuan_text(found.late_fee),
        "total_due": yuan_text(found.total_due),
    })
