"""Print jobs: every document sent to a printer, kept for the staff console and reprints."""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.dbtypes import UTCDateTime, one_of, utcnow
from kiosk.extensions import Model


class PrintStatus(StrEnum):
    """Whether the printer backend took the document."""

    OK = "ok"
    FAILED = "failed"


class PrinterKind(StrEnum):
    """The printer backends: a spool folder, a CUPS queue, or the kiosk's browser."""

    FILE = "file"
    CUPS = "cups"
    BROWSER = "browser"


class PrintJob(Model):
    """One document sent (or not) to a printer backend."""

    __tablename__ = "print_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int | None] = mapped_column(ForeignKey("halls.id", ondelete="CASCADE"), index=True)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id", ondelete="SET NULL"))
    #: Device name at the time of printing ("" when the default printer was used).
    device_name: Mapped[str] = mapped_column(String(64), default="")
    #: What was printed: ``ticket``, ``bill_statement``, ``tariff_sheet``, …
    kind: Mapped[str] = mapped_column(String(32), index=True)
    #: A human reference: the ticket number, a masked account number.
    reference: Mapped[str] = mapped_column(String(64), default="")
    #: The printer setting used: ``file``, ``file:<dir>``, ``cups:<queue>`` or ``browser``.
    printer: Mapped[str] = mapped_column(String(255), default="file")
    backend: Mapped[str] = mapped_column(one_of(PrinterKind, "backend", 16), default=PrinterKind.FILE.value)
    status: Mapped[str] = mapped_column(one_of(PrintStatus, "status", 16), default=PrintStatus.FAILED.value, index=True)
    message: Mapped[str] = mapped_column(Text, default="")
    reprint: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Where the file backend wrote the PDF, if it did.
    spool_path: Mapped[str] = mapped_column(String(1024), default="")
    #: The PDF itself, kept so a failed job can be reprinted.
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    pdf_size: Mapped[int] = mapped_column(Integer, default=0)
    #: How to render the document again (e.g. ``{"ticket_token": …, "width": 80, "locale": …}``).
    source: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    @property
    def failed(self) -> bool:
        """Whether the backend did not take the document."""
        return self.status != PrintStatus.OK

    def __repr__(self) -> str:
        return f"<PrintJob {self.id} {self.kind} {self.status}>"
