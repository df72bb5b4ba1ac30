"""A fixed-window rate limiter kept in the database, so it holds across server processes.

Used for bill look-ups, application-progress queries and (optionally) ticket issuing.
Keys name what is limited, e.g. ``"bills:addr:10.0.0.7"`` or ``"bills:device:kiosk-1"``.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from flask import request
from sqlalchemy import String, delete
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.dbtypes import UTCDateTime, utcnow
from kiosk.extensions import Model, db
from kiosk.hall.service import current_device


class RateCounter(Model):
    """Hits of one key in its current window."""

    __tablename__ = "rate_counters"

    key: Mapped[str] = mapped_column(String(160), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(UTCDateTime)
    hits: Mapped[int] = mapped_column(default=0)


def hit(key: str, limit: int, window_seconds: int = 60, now: datetime | None = None) -> bool:
    """Count one hit for ``key``; return ``False`` when the key is over ``limit`` in this window.

    Commits its own small transaction (call it before the work it guards).
    """
    now = now or utcnow()
    row = db.session.get(RateCounter, key, with_for_update=True)
    if row is None:
        row = RateCounter(key=key, window_start=now, hits=0)
        db.session.add(row)
    elif (now - row.window_start).total_seconds() >= window_seconds:
        row.window_start, row.hits = now, 0
    row.hits += 1
    allowed = row.hits <= limit
    try:
        db.session.commit()
    except Exception:  # noqa: BLE001 - a concurrent first hit on the same key: count it again
        db.session.rollback()
        return hit(key, limit, window_seconds, now)
    return allowed


def allowed_for_all(keys: list[str], limit: int, window_seconds: int = 60) -> bool:
    """Count a hit on every key; ``False`` if any of them is over ``limit``."""
    results = [hit(key, limit, window_seconds) for key in keys]
    return all(results)


def prune(older_than_seconds: int = 3600) -> None:
    """Drop counters whose window ended long ago."""
    cutoff = utcnow() - timedelta(seconds=older_than_seconds)
    db.session.execute(delete(RateCounter).where(RateCounter.window_start < cutoff))
    db.session.commit()


def client_keys(prefix: str) -> list[str]:
    """Rate-limit keys for the current request: its address and, when registered, its device."""
    keys = [f"{prefix}:addr:{request.remote_addr or '-'}"]
    device = current_device()
    if device is not None:
        keys.append(f"{prefix}:device:{device.name}")
    return keys



