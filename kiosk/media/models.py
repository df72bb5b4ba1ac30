"""A slide of a hall's playlist: an uploaded image or video, a text notice, or a built-in slide."""
from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.dbtypes import UTCDateTime, one_of, utcnow
from kiosk.extensions import Model

#: Shortest and longest time a slide stays on screen, in seconds.
MIN_SECONDS, MAX_SECONDS, DEFAULT_SECONDS = 3, 120, 10


class SlideKind(StrEnum):
    """What a slide shows."""

    IMAGE = "image"
    VIDEO = "video"
    TEXT = "text"
    TARIFF = "tariff"
    COMMITMENTS = "commitments"


#: Kinds whose content is an uploaded file.
FILE_KINDS = (SlideKind.IMAGE.value, SlideKind.VIDEO.value)


class Slide(Model):
    """One slide of a hall's side-panel playlist.

    ``displays`` is ``"all"`` (every wall display of the hall) or a list of device ids (wall or counter
    displays). ``daily_from``/``daily_until`` are ``HH:MM`` in the hall's time zone; ``starts_on``/``ends_on``
    are hall dates, both inclusive. A retired slide is kept for the audit trail but never shown.
    """

    __tablename__ = "slides"
    __table_args__ = (
        Index("ix_slides_hall_order", "hall_id", "sort_order"),
        CheckConstraint(f"duration_seconds BETWEEN {MIN_SECONDS} AND {MAX_SECONDS}", name="duration"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(one_of(SlideKind, "kind", 12))
    titles: Mapped[dict] = mapped_column(JSON, default=dict)
    texts: Mapped[dict] = mapped_column(JSON, default=dict)
    file_name: Mapped[str | None] = mapped_column(String(80))
    content_type: Mapped[str | None] = mapped_column(String(32))
    sha256: Mapped[str | None] = mapped_column(String(64))
    byte_size: Mapped[int | None] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    duration_seconds: Mapped[int] = mapped_column(Integer, default=DEFAULT_SECONDS)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    daily_from: Mapped[str | None] = mapped_column(String(5))
    daily_until: Mapped[str | None] = mapped_column(String(5))
    displays: Mapped[str | list] = mapped_column(JSON, default=lambda: "all")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    def __repr__(self) -> str:
        return f"<Slide {self.id} {self.kind}>"
