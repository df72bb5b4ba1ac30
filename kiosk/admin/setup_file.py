"""A hall's whole setup as one YAML file: ``flask --app app hall export CODE`` and ``hall import FILE``.

The file holds the profile, opening hours, services, windows, devices (never their secrets) and
staff (never passwords). Importing creates the hall or brings it to exactly what the file says for
its profile, services and windows; devices and staff in the file are created or updated, others are
left alone. An import is all or nothing: every problem is named by its path in the file
(``services[2].time_limit_minutes: must be a whole number from 1 to 240``) and nothing is written;
``dry_run`` checks and reports the changes, then rolls them back. See ``docs/hall-setup.md``.
"""
from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

import yaml
from flask_babel import gettext as _
from sqlalchemy import func, select

from kiosk.admin import rules
from kiosk.admin.rules import Problems, problem
from kiosk.audit.service import record
from kiosk.events.service import append_event
from kiosk.extensions import db
from kiosk.hall.models import Device, Hall, Region, Service, Window
from kiosk.hall.service import set_window_services, window_preferences
from kiosk.queue.models import Ticket, TicketStatus
from kiosk.staff.models import StaffRole, StaffUser

#: The file format's version, written on export and checked on import.
FORMAT_VERSION = 1


@dataclass
class SetupReport:
    """What an import found (``problems``) or did (``changes``)."""

    hall_code: str = ""
    problems: Problems = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


# --- export ---------------------------------------------------------------------------------------


def export_hall(hall: Hall) -> dict:
    """The hall's setup as plain data, in the file's layout."""
    devices = db.session.scalars(select(Device).where(Device.hall_id == hall.id).order_by(Device.name))
    staff = db.session.scalars(select(StaffUser).where(StaffUser.hall_id == hall.id,
                                                       StaffUser.role != StaffRole.REGION_ADMIN.value)
                               .order_by(StaffUser.username))
    return {
        "version": FORMAT_VERSION,
        "hall": {
            "code": hall.code, "names": dict(hall.names or {}), "addresses": dict(hall.addresses or {}),
            "timezone": hall.timezone, "hotline": hall.hotline, "complaint_phone": hall.complaint_phone,
            "display_languages": list(hall.display_languages or []),
            "opening_hours": rules.file_hours(hall.business_hours),
            "opening_exceptions": {day: [f"{start}-{end}" for start, end in spans]
                                   for day, spans in sorted((hall.hour_exceptions or {}).items())},
            "closed_on_public_holidays": hall.closed_on_public_holidays,
            "public_url": hall.public_url,
            "reception_days": rules.file_reception_days(hall.reception_days),
            "payment_url_template": hall.payment_url_template or "",
            "region": hall.region.code if hall.region is not None else None,
        },
        "services": [{"code": service.code, "names": dict(service.names or {}),
                      "time_limit_minutes": service.time_limit_minutes, "priority_offered": service.priority_offered,
                      "daily_cap": service.daily_cap,
                      "own_hours": None if service.own_hours is None else rules.file_hours(service.own_hours),
                      "closed": service.closed} for service in hall.services],
        "windows": [_export_window(window) for window in hall.windows],
        "devices": [{"name": device.name, "kind": device.kind,
                     "window": device.window.number if device.window else None, "printer": device.printer}
                    for device in devices],
        "staff": [{"username": user.username, "display_name": user.display_name, "role": user.role,
                   "default_window": user.default_window.number if user.default_window else None,
                   "active": user.active} for user in staff],
    }


def _export_window(window: Window) -> dict:
    entry = {"number": window.number, "names": dict(window.names or {}),
             "services": [service.code for service in window.services]}
    ranks = window_preferences(window)
    if len(set(ranks.values())) > 1:
        entry["preference"] = [ranks[service.id] for service in window.services]
    return entry


