"""Response hardening for every page: security headers, ``no-store`` on personal pages, trusted proxies, safe redirects.

* :func:`trust_proxies` wraps the WSGI app in Werkzeug's ``ProxyFix`` for ``TRUSTED_PROXIES`` hops, so
  ``request.remote_addr`` (and with it every rate-limit key), the scheme and the host are the client's.
* :func:`init_app` adds the headers below to every response, and ``Cache-Control: no-store`` to the
  pages that show personal data (:data:`PRIVATE_PATHS`).
* :func:`safe_path` keeps a ``next=`` target on this site.
"""
from __future__ import annotations

import unicodedata
from urllib.parse import unquote

from flask import Flask, Response, request
from werkzeug.middleware.proxy_fix import ProxyFix

#: The Content-Security-Policy of every response: scripts and styles only from our own files (no inline
#: code, no ``on…=`` attributes, no ``javascript:`` URLs), no framing, no plugins, forms post here only.
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
))

#: Headers set on every response (a view may set its own stricter ``Referrer-Policy``).
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}

#: PDFs (tickets, statements, letters) are framed by our own pages to print them from a hidden frame,
#: so they may have this site, and only this site, as their parent.
PDF_FRAMING = {
    "Content-Security-Policy": "frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
    "X-Frame-Options": "SAMEORIGIN",
}

#: Path prefixes whose pages show personal data or staff-only data: never stored by a browser or a proxy.
#: (Everything under ``/api/`` is ``no-store`` already, from the ``/api/v1`` parent.)
PRIVATE_PATHS = (
    "/staff",
    "/kiosk/bills",
    "/kiosk/progress",
    "/kiosk/opinion",
    "/kiosk/callback",
    "/kiosk/ticket",
    "/t",
)


def trust_proxies(app: Flask) -> None:
    """Believe ``X-Forwarded-For``/``-Proto``/``-Host`` from ``TRUSTED_PROXIES`` proxy hops (0: believe none)."""
    hops = int(app.config.get("TRUSTED_PROXIES", 0) or 0)
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]


def init_app(app: Flask) -> None:
    """Add the security headers to every response and ``no-store`` to the private pages."""
    app.after_request(_harden)


def is_private(path: str) -> bool:
    """Whether ``path`` is one of the pages that must not be cached."""
    return any(path == prefix or path.startswith(prefix + "/") for prefix in PRIVATE_PATHS)


def _harden(response: Response) -> Response:
    headers = SECURITY_HEADERS | PDF_FRAMING if response.mimetype == "application/pdf" else SECURITY_HEADERS
    for name, value in headers.items():
        response.headers.setdefault(name, value)
    if is_private(request.path):
        response.headers["Cache-Control"] = "no-store"
    return response


def safe_path(target: str | None) -> str | None:
    """``target`` when it is a same-site absolute path, else ``None``.

    Accepted: it starts with a single ``/``; neither it nor its percent-decoded form holds ``//``, a
    backslash, whitespace or a control character (browsers drop tabs and newlines, and read ``/\\``
    like ``//``, which would send the customer to another host).
    """
    if not target or not target.startswith("/"):
        return None
    decoded = unquote(target)
    for text in (target, decoded):
        if "//" in text or "\\" in text:
            return None
        if any(char.isspace() or unicodedata.category(char)[0] in {"C", "Z"} for char in text):
            return None
    return target
