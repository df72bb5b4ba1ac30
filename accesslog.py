"""gunicorn's access log without account numbers: ``GET /api/v1/bills/3300000001`` is logged as ``…/******0001``.

``gunicorn.conf.py`` names :class:`MaskedLogger` as its ``logger_class``. Any run of
:data:`MIN_DIGITS` or more digits in the request line, path or query is masked like an account number on a
statement (the last four digits stay), so phone numbers typed into a query are masked too.

This module sits beside ``app.py``, outside the ``kiosk`` package, on purpose: gunicorn's arbiter loads
it before the workers fork and gevent patches them, and importing ``kiosk`` then would create the app's
locks unpatched.
"""
from __future__ import annotations

import re

from gunicorn.glogging import Logger

#: Account numbers have 10 to 13 digits, phone numbers 11: shorter runs (ids, ticket numbers, times) stay.
MIN_DIGITS = 8
_LONG_NUMBER = re.compile(rf"\d{{{MIN_DIGITS},}}")
#: The access-log atoms that carry the URL.
URL_ATOMS = ("r", "U", "q")


def mask_numbers(text: str) -> str:
    """``text`` with every long run of digits masked but its last four (as ``kiosk.bills.masking`` does)."""
    return _LONG_NUMBER.sub(lambda match: "*" * (len(match.group()) - 4) + match.group()[-4:], text)


class MaskedLogger(Logger):
    """gunicorn's logger, with long numbers masked in the URL parts of each access-log line."""

    def atoms(self, resp, req, environ, request_time):
        """gunicorn's atoms, masked."""
        atoms = super().atoms(resp, req, environ, request_time)
        for key in URL_ATOMS:
            if isinstance(atoms.get(key), str):
                atoms[key] = mask_numbers(atoms[key])
        return atoms
