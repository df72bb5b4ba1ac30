"""The media feature's refusals."""
from __future__ import annotations

from kiosk.errors import KioskError


class MediaError(KioskError):
    """An upload or playlist change that cannot be made; ``str(error)`` is the translated message."""
