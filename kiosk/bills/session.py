"""The account a customer looked up, kept on the server while they stay on the bill pages.

The kiosk's session cookie is signed but readable, so it never holds the account number: it holds a
random token, and the account number sits in a ``bill_lookups`` row under the token's SHA-256 digest
until the customer leaves the bill pages, starts over, or :data:`LIFETIME` has passed.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from flask import request, session
from sqlalchemy import String, delete, select
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.bills import service
from kiosk.bills.models import BillAccount
from kiosk.dbtypes import UTCDateTime, utcnow
from kiosk.extensions import Model, db
from kiosk.transaction import use_case

#: The session key holding the look-up token while the customer is on the bill pages.
SESSION_KEY = "bills_lookup"
#: How long one look-up stays usable (the kiosk's idle reset normally forgets it much sooner).
LIFETIME = timedelta(minutes=15)


class BillLookup(Model):
    """One kiosk look-up: the account number behind a session's token, until it expires."""

    __tablename__ = "bill_lookups"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_no: Mapped[str] = mapped_column(String(20))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _token() -> str | None:
    token = session.get(SESSION_KEY)
    return token if isinstance(token, str) and token else None


def _drop(token: str | None) -> None:
    if token is not None:
        db.session.execute(delete(BillLookup).where(BillLookup.digest == _digest(token)))


@use_case
def remember(account: BillAccount) -> None:
    """Keep ``account`` for this kiosk session (replacing any earlier one); expired look-ups are pruned."""
    now = utcnow()
    _drop(session.pop(SESSION_KEY, None))
    db.session.execute(delete(BillLookup).where(BillLookup.expires_at <= now))
    token = secrets.token_urlsafe(24)
    db.session.add(BillLookup(digest=_digest(token), account_no=account.account_no, expires_at=now + LIFETIME))
    session[SESSION_KEY] = token


@use_case
def forget() -> None:
    """Forget this session's look-up, on the server and in the cookie."""
    _drop(_token())
    session.pop(SESSION_KEY, None)


def current_account() -> BillAccount | None:
    """The account this session looked up, or ``None`` (none, forgotten or expired)."""
    token = _token()
    if token is None:
        return None
    number = db.session.scalar(select(BillLookup.account_no).where(BillLookup.digest == _digest(token),
                                                                    BillLookup.expires_at > utcnow()))
    return service.find_account(number) if number else None


def forget_outside_bill_pages() -> None:
    """``before_request``: leaving the bill pages for another kiosk page forgets the account."""
    if SESSION_KEY in session and request.endpoint != "static":
        path = request.path
        if (path == "/" or path.startswith("/kiosk")) and not path.startswith("/kiosk/bills"):
            forget()
