"""The devices feature's refusals."""
from __future__ import annotations

from kiosk.errors import KioskError


class DeviceError(KioskError):
    """A device action that cannot be done; ``str(error)`` is the translated message (400 unless given)."""
