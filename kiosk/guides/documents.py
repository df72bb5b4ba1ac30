"""Printed documents: the one-time notification letter (一次性告知书) and the form samples, as A4 PDFs."""
from __future__ import annotations

from babel.dates import get_day_names
from flask_babel import gettext as _

from kiosk import printing
from kiosk.audit.service import record
from kiosk.guides import service
from kiosk.hall.service import local_now
from kiosk.i18n import current_locale_code
from kiosk.printing.render import html_to_pdf, render_html
from kiosk.transaction import use_case


def hours_lines(hall, locale: str) -> list[tuple[str, str]]:
    """Business hours as ``(days, spans)`` lines, consecutive days with the same hours joined."""
    names = get_day_names("wide", locale=locale)
    lines: list[list] = []
    for day in range(7):
        spans = (hall.business_hours or {}).get(str(day), [])
        text = ", ".join(f"{start}–{end}" for start, end in spans) or _("Closed")
        if lines and lines[-1][2] == text:
            lines[-1][1] = day
        else:
            lines.append([day, day, text])
    return [(names[first] if first == last else f"{names[first]} – {names[last]}", text)
            for first, last, text in lines]


def reception_line(hall, locale: str) -> tuple[str, str, dict] | None:
    """The leadership reception days as ``(days, spans, texts)``, or ``None`` when the hall has none."""
    reception = hall.reception_days or {}
    if not reception.get("weekdays"):
        return None
    names = get_day_names("wide", locale=locale)
    days = ", ".join(names[day] for day in reception["weekdays"])
    spans = ", ".join(f"{start}–{end}" for start, end in reception.get("hours", []))
    return days, spans, dict(reception.get("texts") or {})


def letter_pdf(guide, hall, locale: str | None = None) -> bytes:
    """The notification letter for ``guide`` as an A4 PDF."""
    locale = locale or current_locale_code()
    context = {"guide": guide, "hall": hall, "printed_at": local_now(hall), "hours": hours_lines(hall, locale)}
    return printing.render_pdf("print/letter.html", context, locale)


def form_html(form: dict, blank: bool, hall, locale: str | None = None) -> str:
    """The printed form's HTML: ``blank`` for the empty form, else the annotated sample."""
    rows, notes = service.numbered_form(form)
    context = {"form": form, "rows": rows, "notes": notes, "blank": blank, "hall": hall,
               "printed_at": local_now(hall)}
    template = "print/form_blank.html" if blank else "print/form_sample.html"
    return render_html(template, context, locale or current_locale_code())


def form_pdf(form: dict, blank: bool, hall, locale: str | None = None) -> bytes:
    """The form as an A4 PDF: ``blank`` for the empty form, else the annotated sample."""
    return html_to_pdf(form_html(form, blank, hall, locale))


@use_case
def record_letter_print(guide, locale: str) -> None:
    """A staff member printed the letter for ``guide`` in ``locale``: written to the audit log."""
    record("guides.letter_print", guide.code, after={"locale": locale})
