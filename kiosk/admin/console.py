"""The admin console's forms: the hall profile, business hours and calendar overrides, services and windows.

Each save checks every field with the setup file's own rules (:mod:`kiosk.admin.rules`, paths named
after the form fields), then writes all of it or nothing: one transaction with its audit entry and
the hall's ``setup`` event (kiosks and displays reload on it). A save with problems returns them
and writes nothing.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import func, select

from kiosk.admin import rules
from kiosk.admin.errors import AdminError
from kiosk.admin.rules import Problems, problem
from kiosk.audit.service import record
from kiosk.events.service import append_event
from kiosk.extensions import db
from kiosk.hall import calendar
from kiosk.hall.models import CalendarDay, Hall, Service, Window
from kiosk.hall.service import business_day, local_now, opening_spans, set_window_services, window_preferences
from kiosk.i18n import LOCALES
from kiosk.queue.models import Ticket, TicketStatus
from kiosk.staff.models import StaffUser

#: How many days the hours page previews.
PREVIEW_DAYS = 14
#: Bill payment's counter time limit from the hall rules (other business: 20 minutes).
BILL_PAYMENT_MINUTES = 5
OTHER_BUSINESS_MINUTES = 20


@dataclass
class Outcome:
    """The problems of a save (``"<field>: <message>"``); none means it was saved."""

    problems: Problems = field(default_factory=list)
    target: Any = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def fields(self) -> dict[str, str]:
        """``{field: message}`` for the form (a nested path belongs to its first field, e.g. ``hours.monday``)."""
        found: dict[str, str] = {}
        for line in self.problems:
            path, _sep, message = line.partition(": ")
            key = path.split("[", 1)[0]
            found.setdefault(key, message)
            found.setdefault(key.rsplit(".", 1)[0], message)
        return found


def _saved(hall: Hall, action: str, target: str, after: dict, outcome: Outcome) -> Outcome:
    """Commit the change with its audit entry and the ``setup`` event, or roll back when there are problems."""
    try:
        if outcome.problems:
            db.session.rollback()
            return outcome
        db.session.flush()
        record(action, target, after=after, hall_id=hall.id)
        append_event(hall.id, "setup", {"changes": 1})
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    return outcome


def _texts(form: Mapping, prefix: str) -> dict:
    """``{locale: text}`` from the fields ``<prefix>.<locale>`` that are filled in."""
    return {locale: form.get(f"{prefix}.{locale}", "").strip() for locale in LOCALES
            if form.get(f"{prefix}.{locale}", "").strip()}


def _spans_text(text: str) -> list[str]:
    """``"08:30-12:00, 13:30-17:30"`` → ``["08:30-12:00", "13:30-17:30"]``."""
    return [part.strip() for part in text.replace(",", " ").split() if part.strip()]


def week_from_form(form: Mapping, prefix: str) -> dict[str, list[str]]:
    """A weekly grid of the form (``<prefix>.open.monday``, ``.close``, ``.lunch_start``, ``.lunch_end``)."""
    week: dict[str, list[str]] = {}
    for day in rules.WEEKDAYS:
        opens, closes = (form.get(f"{prefix}.{key}.{day}", "").strip() for key in ("open", "close"))
        lunch = [form.get(f"{prefix}.{key}.{day}", "").strip() for key in ("lunch_start", "lunch_end")]
        if not opens and not closes:
            week[day] = []
        elif all(lunch):
            week[day] = [f"{opens}-{lunch[0]}", f"{lunch[1]}-{closes}"]
        else:
            week[day] = [f"{opens}-{closes}"]
    return week


def week_to_form(hours: dict | None) -> dict[str, dict[str, str]]:
    """The database's weekly hours as the grid shows them: ``{monday: {open, close, lunch_start, lunch_end}}``."""
    grid = {}
    for index, day in enumerate(rules.WEEKDAYS):
        spans = (hours or {}).get(str(index), [])
        cells = {"open": "", "close": "", "lunch_start": "", "lunch_end": ""}
        if spans:
            cells.update(open=spans[0][0], close=spans[-1][1])
            if len(spans) > 1:
                cells.update(lunch_start=spans[0][1], lunch_end=spans[1][0])
        grid[day] = cells
    return grid


# --- profile --------------------------------------------------------------------------------------


