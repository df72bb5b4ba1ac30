"""gunicorn settings for ``make run``: threaded workers so Server-Sent Events streams stay open."""
worker_class = "gthread"
timeout = 0  # SSE streams are long-lived; keep-alive comments flow every 15 s
graceful_timeout = 5
accesslog = "-"
logger_class = "kiosk.accesslog.MaskedLogger"  # account numbers in URLs are masked
preload_app = False
