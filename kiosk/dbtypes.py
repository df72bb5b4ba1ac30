"""Column types shared by every feature's models."""
from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import DateTime, Enum
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as naive UTC (portable across SQLite and PostgreSQL)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Convert an aware datetime to naive UTC for storage; refuse a naive one."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Read a stored naive UTC datetime back as an aware one."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


def values_of(vocabulary: type[StrEnum]) -> tuple[str, ...]:
    """The plain string values of ``vocabulary``, in definition order."""
    return tuple(member.value for member in vocabulary)


def one_of(vocabulary: type[StrEnum], name: str, length: int) -> Enum:
    """A ``VARCHAR(length)`` column type holding one of the values of ``vocabulary``.

    Rows store and read back the plain strings; the database refuses any other value with the
    check constraint ``ck_<table>_<name>``.
    """
    return Enum(*values_of(vocabulary), name=name, native_enum=False, create_constraint=True, length=length)


def is_one_of(value: object, vocabulary: type[StrEnum]) -> bool:
    """Whether ``value`` is one of the values of ``vocabulary``."""
    return isinstance(value, str) and value in values_of(vocabulary)