def save_profile(hall: Hall, form: Mapping, languages: list[str]) -> Outcome:
    """Names, addresses, time zone, phones, public URL, payment link, reception days and display languages."""
    outcome = Outcome()
    problems = outcome.problems
    reception = None
    weekdays = [day for day in rules.WEEKDAYS if form.get(f"reception.{day}")]
    reception_texts = _texts(form, "reception.texts")
    reception_hours = _spans_text(form.get("reception.hours", ""))
    if weekdays or reception_texts or reception_hours:
        reception = {"weekdays": weekdays, "hours": reception_hours, "texts": reception_texts}
    clean = {
        "names": rules.texts(_texts(form, "names"), "names", problems),
        "addresses": rules.texts(_texts(form, "addresses"), "addresses", problems, required=False),
        "timezone": rules.timezone(form.get("timezone", ""), "timezone", problems),
        "hotline": rules.pattern(form.get("hotline", "").strip() or "95598", "hotline", problems, rules.PHONE,
                                 _("must be a phone number of digits and '-'")),
        "complaint_phone": rules.pattern(form.get("complaint_phone", "").strip() or "95598", "complaint_phone",
                                         problems, rules.PHONE, _("must be a phone number of digits and '-'")),
        "public_url": rules.public_url(form.get("public_url"), "public_url", problems),
        "payment_url_template": rules.payment_url_template(form.get("payment_url_template"),
                                                           "payment_url_template", problems),
        "reception_days": rules.reception_days(reception, "reception", problems),
        "display_languages": rules.languages([code for code in languages if code], "display_languages", problems),
    }
    if not problems:
        for key, value in clean.items():
            setattr(hall, key, value)
    return _saved(hall, "hall.profile", hall.code, {"fields": sorted(clean)}, outcome)


# --- hours ----------------------------------------------------------------------------------------


def exceptions_from_text(text: str) -> dict[str, list[str]]:
    """Lines ``2026-12-31 08:30-12:00`` or ``2027-01-02 closed`` → ``{date: [spans]}`` for the rules."""
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        words = line.split()
        if words:
            found[words[0]] = [] if words[1:] in ([], ["closed"]) else _spans_text(" ".join(words[1:]))
    return found


def exceptions_to_text(exceptions: dict | None) -> str:
    """The hall's dated exceptions as the form's lines."""
    return "\n".join(f"{day} " + (" ".join(f"{start}-{end}" for start, end in spans) or "closed")
                     for day, spans in sorted((exceptions or {}).items()))


def save_hours(hall: Hall, form: Mapping) -> Outcome:
    """The weekly hours (with lunch breaks), the dated exceptions and ``closed_on_public_holidays``."""
    outcome = Outcome()
    hours = rules.opening_hours(week_from_form(form, "hours"), "hours", outcome.problems)
    exceptions = rules.dated_hours(exceptions_from_text(form.get("exceptions", "")), "exceptions", outcome.problems)
    if not outcome.problems and hours is not None and exceptions is not None:
        hall.business_hours, hall.hour_exceptions = hours, exceptions
        hall.closed_on_public_holidays = bool(form.get("closed_on_public_holidays"))
    return _saved(hall, "hall.hours", hall.code, {"exceptions": len(exceptions or {})}, outcome)


def set_override(hall: Hall, day_text: str, working: bool, name: str) -> Outcome:
    """Add or change a calendar override (a holiday, or a working day) for every hall; the halls hear of it."""
    outcome = Outcome()
    try:
        day = date.fromisoformat(day_text.strip())
    except ValueError:
        problem(outcome.problems, "day", _("must be a date written YYYY-MM-DD"))
        return outcome
    if len(name.strip()) > 60:
        problem(outcome.problems, "name", _("must be a text of 1 to %(n)s characters", n=60))
        return outcome
    row = db.session.get(CalendarDay, day) or CalendarDay(day=day)
    row.working, row.names = working, {"zh_Hans_CN": name.strip()} if name.strip() else {}
    db.session.add(row)
    return _calendar_saved(hall, "hall.calendar_set", day, {"working": working, "name": name.strip()}, outcome)


def remove_override(hall: Hall, day_text: str) -> Outcome:
    """Remove a calendar override."""
    outcome = Outcome()
    try:
        row = db.session.get(CalendarDay, date.fromisoformat(day_text.strip()))
    except ValueError:
        row = None
    if row is None:
        raise AdminError(_("There is no override on %(day)s.", day=day_text[:10]), 404)
    day = row.day
    db.session.delete(row)
    return _calendar_saved(hall, "hall.calendar_remove", day, {}, outcome)


def _calendar_saved(hall: Hall, action: str, day: date, after: dict, outcome: Outcome) -> Outcome:
    try:
        db.session.flush()
        record(action, day.isoformat(), after=after, hall_id=hall.id)
        for hall_id in db.session.scalars(select(Hall.id)):
            append_event(hall_id, "setup", {"changes": 1})
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    calendar.forget_overrides()
    return outcome


