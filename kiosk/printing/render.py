"""Rendering printed matter to PDF with WeasyPrint, fast.

Templates live under ``templates/print/``; the only resources WeasyPrint may load
are the app's own static files (see :func:`restricted_url_fetcher`).

Speed: one :class:`weasyprint.text.fonts.FontConfiguration` is shared by every render in
the process, so the ``@font-face`` fonts of ``static/css/print.css`` (the prepared
common-character CJK subset, see ``scripts/prepare_fonts.py``) are registered with
Fontconfig once, and WeasyPrint subsets a small font instead of the full Noto Sans CJK
collection. Characters outside the subset fall back to the system fonts. Renders are
serialised by a lock because Pango and Fontconfig objects are not thread-safe.
"""
from __future__ import annotations

import logging
import os
import re
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

from flask import current_app, render_template
from flask_babel import force_locale
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

LOGGER = logging.getLogger(__name__)
_LOCK = threading.Lock()
_FONT_CONFIG = None

#: Roll paper: ``@page { size: 80mm auto }`` means "as long as the content". CSS has no such
#: size, so the page is laid out on a long sheet and then cut after the content's last line.
ROLL_AUTO = re.compile(r"(size\s*:\s*\d+(?:\.\d+)?mm)\s+auto\b")
ROLL_LAYOUT_LENGTH = "1000mm"


class ResourceRefused(ValueError):
    """A printed document asked for a resource outside the app's static files."""


def static_root() -> Path:
    """The app's static folder, resolved."""
    return Path(str(current_app.static_folder)).resolve()


def restricted_url_fetcher(static_dir: Path):
    """A WeasyPrint URL fetcher allowing only ``file://`` inside ``static_dir`` and ``data:`` URLs."""
    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if parsed.scheme == "file" and not parsed.netloc:
                path = Path(unquote(parsed.path)).resolve()
                if path.is_relative_to(static_dir):
                    return super().fetch(url, headers)
            LOGGER.warning("printing: refused to load %r", url)
            raise ResourceRefused(f"refused to load {url!r} while printing")

    return StaticOnlyFetcher(allowed_protocols=("file", "data"), allow_redirects=False)


def _reset_after_fork() -> None:
    """A forked worker starts with its own lock and font configuration (never a lock held by a thread
    that did not survive the fork)."""
    global _LOCK, _FONT_CONFIG
    _LOCK = threading.Lock()
    _FONT_CONFIG = None


os.register_at_fork(after_in_child=_reset_after_fork)


def font_config():
    """The process-wide WeasyPrint font configuration (created on first use)."""
    global _FONT_CONFIG
    if _FONT_CONFIG is None:
        _FONT_CONFIG = FontConfiguration()
    return _FONT_CONFIG


def prepared_fonts_present() -> bool:
    """Whether ``scripts/prepare_fonts.py`` has prepared the CJK subset."""
    return (static_root() / "fonts" / "prepared" / "HallSansCJK-Regular.otf").exists()


def render_html(template: str, context: dict, locale: str) -> str:
    """The document's HTML in ``locale``."""
    with force_locale(locale):
        return render_template(template, **context)


def html_to_pdf(html: str, *, fresh: bool = False) -> bytes:
    """PDF bytes for ``html`` (resources relative to the static folder).

    ``fresh=True`` uses a new font configuration, as a naive renderer would (benchmarks).
    """
    root = static_root()
    html, rolls = ROLL_AUTO.subn(rf"\1 {ROLL_LAYOUT_LENGTH}", html)
    document = HTML(string=html, base_url=root.as_uri() + "/", url_fetcher=restricted_url_fetcher(root))
    if fresh:
        return _write(document, FontConfiguration(), rolls > 0)
    with _LOCK:
        return _write(document, font_config(), rolls > 0)


def _write(document, fonts, roll: bool) -> bytes:
    rendered = document.render(font_config=fonts)
    if roll:
        for page in rendered.pages:
            cut_after_content(page)
    return rendered.write_pdf()


def cut_after_content(page) -> None:
    """Shorten a roll-paper ``page`` to end just below its content (plus the bottom margin)."""
    box = page._page_box
    bottom = max((child.position_y + child.margin_height() for child in box.children), default=0)
    page.height = min(page.height, bottom + box.margin_bottom)


def render_pdf(template: str, context: dict, locale: str) -> bytes:
    """Render ``templates/<template>`` with ``context`` in ``locale`` to PDF bytes."""
    return html_to_pdf(render_html(template, context, locale))
