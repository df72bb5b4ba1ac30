"""Paying on the phone: the hall's payment address for an account, shown as a QR code on the bill result.

The hall's ``payment_url_template`` is the utility's own payment page with ``{account}`` where the
account number goes (``https://pay.example.cn/?account={account}``). The kiosk itself takes no money.
"""
from __future__ import annotations

from urllib.parse import quote, urlsplit

import segno
from flask_babel import gettext as _
from markupsafe import Markup

from kiosk.hall.models import Hall

PLACEHOLDER = "{account}"
MAX_LENGTH = 255  # the column's width


def template_problem(template: object) -> str | None:
    """Why ``template`` cannot be a payment URL template (translated), or ``None`` when it can."""
    if not isinstance(template, str) or not template.strip():
        return _("must be an https:// address")
    text = template.strip()
    if len(text) > MAX_LENGTH:
        return _("A text may be at most %(n)s characters long.", n=MAX_LENGTH)
    if any(ch.isspace() or ord(ch) < 32 for ch in text):
        return _("must be an https:// address")
    parts = urlsplit(text.replace(PLACEHOLDER, "0"))
    if parts.scheme != "https" or not parts.hostname:
        return _("must be an https:// address")
    if PLACEHOLDER not in text or "{" in text.replace(PLACEHOLDER, "") or "}" in text.replace(PLACEHOLDER, ""):
        return _("must contain {account} where the account number goes")
    return None


def payment_url(hall: Hall, account: str) -> str | None:
    """The payment address of ``account`` at ``hall``, or ``None`` when the hall has none (or a bad one)."""
    template = (hall.payment_url_template or "").strip()
    if not template or template_problem(template) is not None:
        return None
    return template.replace(PLACEHOLDER, quote(account, safe=""))


def qr_svg(url: str) -> Markup:
    """An inline SVG QR code for ``url``."""
    return Markup(segno.make(url, error="m").svg_inline(scale=6, dark="#000", light="#fff", border=2))
