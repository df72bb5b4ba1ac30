"""One customer look-up as the kiosk and the API do it: rate limit, validate, find, log without the number."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from flask import current_app
from flask_babel import gettext as _

from kiosk.bills import masking, service
from kiosk.bills.models import BillAccount
from kiosk.ratelimit import allowed_for_all, client_keys


def allowed() -> bool:
    """Count a look-up for this address and device; ``False`` when over ``LOOKUPS_PER_MINUTE``."""
    return allowed_for_all(client_keys("bills"), current_app.config["LOOKUPS_PER_MINUTE"])


def wait_message() -> str:
    """The message for a kiosk or client over the look-up limit."""
    return _("Too many look-ups from this kiosk. Please wait a minute and try again.")


def not_found_message() -> str:
    """The one message for a malformed and an unknown number (existence is never revealed otherwise)."""
    config = current_app.config
    return _("No bills were found for this account number. Please check the number (%(low)s to %(high)s digits, "
             "printed on your bill) and try again.",
             low=config["ACCOUNT_MIN_DIGITS"], high=config["ACCOUNT_MAX_DIGITS"])


def find(text: str | None, config: Mapping[str, Any]) -> BillAccount | None:
    """The account of the typed or scanned number, or ``None`` (malformed or unknown); logged without the number."""
    number = service.normalize_account(text, config["ACCOUNT_MIN_DIGITS"], config["ACCOUNT_MAX_DIGITS"])
    account = service.find_account(number) if number else None
    current_app.logger.info("bill lookup account=%s found=%s", masking.mask_account(number or ""),
                            account is not None)
    return account


def look_up(text: str | None, as_of: date, config: Mapping[str, Any]) -> service.Summary | None:
    """The masked summary for the typed or scanned number, or ``None`` (malformed or unknown)."""
    account = find(text, config)
    return service.summary(account, as_of) if account is not None else None
