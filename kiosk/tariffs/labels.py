"""Translated names of categories, voltage levels, periods, price components and table columns."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from kiosk.money import plain, yuan_text
from kiosk.tariffs.diagram import PERIOD_FILLS, PERIOD_INKS
from kiosk.tariffs.service import fee_amount

CATEGORY_NAMES = {
    "residential": _l("Residential"),
    "residential_shared": _l("Residential, shared meter"),
    "commercial": _l("General industrial and commercial"),
    "large_industrial": _l("Large industrial (two-part)"),
    "agricultural": _l("Agricultural production"),
}

VOLTAGE_NAMES = {
    "below_1kv": _l("Below 1 kV"),
    "1_10kv": _l("1–10 kV"),
    "20kv": _l("20 kV"),
    "35kv": _l("35 kV"),
    "110kv": _l("110 kV"),
    "220kv": _l("220 kV and above"),
}

#: Shortcut buttons on the fee page: the label in the kiosk's language, and the words it finds in the
#: fee items' Chinese and English texts (fee items need not be written in every kiosk language).
FEE_TOPICS = {
    "meter": (_l("meter"), ("电能表", "meter")),
    "calibration": (_l("calibration"), ("校验", "calibration")),
    "reliability": (_l("reliability"), ("可靠性", "reliability")),
    "temporary": (_l("temporary"), ("临时", "temporary")),
}

PERIOD_NAMES = {
    "critical": _l("Critical peak"),
    "peak": _l("Peak"),
    "flat": _l("Flat"),
    "valley": _l("Valley"),
    "basic": _l("Basic charge"),
}

COMPONENT_NAMES = {
    "purchase": _l("Purchase price"),
    "line_loss": _l("Line-loss cost"),
    "transmission": _l("Transmission and distribution price"),
    "system_operation": _l("System operation cost"),
    "funds": _l("Government funds and surcharges"),
}

BASIC_NAMES = {
    "basic_kva": _l("Basic charge, ¥ per kVA·month"),
    "basic_kw": _l("Basic charge, ¥ per kW·month"),
}

TIER_BASIS_NAMES = {
    "annual": _l("Tiers by annual consumption"),
    "monthly": _l("Tiers by monthly consumption"),
}


def fee_amount_text(item) -> str:
    """A fee item's amount as ``"30.00"``."""
    return yuan_text(fee_amount(item))


def jinja_globals() -> dict:
    """Template globals for the tariff pages."""
    return {"fee_amount_text": fee_amount_text,
            "TARIFF_CATEGORY_NAMES": CATEGORY_NAMES, "VOLTAGE_NAMES": VOLTAGE_NAMES, "PERIOD_NAMES": PERIOD_NAMES,
            "COMPONENT_NAMES": COMPONENT_NAMES, "BASIC_NAMES": BASIC_NAMES, "TIER_BASIS_NAMES": TIER_BASIS_NAMES,
            "PERIOD_FILLS": PERIOD_FILLS, "PERIOD_INKS": PERIOD_INKS, "plain_decimal": plain, "yuan_text": yuan_text}
