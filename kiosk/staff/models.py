"""Staff accounts and their API bearer tokens."""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from kiosk.dbtypes import UTCDateTime, one_of, utcnow
from kiosk.extensions import Model
from kiosk.hall.models import Hall, Region, Window


class StaffRole(StrEnum):
    """Roles from least to most powerful; a role may do everything the ones before it may."""

    STAFF = "staff"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    #: Administers every hall of their region; works in one of them at a time (``hall_id``).
    REGION_ADMIN = "region_admin"


#: The roles in order of power.
ROLES: tuple[StaffRole, ...] = tuple(StaffRole)
#: The roles of a member of one hall (what a hall's admin may give; region admins are made by ``create-user``).
HALL_ROLES: tuple[StaffRole, ...] = (StaffRole.STAFF, StaffRole.SUPERVISOR, StaffRole.ADMIN)


class StaffUser(UserMixin, Model):
    """A member of hall staff who logs in to the console."""

    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(128), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(one_of(StaffRole, "role", 16), default=StaffRole.STAFF.value)
    #: The hall the user works in (for a region admin: the hall they are currently working in).
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), index=True)
    #: A region admin's region (empty for everyone else).
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id", ondelete="SET NULL"), index=True)
    default_window_id: Mapped[int | None] = mapped_column(ForeignKey("windows.id", ondelete="SET NULL"))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: Moves on at logout, a password change or reset and a disable: every session stored with an older value ends.
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")

    hall: Mapped[Hall] = relationship()
    region: Mapped[Region | None] = relationship()
    default_window: Mapped[Window | None] = relationship()

    def set_password(self, password: str) -> None:
        """Store a salted hash of ``password``."""
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        """Whether ``password`` matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    def has_role(self, role: str) -> bool:
        """Whether this user's role is ``role`` or above it."""
        return ROLES.index(self.role) >= ROLES.index(role)

    @property
    def is_active(self) -> bool:  # Flask-Login
        return self.active

    def get_id(self) -> str:
        """Flask-Login's session id: ``"<id>:<session version>"``, so a new version ends older sessions."""
        return f"{self.id}:{self.session_version or 0}"

    def end_sessions(self) -> None:
        """Make every session of this user stored so far invalid (in the caller's transaction)."""
        self.session_version = (self.session_version or 0) + 1


class LoginThrottle(Model):
    """Failed staff logins of one key (``"user:<name>"`` or ``"addr:<address>"``) and when it may try again."""

    __tablename__ = "login_throttles"

    key: Mapped[str] = mapped_column(String(160), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    retry_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ApiToken(Model):
    """A bearer token for the JSON API; only its SHA-256 digest is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"), index=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[StaffUser] = relationship()
