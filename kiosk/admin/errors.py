"""Hall administration's error: a translated message and the HTTP status it maps to."""
from __future__ import annotations

from kiosk.errors import KioskError


class AdminError(KioskError):
    """An administration action that cannot be done (an unknown action, a missing row)."""

    status_code = 400
