"""The notice board's error: a translated message and the HTTP status it maps to."""
from __future__ import annotations

from kiosk.errors import KioskError


class NoticeError(KioskError):
    """Bad input or a forbidden action; ``str(error)`` is the translated message."""
