"""Reading the notice board's browser forms: per-locale text fields and local date-times."""
from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _

from kiosk.hall.models import Hall
from kiosk.hall.service import hall_zone
from kiosk.i18n import LOCALES
from kiosk.notices.errors import NoticeError


def localized_fields(form, prefix: str) -> dict[str, str]:
    """``{locale: text}`` from fields named ``<prefix>_<locale>`` (empty ones left out)."""
    return {code: form.get(f"{prefix}_{code}", "").strip() for code in LOCALES
            if form.get(f"{prefix}_{code}", "").strip()}


def parse_local(value, hall: Hall, label: str) -> datetime:
    """A ``datetime-local`` field value (hall time) or ISO-8601 with offset, as an aware datetime."""
    if not isinstance(value, str) or not value.strip():
        raise NoticeError(_("Fill in %(field)s.", field=label))
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise NoticeError(_("%(field)s is not a valid date and time.", field=label)) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=hall_zone(hall))
