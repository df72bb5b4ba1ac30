"""Regions and their halls; a region admin moving the console between the region's halls."""
from __future__ import annotations

import re

from flask_babel import gettext as _
from sqlalchemy import select

from kiosk.audit.service import record
from kiosk.extensions import db
from kiosk.hall.models import Hall, Region
from kiosk.region.errors import RegionError
from kiosk.staff.models import StaffRole, StaffUser
from kiosk.transaction import use_case

#: A region code: like a hall code, 1 to 32 lowercase letters, digits or '-'.
REGION_CODE = re.compile(r"[a-z0-9][a-z0-9-]{0,31}")


def region_by_code(code: str) -> Region | None:
    """The region with ``code``, or ``None``."""
    if not isinstance(code, str) or len(code) > 32:
        return None
    return db.session.scalar(select(Region).where(Region.code == code))


@use_case
def create_region(code: str, name: str, name_en: str = "", *, actor: str | None = None) -> Region:
    """Create the region ``code`` (or rename it when it exists); audited."""
    code = (code or "").strip()
    if not REGION_CODE.fullmatch(code):
        raise RegionError(_("A region code has 1 to 32 lowercase letters, digits or '-'."))
    name = (name or "").strip()
    if not name or len(name) > 128:
        raise RegionError(_("Enter the region's name (at most 128 characters)."))
    names = {"zh_Hans_CN": name, **({"en": name_en.strip()} if name_en.strip() else {})}
    region = region_by_code(code)
    if region is None:
        region = Region(code=code, names=names)
        db.session.add(region)
    else:
        region.names = names
    db.session.flush()
    record("region.save", code, after={"names": names}, actor=actor)
    return region


def halls_of(user: StaffUser) -> list[Hall]:
    """The halls ``user`` oversees: a region admin's whole region, anyone else's own hall."""
    if user.role == StaffRole.REGION_ADMIN and user.region_id is not None:
        return list(db.session.scalars(select(Hall).where(Hall.region_id == user.region_id).order_by(Hall.code)))
    return [user.hall]


@use_case
def switch_hall(user: StaffUser, hall_id: object) -> Hall:
    """Make the hall ``hall_id`` of ``user``'s region the hall they work in; audited.

    Their own window (a window of the hall they leave) is let go. A hall outside the region is not found (404).
    """
    hall = None
    if isinstance(hall_id, str) and hall_id.isascii() and hall_id.isdigit() and len(hall_id) <= 9:
        hall = db.session.get(Hall, int(hall_id))
    if hall is None or user.region_id is None or hall.region_id != user.region_id:
        raise RegionError(_("This hall is not one of your region's."), 404)
    if hall.id == user.hall_id:
        return hall
    before = {"hall": user.hall.code}
    user.hall_id = hall.id
    user.default_window_id = None
    db.session.flush()
    db.session.refresh(user, ["hall"])
    record("staff.region.switch_hall", user.username, before=before, after={"hall": hall.code}, user=user,
           hall_id=hall.id)
    return hall
