"""Kiosk pages: guides, form samples, notification letters, service information and application progress."""
from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for
from flask_babel import gettext as _

from kiosk.guides import documents, progress, service
from kiosk.hall.service import business_day, current_hall
from kiosk.i18n import current_locale_code
from kiosk.printing import print_pdf_response
from kiosk.printing.kiosk_print import confirmation_page, print_for_customer
from kiosk.ratelimit import allowed_for_all, client_keys

bp = Blueprint("guides", __name__)


def fees_url() -> str:
    """The fee schedule page."""
    return url_for("tariffs.fees")


def guide_or_404(code: str):
    """The guide for ``code``, or a 404 response."""
    guide = service.guide_by_code(code)
    if guide is None:
        abort(404)
    return guide


def _form_or_404(code: str) -> dict:
    form = service.form_by_code(code)
    if form is None:
        abort(404)
    return form


@bp.get("/kiosk/guides")
def index():
    """Guides by "I want to…" category, or the search results for ``q``."""
    query = request.args.get("q", "")[: service.MAX_QUERY].strip()
    guides = service.search(query, current_locale_code()) if query else service.all_guides()
    return render_template("kiosk/guides/index.html", hall=current_hall(), query=query,
                           groups=service.grouped(guides), found=len(guides), forms=service.all_forms())


def _detail(guide, outcome=None, status: int = 200):
    return render_template("kiosk/guides/detail.html", hall=current_hall(), guide=guide, fees_url=fees_url(),
                           form=service.form_by_code(guide.form_code), outcome=outcome,
                           back_url=url_for("guides.index")), status


@bp.get("/kiosk/guides/<code>")
def detail(code: str):
    """One guide: purpose, who may apply, documents, steps with time limits, fees, channels."""
    return _detail(guide_or_404(code))


@bp.get("/kiosk/guides/<code>/letter.pdf")
def letter_pdf(code: str):
    """The one-time notification letter as an A4 PDF (for the browser to print)."""
    guide = guide_or_404(code)
    return print_pdf_response(documents.letter_pdf(guide, current_hall()), f"letter-{guide.code}.pdf")


@bp.post("/kiosk/guides/<code>/print")
def print_letter(code: str):
    """Print the notification letter on this kiosk's printer and show the outcome."""
    guide = guide_or_404(code)
    pdf = documents.letter_pdf(guide, current_hall())
    outcome = print_for_customer(pdf, "notification_letter", guide.code,
                                 pdf_url=url_for("guides.letter_pdf", code=guide.code, lang=current_locale_code()))
    return _detail(guide, outcome)


@bp.get("/kiosk/forms/<code>")
def form_sample(code: str):
    """A registration form drawn as the paper form, filled with fictional data and numbered notes."""
    form = _form_or_404(code)
    rows, notes = service.numbered_form(form)
    return render_template("kiosk/guides/form.html", hall=current_hall(), form=form, rows=rows, notes=notes,
                           back_url=url_for("guides.index"))


@bp.get("/kiosk/forms/<code>/<any(blank, sample):variant>.pdf")
def form_pdf(code: str, variant: str):
    """The blank form or the annotated sample as an A4 PDF."""
    form = _form_or_404(code)
    pdf = documents.form_pdf(form, variant == "blank", current_hall())
    return print_pdf_response(pdf, f"form-{form['code']}-{variant}.pdf")


@bp.post("/kiosk/forms/<code>/<any(blank, sample):variant>/print")
def print_form(code: str, variant: str):
    """Print the blank form or the annotated sample on this kiosk's printer and confirm it on the kiosk."""
    form = _form_or_404(code)
    pdf = documents.form_pdf(form, variant == "blank", current_hall())
    outcome = print_for_customer(pdf, "form_sample", f"{form['code']}-{variant}",
                                 pdf_url=url_for("guides.form_pdf", code=form["code"], variant=variant,
                                                 lang=current_locale_code()))
    title = _("Blank form") if variant == "blank" else _("Form sample")
    return confirmation_page(outcome, title, url_for("guides.form_sample", code=form["code"]))


@bp.get("/kiosk/service-info")
def service_info():
    """办事公开: commitments, service items, hours, hotlines, complaint channels, discipline, contractors."""
    hall = current_hall()
    return render_template(
        "kiosk/guides/service_info.html", hall=hall, commitments=service.info_items("commitment"),
        items=service.info_items("item"), complaints=service.info_items("complaint"),
        discipline=service.info_items("discipline"), contractors=service.contractors_neutral(business_day(hall)),
        hours=documents.hours_lines(hall, current_locale_code()),
        reception=documents.reception_line(hall, current_locale_code()))


def _no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/kiosk/progress", endpoint="progress")
def progress_page():
    """The application-number and phone-digits form."""
    return _no_store(current_app.make_response(render_template(
        "kiosk/guides/progress.html", hall=current_hall(), result=None, error=None, number="")))


@bp.post("/kiosk/progress")
def progress_lookup():
    """Both the application number and the phone's last 4 digits must match; every try counts."""
    hall = current_hall()
    number = request.form.get("number", "")[:40]
    status, result, error = 200, None, None
    if not allowed_for_all(client_keys("progress"), current_app.config["LOOKUPS_PER_MINUTE"]):
        status, error = 429, _("Too many queries from this kiosk. Please wait a minute and try again.")
    else:
        application = progress.find(number, request.form.get("phone4"))
        if application is None:
            error = _("No application matches this number and these phone digits. Please check both and try "
                      "again, or ask at a window.")
        else:
            result = progress.progress(application, business_day(hall))
    html = render_template("kiosk/guides/progress.html", hall=hall, result=result, error=error,
                           number=progress.normalize_number(number) if error else "")
    return _no_store(current_app.make_response((html, status)))
