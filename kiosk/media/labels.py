"""Translatable names of the media feature's vocabulary."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

#: Slide kinds, as the staff console names them.
KINDS = {
    "image": _l("Image (PNG, JPEG, WebP)"),
    "video": _l("Video (MP4, WebM, muted)"),
    "text": _l("Text notice"),
    "tariff": _l("Residential tariff"),
    "commitments": _l("Service commitments"),
}


def jinja_globals() -> dict:
    """Template globals for the playlist pages."""
    return {"slide_kinds": KINDS}