@dataclass
class PreviewDay:
    """One day of the hours preview: its spans and why (``holiday``, ``makeup``, ``override``, ``exception``)."""

    day: date
    spans: list[list[str]]
    reason: str | None


def preview(hall: Hall, days: int = PREVIEW_DAYS) -> list[PreviewDay]:
    """The next ``days`` days from today: open or closed, and why when it is not the plain weekday."""
    first = local_now(hall).date()
    overrides = calendar.overrides_between(first, first + timedelta(days=days))
    result = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        reason = None
        if day.isoformat() in (hall.hour_exceptions or {}):
            reason = "exception"
        elif hall.closed_on_public_holidays:
            if day in overrides:
                reason = "override"
            elif calendar.is_public_holiday(day):
                reason = "holiday"
            elif calendar.is_makeup_working_day(day):
                reason = "makeup"
        result.append(PreviewDay(day, opening_spans(hall, day), reason))
    return result


# --- services -------------------------------------------------------------------------------------


def _service_fields(hall: Hall, form: Mapping, service: Service | None, problems: Problems) -> dict:
    code = rules.pattern(form.get("code", "").strip().upper(), "code", problems, rules.SERVICE_CODE,
                         _("must be 1 to 4 capital letters (the ticket letter)"))
    if code is not None:
        other = db.session.scalar(select(Service).where(Service.hall_id == hall.id, Service.code == code))
        if other is not None and other is not service:
            problem(problems, "code", _("%(value)s appears twice", value=code))
    limit_text = form.get("time_limit_minutes", "").strip()
    cap_text = form.get("daily_cap", "").strip()
    own = None
    if form.get("own_hours"):
        own = rules.opening_hours(week_from_form(form, "own"), "own", problems)
    return {
        "code": code,
        "names": rules.texts(_texts(form, "names"), "names", problems),
        "time_limit_minutes": rules.whole_number(_number(limit_text), "time_limit_minutes", problems,
                                                 *rules.TIME_LIMIT_RANGE),
        "priority_offered": bool(form.get("priority_offered")),
        "daily_cap": rules.optional_whole_number(_number(cap_text) if cap_text else None, "daily_cap", problems,
                                                 *rules.DAILY_CAP_RANGE),
        "own_hours": own,
    }


def _number(text: str) -> object:
    return int(text) if text.isascii() and text.isdigit() else text


def create_service(hall: Hall, form: Mapping) -> Outcome:
    """Add a service at the end of the kiosk's order."""
    outcome = Outcome()
    clean = _service_fields(hall, form, None, outcome.problems)
    if not outcome.problems:
        last = db.session.scalar(select(func.max(Service.sort_order)).where(Service.hall_id == hall.id))
        service = Service(hall_id=hall.id, sort_order=(last if last is not None else -1) + 1, **clean)
        db.session.add(service)
        outcome.target = service
    return _saved(hall, "hall.service_create", str(clean["code"]), _plain(clean), outcome)


def update_service(hall: Hall, service: Service, form: Mapping) -> Outcome:
    """Change a service's code, names, time limit, priority option, daily cap and own hours."""
    outcome = Outcome(target=service)
    clean = _service_fields(hall, form, service, outcome.problems)
    if not outcome.problems:
        for key, value in clean.items():
            setattr(service, key, value)
    return _saved(hall, "hall.service_update", str(clean["code"]), _plain(clean), outcome)


def _plain(clean: dict) -> dict:
    return {key: value for key, value in clean.items() if key != "own_hours"} | {"own_hours": bool(clean["own_hours"])}


def waiting_today(service: Service) -> int:
    """How many of today's tickets wait for ``service``."""
    return db.session.scalar(select(func.count()).select_from(Ticket).where(
        Ticket.service_id == service.id, Ticket.status == TicketStatus.WAITING,
        Ticket.business_day == business_day(service.hall))) or 0


def service_action(hall: Hall, service: Service, action: str) -> Outcome:
    """``up`` / ``down`` in the kiosk's order, ``close`` / ``reopen``, or ``delete`` (refused while tickets wait)."""
    outcome = Outcome(target=service)
    actions: dict[str, Callable[[], None]] = {
        "up": lambda: _move(hall, service, -1), "down": lambda: _move(hall, service, 1),
        "close": lambda: setattr(service, "closed", True), "reopen": lambda: setattr(service, "closed", False),
        "delete": lambda: _delete(service, outcome),
    }
    if action not in actions:
        raise AdminError(_("Unknown action."), 400)
    actions[action]()
    return _saved(hall, f"hall.service_{action}", service.code, {}, outcome)


