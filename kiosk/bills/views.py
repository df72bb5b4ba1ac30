"""Kiosk bill pages: keypad, masked result, bill detail, printed statement. Every response is ``no-store``."""
from __future__ import annotations

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for

from kiosk.bills import chart, lookup, payment, service, statement
from kiosk.bills import session as lookup_session
from kiosk.bills.models import BillAccount
from kiosk.hall.service import business_day, current_hall
from kiosk.i18n import current_locale_code, current_locale_info
from kiosk.printing.kiosk_print import print_for_customer

bp = Blueprint("bills", __name__, url_prefix="/kiosk/bills")


@bp.after_request
def no_store(response: Response) -> Response:
    """Nothing from the bill pages may be kept by the browser or a proxy."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
    return response


def _page(error: str | None = None, status: int = 200):
    config = current_app.config
    return render_template("kiosk/bills/query.html", hall=current_hall(), error=error,
                           min_digits=config["ACCOUNT_MIN_DIGITS"], max_digits=config["ACCOUNT_MAX_DIGITS"]), status


@bp.get("")
def query():
    """The keypad page (also the place a barcode scanner types into); starting over forgets the last account."""
    lookup_session.forget()
    return _page()


@bp.post("")
def lookup_account():
    """Look the typed or scanned number up; the account is kept on the server, never in a URL or the cookie."""
    lookup_session.forget()
    if not lookup.allowed():
        return _page(lookup.wait_message(), 429)
    account = lookup.find(request.form.get("account"), current_app.config)
    if account is None:
        return _page(lookup.not_found_message())
    lookup_session.remember(account)
    return redirect(url_for("bills.result"))


def _account() -> BillAccount | None:
    return lookup_session.current_account()


@bp.get("/result")
def result():
    """The masked summary of the account in the session."""
    account = _account()
    if account is None:
        return redirect(url_for("bills.query"))
    hall = current_hall()
    return _result(hall, service.summary(account, business_day(hall)))


def _result(hall, summary: service.Summary, outcome=None):
    """The result page; with the hall's "pay on your phone" QR code when it has a payment address."""
    url = payment.payment_url(hall, summary.account) if summary.total_due > 0 else None
    return render_template("kiosk/bills/result.html", hall=hall, summary=summary, outcome=outcome,
                           pay_qr=payment.qr_svg(url) if url else None)


@bp.get("/bill/<period>")
def detail(period: str):
    """One bill: readings, tier lines, year-to-date use, 阶梯剩余 and the 12-month chart."""
    account = _account()
    if account is None:
        return redirect(url_for("bills.query"))
    hall = current_hall()
    found = service.detail(account, period[:7], business_day(hall))
    if found is None:
        return redirect(url_for("bills.result"))
    rtl = current_locale_info().direction == "rtl"
    return render_template("kiosk/bills/detail.html", hall=hall, bill=found, category=account.customer_category,
                           bars=chart.bars(found.history, rtl), chart_width=chart.WIDTH, chart_height=chart.HEIGHT,
                           chart_bottom=chart.BOTTOM,
                           back_url=url_for("bills.result"))


@bp.get("/statement.pdf")
def statement_pdf():
    """The statement as a PDF for the browser to print (kiosks without a server-side printer)."""
    account = _account()
    if account is None:
        return redirect(url_for("bills.query"))
    hall = current_hall()
    pdf = statement.render(service.summary(account, business_day(hall)), hall)
    return Response(pdf, mimetype="application/pdf",
                    headers={"Content-Disposition": 'inline; filename="statement.pdf"'})


@bp.post("/print")
def print_statement():
    """Print the statement on this kiosk's printer and show the outcome."""
    account = _account()
    if account is None:
        return redirect(url_for("bills.query"))
    hall = current_hall()
    summary = service.summary(account, business_day(hall))
    outcome = print_for_customer(statement.render(summary, hall), "bill_statement", summary.account_masked,
                                 pdf_url=url_for("bills.statement_pdf", lang=current_locale_code()))
    return _result(hall, summary, outcome)
