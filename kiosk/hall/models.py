"""The business hall and what it is made of: services, windows and registered devices."""
from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.dbtypes import UTCDateTime, one_of, utcnow
from kiosk.extensions import Model

#: Demo and default: open every day around the clock.
ALWAYS_OPEN = {str(day): [["00:00", "24:00"]] for day in range(7)}

window_services = Table(
    "window_services",
    Model.metadata,
    Column("window_id", ForeignKey("windows.id", ondelete="CASCADE"), primary_key=True),
    Column("service_id", ForeignKey("services.id", ondelete="CASCADE"), primary_key=True),
    #: The window's order of preference among its services (1 is called first; equal ranks share the line).
    Column("preference", Integer, nullable=False, default=1, server_default=text("1")),
)


class Region(Model):
    """A group of halls run together (a city's or county's halls); a region admin works across them."""

    __tablename__ = "regions"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    names: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    halls: Mapped[list[Hall]] = relationship(back_populates="region", order_by="Hall.code")

    def __repr__(self) -> str:
        return f"<Region {self.code}>"


class Hall(Model):
    """A power-supply business hall (营业厅)."""

    __tablename__ = "halls"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    names: Mapped[dict] = mapped_column(JSON, default=dict)
    addresses: Mapped[dict] = mapped_column(JSON, default=dict)
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    #: ``{"0": [["08:30", "17:30"]], …}`` keyed by weekday (Monday is 0); "24:00" closes at midnight.
    business_hours: Mapped[dict] = mapped_column(JSON, default=lambda: dict(ALWAYS_OPEN))
    hotline: Mapped[str] = mapped_column(String(32), default="95598")
    complaint_phone: Mapped[str] = mapped_column(String(32), default="95598")
    #: Locales shown together on the wall display, Chinese first.
    display_languages: Mapped[list] = mapped_column(JSON, default=lambda: ["zh_Hans_CN", "en"])
    #: Dated exceptions to the weekly hours: ``{"2026-12-31": [["08:30", "12:00"]], "2027-01-02": []}``.
    hour_exceptions: Mapped[dict] = mapped_column(JSON, default=dict, server_default=text("'{}'"))
    #: Closed on China's statutory public holidays (and open on adjusted working days with weekday hours).
    closed_on_public_holidays: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    #: Voice calls: ``{"languages": [...], "volume": 0-100, "quiet_from": "HH:MM", "quiet_until": "HH:MM"}``
    #: (read with ``kiosk.voice.recordings.settings_of``, which fills in the defaults).
    voice: Mapped[dict] = mapped_column(JSON, default=dict, server_default=text("'{}'"))
    #: The address customers' phones reach (ticket QR codes); ``None``: the global ``KIOSK_PUBLIC_URL``.
    public_url: Mapped[str | None] = mapped_column(String(255))
    #: Leadership reception days: ``{"weekdays": [2], "hours": [["09:00", "11:30"]], "texts": {locale: text}}``.
    reception_days: Mapped[dict] = mapped_column(JSON, default=dict, server_default=text("'{}'"))
    #: The utility's "pay on your phone" page, ``https://…{account}…`` (the bill result's QR code); none: no code.
    payment_url_template: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: The region the hall belongs to (none for a hall run on its own).
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id", ondelete="SET NULL"), index=True)

    region: Mapped[Region | None] = relationship(back_populates="halls")
    services: Mapped[list[Service]] = relationship(back_populates="hall", order_by="Service.sort_order")
    windows: Mapped[list[Window]] = relationship(back_populates="hall", order_by="Window.number")

    def __repr__(self) -> str:
        return f"<Hall {self.code}>"


class Service(Model):
    """A business line with its ticket letter (A: bill payment, B: applications, …)."""

    __tablename__ = "services"
    __table_args__ = (UniqueConstraint("hall_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(4))
    names: Mapped[dict] = mapped_column(JSON, default=dict)
    #: Counter time limit per case from the hall rules (5 min bill payment, 20 min other business).
    time_limit_minutes: Mapped[int] = mapped_column(Integer, default=20)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    #: Whether the kiosk offers priority (green channel) tickets for this service.
    priority_offered: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    #: At most this many tickets per business day (``None``: no cap).
    daily_cap: Mapped[int | None] = mapped_column(Integer)
    #: The service's own ticketing hours within the hall's, shaped like ``Hall.business_hours`` (``None``: the hall's).
    own_hours: Mapped[dict | None] = mapped_column(JSON)
    #: A closed service is not offered on the kiosk and takes no tickets (it can be reopened).
    closed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    hall: Mapped[Hall] = relationship(back_populates="services")
    windows: Mapped[list[Window]] = relationship(secondary=window_services, back_populates="services")

    def __repr__(self) -> str:
        return f"<Service {self.code}>"


class Window(Model):
    """A service window (窗口) with its number and the services it handles."""

    __tablename__ = "windows"
    __table_args__ = (UniqueConstraint("hall_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    names: Mapped[dict] = mapped_column(JSON, default=dict)

    hall: Mapped[Hall] = relationship(back_populates="windows")
    services: Mapped[list[Service]] = relationship(
        secondary=window_services, back_populates="windows",
        order_by=lambda: (window_services.c.preference, Service.sort_order),
    )

    def __repr__(self) -> str:
        return f"<Window {self.number}>"


class DeviceKind(StrEnum):
    """What a registered device is: a kiosk, the wall display, a counter display or a rating tablet."""

    KIOSK = "kiosk"
    DISPLAY = "display"
    COUNTER = "counter"
    TABLET = "tablet"


class Device(Model):
    """A registered kiosk or display, known by the secret it was given when paired.

    Only hashes are stored: ``secret_hash`` of the long-lived secret the device's cookie holds, and
    ``pairing_code_hash`` of the one-time code an admin hands to whoever sets the device up.
    """

    __tablename__ = "devices"
    __table_args__ = (UniqueConstraint("hall_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(one_of(DeviceKind, "kind", 16), default=DeviceKind.KIOSK.value)
    #: The window a counter display or rating tablet belongs to.
    window_id: Mapped[int | None] = mapped_column(ForeignKey("windows.id", ondelete="SET NULL"))
    #: Printer backend: ``file:<dir>``, ``cups:<queue>`` or ``browser``.
    printer: Mapped[str] = mapped_column(String(255), default="file")
    settings: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    secret_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    pairing_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    pairing_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    paired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    hall: Mapped[Hall] = relationship()
    window: Mapped[Window | None] = relationship()

    @property
    def paired(self) -> bool:
        """Whether the device holds a secret that is not revoked."""
        return self.secret_hash is not None and self.revoked_at is None

    def __repr__(self) -> str:
        return f"<Device {self.name} {self.kind}>"


class CalendarDay(Model):
    """A local override of China's calendar: a public holiday (working=False) or a make-up working day (调休).

    For what the installed ``chinese-calendar`` does not know yet (a year announced after its release)
    or a local holiday; see :mod:`kiosk.hall.calendar`.
    """

    __tablename__ = "calendar_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    working: Mapped[bool] = mapped_column(Boolean, default=False)
    names: Mapped[dict] = mapped_column(JSON, default=dict)
