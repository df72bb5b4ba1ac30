"""Registering, pairing, renaming and revoking devices; recognising a paired device by its secret.

An admin registers a device and gets a one-time pairing code (valid for :data:`CODE_MINUTES`).
Whoever sets the device up opens ``/pair`` on it and enters the code; the device then holds a
long-lived secret in an HttpOnly cookie. The database keeps only SHA-256 hashes of codes and
secrets, so neither can be read back from it. Revoking a device forgets its secret at once.
"""
from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import select, update

from kiosk.audit.service import record
from kiosk.dbtypes import is_one_of, utcnow
from kiosk.devices.errors import DeviceError
from kiosk.extensions import db
from kiosk.hall.models import Device, DeviceKind, Hall, Window
from kiosk.printing.backends import BadPrinterSetting, check_printer_setting
from kiosk.transaction import use_case

#: How long a pairing code stays valid.
CODE_MINUTES = 60
#: Pairing codes use letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L).
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8
#: The cookie that carries a paired device's secret.
SECRET_COOKIE = "kiosk_device_secret"
SECRET_COOKIE_SECONDS = 10 * 365 * 24 * 3600
#: A device's "last seen" is written at most this often.
SEEN_EVERY = timedelta(minutes=1)
NAME_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,64}", re.ASCII)


def digest(text: str) -> str:
    """The SHA-256 hex digest the database keeps instead of a code or a secret."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize_code(raw: object) -> str:
    """A typed pairing code without spaces or dashes, in capitals ("" when it cannot be one)."""
    if not isinstance(raw, str) or len(raw) > 32:
        return ""
    code = re.sub(r"[\s-]", "", raw).upper()
    return code if len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET) else ""


def format_code(code: str) -> str:
    """``ABCD-EFGH``: easier to read out and type."""
    return f"{code[:4]}-{code[4:]}"


def _check_name(name: object) -> str:
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name.strip()):
        raise DeviceError(_("A device name uses 1 to 64 letters, digits, '-', '_' or '.'."))
    return name.strip()


def _check_printer(printer: object) -> str:
    try:
        return check_printer_setting(printer)
    except BadPrinterSetting as error:
        raise DeviceError(_("The printer must be file, file:<folder>, cups:<queue> or browser; folder and "
                            "queue names use letters, digits and - _ . / @ only.")) from error


def _check_window(hall: Hall, window: int | str | None) -> Window | None:
    if window in (None, ""):
        return None
    text = str(window).strip()
    found = None
    if text.isdigit() and len(text) <= 6:
        found = next((w for w in hall.windows if w.number == int(text)), None)
    if found is None:
        raise DeviceError(_("There is no window %(number)s in this hall.", number=text[:6]))
    return found


def _new_code(device: Device, now: datetime) -> str:
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    device.pairing_code_hash = digest(code)
    device.pairing_expires_at = now + timedelta(minutes=CODE_MINUTES)
    return format_code(code)


@use_case
def register(hall: Hall, name: object, kind: object, printer: object = "file", window: int | str | None = None,
             *, actor: str | None = None) -> tuple[Device, str]:
    """Create a device of ``hall`` (or update the one of that name) and give it a fresh pairing code.

    Returns the device and the code in clear (shown once; only its hash is kept). Raises
    :class:`DeviceError` with a translated message for a bad name, kind, printer or window.
    """
    name = _check_name(name)
    if not is_one_of(kind, DeviceKind):
        raise DeviceError(_("Choose what kind of device this is."))
    setting = _check_printer(printer)
    target = _check_window(hall, window)
    device = db.session.scalar(select(Device).where(Device.hall_id == hall.id, Device.name == name))
    before = None if device is None else {"kind": device.kind, "printer": device.printer}
    if device is None:
        device = Device(hall_id=hall.id, name=name)
        db.session.add(device)
    device.kind, device.printer, device.window_id = str(kind), setting, target.id if target else None
    code = _new_code(device, utcnow())
    record("device.register", name, before=before,
           after={"kind": device.kind, "printer": setting, "window": target.number if target else None},
           actor=actor, hall_id=hall.id)
    return device, code


@use_case
def new_code(device: Device, *, actor: str | None = None) -> str:
    """A fresh one-time pairing code for ``device`` (to pair it again, e.g. a replaced screen)."""
    code = _new_code(device, utcnow())
    record("device.code", device.name, actor=actor, hall_id=device.hall_id)
    return code


@use_case
def pair(raw_code: object) -> tuple[Device, str]:
    """Pair the device whose valid code is ``raw_code``; return it and its new secret (for the cookie).

    The code is used up; any earlier secret of the device stops working.
    """
    code = normalize_code(raw_code)
    device = db.session.scalar(select(Device).where(Device.pairing_code_hash == digest(code))) if code else None
    now = utcnow()
    if device is None or device.pairing_expires_at is None or device.pairing_expires_at < now:
        raise DeviceError(_("This pairing code is not valid. Codes work once and for %(minutes)s minutes; "
                            "ask an administrator for a new one.", minutes=CODE_MINUTES))
    secret = secrets.token_urlsafe(32)
    device.secret_hash = digest(secret)
    device.pairing_code_hash = device.pairing_expires_at = None
    device.paired_at = device.last_seen_at = now
    device.revoked_at = None
    record("device.pair", device.name, after={"kind": device.kind}, actor=f"device:{device.name}",
           hall_id=device.hall_id)
    return device, secret


@use_case
def rename(device: Device, name: object, *, actor: str | None = None) -> Device:
    """Give ``device`` another name (unique within its hall)."""
    name = _check_name(name)
    taken = db.session.scalar(select(Device.id).where(Device.hall_id == device.hall_id, Device.name == name,
                                                      Device.id != device.id))
    if taken is not None:
        raise DeviceError(_("Another device of this hall is already called %(name)s.", name=name), 409)
    before, device.name = device.name, name
    record("device.rename", f"device:{device.id}", before={"name": before}, after={"name": name}, actor=actor,
           hall_id=device.hall_id)
    return device


@use_case
def revoke(device: Device, *, actor: str | None = None) -> Device:
    """Forget ``device``'s secret and any open pairing code: it is an unknown browser from now on."""
    device.secret_hash = device.pairing_code_hash = device.pairing_expires_at = None
    device.revoked_at = utcnow()
    record("device.revoke", device.name, actor=actor, hall_id=device.hall_id)
    return device