def _move(hall: Hall, service: Service, step: int) -> None:
    order = list(hall.services)
    index = order.index(service)
    other = index + step
    if 0 <= other < len(order):
        order[index], order[other] = order[other], order[index]
    for position, item in enumerate(order):
        item.sort_order = position


def _delete(service: Service, outcome: Outcome) -> None:
    waiting = waiting_today(service)
    if waiting:
        problem(outcome.problems, "delete", _("%(code)s has %(count)s waiting tickets today and cannot be deleted; "
                                              "close it instead (it takes no new tickets)",
                                              code=service.code, count=waiting))
        return
    db.session.delete(service)


# --- windows --------------------------------------------------------------------------------------


def _window_fields(hall: Hall, form: Mapping, window: Window | None, problems: Problems) -> dict:
    number = rules.whole_number(_number(form.get("number", "").strip()), "number", problems, *rules.WINDOW_RANGE)
    if number is not None:
        other = db.session.scalar(select(Window).where(Window.hall_id == hall.id, Window.number == number))
        if other is not None and other is not window:
            problem(problems, "number", _("%(value)s appears twice", value=number))
    ranked = []
    for service in hall.services:
        rank = form.get(f"rank.{service.code}", "").strip()
        if rank:
            ranked.append((service, _number(rank)))
    if not ranked:
        problem(problems, "services", _("must list the codes of the services this window serves"))
    checked = rules.preferences([rank for _service, rank in ranked], len(ranked), "services", problems,
                                len(hall.services))
    staff_text = form.get("default_staff", "").strip()
    staff = None
    if staff_text:
        staff = db.session.scalar(select(StaffUser).where(StaffUser.hall_id == hall.id,
                                                          StaffUser.id == _number(staff_text)))
        if staff is None:
            problem(problems, "default_staff", _("must be one of %(values)s",
                                                 values=", ".join(user.username for user in hall_staff(hall))))
    names = rules.texts(_texts(form, "names"), "names", problems, required=False)
    return {"number": number, "names": names, "ranked": list(zip([s for s, _r in ranked], checked or [],
                                                                    strict=False)), "staff": staff}


def hall_staff(hall: Hall) -> list[StaffUser]:
    """The hall's active staff users, by username."""
    return list(db.session.scalars(select(StaffUser).where(StaffUser.hall_id == hall.id, StaffUser.active.is_(True))
                                   .order_by(StaffUser.username)))


def default_staff(window: Window) -> StaffUser | None:
    """The staff user whose default window ``window`` is (the first by username)."""
    return db.session.scalar(select(StaffUser).where(StaffUser.default_window_id == window.id)
                             .order_by(StaffUser.username).limit(1))


def _apply_window(window: Window, clean: dict) -> None:
    window.number = clean["number"]
    window.names = clean["names"] or {"zh_Hans_CN": f"{clean['number']}号窗口", "en": f"Window {clean['number']}"}
    db.session.flush()
    set_window_services(window, clean["ranked"])
    for user in db.session.scalars(select(StaffUser).where(StaffUser.default_window_id == window.id)):
        if user is not clean["staff"]:
            user.default_window_id = None
    if clean["staff"] is not None:
        clean["staff"].default_window_id = window.id


def create_window(hall: Hall, form: Mapping) -> Outcome:
    """Add a window with its services in order of preference and its default staff member."""
    outcome = Outcome()
    clean = _window_fields(hall, form, None, outcome.problems)
    if not outcome.problems:
        window = Window(hall_id=hall.id, number=clean["number"])
        db.session.add(window)
        _apply_window(window, clean)
        outcome.target = window
    return _saved(hall, "hall.window_create", f"window:{clean['number']}", _window_audit(clean), outcome)


def update_window(hall: Hall, window: Window, form: Mapping) -> Outcome:
    """Change a window's number, names, services with their ranks and default staff member."""
    outcome = Outcome(target=window)
    clean = _window_fields(hall, form, window, outcome.problems)
    if not outcome.problems:
        _apply_window(window, clean)
    return _saved(hall, "hall.window_update", f"window:{clean['number']}", _window_audit(clean), outcome)


def _window_audit(clean: dict) -> dict:
    return {"services": {service.code: rank for service, rank in clean["ranked"]},
            "staff": clean["staff"].username if clean["staff"] is not None else None}


def window_ranks(window: Window) -> dict[str, int]:
    """``{service code: rank}`` of the window's services."""
    ranks = window_preferences(window)
    return {service.code: ranks.get(service.id, 1) for service in window.services}