def dump(data: dict) -> str:
    """The setup as YAML text (Unicode kept readable)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)


# --- checking ---------------------------------------------------------------------------------------


def _list(data: dict, key: str, problems: Problems) -> list:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        problem(problems, key, _("must be a list of entries"))
        return []
    return value


def _entries(data: dict, section: str, unique: str, check_entry: Callable[[dict, str], dict],
             problems: Problems) -> list[dict]:
    """Each entry of the list ``section`` checked by ``check_entry(raw, path)``; ``unique`` must not repeat."""
    raw_items = _list(data, section, problems)
    items = [check_entry(raw, f"{section}[{index}]") for index, raw in enumerate(raw_items)]
    _unique(raw_items, unique, section, problems)
    return items


def _unique(items: list[dict], key: str, section: str, problems: Problems) -> None:
    seen: set = set()
    for index, item in enumerate(items):
        value = item.get(key)
        if value is not None and value in seen:
            problem(problems, f"{section}[{index}].{key}", _("%(value)s appears twice", value=value))
        seen.add(value)


def check(data: object) -> tuple[dict, Problems]:
    """The file's data checked and cleaned; every problem with its path."""
    problems: Problems = []
    if not isinstance(data, dict):
        return {}, [_("the file must be a YAML mapping with hall, services and windows")]
    if data.get("version", FORMAT_VERSION) != FORMAT_VERSION:
        problem(problems, "version", _("must be %(version)s", version=FORMAT_VERSION))
    raw_hall = data.get("hall")
    if not isinstance(raw_hall, dict):
        problem(problems, "hall", _("must be a mapping (code, names, timezone, …)"))
        raw_hall = {}
    hall = {
        "code": rules.pattern(raw_hall.get("code"), "hall.code", problems, rules.HALL_CODE,
                              _("must be 1 to 32 lowercase letters, digits or '-'")),
        "names": rules.texts(raw_hall.get("names"), "hall.names", problems),
        "addresses": rules.texts(raw_hall.get("addresses"), "hall.addresses", problems, required=False),
        "timezone": rules.timezone(raw_hall.get("timezone", "Asia/Shanghai"), "hall.timezone", problems),
        "hotline": rules.pattern(raw_hall.get("hotline", "95598"), "hall.hotline", problems, rules.PHONE,
                                 _("must be a phone number of digits and '-'")),
        "complaint_phone": rules.pattern(raw_hall.get("complaint_phone", "95598"), "hall.complaint_phone", problems,
                                         rules.PHONE, _("must be a phone number of digits and '-'")),
        "display_languages": rules.languages(raw_hall.get("display_languages", ["zh_Hans_CN", "en"]),
                                             "hall.display_languages", problems),
        "business_hours": rules.opening_hours(raw_hall.get("opening_hours", {}), "hall.opening_hours", problems),
        "hour_exceptions": rules.dated_hours(raw_hall.get("opening_exceptions"), "hall.opening_exceptions", problems),
        "closed_on_public_holidays": rules.flag(raw_hall.get("closed_on_public_holidays"),
                                                "hall.closed_on_public_holidays", problems, True),
        "public_url": rules.public_url(raw_hall.get("public_url"), "hall.public_url", problems),
        "reception_days": rules.reception_days(raw_hall.get("reception_days"), "hall.reception_days", problems),
        "payment_url_template": rules.payment_url_template(raw_hall.get("payment_url_template"),
                                                           "hall.payment_url_template", problems),
    }
    if "region" in raw_hall:  # left out: the hall stays in its region; empty: it leaves it
        hall["region"] = None if raw_hall["region"] in (None, "") else rules.pattern(
            raw_hall["region"], "hall.region", problems, rules.HALL_CODE,
            _("must be a region code (1 to 32 lowercase letters, digits or '-') or empty"))

    def service(raw: dict, path: str) -> dict:
        return {
            "code": rules.pattern(raw.get("code"), f"{path}.code", problems, rules.SERVICE_CODE,
                                  _("must be 1 to 4 capital letters (the ticket letter)")),
            "names": rules.texts(raw.get("names"), f"{path}.names", problems),
            "time_limit_minutes": rules.whole_number(raw.get("time_limit_minutes", 20), f"{path}.time_limit_minutes",
                                                     problems, *rules.TIME_LIMIT_RANGE),
            "priority_offered": rules.flag(raw.get("priority_offered"), f"{path}.priority_offered", problems, True),
            "daily_cap": rules.optional_whole_number(raw.get("daily_cap"), f"{path}.daily_cap", problems,
                                                     *rules.DAILY_CAP_RANGE),
            "own_hours": rules.optional_hours(raw.get("own_hours"), f"{path}.own_hours", problems),
            "closed": rules.flag(raw.get("closed"), f"{path}.closed", problems, False),
        }

    services = _entries(data, "services", "code", service, problems)
    codes = {item["code"] for item in services}

    def window(raw: dict, path: str) -> dict:
        served = raw.get("services")
        if not isinstance(served, list) or not served:
            problem(problems, f"{path}.services", _("must list the codes of the services this window serves"))
            served = []
        for number, code in enumerate(served):
            if code not in codes:
                problem(problems, f"{path}.services[{number}]", _("%(code)s is not a service of this file",
                                                                   code=code))
        return {
            "number": rules.whole_number(raw.get("number"), f"{path}.number", problems, *rules.WINDOW_RANGE),
            "names": rules.texts(raw.get("names"), f"{path}.names", problems, required=False),
            "services": [code for code in served if code in codes],
            "preference": rules.preferences(raw.get("preference"), len(served), f"{path}.preference", problems),
        }

    windows = _entries(data, "windows", "number", window, problems)
    numbers = {item["number"] for item in windows}

    def window_ref(value, path):
        if value is None:
            return None
        if value not in numbers:
            problem(problems, path, _("window %(number)s is not a window of this file", number=value))
        return value

    def device(raw: dict, path: str) -> dict:
        return {
            "name": rules.pattern(raw.get("name"), f"{path}.name", problems, rules.DEVICE_NAME,
                                  _("must be 1 to 64 letters, digits, '.', '_' or '-'")),
            "kind": rules.device_kind(raw.get("kind", "kiosk"), f"{path}.kind", problems),
            "window": window_ref(raw.get("window"), f"{path}.window"),
            "printer": rules.printer(raw.get("printer"), f"{path}.printer", problems),
        }

    def member(raw: dict, path: str) -> dict:
        return {
            "username": rules.pattern(raw.get("username"), f"{path}.username", problems, rules.USERNAME,
                                      _("must be 3 to 64 letters, digits, '.', '_' or '-'")),
            "display_name": str(raw.get("display_name") or raw.get("username") or "")[:128],
            "role": rules.role(raw.get("role", "staff"), f"{path}.role", problems),
            "default_window": window_ref(raw.get("default_window"), f"{path}.default_window"),
            "active": rules.flag(raw.get("active"), f"{path}.active", problems, True),
        }

    devices = _entries(data, "devices", "name", device, problems)
    staff = _entries(data, "staff", "username", member, problems)
    return {"hall": hall, "services": services, "windows": windows, "devices": devices, "staff": staff}, problems