def device_for_secret(secret: object) -> Device | None:
    """The paired, unrevoked device holding ``secret``, or ``None``."""
    if not isinstance(secret, str) or not 20 <= len(secret) <= 128:
        return None
    return db.session.scalar(select(Device).where(Device.secret_hash == digest(secret),
                                                  Device.revoked_at.is_(None)))


def note_seen(device: Device, now: datetime | None = None) -> None:
    """Write the device's "last seen" time, at most once per :data:`SEEN_EVERY`, on a connection of its own.

    It runs beside the request's own transaction, so whatever the request does (or undoes) is untouched.
    """
    now = now or utcnow()
    if device.last_seen_at is not None and now - device.last_seen_at < SEEN_EVERY:
        return
    with db.engine.begin() as connection:
        connection.execute(update(Device).where(Device.id == device.id).values(last_seen_at=now))


def devices_of(hall: Hall) -> list[Device]:
    """The hall's devices by kind and name."""
    return list(db.session.scalars(select(Device).where(Device.hall_id == hall.id)
                                   .order_by(Device.kind, Device.name)))


def device_of_hall(hall: Hall, device_id: int) -> Device | None:
    """Device ``device_id`` if it belongs to ``hall``."""
    device = db.session.get(Device, device_id) if 0 < device_id <= 2**31 - 1 else None
    return device if device is not None and device.hall_id == hall.id else None
