"""Translated names of the staff roles."""
from flask_babel import lazy_gettext as _l

ROLE_NAMES = {"staff": _l("Staff"), "supervisor": _l("Supervisor"), "admin": _l("Administrator"),
              "region_admin": _l("Region administrator")}


def role_name(role: str) -> str:
    """The translated name of ``role`` (the code itself when unknown)."""
    return str(ROLE_NAMES.get(role, role))
