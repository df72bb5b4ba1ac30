"""The notice board's error: a translated message and the HTTP status it maps to."""
from __future__ import annotations


class NoticeError(ValueError):
    """Bad input or a forbidden action; ``str(error)`` is the translated message."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(str(message))
        self.status = status
