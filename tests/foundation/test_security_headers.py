"""Security headers on every response, no-store on private pages, trusted proxies and safe redirects."""
from __future__ import annotations

import pytest
from flask import request
from sqlalchemy import select

from kiosk.demo.seed import DEMO_PASSWORDS
from kiosk.extensions import db
from kiosk.guides.models import Guide
from kiosk.security import CONTENT_SECURITY_POLICY, safe_path
from tests.conftest import make_app

#: Pages of every area, and a static file, an API answer and an error page.
EVERY_KIND = ["/kiosk", "/kiosk/tariffs", "/display", "/display/window/1", "/staff/login", "/static/js/clock.js",
              "/api/v1/queue", "/kiosk/no-such-page", "/api/v1/no-such-thing", "/healthz"]


@pytest.mark.parametrize("path", EVERY_KIND)
def test_every_response_carries_the_security_headers(client, path):
    with client.get(path) as response:
        pass
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_the_policy_allows_no_inline_script_and_no_framing():
    directives = dict(part.split(" ", 1) for part in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["script-src"] == "'self'" and "unsafe" not in CONTENT_SECURITY_POLICY
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'" and directives["form-action"] == "'self'"


def test_a_pdf_may_be_framed_by_our_own_pages_only(empty_client, make_ticket):
    response = empty_client.get(f"/t/{make_ticket().token}/ticket.pdf")
    assert response.mimetype == "application/pdf"
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_view_keeps_its_stricter_referrer_policy(empty_client, make_ticket):
    response = empty_client.get(f"/t/{make_ticket().token}")
    assert response.headers["Referrer-Policy"] == "no-referrer" and response.headers["Cache-Control"] == "no-store"


def staff_get_urls(app) -> list[str]:
    """Every GET route under /staff, with demo values for its arguments."""
    guide_code = db.session.scalar(select(Guide.code).limit(1))
    values = {"code": guide_code, "opinion_id": 1, "job_id": 1, "user_id": 1, "number": 1, "language": "en",
              "clip": "A", "slide_id": 1, "service_id": 1, "window_id": 1}
    urls = []
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/staff") and "GET" in (rule.methods or ()):
            urls.append(rule.build({name: values[name] for name in rule.arguments})[1])
    return sorted(urls)


def test_every_staff_page_is_no_store_for_an_admin(app, client, login):
    login("admin")
    urls = staff_get_urls(app)
    assert len(urls) >= 20
    for url in urls:
        response = client.get(url)
        assert response.status_code < 500, url
        assert response.headers["Cache-Control"] == "no-store", url


def test_staff_pages_are_no_store_before_login(client):
    assert client.get("/staff/login").headers["Cache-Control"] == "no-store"
    assert client.get("/staff/users").headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", ["/kiosk/progress", "/kiosk/opinion", "/kiosk/callback?service=A",
                                  "/kiosk/ticket", "/kiosk/bills"])
def test_kiosk_pages_with_personal_data_are_no_store(client, path):
    response = client.get(path)
    assert response.status_code < 500 and response.headers["Cache-Control"] == "no-store"


def test_ticket_confirmation_is_no_store(empty_client, make_ticket):
    confirmation = empty_client.get(f"/kiosk/ticket/{make_ticket().token}")
    assert confirmation.status_code == 200 and confirmation.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", ["/kiosk", "/kiosk/tariffs", "/display", "/static/js/clock.js"])
def test_public_pages_stay_cacheable(client, path):
    with client.get(path) as response:
        assert "no-store" not in response.headers.get("Cache-Control", "")


# --- safe redirects ---------------------------------------------------------------------------------------

#: (next=, where the language switch goes): the issue's examples and their relatives.
#: The request is refused outright (400): control characters never reach a redirect.
REFUSED = None

REDIRECTS = [
    ("/kiosk/bills", "/kiosk/bills"),
    ("/kiosk/tariffs?x=1", "/kiosk/tariffs?x=1"),
    ("/%09/evil.example/x", REFUSED),
    ("/%0a", REFUSED),
    ("/%0d%0aSet-Cookie:%20a=b", REFUSED),
    ("//evil.example/", "/kiosk"),
    ("///evil.example/", "/kiosk"),
    ("/\\evil.example/", "/kiosk"),
    ("/%5cevil.example/", "/kiosk"),
    ("\\\\evil.example/", "/kiosk"),
    ("/%2F%2Fevil.example/", "/kiosk"),
    ("/%252F%252Fevil.example/", "/kiosk"),
    ("https://evil.example/", "/kiosk"),
    ("evil.example", "/kiosk"),
    ("/ /evil.example", "/kiosk"),
    ("/%00", REFUSED),
    ("/%e2%80%8b/evil.example", "/kiosk"),
    ("", "/kiosk"),
]


