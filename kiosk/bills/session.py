"""The account a customer looked up, kept in the session while they stay on the bill pages."""
from __future__ import annotations

from flask import request, session

#: The session key holding the account number while the customer is on the bill pages.
SESSION_KEY = "bills_account"


def forget_outside_bill_pages() -> None:
    """``before_request``: leaving the bill pages for another kiosk page forgets the account."""
    if SESSION_KEY in session and request.endpoint != "static":
        path = request.path
        if (path == "/" or path.startswith("/kiosk")) and not path.startswith("/kiosk/bills"):
            session.pop(SESSION_KEY, None)
