"""gunicorn settings for ``make run`` / ``make serve``: gevent workers, so an open Server-Sent Events
stream costs a greenlet and a few kilobytes instead of an OS thread (see docs/deployment.md).

Nothing of ``kiosk`` is imported here at module level: this file is read by the arbiter before the
workers fork and monkey-patch, and the app's locks must be created after the patching.
"""
import resource
import threading
import time

worker_class = "gevent"
worker_connections = 10000  # greenlets (open connections) per worker; streams are most of them
timeout = 30  # the gevent worker's heartbeat runs in its own greenlet, so long streams do not trip it
graceful_timeout = 5
keepalive = 5
accesslog = "-"
logger_class = "accesslog.MaskedLogger"  # account numbers in URLs are masked
preload_app = False

#: Open files the server may hold: one per stream plus the database, logs and listening sockets.
OPEN_FILES = 65536


def _raise_open_files() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = OPEN_FILES if hard == resource.RLIM_INFINITY else min(OPEN_FILES, hard)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


_raise_open_files()


def post_worker_init(worker):
    """Warm the print renderer; watch for the worker's graceful stop (reload, shutdown) and end its streams then."""
    from kiosk.printing.warmup import start_if_configured  # the app is loaded (and patched) by now

    start_if_configured(worker.wsgi)

    def watch():
        while worker.alive:
            time.sleep(0.1)
        from kiosk.events.hub import close_all_streams  # the app is loaded (and patched) by now

        close_all_streams()

    threading.Thread(target=watch, name="kiosk-streams-shutdown", daemon=True).start()
