"""Business guides, service information, contractors, the holiday calendar and applications."""
from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.dbtypes import UTCDateTime, one_of, utcnow
from kiosk.extensions import Model


class GuideTopic(StrEnum):
    """The "I want to…" topics a guide is listed under on the kiosk, in display order."""

    CONNECT = "connect"
    CHANGE = "change"
    ACCOUNT = "account"
    GREEN = "green"


class InfoKind(StrEnum):
    """The sections of 办事公开: commitments, service items, complaint channels, job discipline."""

    COMMITMENT = "commitment"
    ITEM = "item"
    COMPLAINT = "complaint"
    DISCIPLINE = "discipline"


class ContractorKind(StrEnum):
    """What a contractor is qualified for."""

    DESIGN = "design"
    CONSTRUCTION = "construction"
    BOTH = "both"


class StageCode(StrEnum):
    """The stages of an application, in process order."""

    ACCEPTANCE = "acceptance"
    SURVEY = "survey"
    SUPPLY_PLAN = "supply_plan"
    DESIGN_REVIEW = "design_review"
    MID_INSPECTION = "mid_inspection"
    COMPLETION = "completion"
    CONNECTION = "connection"
    ARCHIVE = "archive"


class Guide(Model):
    """A business guide (办事指南) for one business type; text fields are ``{locale: text}``."""

    __tablename__ = "guides"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    guide_topic: Mapped[str] = mapped_column(one_of(GuideTopic, "guide_topic", 20))
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


class InfoItem(Model):
    """One published item of 办事公开: a commitment, service item, complaint channel or job-discipline rule."""

    __tablename__ = "service_info_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(one_of(InfoKind, "kind", 20), index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    titles: Mapped[dict] = mapped_column(JSON, default=dict)
    texts: Mapped[dict] = mapped_column(JSON, default=dict)


class Contractor(Model):
    """A qualified design or construction contractor (shown neutrally: 三不指定)."""

    __tablename__ = "contractors"

    id: Mapped[int] = mapped_column(primary_key=True)
    names: Mapped[dict] = mapped_column(JSON, default=dict)
    kind: Mapped[str] = mapped_column(one_of(ContractorKind, "kind", 20), default=ContractorKind.CONSTRUCTION.value)
    qualification: Mapped[dict] = mapped_column(JSON, default=dict)
    contact: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")


class Application(Model):
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


class ApplicationStage(Model):
    """One stage of an application with its dates."""

    __tablename__ = "application_stages"
    __table_args__ = (UniqueConstraint("application_id", "stage"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(one_of(StageCode, "stage", 20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    started_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    application: Mapped[Application] = relationship(back_populates="stages")
