"""``GET /api/v1/bills/<account_no>[?as_of=YYYY-MM-DD]``: the masked bill summary as JSON."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request
from flask_babel import gettext as _

from kiosk.api import api_error
from kiosk.bills import lookup
from kiosk.hall.service import business_day, current_hall
from kiosk.money import plain, yuan_text
from kiosk.parsing import parse_date

bp = Blueprint("bills", __name__)


@bp.get("/bills/<account_no>")
def bill_summary(account_no: str):
    """The account's bills, late fees and totals as of ``as_of`` (default: today in the hall)."""
    as_of_text = request.args.get("as_of")
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
