"""QR codes for printed matter, and the absolute URLs they carry."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import segno
from flask import current_app, has_app_context


def absolute_url(url: str, hall: Any = None) -> str:
    """``url`` made absolute against the hall's public address: its ``public_url``, else ``KIOSK_PUBLIC_URL``.

    Never against the request's ``Host`` header: whoever sends the request chooses that, and the
    printed code would send customers' phones to their site.
    """
    if url.startswith(("http://", "https://")) or not has_app_context():
        return url
    base = getattr(hall, "public_url", None) or current_app.config["PUBLIC_URL"]
    return base.rstrip("/") + "/" + url.lstrip("/")


@lru_cache(maxsize=256)
def qr_data_uri(url: str) -> str:
    """A QR code for ``url`` as a one-pixel-per-module PNG ``data:`` URI.

    The print CSS scales it up with ``image-rendering: pixelated`` (sharp edges); a tiny PNG
    draws several times faster in WeasyPrint than the same code as SVG.
    """
    return segno.make(url, error="m", micro=False).png_data_uri(scale=1, border=2)
