"""Business guides, service information, contractors, the holiday calendar and applications."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.dbtypes import UTCDateTime, utcnow
from kiosk.extensions import db


class Guide(db.Model):
    """A business guide (办事指南) for one business type; text fields are ``{locale: text}``."""

    __tablename__ = "guides"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    #: "I want to…" category: connect / change / account / green.
    category: Mapped[str] = mapped_column(String(20))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    names: Mapped[dict] = mapped_column(JSON, default=dict)
    purpose: Mapped[dict] = mapped_column(JSON, default=dict)
    eligibility: Mapped[dict] = mapped_column(JSON, default=dict)
    #: ``[{"names": {…}, "kind": "original"|"copy"|"both", "note": {…}}]``
    documents: Mapped[list] = mapped_column(JSON, default=list)
    #: ``[{"stage": "acceptance"|None, "names": {…}, "days": int|None}]`` (working days; None: the customer's part)
    steps: Mapped[list] = mapped_column(JSON, default=list)
    total_days: Mapped[int] = mapped_column(Integer, default=0)
    total_note: Mapped[dict] = mapped_column(JSON, default=dict)
    #: ``{locale: text}`` fees and their basis.
    fees: Mapped[dict] = mapped_column(JSON, default=dict)
    channels: Mapped[list] = mapped_column(JSON, default=list)
    form_code: Mapped[str] = mapped_column(String(40), default="")
    keywords: Mapped[dict] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class InfoItem(db.Model):
    """One published item of 办事公开: a commitment, service item, complaint channel or job-discipline rule."""

    __tablename__ = "service_info_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    titles: Mapped[dict] = mapped_column(JSON, default=dict)
    texts: Mapped[dict] = mapped_column(JSON, default=dict)


class Contractor(db.Model):
    """A qualified design or construction contractor (shown neutrally: 三不指定)."""

    __tablename__ = "contractors"

    id: Mapped[int] = mapped_column(primary_key=True)
    names: Mapped[dict] = mapped_column(JSON, default=dict)
    #: design / construction / both
    kind: Mapped[str] = mapped_column(String(20), default="construction")
    qualification: Mapped[dict] = mapped_column(JSON, default=dict)
    contact: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")


class CalendarDay(db.Model):
    """An exception to the weekend rule: a public holiday (working=False) or a make-up working day (调休)."""

    __tablename__ = "calendar_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    working: Mapped[bool] = mapped_column(Boolean, default=False)
    names: Mapped[dict] = mapped_column(JSON, default=dict)


class Application(db.Model):
    """A customer's business application as imported from the utility's systems."""

    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    business: Mapped[str] = mapped_column(String(40))
    #: Stored in full for matching by staff; only the masked form leaves the service layer.
    applicant: Mapped[str] = mapped_column(String(64))
    phone_last4: Mapped[str] = mapped_column(String(4))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    stages: Mapped[list[ApplicationStage]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="ApplicationStage.position")


class ApplicationStage(db.Model):
    """One stage of an application with its dates."""

    __tablename__ = "application_stages"
    __table_args__ = (UniqueConstraint("application_id", "stage"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    started_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    application: Mapped[Application] = relationship(back_populates="stages")
