"""The kiosk home tiles: one per kiosk capability."""
from __future__ import annotations

from dataclasses import dataclass

from flask import url_for
from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Tile:
    """A kiosk home tile; ``endpoint`` is the feature's entry view."""

    key: str
    endpoint: str
    title: str
    hint: str
    icon: str

    @property
    def url(self) -> str:
        """The feature's page."""
        return url_for(self.endpoint)


TILES = (
    Tile("bills", "bills.query", _l("Bill query"), _l("Arrears, late fees, history"), "bill"),
    Tile("ticket", "queue.take", _l("Take a number"), _l("Queue for a service window"), "ticket"),
    Tile("tariffs", "tariffs.index", _l("Tariffs and fees"), _l("Electricity prices, fee schedule, calculator"),
         "tariff"),
    Tile("guides", "guides.index", _l("Business guides"), _l("What to bring, steps, form samples"), "guide"),
    Tile("progress", "guides.progress", _l("Application progress"), _l("Track your application"), "progress"),
    Tile("notices", "notices.index", _l("Notices and outages"), _l("Announcements and planned outages"), "notice"),
    Tile("service_info", "guides.service_info", _l("Service commitments"), _l("Commitments, hotlines, contractors"),
         "info"),
    Tile("opinion", "notices.opinion", _l("Opinion book"), _l("Praise, suggestions, complaints"), "opinion"),
)


def tile(key: str) -> Tile | None:
    """The tile with ``key``, or ``None``."""
    return next((t for t in TILES if t.key == key), None)
