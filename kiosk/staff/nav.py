"""The staff console's navigation: a link per console page the user's role may open."""
from __future__ import annotations

from dataclasses import dataclass

from flask import url_for
from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    title: str
    role: str = "staff"


NAV = (
    NavItem("staff.home", _l("Console")),
    NavItem("queue_staff.window", _l("My window")),
    NavItem("notices_staff.suspensions", _l("Suspensions")),
    NavItem("notices_staff.notices", _l("Notices and outages"), "supervisor"),
    NavItem("notices_staff.opinions", _l("Opinion book")),
    NavItem("notices_staff.callbacks", _l("Callback requests")),
    NavItem("guides_staff.letters", _l("Notification letters")),
    NavItem("printing_staff.jobs", _l("Print jobs")),
    NavItem("queue_staff.stats", _l("Statistics"), "supervisor"),
    NavItem("tariffs_staff.admin", _l("Tariffs and fees"), "admin"),
    NavItem("bills_staff.late_fees", _l("Late-fee rates"), "admin"),
    NavItem("guides_staff.admin", _l("Guides and service info"), "admin"),
    NavItem("staff_users.index", _l("Users"), "admin"),
    NavItem("guides_staff.applications", _l("Applications")),
)


def nav_for(user) -> list[tuple[str, str]]:
    """``(url, title)`` for each page ``user`` may open."""
    return [(url_for(item.endpoint), str(item.title)) for item in NAV if user.has_role(item.role)]
