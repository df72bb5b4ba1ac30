"""How much a customer may print: copies of one document and jobs per hour, per device.

A paired device is limited by its own counters; an unpaired browser (``KIOSK_UNPAIRED=allow``)
by its network address. The counters are the database rate limiter's, so they hold across
server processes.
"""
from __future__ import annotations

from flask import current_app, has_request_context
from flask_babel import gettext as _

from kiosk import ratelimit

HOUR = 3600
DAY = 24 * HOUR


def refusal(kind: str, reference: str) -> str | None:
    """Count one print of ``kind``/``reference``; the translated refusal when a limit is passed, else ``None``."""
    if not has_request_context():
        return None
    config = current_app.config
    copies = config["PRINT_COPIES_PER_DOCUMENT"]
    per_hour = config["PRINT_JOBS_PER_HOUR"]
    if reference and not ratelimit.allowed_for_all(ratelimit.client_keys(f"print-copy:{kind}:{reference}"[:120]),
                                                   copies, DAY):
        return _("This document has already been printed %(count)s times here. Please ask the staff for "
                 "another copy.", count=copies)
    if not ratelimit.allowed_for_all(ratelimit.client_keys("print"), per_hour, HOUR):
        return _("This kiosk has printed a lot in the last hour. Please ask the staff for help.")
    return None
