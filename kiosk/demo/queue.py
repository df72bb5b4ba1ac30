"""Demo queue: every window of the demo hall open (tickets are left to the visitors)."""
from __future__ import annotations

from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.queue.models import WindowState


def seed_demo(hall: Hall) -> None:
    """Open every window of ``hall`` that has no state yet (idempotent)."""
    for window in hall.windows:
        if db.session.get(WindowState, window.id) is None:
            db.session.add(WindowState(window_id=window.id, is_open=True))
    db.session.flush()