# --- applying ---------------------------------------------------------------------------------------


def _set_region(hall: Hall, code: str | None, report: SetupReport) -> None:
    """Put ``hall`` in the region ``code`` (``None``: in no region)."""
    region_id = None
    if code is not None:
        region_id = db.session.scalar(select(Region.id).where(Region.code == code))
        if region_id is None:
            problem(report.problems, "hall.region", _("no region has the code %(code)s (create-region makes one)",
                                                      code=code))
    if hall.region_id != region_id:
        hall.region_id = region_id
        report.changes.append("hall.region: set")


def _apply(clean: dict, report: SetupReport) -> Hall:
    profile = clean["hall"]
    hall = db.session.scalar(select(Hall).where(Hall.code == profile["code"]))
    if hall is None:
        hall = Hall(code=profile["code"])
        db.session.add(hall)
        report.changes.append(f"hall {profile['code']}: created")
    if "region" in profile:
        _set_region(hall, profile["region"], report)
    for key, value in profile.items():
        if key not in ("code", "region") and getattr(hall, key) != value:
            setattr(hall, key, value)
            report.changes.append(f"hall.{key}: set")
    db.session.flush()

    services = {service.code: service for service in hall.services}
    wanted = [service["code"] for service in clean["services"]]
    for order, item in enumerate(clean["services"]):
        service = services.get(item["code"])
        if service is None:
            service = services[item["code"]] = Service(hall_id=hall.id, code=item["code"])
            db.session.add(service)
            report.changes.append(f"service {item['code']}: created")
        for key, value in (("names", item["names"]), ("time_limit_minutes", item["time_limit_minutes"]),
                           ("priority_offered", item["priority_offered"]), ("daily_cap", item["daily_cap"]),
                           ("own_hours", item["own_hours"]), ("closed", item["closed"]), ("sort_order", order)):
            if getattr(service, key) != value:
                setattr(service, key, value)
                if key != "sort_order" or service.id is not None:
                    report.changes.append(f"service {item['code']}.{key}: set")
    for code, service in list(services.items()):
        if code in wanted:
            continue
        waiting = db.session.scalar(select(func.count()).select_from(Ticket).where(
            Ticket.service_id == service.id, Ticket.status == TicketStatus.WAITING)) or 0
        if waiting:
            problem(report.problems, "services", _("service %(code)s has %(count)s waiting tickets and cannot be "
                                                   "removed now; suspend it instead", code=code, count=waiting))
        else:
            db.session.delete(service)
            del services[code]
            report.changes.append(f"service {code}: removed")
    db.session.flush()

    windows = {window.number: window for window in hall.windows}
    wanted_numbers = [window["number"] for window in clean["windows"]]
    for item in clean["windows"]:
        window = windows.get(item["number"])
        if window is None:
            window = windows[item["number"]] = Window(hall_id=hall.id, number=item["number"])
            db.session.add(window)
            report.changes.append(f"window {item['number']}: created")
        names = item["names"] or {"zh_Hans_CN": f"{item['number']}号窗口", "en": f"Window {item['number']}"}
        ranked = [(services[code], rank) for code, rank in zip(item["services"], item["preference"], strict=True)
                  if code in services]
        if window.names != names:
            window.names = names
            report.changes.append(f"window {item['number']}.names: set")
        if window.id is None:
            db.session.flush()
        current = window_preferences(window)
        if {service.id: rank for service, rank in ranked} != current:
            set_window_services(window, ranked)
            report.changes.append(f"window {item['number']}.services: set")
    for number, window in list(windows.items()):
        if number not in wanted_numbers:
            db.session.delete(window)
            del windows[number]
            report.changes.append(f"window {number}: removed")
    db.session.flush()

    for item in clean["devices"]:
        device = db.session.scalar(select(Device).where(Device.hall_id == hall.id, Device.name == item["name"]))
        if device is None:
            device = Device(hall_id=hall.id, name=item["name"])
            db.session.add(device)
            report.changes.append(f"device {item['name']}: created (pair it to use it)")
        window_id = windows[item["window"]].id if item["window"] is not None else None
        for key, value in (("kind", item["kind"]), ("printer", item["printer"]), ("window_id", window_id)):
            if getattr(device, key) != value:
                setattr(device, key, value)
                report.changes.append(f"device {item['name']}.{key}: set")

    for index, item in enumerate(clean["staff"]):
        user = db.session.scalar(select(StaffUser).where(StaffUser.username == item["username"]))
        if user is not None and user.role == StaffRole.REGION_ADMIN:
            problem(report.problems, f"staff[{index}].username",
                    _("%(name)s is a region administrator (not part of a hall's setup)", name=item["username"]))
            continue
        if user is not None and user.hall_id != hall.id:
            problem(report.problems, f"staff[{index}].username",
                    _("%(name)s is a user of another hall", name=item["username"]))
            continue
        if user is None:
            user = StaffUser(username=item["username"], hall_id=hall.id)
            user.set_password(secrets.token_urlsafe(32))  # nobody knows it: an admin sets one to let them in
            db.session.add(user)
            report.changes.append(f"staff {item['username']}: created (an admin sets the password)")
        window_id = windows[item["default_window"]].id if item["default_window"] is not None else None
        for key, value in (("display_name", item["display_name"]), ("role", item["role"]),
                           ("default_window_id", window_id), ("active", item["active"])):
            if getattr(user, key) != value:
                setattr(user, key, value)
                report.changes.append(f"staff {item['username']}.{key}: set")
                if key in ("role", "active"):
                    user.end_sessions()
    return hall


