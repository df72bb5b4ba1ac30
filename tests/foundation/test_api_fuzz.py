"""schemathesis against the ``/api/v1`` OpenAPI document (WSGI, no server): no 500, every answer matches it.

The operations are generated from ``kiosk.api.openapi.document()`` at collection time (the app serves
that same document; ``test_served_document_is_the_fuzzed_one`` checks it) and each case is sent to the
test's own demo-seeded app through WSGI with an admin's bearer token. Each operation gets
``MAX_EXAMPLES`` generated requests; ``make fuzz`` runs the same test with ``KIOSK_FUZZ_EXAMPLES`` raised.
"""
from __future__ import annotations

import os
from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import select

from kiosk.api.openapi import document
from kiosk.extensions import db
from kiosk.staff.auth import issue_token
from kiosk.staff.models import StaffUser

MAX_EXAMPLES = int(os.environ.get("KIOSK_FUZZ_EXAMPLES", "60"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
#: The longest an events case may keep its stream open (the document lets ``max_seconds`` be anything).
STREAM_SECONDS = "0.01"


#: Status codes of every fuzzed request in this process (printed at the end of the module with ``-s``).
TALLY: Counter[int] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report_tally():
    yield
    if TALLY:
        print(f"\nschemathesis: {sum(TALLY.values())} requests, {sum(n for s, n in TALLY.items() if s >= 500)} "
              f"answered 5xx; by status {dict(sorted(TALLY.items()))}")


@pytest.fixture
def admin_token(app) -> dict:
    """An admin's bearer token header."""
    user = db.session.scalar(select(StaffUser).where(StaffUser.username == "admin"))
    return {"Authorization": f"Bearer {issue_token(user)}"}


schema = schemathesis.openapi.from_dict(document())


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_api_operation(case, app, admin_token):
    if case.operation.path == "/api/v1/events":
        case.query = {**(case.query or {}), "max_seconds": STREAM_SECONDS}
    response = case.call_and_validate(app=app, headers=admin_token, checks=CHECKS)
    TALLY[response.status_code] += 1


def test_served_document_is_the_fuzzed_one(client):
    assert client.get("/api/v1/openapi.json").get_json() == document()
