"""Removing the demo hall and its fictional data from a database that also serves real halls.

Goes: the demo hall with everything that belongs to it (services, windows, devices, tickets,
events, notices, opinions, print jobs: by the foreign keys' cascades), its staff users and the
fictional bill accounts. Stays: tariffs, fee items, guides and service information, which every
hall shares and a real hall may have edited since; the audit log keeps its entries (without the hall).
"""
from __future__ import annotations

from sqlalchemy import delete, select

from kiosk.audit.service import record
from kiosk.bills.models import BillAccount
from kiosk.demo.bills import ACCOUNTS
from kiosk.demo.seed import DEMO_HALL
from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.staff.models import StaffUser
from kiosk.transaction import use_case


@use_case
def remove_demo(*, actor: str | None = None) -> dict[str, int]:
    """Delete the demo hall, its users and the demo bill accounts; how many of each went (zeros when absent)."""
    hall = db.session.scalar(select(Hall).where(Hall.code == DEMO_HALL))
    counts = {"halls": 0, "users": 0, "accounts": 0}
    accounts = db.session.execute(delete(BillAccount).where(BillAccount.account_no.in_(list(ACCOUNTS))))
    counts["accounts"] = accounts.rowcount or 0  # type: ignore[attr-defined]
    if hall is not None:
        users = db.session.execute(delete(StaffUser).where(StaffUser.hall_id == hall.id))
        counts["users"] = users.rowcount or 0  # type: ignore[attr-defined]
        db.session.execute(delete(Hall).where(Hall.id == hall.id))  # the database's cascades take the rest
        db.session.expunge_all()
        counts["halls"] = 1
    record("demo.remove", DEMO_HALL, after=counts, actor=actor)
    return counts