def import_hall(text: str, *, dry_run: bool = False, actor: str | None = None,
                only_hall: str | None = None) -> SetupReport:
    """Create or update the hall the YAML ``text`` describes; all or nothing (see the module's docstring).

    Commits only when the whole file is good and ``dry_run`` is false; otherwise nothing is written.
    With ``only_hall`` (the console: an admin edits their own hall), a file for another hall is refused.
    A committed change is announced to the hall's displays (a ``setup`` event), which then reload.
    """
    report = SetupReport(dry_run=dry_run)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = _("line %(line)s", line=mark.line + 1) if mark is not None else _("the file")
        report.problems.append(_("%(where)s: this is not valid YAML", where=where))
        return report
    clean, report.problems = check(data)
    if not report.problems and only_hall is not None and clean["hall"]["code"] != only_hall:
        problem(report.problems, "hall.code", _("must stay %(code)s (this console edits your own hall)",
                                                code=only_hall))
    if report.problems:
        return report
    report.hall_code = clean["hall"]["code"]
    try:
        with db.session.no_autoflush:
            hall = _apply(clean, report)
        if report.problems or dry_run:
            db.session.rollback()
            return report
        if report.changes:
            db.session.flush()
            append_event(hall.id, "setup", {"changes": len(report.changes)})
        record("hall.import", report.hall_code, after={"changes": len(report.changes)}, actor=actor)
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    return report
