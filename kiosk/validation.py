"""Guards that keep input the database cannot hold away from it: bad input is a 400 or a 404, never a 500.

* ``<int:…>`` route arguments are limited to the range of an ``integer`` column (32-bit on
  PostgreSQL; every id and window number is one), so ``/kiosk/tariffs/9223372036854775808`` is a
  404 before any query.
* Text PostgreSQL refuses to store or compare (a NUL byte; lone UTF-16 surrogates, which JSON can
  carry but UTF-8 cannot encode) is refused with 400 in the path, the query string, form fields,
  cookies and headers by one ``before_request`` guard, and in JSON bodies by ``kiosk.api.json_body``;
  the same guard refuses control characters (``next=/%0a``) in the path and the query string.
* ``int_arg`` / ``float_arg`` parse a query parameter or header into a bounded number or ``None``.
"""
from __future__ import annotations

import math
import re
from typing import Any

from flask import Flask, abort, request
from werkzeug.routing import IntegerConverter

#: The largest value of an ``integer`` column on PostgreSQL (ids, window numbers, counters).
INT_MAX = 2**31 - 1
#: The smallest value of an ``integer`` column on PostgreSQL.
INT_MIN = -(2**31)
#: JSON integers beyond this (the ``bigint`` range) make a body malformed.
BIGINT_MAX = 2**63 - 1

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
#: Control characters no link or address needs: a path or query value carrying one (``next=/%0a``) is refused,
#: since it could only end up in a header (``Location``) Werkzeug refuses, or be read around by a browser.
_CONTROL = re.compile("[\x00-\x1f\x7f]")
_FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


class ColumnIntConverter(IntegerConverter):
    """``<int:…>`` within the range of an ``integer`` column unless the rule gives its own ``min``/``max``."""

    def __init__(self, map, fixed_digits: int = 0, min: int | None = None, max: int | None = None,
                 signed: bool = False) -> None:
        if min is None:
            min = INT_MIN if signed else 0
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=INT_MAX if max is None else max, signed=signed)


def storable(text: str | None) -> bool:
    """Whether ``text`` can be stored and compared in a PostgreSQL ``text`` column (no NUL, no lone surrogate)."""
    return text is None or _UNSTORABLE.search(text) is None


def storable_json(value: Any) -> bool:
    """Whether every string (keys included) in a parsed JSON value is storable and every integer fits ``bigint``."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return -BIGINT_MAX - 1 <= value <= BIGINT_MAX
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(storable(key) and storable_json(item) for key, item in value.items())
    if isinstance(value, list):
        return all(storable_json(item) for item in value)
    return True


def fits_integer(value: Any) -> bool:
    """Whether ``value`` is a JSON integer (not a boolean) that fits an ``integer`` column."""
    return isinstance(value, int) and not isinstance(value, bool) and INT_MIN <= value <= INT_MAX


def int_arg(raw: str | None, minimum: int = 0, maximum: int = INT_MAX) -> int | None:
    """``raw`` as an integer within ``minimum``…``maximum``, or ``None`` when missing, malformed or out of range."""
    if raw is None:
        return None
    text = raw.strip()
    if not text or len(text) > 20 or not text.lstrip("+-").isdigit():
        return None
    value = int(text)
    return value if minimum <= value <= maximum else None


def float_arg(raw: str | None, minimum: float = 0.0, maximum: float = 86400.0) -> float | None:
    """``raw`` as a finite number within ``minimum``…``maximum``, or ``None`` when malformed or out of range."""
    if raw is None or len(raw) > 32:
        return None
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if math.isfinite(value) and minimum <= value <= maximum else None


def _plain(text: str) -> bool:
    return storable(text) and _CONTROL.search(text) is None


def _request_is_storable() -> bool:
    if not _plain(request.path):
        return False
    if not all(_plain(key) and _plain(value) for key, value in request.args.items(multi=True)):
        return False
    if not all(storable(key) and storable(value) for key, value in request.cookies.items(multi=True)):
        return False
    if not all(storable(value) for _key, value in request.headers.items()):
        return False
    if request.method in {"POST", "PUT", "PATCH"} and request.mimetype in _FORM_TYPES:
        return all(storable(key) and storable(value) for key, value in request.form.items(multi=True))
    return True


def refuse_unstorable_input() -> None:
    """``before_request``: 400 when the path, query, cookies, headers or form carry text the database refuses,
    or the path or query a control character."""
    if not _request_is_storable():
        abort(400)


def init_app(app: Flask) -> None:
    """Install the bounded ``int`` converter and the input guard (call before any blueprint is registered)."""
    app.url_map.converters["int"] = ColumnIntConverter
    app.before_request(refuse_unstorable_input)
