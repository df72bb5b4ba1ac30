"""Application progress (业务办理进度查询): two-factor match, masked name, stages with deadlines."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from kiosk.extensions import db
from kiosk.guides import service
from kiosk.guides.labels import STAGES
from kiosk.guides.models import Application
from kiosk.guides.workdays import add_working_days, exceptions_between

MAX_NUMBER = 32


def mask_name(name: str) -> str:
    """张*明 style: first and last character kept for 3+ characters, surname + * for 2, * for 1."""
    name = (name or "").strip()
    if len(name) <= 1:
        return "*" if name else ""
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def normalize_number(text: str | None) -> str:
    """The application number as typed, trimmed and upper-cased ('' when unusable)."""
    value = (text or "").strip().upper()
    if not value or len(value) > MAX_NUMBER or not all(ch.isalnum() or ch == "-" for ch in value):
        return ""
    return value


def find(number: str | None, last4: str | None) -> Application | None:
    """The application when both the number and the phone's last 4 digits match, else ``None``."""
    number = normalize_number(number)
    last4 = (last4 or "").strip()
    if not number or len(last4) != 4 or not last4.isdigit():
        return None
    application = db.session.scalar(select(Application).where(Application.number == number))
    if application is None or application.phone_last4 != last4:
        return None
    return application


@dataclass(frozen=True)
class StageView:
    code: str
    name: str
    started_on: date | None
    completed_on: date | None
    limit_days: int | None
    due_on: date | None
    status: str  # on_time / overdue / pending
    current: bool


@dataclass(frozen=True)
class Progress:
    number: str
    business: str
    business_name: str
    applicant: str  # masked
    stages: list[StageView]
    as_of: date

    @property
    def overdue(self) -> bool:
        return any(stage.status == "overdue" for stage in self.stages)

    @property
    def finished(self) -> bool:
        return all(stage.completed_on for stage in self.stages)


def _status(due: date | None, completed: date | None, today: date) -> str:
    if completed is not None:
        return "overdue" if due is not None and completed > due else "on_time"
    if due is not None and today > due:
        return "overdue"
    return "pending"


def progress(application: Application, today: date) -> Progress:
    """The customer's view of ``application`` on ``today`` (only masked personal data)."""
    guide = service.guide_by_code(application.business)
    rows = {row.stage: row for row in application.stages}
    order = service.stage_limits(guide)
    known = {code for code, _days in order}
    order += [(row.stage, None) for row in application.stages if row.stage not in known]
    dates = [d for row in application.stages for d in (row.started_on, row.completed_on) if d]
    exceptions = exceptions_between(min(dates + [today]), max(dates + [today]))
    views, current_found, previous_done = [], False, None
    for code, days in order:
        row = rows.get(code)
        started = (row.started_on if row else None) or previous_done
        completed = row.completed_on if row else None
        due = add_working_days(started, days, exceptions) if started and days is not None else None
        current = not current_found and completed is None
        current_found = current_found or current
        views.append(StageView(code, str(STAGES.get(code, code)), started, completed, days, due,
                               _status(due, completed, today), current))
        previous_done = completed
    return Progress(application.number, application.business,
                    service.guide_name(guide, application.business), mask_name(application.applicant), views, today)
