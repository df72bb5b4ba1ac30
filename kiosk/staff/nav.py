"""The staff console's navigation: a link per console page the permission table lets the user open."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l

from kiosk.staff.permissions import allowed


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    title: str


NAV = (
    NavItem("staff.home", _l("Console")),
    NavItem("queue_staff.window", _l("My window")),
    NavItem("notices_staff.suspensions", _l("Suspensions")),
    NavItem("notices_staff.notices", _l("Notices and outages")),
    NavItem("media_staff.index", _l("Display playlist")),
    NavItem("notices_staff.opinions", _l("Opinion book")),
    NavItem("notices_staff.callbacks", _l("Callback requests")),
    NavItem("guides_staff.letters", _l("Notification letters")),
    NavItem("printing_staff.jobs", _l("Print jobs")),
    NavItem("queue_staff.stats", _l("Statistics")),
    NavItem("tariffs_staff.admin", _l("Tariffs and fees")),
    NavItem("bills_staff.late_fees", _l("Late-fee rates")),
    NavItem("guides_staff.admin", _l("Guides and service info")),
    NavItem("staff_users.index", _l("Users")),
    NavItem("staff_users.windows", _l("Window assignments")),
    NavItem("guides_staff.applications", _l("Applications")),
    NavItem("region_staff.overview", _l("Region")),
)

#: The "Administration" section: the hall's own setup.
ADMIN_NAV = (
    NavItem("admin_staff.profile", _l("Hall profile")),
    NavItem("admin_staff.hours", _l("Business hours")),
    NavItem("admin_staff.services", _l("Services")),
    NavItem("admin_staff.windows", _l("Windows")),
    NavItem("devices_staff.index", _l("Devices")),
    NavItem("voice_staff.index", _l("Voice calls")),
    NavItem("admin_staff.hall_setup", _l("Hall setup")),
)


def nav_for(user) -> list[tuple[str, str]]:
    """``(url, title)`` for each page ``user`` may open (the permission its view is decorated with)."""
    return [(url_for(item.endpoint), str(item.title)) for item in NAV if _may_open(user, item.endpoint)]


def admin_nav_for(user) -> list[tuple[str, str]]:
    """``(url, title)`` for each page of the "Administration" section ``user`` may open."""
    return [(url_for(item.endpoint), str(item.title)) for item in ADMIN_NAV if _may_open(user, item.endpoint)]


def _may_open(user, endpoint: str) -> bool:
    action = getattr(current_app.view_functions[endpoint], "permission", None)
    return action is None or allowed(user, action)
