"""QR codes for printed matter, and the absolute URLs they carry."""
from __future__ import annotations

from functools import lru_cache

import segno
from flask import has_request_context, request


def absolute_url(url: str) -> str:
    """``url`` made absolute against the current request's host (left alone when already absolute)."""
    if url.startswith(("http://", "https://")) or not has_request_context():
        return url
    return request.host_url.rstrip("/") + "/" + url.lstrip("/")


@lru_cache(maxsize=256)
def qr_data_uri(url: str) -> str:
    """A QR code for ``url`` as a one-pixel-per-module PNG ``data:`` URI.

    The print CSS scales it up with ``image-rendering: pixelated`` (sharp edges); a tiny PNG
    draws several times faster in WeasyPrint than the same code as SVG.
    """
    return segno.make(url, error="m", micro=False).png_data_uri(scale=1, border=2)
