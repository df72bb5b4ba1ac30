"""The region feature's error."""
from kiosk.errors import KioskError


class RegionError(KioskError):
    """A region or hall switch that cannot be done (translated message, HTTP status)."""