def assert_redirect(response, expected: str | None) -> None:
    """A redirect to ``expected``, or (``REFUSED``) the 400 of the control-character guard: never off the site."""
    if expected is REFUSED:
        assert response.status_code == 400 and "Location" not in response.headers
    else:
        assert response.status_code == 302 and response.headers["Location"] == expected


@pytest.mark.parametrize(("target", "expected"), REDIRECTS)
def test_language_switch_redirects_only_on_this_site(client, target, expected):
    assert_redirect(client.get(f"/kiosk/language?lang=en&next={target}"), expected)


@pytest.mark.parametrize(("target", "expected"), REDIRECTS)
def test_elder_switch_redirects_only_on_this_site(client, target, expected):
    assert_redirect(client.get(f"/kiosk/elder?next={target}"), expected)


@pytest.mark.parametrize(("target", "expected"), [
    ("/staff/users", "/staff/users"),
    ("/staff/%09/evil.example", REFUSED),
    ("/staff//evil.example", "/staff"),
    ("/staff/\\evil.example", "/staff"),
    ("/kiosk", "/staff"),
    ("//evil.example/staff", "/staff"),
    ("/%0a", REFUSED),
])
def test_login_next_is_a_staff_page_on_this_site(client, target, expected):
    assert_redirect(client.post(f"/staff/login?next={target}", data={"username": "admin",
                                                                      "password": DEMO_PASSWORDS["admin"]}), expected)


@pytest.mark.parametrize("target", [None, "", "kiosk", "//x", "/\t/x", "/\n", "/a\\b", "/%2f/x", "/a b", "/\u200b"])
def test_safe_path_refuses(target):
    assert safe_path(target) is None


@pytest.mark.parametrize("target", ["/", "/kiosk", "/kiosk/bills?lang=en", "/kiosk/guides/%E7%94%B5", "/kiosk#top"])
def test_safe_path_accepts(target):
    assert safe_path(target) == target


# --- trusted proxies --------------------------------------------------------------------------------------

def proxied_app(tmp_path, db_path, hops: int):
    return make_app(f"sqlite:///{db_path}", tmp_path / f"proxy-{hops}", TRUSTED_PROXIES=hops)


def lookups(application, client_address: str, count: int) -> list[int]:
    client = application.test_client()
    return [client.get("/api/v1/bills/3300000001", environ_base={"REMOTE_ADDR": "10.0.0.1"},
                       headers={"X-Forwarded-For": client_address}).status_code for _ in range(count)]


def test_behind_a_trusted_proxy_each_client_has_its_own_bucket(tmp_path, db_path):
    application = proxied_app(tmp_path, db_path, hops=1)
    application.config["LOOKUPS_PER_MINUTE"] = 2
    with application.app_context():
        assert lookups(application, "203.0.113.5", 3) == [200, 200, 429]
        assert lookups(application, "203.0.113.6", 2) == [200, 200]  # another customer behind the same proxy


def test_the_real_address_scheme_and_host_come_from_the_proxy(tmp_path, db_path):
    application = proxied_app(tmp_path, db_path, hops=1)
    client = application.test_client()
    seen = {}

    @application.get("/_probe")
    def probe():
        seen.update(addr=request.remote_addr, scheme=request.scheme, host=request.host)
        return ""

    client.get("/_probe", environ_base={"REMOTE_ADDR": "10.0.0.1"},
               headers={"X-Forwarded-For": "198.51.100.1, 203.0.113.5", "X-Forwarded-Proto": "https",
                        "X-Forwarded-Host": "hall.example"})
    # one hop trusted: the last address is the client's; the spoofable first one is ignored
    assert seen == {"addr": "203.0.113.5", "scheme": "https", "host": "hall.example"}


def test_without_trusted_proxies_forwarded_headers_are_ignored(tmp_path, db_path):
    application = proxied_app(tmp_path, db_path, hops=0)
    application.config["LOOKUPS_PER_MINUTE"] = 2
    with application.app_context():
        # a client cannot escape its bucket by inventing X-Forwarded-For
        assert lookups(application, "203.0.113.5", 2) + lookups(application, "203.0.113.6", 1) == [200, 200, 429]
