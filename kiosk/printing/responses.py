"""Serving a PDF to the browser ("print this" buttons and the browser backend)."""
from __future__ import annotations

from flask import Response


def print_pdf_response(pdf: bytes, filename: str = "document.pdf") -> Response:
    """A Flask response serving ``pdf`` inline, never cached."""
    safe = "".join(ch for ch in filename if ch.isalnum() or ch in "-_.") or "document.pdf"
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{safe}"'
    response.headers["Cache-Control"] = "no-store"
    return response
