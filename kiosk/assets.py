"""Static assets: versioned URLs cached for a year, compressed (flask-compress), and the favicon.

Every ``url_for("static", filename=…)`` carries ``v=<version>`` (from the file's size and modification
time), so a browser may keep the file for a year (``immutable``): a changed file gets a new URL.
A request without the current version is still served, cacheable for five minutes. Only static
files are compressed here (Brotli, zstd or deflate, as the browser accepts; see
``docs/deployment.md``); pages stay small and are never cached by this module.
"""
from __future__ import annotations

import os
from hashlib import blake2s

from flask import Flask, Response, current_app, request, send_from_directory
from flask_compress import Compress

#: Text files worth compressing (fonts are compressed already; PDFs are not static).
COMPRESSED_TYPES = ["text/css", "text/javascript", "application/javascript", "image/svg+xml", "application/json"]
YEAR = 365 * 24 * 3600
UNVERSIONED_SECONDS = 300

compress = Compress()


def version_of(filename: str) -> str:
    """A short version of the static file ``filename`` (empty when there is no such file)."""
    folder = current_app.static_folder or ""
    try:
        stat = os.stat(os.path.join(folder, filename))
    except (OSError, ValueError):
        return ""
    return blake2s(f"{stat.st_size}:{stat.st_mtime_ns}".encode(), digest_size=5).hexdigest()


def _add_version(endpoint: str, values: dict) -> None:
    if endpoint == "static" and "filename" in values and "v" not in values:
        version = version_of(values["filename"])
        if version:
            values["v"] = version


def _static_response(response: Response) -> Response:
    if request.endpoint not in ("static", "favicon") or response.status_code not in (200, 304):
        return response
    filename = (request.view_args or {}).get("filename", "favicon.svg")
    current = request.args.get("v")
    if current and current == version_of(filename):
        response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    else:
        response.headers["Cache-Control"] = f"public, max-age={UNVERSIONED_SECONDS}"
    return compress.after_request(response)


def favicon() -> Response:
    """``/favicon.ico``: the hall icon (SVG) for browsers that ask for it without reading the page."""
    return send_from_directory(current_app.static_folder or "", "favicon.svg", mimetype="image/svg+xml")


def init_app(app: Flask) -> None:
    """Versioned static URLs, their cache headers and compression, and ``/favicon.ico``."""
    app.config.setdefault("COMPRESS_REGISTER", False)  # static files only, from _static_response
    app.config.setdefault("COMPRESS_MIMETYPES", COMPRESSED_TYPES)
    compress.init_app(app)
    app.url_defaults(_add_version)
    app.after_request(_static_response)
    app.add_url_rule("/favicon.ico", "favicon", favicon)
