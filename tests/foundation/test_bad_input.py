"""Bad input never gives a 500: every example of the fuzzing finding, with the status it must get.

``check_examples`` runs on any demo-seeded app; ``test_bad_input_postgres.py`` runs it on PostgreSQL.
"""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from kiosk.demo.seed import DEMO_PASSWORDS
from kiosk.extensions import db
from kiosk.staff.auth import issue_token
from kiosk.staff.models import StaffUser
from kiosk.validation import ColumnIntConverter, fits_integer, float_arg, int_arg, storable, storable_json

JSON = "application/json"

#: (method, path, body, headers, expected status, who) — ``who`` is ``None`` (anonymous), "token" or "admin".
EXAMPLES = [
    ("GET", "/kiosk/tariffs/9223372036854775808", None, {}, 404, None),
    ("GET", "/kiosk/tariffs/2147483648", None, {}, 404, None),
    ("GET", "/kiosk/tariffs/2147483648.pdf", None, {}, 404, None),
    ("GET", "/display/window/9223372036854775808", None, {}, 404, None),
    ("GET", "/display/window/2147483648/rate", None, {}, 404, None),
    ("GET", "/staff/users/2147483648", None, {}, 404, "admin"),
    ("POST", "/api/v1/windows/2147483648/call-next", None, {}, 404, "token"),
    ("POST", "/api/v1/windows/99999999999999999999/suspend", {"reason": "x"}, {}, 404, "token"),
    ("GET", "/kiosk?device=a%00b", None, {}, 400, None),
    ("GET", "/kiosk/tariffs?q=a%00b", None, {}, 400, None),
    ("GET", "/api/v1/notices?lang=%00", None, {}, 400, None),
    ("POST", "/kiosk/ticket", "service=A%00&priority=0", {"Content-Type": "application/x-www-form-urlencoded"},
     400, None),
    ("POST", "/api/v1/tickets", {"service": "A\u0000"}, {}, 400, None),
    ("POST", "/api/v1/tickets", '{"service": "\\ud800"}', {}, 400, None),
    ("POST", "/api/v1/tickets", {"service": "A", "x": 10**30}, {}, 400, None),
    ("POST", "/api/v1/windows/1/transfer", {"window": 2**40}, {}, 404, "token"),
    ("POST", "/api/v1/windows/1/transfer", {"service": "B\u0000"}, {}, 400, "token"),
    ("POST", "/api/v1/windows/1/requeue", {"ticket": "A\u0000"}, {}, 400, "token"),
    ("POST", "/api/v1/windows/1/suspend", {"reason": "x\u0000"}, {}, 400, "token"),
    ("POST", "/api/v1/applications", {"applications": [{"number": "\u0000"}]}, {}, 400, "token"),
    ("GET", "/kiosk/language?next=/%0a", None, {}, 400, None),
    ("GET", "/kiosk/elder?next=/%0d%0aSet-Cookie:x=1", None, {}, 400, None),
    ("GET", "/kiosk/language?lang=en&next=/%09/evil.example/x", None, {}, 400, None),
    ("GET", "/staff/login?next=/staff%0a", None, {}, 400, None),
    ("GET", "/api/v1/events?max_seconds=abc", None, {}, 400, None),
    ("GET", "/api/v1/events?max_seconds=nan", None, {}, 400, None),
    ("GET", "/api/v1/events?max_seconds=1e999", None, {}, 400, None),
    ("GET", "/api/v1/events?max_seconds=0.01", None, {"Last-Event-ID": "9" * 40}, 400, None),
    ("GET", "/api/v1/events?max_seconds=0.01&last_event_id=99999999999", None, {}, 400, None),
    ("GET", "/api/v1/events?max_seconds=0.01", None, {"Last-Event-ID": "abc"}, 400, None),
    ("GET", "/api/v1/events?max_seconds=0.01", None, {"Last-Event-ID": "-5"}, 200, None),
    ("POST", "/display/window/1/rate", 1.5, {}, 400, None),
    ("POST", "/display/window/1/rate", [1, 2, 3], {}, 400, None),
    ("POST", "/display/window/1/rate", {"rating": 1.5}, {}, 409, None),
    ("POST", "/staff/login", [1, 2, 3], {}, 400, None),
    ("POST", "/staff/login", {"username": 5, "password": [1]}, {}, 400, None),
    ("POST", "/staff/login", "username=admin%00&password=x", {"Content-Type": "application/x-www-form-urlencoded"},
     400, None),
]


