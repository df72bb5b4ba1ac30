"""``GET /healthz`` for monitoring."""
