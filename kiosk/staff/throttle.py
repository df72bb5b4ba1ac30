"""Login throttling per account and per client address, kept in the database (it holds across processes).

Every attempt is counted as a failure *before* the password is checked, with one conditional
``UPDATE`` per key that only matches while the key may try (so simultaneous attempts cannot all
slip through); a successful login then takes its count back. From ``LOGIN_DELAY_AFTER`` failures
on, a key waits a growing delay (2, 4, 8 … up to 60 seconds) before its next attempt; from
``LOGIN_LOCK_AFTER`` on it is locked for ``LOGIN_LOCK_MINUTES`` after each failure. A key's
failures are forgotten after a day without an attempt, and a successful login resets the account's.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.staff.models import LoginThrottle

#: The longest delay between two attempts before the lock.
MAX_DELAY_SECONDS = 60
#: Failures of a key without any attempt for this long are forgotten.
FORGET_AFTER = timedelta(days=1)
#: Attempts that lose a race for the same key this many times in a row are refused.
RACE_TRIES = 5
KEY_LENGTH = 160


@dataclass(frozen=True)
class Refusal:
    """Why an attempt is not checked: ``seconds`` until the next one may be; ``locked`` for the long lock."""

    seconds: int
    locked: bool


@dataclass(frozen=True)
class Reservation:
    """An attempt allowed to be checked: the failure count it brought each key to."""

    counts: dict[str, int]


def keys_for(username: str, address: str | None) -> list[str]:
    """The throttle keys of an attempt: the account (as typed, case-folded) and the client address."""
    return [f"user:{username.strip().casefold()}"[:KEY_LENGTH], f"addr:{address or '-'}"[:KEY_LENGTH]]


def delay_after(failures: int, config: Mapping[str, Any]) -> timedelta | None:
    """How long a key with ``failures`` waits before its next attempt (``None``: no wait)."""
    if failures >= config["LOGIN_LOCK_AFTER"]:
        return timedelta(minutes=config["LOGIN_LOCK_MINUTES"])
    if failures >= config["LOGIN_DELAY_AFTER"]:
        return timedelta(seconds=min(MAX_DELAY_SECONDS, 2 ** (failures - config["LOGIN_DELAY_AFTER"] + 1)))
    return None


def _refusal(failures: int, retry_at: datetime, now: datetime, config: Mapping[str, Any]) -> Refusal:
    return Refusal(seconds=max(1, math.ceil((retry_at - now).total_seconds())),
                   locked=failures >= config["LOGIN_LOCK_AFTER"])


def _waiting(keys: list[str], now: datetime, config: Mapping[str, Any]) -> Refusal | None:
    rows = db.session.execute(select(LoginThrottle.failures, LoginThrottle.retry_at)
                              .where(LoginThrottle.key.in_(keys), LoginThrottle.retry_at > now)).all()
    refusals = [_refusal(failures, retry_at, now, config) for failures, retry_at in rows]
    return max(refusals, key=lambda refusal: (refusal.locked, refusal.seconds)) if refusals else None


def _count(key: str, now: datetime, config: Mapping[str, Any]) -> int | None:
    """Count one failure for ``key`` if it may try now: its new count, or ``None`` when it must wait."""
    failures = db.session.execute(
        update(LoginThrottle)
        .where(LoginThrottle.key == key, or_(LoginThrottle.retry_at.is_(None), LoginThrottle.retry_at <= now))
        .values(failures=LoginThrottle.failures + 1, last_attempt_at=now)
        .returning(LoginThrottle.failures)
        .execution_options(synchronize_session=False)
    ).scalar()
    if failures is None:
        if db.session.scalar(select(LoginThrottle.key).where(LoginThrottle.key == key)) is not None:
            return None
        failures = 1
        db.session.execute(insert(LoginThrottle).values(key=key, failures=1, last_attempt_at=now, retry_at=None))
    delay = delay_after(failures, config)
    if delay is not None:
        db.session.execute(update(LoginThrottle).where(LoginThrottle.key == key).values(retry_at=now + delay)
                           .execution_options(synchronize_session=False))
    return failures


def reserve(keys: list[str], config: Mapping[str, Any], now: datetime | None = None) -> Reservation | Refusal:
    """Count an attempt on every key (committed), or refuse it without counting when a key must wait."""
    now = now or utcnow()
    for _try in range(RACE_TRIES):
        try:
            db.session.execute(delete(LoginThrottle).where(
                LoginThrottle.key.in_(keys), LoginThrottle.last_attempt_at < now - FORGET_AFTER,
                or_(LoginThrottle.retry_at.is_(None), LoginThrottle.retry_at <= now),
            ).execution_options(synchronize_session=False))
            refusal = _waiting(keys, now, config)
            if refusal is not None:
                db.session.commit()
                return refusal
            counts: dict[str, int] = {}
            for key in keys:
                count = _count(key, now, config)
                if count is None:  # another attempt took the turn first
                    break
                counts[key] = count
            else:
                db.session.commit()
                return Reservation(counts)
            db.session.commit()
        except IntegrityError:  # two first attempts inserted the same key at once
            db.session.rollback()
    db.session.rollback()
    return _waiting(keys, now, config) or Refusal(seconds=1, locked=False)


def succeeded(account_key: str, other_keys: list[str]) -> None:
    """A reserved attempt succeeded: the account's count starts again, the others take back the attempt.

    In the caller's transaction.
    """
    db.session.execute(delete(LoginThrottle).where(LoginThrottle.key == account_key)
                       .execution_options(synchronize_session=False))
    if other_keys:
        db.session.execute(update(LoginThrottle)
                           .where(LoginThrottle.key.in_(other_keys), LoginThrottle.failures > 0)
                           .values(failures=LoginThrottle.failures - 1, retry_at=None)
                           .execution_options(synchronize_session=False))


def clear(username: str) -> None:
    """Forget the failed logins of account ``username`` (after an administrator set a new password)."""
    db.session.execute(delete(LoginThrottle).where(LoginThrottle.key == keys_for(username, None)[0])
                       .execution_options(synchronize_session=False))
