"""The printed bill statement (80 mm roll): masked data only, hall name, hotline, printed date and time."""
from __future__ import annotations

from kiosk import printing
from kiosk.bills.service import Summary
from kiosk.hall.models import Hall
from kiosk.hall.service import local_now
from kiosk.i18n import current_locale_code


def page_height_mm(rows: int) -> int:
    """The length of roll paper the statement needs (the 80 mm roll has no fixed page height)."""
    return 125 + 8 * rows


def render(summary: Summary, hall: Hall) -> bytes:
    """The statement PDF of ``summary`` in the current locale."""
    context = {"hall": hall, "summary": summary, "printed_at": local_now(hall),
               "page_height_mm": page_height_mm(len(summary.unpaid))}
    return printing.render_pdf("print/bill_statement.html", context, current_locale_code())
