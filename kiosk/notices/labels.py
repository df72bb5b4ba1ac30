"""Translatable names of the notice board's fixed choices (reasons, outage types, opinion kinds, topics)."""
from __future__ import annotations

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

#: Suspension reasons; "other" carries free text typed by the staff member.
REASONS = {
    "system_failure": _l("System failure"),
    "absence": _l("Temporary absence"),
    "training": _l("Staff training"),
    "other": _l("Other reason"),
}

SCOPES = {"window": _l("Window"), "service": _l("Service"), "hall": _l("Whole hall")}

OUTAGE_TYPES = {
    "planned": _l("Planned maintenance"),
    "temporary": _l("Temporary maintenance"),
    "fault": _l("Fault"),
}

OPINION_KINDS = {
    "praise": _l("Praise"),
    "suggestion": _l("Suggestion"),
    "complaint": _l("Complaint"),
    "report": _l("Report (whistle-blowing)"),
}

TOPICS = {
    "service": _l("Staff service"),
    "waiting": _l("Waiting time"),
    "billing": _l("Bills and charges"),
    "outage": _l("Power outages"),
    "facilities": _l("Hall facilities"),
    "other": _l("Other topic"),
}

#: Ready-made phrases a customer can tap instead of typing.
PHRASES = (
    _l("The staff were friendly and helpful."),
    _l("The waiting time was too long."),
    _l("Please add more self-service machines."),
    _l("The explanation of my bill was unclear."),
    _l("Please call me back about this."),
    _l("Thank you!"),
)

STATUSES = {"open": _l("Awaiting reply"), "replied": _l("Replied"), "closed": _l("Closed")}


def texts_in(message, locales) -> dict[str, str]:
    """``{locale: text}`` of a lazy gettext ``message`` rendered in each of ``locales``."""
    result = {}
    for code in locales:
        with force_locale(code):
            result[code] = str(message)
    return result


def reason_label(suspension) -> str:
    """A suspension's reason in the current locale (free text as typed)."""
    if suspension.reason_key in REASONS and suspension.reason_key != "other":
        return str(REASONS[suspension.reason_key])
    return suspension.reason_text


def jinja_globals() -> dict:
    """Template globals for the notice board pages."""
    return {"suspension_reason": reason_label, "notice_labels": {
        "reasons": REASONS, "scopes": SCOPES, "outage_types": OUTAGE_TYPES, "kinds": OPINION_KINDS,
        "topics": TOPICS, "phrases": PHRASES, "statuses": STATUSES,
    }}
