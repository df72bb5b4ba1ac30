"""A hypothesis fuzzer over every HTML route and form: random path parameters, query strings and form bodies
(NUL bytes, huge numbers, unicode, the fields the forms read), anonymous and as admin; never a 500.

``KIOSK_FUZZ_EXAMPLES`` (``make fuzz``) raises the number of requests; the API has its own fuzzer
(``test_api_fuzz.py``, schemathesis against the OpenAPI document).
"""
from __future__ import annotations

import os
import re
from collections import Counter
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.demo.seed import DEMO_PASSWORDS

EXAMPLES = int(os.environ.get("KIOSK_FUZZ_EXAMPLES", "20")) * 20
#: Endpoints a fuzzer must not call: ending the admin's session would turn the rest of the run anonymous.
SKIPPED = {"staff.logout", "static"}
ARGUMENT = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")
#: Field and parameter names the views read, so the junk reaches the parsing code.
NAMES = sorted({
    "account", "action", "amount", "as_of", "business", "category", "code", "date", "day", "device", "effective_from",
    "ends_at", "from", "guide", "id", "kind", "kwh", "lang", "name", "new", "next", "number", "page", "password",
    "peak_kwh", "phone", "phone4", "priority", "q", "rating", "reason", "reply", "reprint", "role", "scope",
    "service", "starts_at", "status", "target", "text", "ticket", "title", "to", "to_window", "topic", "until",
    "urgent", "username", "valley_kwh", "width", "window", "working", "yaml", "ytd_kwh",
})

JUNK_TEXT = st.one_of(
    st.text(max_size=40),
    st.integers().map(str),
    st.sampled_from(["9223372036854775808", "2147483648", "-1", "1e999", "nan", "0", "1", "2", "A", "A001",
                     "3300000002", "2026-13-45", "2026-02-30", "residential", "en", "ug", "/%0a", "//evil.example",
                     "/\n", "/\t/evil.example/x", "\u202e", "ئۇيغۇر", "བོད", "ᠮᠣᠩᠭᠣᠯ", "x" * 3000, ":\n- [",
                     "on", "true"]),
)
INT_ARGUMENT = st.one_of(st.integers(min_value=0, max_value=5), st.integers(min_value=0).map(abs),
                         st.sampled_from([2**31 - 1, 2**31, 2**63, 10**30]))

TALLY: Counter[int] = Counter()


def _routes(app) -> list[tuple[str, str, list[tuple[str | None, str]]]]:
    """``(method, rule, [(converter, name)])`` for every HTML route."""
    routes = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in SKIPPED or rule.rule.startswith("/api/"):
            continue
        for method in sorted(rule.methods & {"GET", "POST"}):
            routes.append((method, rule.rule, [(converter or None, name)
                                               for converter, name in ARGUMENT.findall(rule.rule)]))
    return sorted(routes)


def _path(rule: str, values: dict[str, str]) -> str:
    return ARGUMENT.sub(lambda match: quote(values[match.group(2)], safe=""), rule)


@st.composite
def requests(draw, routes):
    method, rule, arguments = draw(st.sampled_from(routes))
    values = {name: str(draw(INT_ARGUMENT)) if converter == "int" else draw(JUNK_TEXT)
              for converter, name in arguments}
    query = draw(st.dictionaries(st.sampled_from(NAMES), JUNK_TEXT, max_size=4))
    form = draw(st.dictionaries(st.one_of(st.sampled_from(NAMES), st.text(max_size=8)), JUNK_TEXT, max_size=8))
    poisoned = draw(st.sampled_from(["", "values", "query", "form"] + [""] * 4))  # a NUL somewhere, now and then
    target = {"values": values, "query": query, "form": form}.get(poisoned)
    if target:
        key = draw(st.sampled_from(sorted(target)))
        target[key] = f"{target[key]}\x00{draw(st.text(max_size=4))}"
    as_admin = draw(st.booleans())
    return method, _path(rule, values), query, form, as_admin


@pytest.fixture(scope="module", autouse=True)
def _report_tally():
    yield
    if TALLY:
        print(f"\nHTML fuzzer: {sum(TALLY.values())} requests, {sum(n for s, n in TALLY.items() if s >= 500)} "
              f"answered 5xx; by status {dict(sorted(TALLY.items()))}")


def fuzz_html(app, examples: int = EXAMPLES) -> None:
    """Send ``examples`` random requests to ``app``'s HTML routes, half as admin; fail on the first 5xx."""
    routes = _routes(app)
    assert len(routes) > 50
    anonymous = app.test_client()
    admin = app.test_client()

    def log_in():
        answer = admin.post("/staff/login", data={"username": "admin", "password": DEMO_PASSWORDS["admin"]})
        assert answer.status_code == 302

    log_in()

    @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(requests(routes))
    def send(request):
        method, path, query, form, as_admin = request
        client = admin if as_admin else anonymous
        url = f"{path}?{urlencode(query)}" if query else path
        answer = client.post(url, data=form) if method == "POST" else client.get(url)
        TALLY[answer.status_code] += 1
        assert answer.status_code < 500, f"{answer.status_code} {method} {url} {form!r} admin={as_admin}"
        if as_admin and answer.status_code in (302, 401) and "/staff/login" in answer.headers.get("Location", ""):
            log_in()

    send()


def test_every_html_route_and_form_survives_random_input(app):
    fuzz_html(app)
