"""Recordings a hall uploaded to replace default clips (one per hall, language and clip)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.dbtypes import UTCDateTime, utcnow
from kiosk.extensions import Model


class VoiceClip(Model):
    """An uploaded recording, stored as ``<KIOSK_VOICE_DIR>/<hall code>/<language>/<clip>.wav``."""

    __tablename__ = "voice_clips"
    __table_args__ = (UniqueConstraint("hall_id", "language", "clip"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(16))
    clip: Mapped[str] = mapped_column(String(8))
    #: SHA-256 of the stored (converted) file.
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<VoiceClip {self.language}/{self.clip}>"
