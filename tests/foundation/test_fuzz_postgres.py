"""Both fuzzers on PostgreSQL, which refuses NUL bytes and ids past ``integer`` where SQLite lets them through."""
from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings

from tests.foundation.test_api_fuzz import CHECKS, MAX_EXAMPLES, STREAM_SECONDS, schema
from tests.foundation.test_html_fuzz import EXAMPLES, TALLY, fuzz_html

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("postgres"), pytest.mark.slow]


def _report(name: str, tally: Counter[int]) -> str:
    return (f"\n{name} on PostgreSQL: {sum(tally.values())} requests, "
            f"{sum(n for s, n in tally.items() if s >= 500)} answered 5xx; by status {dict(sorted(tally.items()))}")


def test_html_fuzzer_on_postgres(postgres_app, capsys):
    before = Counter(TALLY)
    fuzz_html(postgres_app, EXAMPLES // 2)
    with capsys.disabled():
        print(_report("HTML fuzzer", TALLY - before))


def _fuzz_operation(app, operation, headers: dict, tally: Counter[int]) -> None:
    @settings(max_examples=max(MAX_EXAMPLES // 3, 10), deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def call(case):
        if operation.path == "/api/v1/events":
            case.query = {**(case.query or {}), "max_seconds": STREAM_SECONDS}
        tally[case.call_and_validate(app=app, headers=headers, checks=CHECKS).status_code] += 1

    call()


def test_api_fuzzer_on_postgres(postgres_app, capsys):
    from sqlalchemy import select

    from kiosk.extensions import db
    from kiosk.staff.auth import issue_token
    from kiosk.staff.models import StaffUser

    user = db.session.scalar(select(StaffUser).where(StaffUser.username == "admin"))
    headers = {"Authorization": f"Bearer {issue_token(user)}"}
    tally: Counter[int] = Counter()
    for result in schema.get_all_operations():
        _fuzz_operation(postgres_app, result.ok(), headers, tally)
    with capsys.disabled():
        print(_report("schemathesis", tally))
