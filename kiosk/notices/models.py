"""Notice board tables: suspensions, notices and outages, the opinion book and callback requests."""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.dbtypes import UTCDateTime, one_of, utcnow
from kiosk.extensions import Model
from kiosk.hall.models import Service, Window


class SuspensionScope(StrEnum):
    """What a suspension stops: one window, one service, or the whole hall."""

    WINDOW = "window"
    SERVICE = "service"
    HALL = "hall"


class SuspensionReason(StrEnum):
    """The preset reasons of a suspension; ``other`` comes with a free text."""

    SYSTEM_FAILURE = "system_failure"
    ABSENCE = "absence"
    TRAINING = "training"
    OTHER = "other"


class NoticeKind(StrEnum):
    """A general notice or an outage announcement."""

    NOTICE = "notice"
    OUTAGE = "outage"


class OutageType(StrEnum):
    """Why the power goes off: planned or temporary maintenance, or a fault."""

    PLANNED = "planned"
    TEMPORARY = "temporary"
    FAULT = "fault"


class OpinionKind(StrEnum):
    """What an opinion-book entry is."""

    PRAISE = "praise"
    SUGGESTION = "suggestion"
    COMPLAINT = "complaint"
    REPORT = "report"


class OpinionTopic(StrEnum):
    """What an opinion-book entry is about."""

    SERVICE = "service"
    WAITING = "waiting"
    BILLING = "billing"
    OUTAGE = "outage"
    FACILITIES = "facilities"
    OTHER = "other"


class OpinionStatus(StrEnum):
    """Where an opinion-book entry is: awaiting a reply, replied, closed."""

    OPEN = "open"
    REPLIED = "replied"
    CLOSED = "closed"


class Suspension(Model):
    """A "business suspended" (暂停服务) period of a window, a service or the whole hall.

    Active while ``ended_at`` is empty; ``until`` is only the expected resume time.
    """

    __tablename__ = "suspensions"
    __table_args__ = (Index("ix_suspensions_hall_active", "hall_id", "ended_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id", ondelete="CASCADE"))
    scope: Mapped[str] = mapped_column(one_of(SuspensionScope, "scope", 8))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("windows.id", ondelete="CASCADE"))
    service_id: Mapped[int | None] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"))
    #: A preset reason, or "other" with ``reason_text``.
    reason_key: Mapped[str] = mapped_column(one_of(SuspensionReason, "reason_key", 20))
    reason_text: Mapped[str] = mapped_column(String(200), default="")
    until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_by: Mapped[str] = mapped_column(String(64), default="")
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_by: Mapped[str | None] = mapped_column(String(64))

    window: Mapped[Window | None] = relationship()
    service: Mapped[Service | None] = relationship()


class Notice(Model):
    """A general notice (``kind="notice"``) or an outage announcement (``kind="outage"``)."""

    __tablename__ = "notices"
    __table_args__ = (Index("ix_notices_hall_end", "hall_id", "ends_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(one_of(NoticeKind, "kind", 8))
    outage_type: Mapped[str | None] = mapped_column(one_of(OutageType, "outage_type", 12))
    titles: Mapped[dict] = mapped_column(JSON, default=dict)
    texts: Mapped[dict] = mapped_column(JSON, default=dict)
    areas: Mapped[dict] = mapped_column(JSON, default=dict)
    lines: Mapped[dict] = mapped_column(JSON, default=dict)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_by: Mapped[str] = mapped_column(String(64), default="")
    #: Why a short notice period was accepted (outages only).
    override_reason: Mapped[str | None] = mapped_column(String(300))
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sample: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Stable key of a demo record so seeding stays idempotent.
    demo_key: Mapped[str | None] = mapped_column(String(32))


class Opinion(Model):
    """An entry in the opinion book (意见簿)."""

    __tablename__ = "opinions"

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(one_of(OpinionKind, "kind", 12))
    topic: Mapped[str] = mapped_column(one_of(OpinionTopic, "topic", 20))
    window_number: Mapped[int | None] = mapped_column(Integer)
    phone: Mapped[str | None] = mapped_column(String(20))
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text, default="")
    locale: Mapped[str] = mapped_column(String(12), default="zh_Hans_CN")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(one_of(OpinionStatus, "status", 8), default=OpinionStatus.OPEN.value)
    reply: Mapped[str | None] = mapped_column(Text)
    replied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    replied_by: Mapped[str | None] = mapped_column(String(64))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by: Mapped[str | None] = mapped_column(String(64))


class CallbackRequest(Model):
    """A customer's phone number left while a service was suspended for a system failure."""

    __tablename__ = "callback_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id", ondelete="CASCADE"), index=True)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("services.id", ondelete="SET NULL"))
    suspension_id: Mapped[int | None] = mapped_column(ForeignKey("suspensions.id", ondelete="SET NULL"))
    phone: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    handled_by: Mapped[str | None] = mapped_column(String(64))

    service: Mapped[Service | None] = relationship()
