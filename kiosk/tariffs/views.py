"""Kiosk pages: tariff tables, history, calculator, fee schedule, their prints and PDFs, the wall-display slide."""
from __future__ import annotations

from flask import Blueprint, abort, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from kiosk.dbtypes import values_of
from kiosk.hall.service import business_day, current_hall
from kiosk.i18n import LOCALES, current_locale_code, current_locale_info
from kiosk.printing import print_pdf_response, render_pdf
from kiosk.printing.kiosk_print import confirmation_page, print_for_customer
from kiosk.tariffs import service
from kiosk.tariffs.labels import FEE_TOPICS, VOLTAGE_NAMES
from kiosk.tariffs.models import UserClass
from kiosk.tariffs.present import card_context, table_context

bp = Blueprint("tariffs", __name__)


def _today():
    hall = current_hall()
    return hall, business_day(hall)


@bp.get("/kiosk/tariffs")
def index():
    """The tables in force by category, with any upcoming versions announced."""
    hall, on = _today()
    tables, rtl = service.tables(on), current_locale_info().direction == "rtl"
    cards = {table.code: card_context(table.latest, rtl) for table in tables}
    return render_template("kiosk/tariffs/index.html", hall=hall, tables=tables, cards=cards, on=on)


@bp.get("/kiosk/tariffs/history")
def history():
    """Every table with its superseded and upcoming versions."""
    hall, on = _today()
    return render_template("kiosk/tariffs/history.html", hall=hall, tables=service.tables(on), on=on,
                           back_url="/kiosk/tariffs")


def _version_or_404(version_id: int):
    version = service.get_version(version_id)
    if version is None:
        abort(404)
    return version


@bp.get("/kiosk/tariffs/<int:version_id>")
def table(version_id: int):
    """One version: prices, components, explanation and diagrams."""
    hall, on = _today()
    context = table_context(_version_or_404(version_id), on, current_locale_info().direction == "rtl")
    return render_template("kiosk/tariffs/table.html", hall=hall, back_url="/kiosk/tariffs", **context)


@bp.get("/kiosk/tariffs/<int:version_id>.pdf")
def table_pdf(version_id: int):
    """The version as an A4 PDF in the current locale."""
    _hall, on = _today()
    version = _version_or_404(version_id)
    context = table_context(version, on, LOCALES[current_locale_code()].direction == "rtl")
    pdf = render_pdf("print/tariff_table.html", context, current_locale_code())
    return print_pdf_response(pdf, f"tariff-{version.code}-{version.effective_from.isoformat()}.pdf")


@bp.post("/kiosk/tariffs/<int:version_id>/print")
def print_table(version_id: int):
    """Print the version's A4 sheet on this kiosk's printer and confirm it on the kiosk."""
    _hall, on = _today()
    version = _version_or_404(version_id)
    context = table_context(version, on, LOCALES[current_locale_code()].direction == "rtl")
    pdf = render_pdf("print/tariff_table.html", context, current_locale_code())
    outcome = print_for_customer(pdf, "tariff_sheet", f"{version.code}-{version.effective_from.isoformat()}",
                                 pdf_url=url_for("tariffs.table_pdf", version_id=version.id,
                                                 lang=current_locale_code()))
    return confirmation_page(outcome, _("Tariff table"), url_for("tariffs.table", version_id=version.id))


@bp.get("/kiosk/tariffs/calculator")
def calculator():
    """The bill calculator; with ``kwh`` given, the estimate with every line (no JavaScript needed)."""
    hall, on = _today()
    result = error = version = None
    status = 200
    if "kwh" in request.args:
        try:
            params = service.parse_estimate(request.args)
            version, result = service.estimate(params, on)
        except service.EstimateError as problem:
            error, status = str(problem), 400
    voltages = [code for code in VOLTAGE_NAMES if any(
        row.get("voltage") == code for v in service.current_tables(on) if not service.is_tiered(v) for row in v.rows)]
    return render_template("kiosk/tariffs/calculator.html", hall=hall, args=request.args, result=result,
                           error=error, version=version, categories=values_of(UserClass), voltages=voltages,
                           category=request.args.get("category", "residential"), back_url="/kiosk/tariffs"), status


@bp.get("/kiosk/tariffs/fees")
def fees():
    """The fee schedule, filtered by ``q`` on the server."""
    hall, _on = _today()
    topic = request.args.get("topic", "")
    if topic in FEE_TOPICS:
        query, items = "", service.fee_items(terms=FEE_TOPICS[topic][1])
    else:
        topic, query = "", request.args.get("q", "")[:60]
        items = service.fee_items(query)
    return render_template("kiosk/tariffs/fees.html", hall=hall, items=items, query=query, topic=topic,
                           topics=FEE_TOPICS, back_url="/kiosk/tariffs")


@bp.get("/kiosk/tariffs/fees.pdf")
def fees_pdf():
    """The whole fee schedule as an A4 PDF in the current locale."""
    pdf = render_pdf("print/fee_schedule.html", {"items": service.fee_items()}, current_locale_code())
    return print_pdf_response(pdf, "fee-schedule.pdf")


@bp.post("/kiosk/tariffs/fees/print")
def print_fees():
    """Print the fee schedule on this kiosk's printer and confirm it on the kiosk."""
    pdf = render_pdf("print/fee_schedule.html", {"items": service.fee_items()}, current_locale_code())
    outcome = print_for_customer(pdf, "fee_schedule", "fees",
                                 pdf_url=url_for("tariffs.fees_pdf", lang=current_locale_code()))
    return confirmation_page(outcome, _("Fee schedule"), url_for("tariffs.fees"))


@bp.get("/display/slides/tariff")
def display_slide():
    """HTML fragment for the wall display: the residential tariff in each of the hall's display languages."""
    hall, on = _today()
    version = service.current_for_category("residential", on)
    blocks = []
    if version is not None:
        for locale in [code for code in hall.display_languages if code in LOCALES]:
            with force_locale(locale):
                context = table_context(version, on, LOCALES[locale].direction == "rtl")
                blocks.append(render_template("display/slides/_tariff_block.html", locale=LOCALES[locale], **context))
    return render_template("display/slides/tariff.html", blocks=blocks, version=version)
