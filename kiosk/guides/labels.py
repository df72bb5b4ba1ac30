"""Interface labels of the guides feature (gettext, English message ids)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

#: "I want to…" categories on the kiosk, in display order.
CATEGORIES = {
    "connect": _l("I want electricity connected"),
    "change": _l("I want to change my supply"),
    "account": _l("I want to change or close my account"),
    "green": _l("I want solar power or an EV charger"),
}

DOCUMENT_KINDS = {"original": _l("Original"), "copy": _l("Copy"), "both": _l("Original and copy")}

CHANNELS = {"hall": _l("Business hall"), "95598": _l("95598 hotline and website"), "app": _l("Mobile app")}

#: Application stages in process order.
STAGES = {
    "acceptance": _l("Acceptance"),
    "survey": _l("Site survey"),
    "supply_plan": _l("Supply plan reply"),
    "design_review": _l("Design review"),
    "mid_inspection": _l("Intermediate inspection"),
    "completion": _l("Completion acceptance"),
    "connection": _l("Connection"),
    "archive": _l("Archived"),
}

STATUSES = {"on_time": _l("On time"), "overdue": _l("Overdue"), "pending": _l("Pending")}

CONTRACTOR_KINDS = {"design": _l("Design"), "construction": _l("Construction"), "both": _l("Design and construction")}

INFO_KINDS = ("commitment", "item", "complaint", "discipline")


def jinja_globals() -> dict:
    """Label tables for the templates."""
    return {"guide_labels": {"categories": CATEGORIES, "document_kinds": DOCUMENT_KINDS, "channels": CHANNELS,
                             "stages": STAGES, "statuses": STATUSES, "contractor_kinds": CONTRACTOR_KINDS}}
