"""The printed bill statement (80 mm roll): masked data only, hall name, hotline, printed date and time."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from flask_babel import gettext as _

from kiosk import printing
from kiosk.bills.service import Summary
from kiosk.hall.models import Hall
from kiosk.hall.service import current_device, local_now
from kiosk.i18n import current_locale_code


@dataclass(frozen=True)
class Outcome:
    """What happened to a print request."""

    ok: bool
    message: str


def can_print() -> bool:
    """Whether statements go to a printer on the server side (else the browser prints the PDF)."""
    device = current_device()
    return device is None or not (device.printer or "").startswith("browser")


def page_height_mm(rows: int) -> int:
    """The length of roll paper the statement needs (the 80 mm roll has no fixed page height)."""
    return 125 + 8 * rows


def render(summary: Summary, hall: Hall) -> bytes:
    """The statement PDF of ``summary`` in the current locale."""
    context = {"hall": hall, "summary": summary, "printed_at": local_now(hall),
               "page_height_mm": page_height_mm(len(summary.unpaid))}
    return printing.render_pdf("print/bill_statement.html", context, current_locale_code())


def print_now(summary: Summary, hall: Hall) -> Outcome:
    """Send the statement of ``summary`` to this kiosk's printer."""
    try:
        job = printing.print_document(current_device(), render(summary, hall), "bill_statement",
                                      reference=summary.account_masked)
    except Exception:  # noqa: BLE001 - a printer problem must never lose the customer's page
        current_app.logger.exception("bill statement printing failed")
        return Outcome(False, _("The statement could not be printed. Please ask the staff for help."))
    if not job.failed:
        return Outcome(True, _("Your statement is printing. Please take it from the printer."))
    detail = job.message or ""
    return Outcome(False, _("The statement could not be printed. Please ask the staff for help.")
                   + (f" ({detail})" if detail else ""))
