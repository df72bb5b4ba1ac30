"""Late-fee rule versions kept as data: which rates are in force on a day, and adding a version."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from flask_babel import gettext as _
from sqlalchemy import select

from kiosk.audit.service import record
from kiosk.bills.latefee import STATUTORY, Rates
from kiosk.bills.models import LateFeeRule
from kiosk.errors import KioskError
from kiosk.extensions import db
from kiosk.parsing import decimal_places, parse_decimal

#: The first version, in force before any bill (the rates of the business rules, Art. 98).
INITIAL_EFFECTIVE_FROM = date(1990, 1, 1)
MAX_RATE = Decimal("0.1")


class RuleError(KioskError):
    """A late-fee rule version that cannot be saved (the message is translated)."""


def versions() -> list[LateFeeRule]:
    """Every rule version, newest first."""
    return list(db.session.scalars(select(LateFeeRule).order_by(LateFeeRule.effective_from.desc())))


def rule_on(day: date) -> LateFeeRule | None:
    """The version in force on ``day``, or ``None`` when there is none."""
    return db.session.scalar(
        select(LateFeeRule).where(LateFeeRule.effective_from <= day).order_by(LateFeeRule.effective_from.desc())
        .limit(1))


def rates_on(day: date) -> Rates:
    """The rates in force on ``day`` (the statutory ones when no version is stored)."""
    rule = rule_on(day)
    if rule is None:
        return STATUTORY
    return Rates(rule.residential_rate, rule.current_year_rate, rule.later_year_rate, rule.minimum)


def ensure_initial() -> LateFeeRule:
    """The first version, created with the statutory rates when the table is empty (in the caller's transaction)."""
    first = db.session.scalar(select(LateFeeRule).order_by(LateFeeRule.effective_from).limit(1))
    if first is None:
        first = LateFeeRule(effective_from=INITIAL_EFFECTIVE_FROM, residential_rate=STATUTORY.residential_rate,
                            current_year_rate=STATUTORY.current_year_rate,
                            later_year_rate=STATUTORY.later_year_rate, minimum=STATUTORY.minimum)
        db.session.add(first)
        db.session.flush()
    return first


def _decimal(raw: object, label: str, upper: Decimal, places: int) -> Decimal:
    try:
        value = parse_decimal(raw)
    except ValueError:
        raise RuleError(_("%(field)s must be a number.", field=label)) from None
    if value < 0 or value > upper:
        raise RuleError(_("%(field)s must be between 0 and %(upper)s.", field=label, upper=upper))
    if decimal_places(value) > places:
        raise RuleError(_("%(field)s may have at most %(places)s decimals.", field=label, places=places))
    return value.quantize(Decimal(1).scaleb(-places)) if places == 2 else value


def save_version(effective_from: date, residential_rate: object, current_year_rate: object, later_year_rate: object,
                 minimum: object, today: date, actor: str = "system") -> LateFeeRule:
    """Add a version in force from ``effective_from`` (today or later), or change one not yet in force.

    A version already in force is never edited: a new version replaces it from its date on.
    Saves the version with its audit entry (before and after) and commits; raises :class:`RuleError`
    and writes nothing when the version cannot be saved.
    """
    if effective_from < today:
        raise RuleError(_("A new version can start today at the earliest: past late fees do not change."))
    values = {
        "residential_rate": _decimal(residential_rate, _("Residential rate per day"), MAX_RATE, 6),
        "current_year_rate": _decimal(current_year_rate, _("Rate per day in the due year"), MAX_RATE, 6),
        "later_year_rate": _decimal(later_year_rate, _("Rate per day in later years"), MAX_RATE, 6),
        "minimum": _decimal(minimum, _("Minimum fee"), Decimal(1000), 2),
    }
    try:
        rule = db.session.scalar(select(LateFeeRule).where(LateFeeRule.effective_from == effective_from))
        if rule is not None and rule.effective_from <= today:
            raise RuleError(_("A version is already in force from this date; choose a later date."))
        before = None if rule is None else as_dict(rule)
        if rule is None:
            rule = LateFeeRule(effective_from=effective_from, created_by=actor)
            db.session.add(rule)
        for key, value in values.items():
            setattr(rule, key, value)
        db.session.flush()
        record("bills.late_fee_rule", effective_from.isoformat(), before=before, after=as_dict(rule), actor=actor)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return rule


def as_dict(rule: LateFeeRule) -> dict:
    """A rule version as plain strings (for the audit log)."""
    return {"effective_from": rule.effective_from.isoformat(), "residential_rate": str(rule.residential_rate),
            "current_year_rate": str(rule.current_year_rate), "later_year_rate": str(rule.later_year_rate),
            "minimum": str(rule.minimum)}
