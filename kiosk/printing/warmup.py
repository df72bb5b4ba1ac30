"""Warming the renderer at start-up so the first customer's ticket is as fast as the rest."""
from __future__ import annotations

import logging
import threading
import time

LOGGER = logging.getLogger(__name__)


def warm(app) -> float:
    """Render a sample ticket (Chinese and Uyghur) once in ``app``; returns the seconds it took."""
    from kiosk.printing.tickets import render_ticket, sample_context

    started = time.perf_counter()
    with app.test_request_context("/"):
        for locale in ("ug", "zh_Hans_CN"):
            render_ticket(sample_context(), width=80, locale=locale)
    return time.perf_counter() - started


def _run(app) -> None:
    try:
        LOGGER.info("printing: renderer warmed in %.2f s", warm(app))
    except Exception:  # noqa: BLE001 - warming is an optimisation; printing still works cold
        LOGGER.exception("printing: warming the renderer failed")


def start(app) -> threading.Thread:
    """Warm the renderer in a background thread (the app keeps starting meanwhile)."""
    thread = threading.Thread(target=_run, args=(app,), name="print-warmup", daemon=True)
    thread.start()
    return thread
