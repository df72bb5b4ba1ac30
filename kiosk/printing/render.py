"""Rendering printed matter to PDF with WeasyPrint.

Templates live under ``templates/print/``; the only resources WeasyPrint may load
are the app's own static files (see :func:`restricted_url_fetcher`).
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from flask import current_app, render_template
from flask_babel import force_locale


class ResourceRefused(ValueError):
    """A printed document asked for a resource outside the app's static files."""


def static_root() -> Path:
    return Path(current_app.static_folder).resolve()


def restricted_url_fetcher(static_dir: Path):
    """A WeasyPrint URL fetcher allowing only ``file://`` inside ``static_dir`` and ``data:`` URLs."""
    from weasyprint.urls import URLFetcher

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if parsed.scheme == "file" and Path(parsed.path).resolve().is_relative_to(static_dir):
                return super().fetch(url, headers)
            raise ResourceRefused(f"refused to load {url!r} while printing")

    return StaticOnlyFetcher(allowed_protocols=("file", "data"), allow_redirects=False)


def render_html(template: str, context: dict, locale: str) -> str:
    """The document's HTML in ``locale``."""
    with force_locale(locale):
        return render_template(template, **context)


def render_pdf(template: str, context: dict, locale: str) -> bytes:
    """Render ``templates/<template>`` with ``context`` in ``locale`` to PDF bytes."""
    from weasyprint import HTML

    html = render_html(template, context, locale)
    base_url = static_root().as_uri() + "/"
    fetcher = restricted_url_fetcher(static_root())
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf()
