"""The staff console's navigation: a link per installed feature page the user's role may open."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    title: str
    role: str = "staff"


NAV = (
    NavItem("staff.home", _l("Console")),
    NavItem("queue.window", _l("My window")),
    NavItem("notices.suspensions", _l("Suspensions")),
    NavItem("notices.staff_notices", _l("Notices and outages"), "supervisor"),
    NavItem("notices.staff_opinions", _l("Opinion book")),
    NavItem("notices.callbacks", _l("Callback requests")),
    NavItem("guides.staff_letters", _l("Notification letters")),
    NavItem("printing.jobs", _l("Print jobs")),
    NavItem("queue.stats", _l("Statistics"), "supervisor"),
    NavItem("tariffs.admin", _l("Tariffs and fees"), "admin"),
    NavItem("bills_staff.late_fees", _l("Late-fee rates"), "admin"),
    NavItem("guides.admin", _l("Guides and service info"), "admin"),
    NavItem("staff_users.index", _l("Users"), "admin"),
    NavItem("guides.staff_applications", _l("Applications")),
)


def nav_for(user) -> list[tuple[str, str]]:
    """``(url, title)`` for each installed page ``user`` may open."""
    return [
        (url_for(item.endpoint), str(item.title))
        for item in NAV
        if item.endpoint in current_app.view_functions and user.has_role(item.role)
    ]
