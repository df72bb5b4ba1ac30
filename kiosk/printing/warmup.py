"""Warming the renderer at start-up so the first customer's document is as fast as the rest."""
from __future__ import annotations

import logging
import threading
import time

from flask import Flask
from werkzeug.exceptions import HTTPException

from kiosk.printing import documents

LOGGER = logging.getLogger(__name__)
#: Uyghur and Chinese load the most fonts between them.
WARM_LOCALES = ("ug", "zh_Hans_CN")


def warm(app: Flask) -> float:
    """Render every registered sample document (Uyghur and Chinese) once in ``app``; returns the seconds it took."""
    started = time.perf_counter()
    with app.test_request_context("/"):
        for kind in documents.sample_kinds():
            for locale in WARM_LOCALES:
                documents.sample_pdf(kind, locale)
    return time.perf_counter() - started


def _run(app: Flask) -> None:
    try:
        LOGGER.info("printing: renderer warmed in %.2f s", warm(app))
    except HTTPException:  # no hall yet (a new database before its first hall): nothing to warm for
        LOGGER.info("printing: no hall yet; the renderer warms on the first document")
    except Exception:  # noqa: BLE001 - warming is an optimisation; printing still works cold
        LOGGER.exception("printing: warming the renderer failed")


def start(app: Flask) -> threading.Thread:
    """Warm the renderer in a background thread (the app keeps starting meanwhile)."""
    thread = threading.Thread(target=_run, args=(app,), name="print-warmup", daemon=True)
    thread.start()
    return thread


def start_if_configured(app: Flask) -> threading.Thread | None:
    """In a serving process: warm the renderer in the background unless ``KIOSK_WARM_PRINTER`` is off.

    Commands never warm it: a process that has rendered with Pango can crash while the interpreter shuts
    down, and a command (``flask voice build``) gains nothing from a warm renderer.
    """
    if not app.config.get("WARM_PRINTER") or app.config.get("TESTING"):
        return None
    return start(app)
