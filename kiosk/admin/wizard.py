"""The first-run wizard: an empty database without the demo (``KIOSK_DEMO=0``) leads to ``/setup``.

Six short steps (first admin, hall, hours, services, windows, one kiosk), each checked on its own with
the setup file's rules (:mod:`kiosk.admin.setup_file`), kept in the session between steps (the password
only as its hash). The last step builds the whole hall through one setup-file import, then sets the admin's
password and gives the kiosk its pairing code. Once a hall exists the wizard is gone (404).
"""
from __future__ import annotations

import re

from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from kiosk.admin import rules, setup_file
from kiosk.audit.service import record
from kiosk.devices import pairing
from kiosk.errors import KioskError
from kiosk.extensions import db
from kiosk.hall.models import Device, Hall
from kiosk.staff import users
from kiosk.staff.models import StaffUser
from kiosk.transaction import use_case

STEPS = ("account", "hall", "hours", "services", "windows", "kiosk")
MAX_SERVICES = 6
MAX_WINDOWS = 12
#: The first admin's role, the kiosk's kind.
ADMIN_ROLE, KIOSK_KIND = "admin", "kiosk"
_CODES = re.compile(r"[\s,，、]+")


class WizardError(KioskError):
    """A step's input is not right: ``problems`` maps form fields (or file paths) to translated messages."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(" ".join(problems.values()), 400)
        self.problems = problems


def too_many_message() -> str:
    """The refusal when a client posts too many forms in a minute."""
    return _("Too many attempts. Please wait a minute and try again.")


def hall_exists() -> bool:
    """Whether the database holds any hall (then the wizard is over)."""
    return db.session.scalar(select(Hall.id).limit(1)) is not None


def _text(form, name: str) -> str:
    value = form.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def _problems_under(data: dict, prefix: str) -> dict[str, str]:
    """The setup file's problems of ``data`` whose path starts with ``prefix``, as ``{path: message}``."""
    _clean, problems = setup_file.check(data)
    found = {}
    for line in problems:
        path, _sep, message = line.partition(": ")
        if path.startswith(prefix):
            found[path] = message
    return found


def _document(state: dict, **parts) -> dict:
    """The setup file the wizard has gathered so far (``parts`` replace sections)."""
    hall = dict(state.get("hall") or {"code": "x", "names": {"zh_Hans_CN": "x"}})
    hall.update(state.get("hours") or {})
    hall.update(parts.pop("hall_extra", {}))
    document = {"version": setup_file.FORMAT_VERSION, "hall": hall, "services": state.get("services") or [],
                "windows": state.get("windows") or []}
    document.update(parts)
    return document


def _raise(problems: dict[str, str]) -> None:
    if problems:
        raise WizardError(problems)


def check_account(form) -> dict:
    """Step 1: the first administrator (username, password twice)."""
    username = _text(form, "username")
    _raise(users.account_problems(username, form.get("password", ""), form.get("password_confirm", "")))
    return {"username": username, "password_hash": generate_password_hash(form.get("password", ""))}


def check_hall(form, state: dict) -> dict:
    """Step 2: code, Chinese name, English name (optional), time zone, hotline."""
    names = {"zh_Hans_CN": _text(form, "name_zh")}
    if _text(form, "name_en"):
        names["en"] = _text(form, "name_en")
    hall = {"code": _text(form, "code"), "names": names, "timezone": _text(form, "timezone") or "Asia/Shanghai",
            "hotline": _text(form, "hotline") or "95598"}
    _raise(_problems_under(_document(state, hall=hall), "hall."))
    return hall


def check_hours(form, state: dict) -> dict:
    """Step 3: the weekdays open, opening and closing time, an optional lunch break, public holidays."""
    opens, closes = _text(form, "open"), _text(form, "close")
    lunch_from, lunch_to = _text(form, "lunch_from"), _text(form, "lunch_to")
    problems: dict[str, str] = {}
    if bool(lunch_from) != bool(lunch_to):
        problems["lunch"] = _("Give both the start and the end of the lunch break, or neither.")
    spans = [f"{opens}-{lunch_from}", f"{lunch_to}-{closes}"] if lunch_from and lunch_to else [f"{opens}-{closes}"]
    days = [day for index, day in enumerate(rules.WEEKDAYS) if form.get(f"day{index}")]
    if not days:
        problems["days"] = _("Choose at least one day the hall is open.")
    hours = {"opening_hours": {day: spans for day in days},
             "closed_on_public_holidays": bool(form.get("holidays"))}
    clocks = [opens, closes] + ([lunch_from, lunch_to] if lunch_from and lunch_to else [])
    if all(rules.CLOCK.fullmatch(clock) for clock in clocks) and lunch_from and lunch_to \
            and not opens < lunch_from < lunch_to < closes:
        problems["lunch"] = _("The lunch break must lie between opening and closing time.")
    elif not problems:
        found = _problems_under(_document(state, hall_extra=hours), "hall.opening_hours")
        if found:  # the same spans on every day: one message is enough
            problems["hours"] = next(iter(found.values()))
    _raise(problems)
    return hours


