"""The ``notices`` blueprint of the kiosk pages, shared with the staff suspension pages."""
from kiosk.notices.views import bp

__all__ = ["bp"]
