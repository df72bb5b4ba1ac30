"""The voice feature's refusals."""
from __future__ import annotations

from kiosk.errors import KioskError


class VoiceError(KioskError):
    """An upload or setting refused; ``str(error)`` is the translated message (400 unless given)."""
