"""The queue's error: a translated message and the HTTP status it maps to."""
from __future__ import annotations

from kiosk.errors import KioskError


class QueueError(KioskError):
    """A queue action that cannot be done; ``message`` is translated, ``status`` is the HTTP status."""

    status_code = 409
