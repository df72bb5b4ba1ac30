"""The access log masks account numbers in URLs (``GET /api/v1/bills/<account_no>``)."""
from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

from gunicorn.config import Config

from accesslog import MaskedLogger, mask_numbers
from kiosk.bills.masking import mask_account


def test_long_numbers_are_masked_and_short_ones_kept():
    assert mask_numbers("/api/v1/bills/3300000001?as_of=2026-11-22") == "/api/v1/bills/******0001?as_of=2026-11-22"
    assert mask_numbers("/t/abc/ticket.pdf?width=58") == "/t/abc/ticket.pdf?width=58"
    assert mask_numbers("/kiosk/outages?q=13800001234") == "/kiosk/outages?q=*******1234"
    assert mask_numbers("3300000001") == mask_account("3300000001")  # as statements mask it


def test_the_gunicorn_logger_masks_the_request_line_path_and_query():
    config = Config()
    config.set("accesslog", "-")
    logger = MaskedLogger(config)
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": "/api/v1/bills/3300000001?x=6600000001",
               "SERVER_PROTOCOL": "HTTP/1.1", "PATH_INFO": "/api/v1/bills/3300000001",
               "QUERY_STRING": "x=6600000001", "REMOTE_ADDR": "10.0.0.7"}
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    atoms = logger.atoms(response, SimpleNamespace(headers=[]), environ, timedelta(milliseconds=3))
    assert "3300000001" not in atoms["r"] and "6600000001" not in atoms["r"]
    assert atoms["U"] == "/api/v1/bills/******0001" and atoms["q"] == "x=******0001"
