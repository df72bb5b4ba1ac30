"""A fixed-window rate limiter kept in the database, so it holds across server processes.

Used for bill look-ups, application-progress queries and (optionally) ticket issuing.
Keys name what is limited, e.g. ``"bills:addr:10.0.0.7"`` or ``"bills:device:kiosk-1"``.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache
from typing import Any

from flask import request
from sqlalchemy import String, bindparam, case, delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.dbtypes import UTCDateTime, utcnow
from kiosk.extensions import Model, db
from kiosk.hall.service import current_device
from kiosk.transaction import use_case


class RateCounter(Model):
    """Hits of one key in its current window."""

    __tablename__ = "rate_counters"

    key: Mapped[str] = mapped_column(String(160), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(UTCDateTime)
    hits: Mapped[int] = mapped_column(default=0)


@cache
def _hit_upsert(dialect: str) -> Any:
    """Count one hit as a single upsert: a new key, a hit in the current window, or a fresh window.

    The database evaluates every ``SET`` expression against the row as it was, under its own row
    lock, so concurrent hits never read a stale count (no read-then-write).
    """
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = RateCounter.__table__
    moment = table.c.window_start.type
    stale = table.c.window_start <= bindparam("cutoff", type_=moment)
    return (
        insert(table)
        .values(key=bindparam("key"), window_start=bindparam("now", type_=moment), hits=1)
        .on_conflict_do_update(
            index_elements=["key"],
            set_={
                "hits": case((stale, 1), else_=table.c.hits + 1),
                "window_start": case((stale, bindparam("now", type_=moment)), else_=table.c.window_start),
            },
        )
        .returning(table.c.hits)
    )


@use_case
def hit(key: str, limit: int, window_seconds: int = 60, now: datetime | None = None) -> bool:
    """Count one hit for ``key``; return ``False`` when the key is over ``limit`` in this window.

    One atomic ``INSERT … ON CONFLICT DO UPDATE … RETURNING`` statement on SQLite and PostgreSQL;
    commits its own small transaction (call it before the work it guards).
    """
    now = now or utcnow()
    statement = _hit_upsert(db.session.get_bind().dialect.name)
    hits = db.session.execute(
        statement, {"key": key, "now": now, "cutoff": now - timedelta(seconds=window_seconds)},
    ).scalar_one()
    return hits <= limit


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
    """Rate-limit keys for the current request: its paired device's, else its network address's."""
    device = current_device()
    if device is not None:
        return [f"{prefix}:device:{device.id}"]
    return [f"{prefix}:addr:{request.remote_addr or '-'}"]
