"""Translated names of the kinds of device."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from kiosk.hall.models import DeviceKind

KIND_NAMES = {
    DeviceKind.KIOSK: _l("Self-service kiosk"),
    DeviceKind.DISPLAY: _l("Wall display"),
    DeviceKind.COUNTER: _l("Counter display"),
    DeviceKind.TABLET: _l("Rating tablet"),
}


def kind_name(kind: str) -> str:
    """The translated name of a device kind (the kind itself when unknown)."""
    try:
        return str(KIND_NAMES[DeviceKind(kind)])
    except ValueError:
        return kind