def check_services(form, state: dict) -> list[dict]:
    """Step 4: up to six services (letter code, Chinese name, time limit in minutes); blank rows are skipped."""
    services, problems = [], {}
    for row in range(MAX_SERVICES):
        code, name, limit = (_text(form, f"service{row}_{key}") for key in ("code", "name", "limit"))
        if not (code or name or limit):
            continue
        minutes: object = int(limit) if limit.isascii() and limit.isdigit() and len(limit) <= 4 else limit or 20
        services.append({"code": code.upper(), "names": {"zh_Hans_CN": name}, "time_limit_minutes": minutes})
    if not services:
        problems["services"] = _("Enter at least one service.")
    problems.update(_problems_under(_document(state, services=services, windows=[]), "services"))
    _raise(problems)
    return services


def check_windows(form, state: dict) -> list[dict]:
    """Step 5: up to twelve windows (number, the letter codes of the services it serves)."""
    windows, problems = [], {}
    for row in range(MAX_WINDOWS):
        number, served = _text(form, f"window{row}_number"), _text(form, f"window{row}_services")
        if not (number or served):
            continue
        value: object = int(number) if number.isascii() and number.isdigit() and len(number) <= 4 else number
        windows.append({"number": value, "services": [code.upper() for code in _CODES.split(served) if code]})
    if not windows:
        problems["windows"] = _("Enter at least one window.")
    problems.update(_problems_under(_document(state, windows=windows), "windows"))
    _raise(problems)
    return windows


def check_kiosk(form, state: dict) -> dict:
    """Step 6: the first kiosk's name."""
    device = {"name": _text(form, "kiosk_name") or "kiosk-1", "kind": KIOSK_KIND}
    _raise(_problems_under(_document(state, devices=[device]), "devices"))
    return device


CHECKS = {"hall": check_hall, "hours": check_hours, "services": check_services, "windows": check_windows,
          "kiosk": check_kiosk}


def check_step(step: str, form, state: dict):
    """The cleaned input of ``step`` (raises :class:`WizardError` naming each bad field)."""
    if step == "account":
        return check_account(form)
    return CHECKS[step](form, state)


def finish(state: dict) -> tuple[Hall, str]:
    """Build the hall the wizard gathered (one setup-file import), then the admin's password and the kiosk's code.

    Returns the hall and the kiosk's pairing code (shown once). Refused once any hall exists.
    """
    if hall_exists():
        raise KioskError(_("The hall is set up already."), 404)
    account, kiosk = state["account"], state["kiosk"]
    if db.session.scalar(select(StaffUser.id).where(StaffUser.username == account["username"])) is not None:
        raise WizardError({"username": _("The username “%(name)s” is taken. Choose another one.",
                                         name=account["username"])})
    document = _document(state, devices=[kiosk], staff=[{"username": account["username"], "role": ADMIN_ROLE,
                                                         "display_name": account["username"]}])
    report = setup_file.import_hall(setup_file.dump(document), actor="setup")
    if not report.ok:
        raise WizardError({str(index): line for index, line in enumerate(report.problems)})
    return _first_admin_and_kiosk(report.hall_code, account, kiosk["name"])


@use_case
def _first_admin_and_kiosk(code: str, account: dict, kiosk_name: str) -> tuple[Hall, str]:
    hall = db.session.scalars(select(Hall).where(Hall.code == code)).one()
    admin = db.session.scalars(select(StaffUser).where(StaffUser.username == account["username"])).one()
    admin.password_hash = account["password_hash"]
    admin.end_sessions()
    device = db.session.scalars(select(Device).where(Device.hall_id == hall.id, Device.name == kiosk_name)).one()
    code_text = pairing.new_code(device, actor="setup")
    record("setup.finished", hall.code, after={"admin": admin.username, "kiosk": kiosk_name}, actor="setup",
           hall_id=hall.id)
    return hall, code_text