def _bearer() -> dict:
    """A supervisor's bearer token (the app fixtures keep an app context open)."""
    user = db.session.scalar(select(StaffUser).where(StaffUser.username == "supervisor"))
    return {"Authorization": f"Bearer {issue_token(user)}"}


def _send(client, method: str, path: str, body, headers: dict):
    if body is None or isinstance(body, str):
        kind = headers.pop("Content-Type", JSON if isinstance(body, str) else None)
        return client.open(path, method=method, data=body, content_type=kind, headers=headers)
    return client.open(path, method=method, data=json.dumps(body), content_type=JSON, headers=headers)


def check_examples(app) -> list[str]:
    """Send every example; the failures as ``"<status> <method> <path> (expected …)"``."""
    failures = []
    bearer = _bearer()
    client = app.test_client()
    admin = app.test_client()
    response = admin.post("/staff/login", data={"username": "admin", "password": DEMO_PASSWORDS["admin"]})
    assert response.status_code == 302
    for method, path, body, extra, expected, who in EXAMPLES:
        headers = dict(extra) | (bearer if who == "token" else {})
        status = _send(admin if who == "admin" else client, method, path, body, headers).status_code
        if status != expected:
            failures.append(f"{status} {method} {path} {body!r} (expected {expected})")
    return failures


def test_every_example_gets_a_clear_status(app):
    assert check_examples(app) == []


def test_errors_are_translated_json_under_the_api(app):
    client = app.test_client()
    answer = client.get("/api/v1/events?max_seconds=abc&lang=en")
    assert answer.status_code == 400
    assert "max_seconds" in answer.get_json()["error"]
    answer = client.get("/api/v1/queue?lang=en&device=%00")
    assert answer.status_code == 400 and answer.get_json()["error"]
    assert client.get("/kiosk?device=a%00b").status_code == 400
    octal_nul = {"HTTP_COOKIE": 'kiosk_device="a\\000b"'}
    cookie = app.test_client(use_cookies=False).get("/kiosk", environ_base=octal_nul)
    assert cookie.status_code == 400


def test_the_helpers():
    assert storable("示范 ئۇيغۇر") and not storable("a\x00") and not storable("\ud800")
    assert storable_json({"a": [1, "b", {"c": None}]}) and not storable_json({"a\x00": 1})
    assert not storable_json([2**63]) and storable_json([2**63 - 1]) and not storable_json(float("inf"))
    assert fits_integer(2**31 - 1) and not fits_integer(2**31) and not fits_integer(True) and not fits_integer("1")
    assert int_arg("42") == 42 and int_arg(" 7 ") == 7 and int_arg("9" * 40) is None and int_arg("1.5") is None
    assert int_arg("-1") is None and int_arg("-1", minimum=-5) == -1 and int_arg(None) is None
    assert float_arg("0.5") == 0.5 and float_arg("abc") is None and float_arg("nan") is None
    assert float_arg("-1") is None and float_arg("1e999") is None


def test_the_int_converter_keeps_explicit_bounds(app):
    converter = ColumnIntConverter(app.url_map, max=10)
    assert converter.max == 10 and converter.min == 0
    assert ColumnIntConverter(app.url_map, signed=True).min == -(2**31)


@pytest.mark.parametrize("value", ["2147483647", "0"])
def test_ids_inside_the_range_still_route(client, value):
    assert client.get(f"/kiosk/tariffs/{value}").status_code == 404  # no such version, but routed and queried
