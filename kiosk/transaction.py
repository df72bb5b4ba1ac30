"""Who commits: each public write function of a service is one use case and commits it (rolling back on error).

Views, API handlers and CLI commands never call ``db.session.commit()``.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, Protocol, TypeVar

from kiosk.audit.service import record
from kiosk.extensions import db

F = TypeVar("F", bound=Callable[..., Any])


class ImportOutcome(Protocol):
    """What an all-or-nothing import reports: ``ok`` and its ``(line, reason)`` errors."""

    @property
    def ok(self) -> bool: ...

    @property
    def errors(self) -> Sequence[tuple[int | None, str]]: ...


R = TypeVar("R", bound=ImportOutcome)


def use_case(function: F) -> F:
    """Decorator for a service's write function: commit when it returns, roll back when it raises."""
    @wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            result = function(*args, **kwargs)
        except BaseException:
            db.session.rollback()
            raise
        db.session.commit()
        return result
    return run  # type: ignore[return-value]


def all_or_nothing(run: Callable[[], R], action: str, target: str, audit_after: Callable[[R], dict], *,
                   user: Any = None, actor: str | None = None) -> R:
    """Run one all-or-nothing import: a good result is committed with its audit entry, any problem rolls it all back.

    ``run()`` does the import in the session and returns a result with ``ok``; ``audit_after(result)``
    is what the audit log keeps under ``action`` and ``target``.
    """
    try:
        result = run()
        if result.ok:
            record(action, target, after=audit_after(result), user=user, actor=actor)
            db.session.commit()
        else:
            db.session.rollback()
    except BaseException:
        db.session.rollback()
        raise
    return result


def removes_too_much(removed: int, current: int) -> bool:
    """Whether removing ``removed`` of ``current`` rows is more than half of them (an import then asks first)."""
    return current > 0 and removed * 2 > current
