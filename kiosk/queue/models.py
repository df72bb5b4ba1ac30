"""Queue tickets, the per-day number counters and the state of each service window."""
from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.dbtypes import UTCDateTime, one_of, utcnow
from kiosk.extensions import Model
from kiosk.hall.models import Service, Window


class TicketStatus(StrEnum):
    """Where a ticket is: waiting in line, called to a window (being served), skipped (no-show), done,
    or expired (still waiting or in service when its business day ended; kept for statistics)."""

    WAITING = "waiting"
    CALLED = "called"
    SKIPPED = "skipped"
    DONE = "done"
    EXPIRED = "expired"


#: The statuses a ticket can leave behind at the end of its business day (closed as expired).
OPEN_STATUSES = (TicketStatus.WAITING.value, TicketStatus.CALLED.value)


class QueueCounter(Model):
    """The last number handed out per hall, service and business day (updated under the row lock)."""

    __tablename__ = "queue_counters"

    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id", ondelete="CASCADE"), primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), primary_key=True)
    business_day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class Ticket(Model):
    """One queue ticket (``A012``); kept after the day for statistics."""

    __tablename__ = "tickets"
    __table_args__ = (
        UniqueConstraint("hall_id", "issued_service_id", "business_day", "seq"),
        #: Every hot read touches only one hall's business day: the line, counts, people ahead, calls.
        Index("ix_tickets_day", "hall_id", "business_day", "status", "service_id"),
        #: The service-time estimate: a service's latest finished tickets.
        Index("ix_tickets_estimate", "service_id", "status", "finished_at"),
        #: Tickets still open (waiting or called), for closing earlier days' as expired.
        Index("ix_tickets_open", "hall_id", "business_day", "status",
              sqlite_where=text("status IN ('waiting', 'called')"),
              postgresql_where=text("status IN ('waiting', 'called')")),
        #: Satisfaction, best first: 1..4.
        CheckConstraint("rating BETWEEN 1 AND 4", name="rating"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id", ondelete="CASCADE"))
    #: The service the number was issued for (its letter is in the number); never changes.
    issued_service_id: Mapped[int] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"))
    #: The service whose line the ticket is in now (changes on transfer).
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"))
    business_day: Mapped[date] = mapped_column(Date)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(12))
    token: Mapped[str] = mapped_column(String(64), unique=True)
    priority: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Put back at the front of the line by staff (a skipped customer came back).
    front: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(one_of(TicketStatus, "status", 12), default=TicketStatus.WAITING.value)
    #: A transfer to a particular window: only that window calls it.
    target_window_id: Mapped[int | None] = mapped_column(ForeignKey("windows.id", ondelete="SET NULL"))
    #: The window that called it last.
    window_id: Mapped[int | None] = mapped_column(ForeignKey("windows.id", ondelete="SET NULL"), index=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    call_count: Mapped[int] = mapped_column(Integer, default=0)
    rating: Mapped[int | None] = mapped_column(SmallInteger)
    rated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    service: Mapped[Service] = relationship(foreign_keys=[service_id])
    issued_service: Mapped[Service] = relationship(foreign_keys=[issued_service_id])
    window: Mapped[Window | None] = relationship(foreign_keys=[window_id])
    target_window: Mapped[Window | None] = relationship(foreign_keys=[target_window_id])

    #: Not stored: how many waited ahead when :func:`kiosk.queue.tickets.issue_ticket` issued it.
    waiting_ahead: int | None = None
    __allow_unmapped__ = True  # lets ``waiting_ahead`` stay a plain attribute

    def __repr__(self) -> str:
        return f"<Ticket {self.number} {self.status}>"


class WindowState(Model):
    """Whether a window is open and which ticket it serves (survives restarts)."""

    __tablename__ = "window_states"

    window_id: Mapped[int] = mapped_column(ForeignKey("windows.id", ondelete="CASCADE"), primary_key=True)
    is_open: Mapped[bool] = mapped_column(Boolean, default=False)
    current_ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id", ondelete="SET NULL"))
    staff_user_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    window: Mapped[Window] = relationship()
    current_ticket: Mapped[Ticket | None] = relationship()
