"""Suspension status ("business suspended", 暂停服务) as the queue and displays read it.

This is the notice board's public interface to the rest of the product: the queue
asks it before calling a window or issuing a ticket, the displays ask it for signs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class SuspensionInfo:
    """An active suspension: its scope, reason (per locale) and expected resume time."""

    scope: str  # "window", "service" or "hall"
    reason: str  # the reason in Chinese (the hall's default language)
    reason_texts: dict[str, str] = field(default_factory=dict)  # {locale: reason}
    until: datetime | None = None


def window_suspension(window) -> SuspensionInfo | None:
    """The suspension that stops ``window`` from taking calls (its own or the whole hall's), else ``None``."""
    return None


def service_suspension(service) -> SuspensionInfo | None:
    """The suspension that stops new tickets for ``service`` (its own or the whole hall's), else ``None``."""
    return None
