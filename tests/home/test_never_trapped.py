"""Never trapped: no kiosk page leads to a PDF, another host, the staff console or a download,
and the idle reset is on every kiosk page, error pages included."""
from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from flask import Flask

#: Kiosk routes that only redirect (they change the session): checked as links, not walked.
REDIRECTS = ("/kiosk/reset", "/kiosk/language", "/kiosk/elder")


class Links(HTMLParser):
    """Every address a page can lead to (links, form actions, frames) and every ``download`` attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[tuple[str, str]] = []
        self.downloads: list[str] = []
        self.idle = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if "download" in values:
            self.downloads.append(tag)
        for name in ("href", "action", "src", "formaction", "data-href"):
            if values.get(name) is not None and not (tag == "script" and name == "src") \
                    and not (tag == "link" and values.get("rel") == "stylesheet"):
                self.targets.append((tag, values[name]))
        if tag == "body" and values.get("data-reset-url") and values.get("data-idle-seconds"):
            self.idle = True


def problems_of(page: str, target: str) -> str | None:
    """Why ``target`` (on ``page``) would take a customer out of the kiosk, or ``None``."""
    address = urlsplit(urljoin("http://kiosk.local" + page, target))
    if address.scheme not in ("http", "https") or address.netloc != "kiosk.local":
        return "leaves the kiosk"
    if address.path.startswith("/staff"):
        return "staff page"
    if address.path.lower().endswith(".pdf") or ".pdf" in address.path.lower():
        return "PDF"
    return None


def kiosk_rules(app: Flask) -> list[str]:
    """The kiosk pages without arguments answered to GET (not the PDFs a browser printer's hidden frame loads)."""
    return sorted({rule.rule for rule in app.url_map.iter_rules()
                   if (rule.rule.startswith("/kiosk") or rule.rule == "/") and "GET" in rule.methods
                   and not rule.arguments and rule.rule not in REDIRECTS and not rule.rule.endswith(".pdf")})


def walk(client, starts: list[str], limit: int = 400) -> dict[str, Links]:
    """Every kiosk page reachable from ``starts`` by links (breadth first)."""
    seen: dict[str, Links] = {}
    queue = list(starts)
    while queue and len(seen) < limit:
        page = queue.pop(0)
        if page in seen:
            continue
        if page.startswith("/kiosk/bills/"):  # any other page forgets the account
            client.post("/kiosk/bills", data={"account": "3300000003"})
        response = client.get(page)
        if response.status_code in (301, 302, 303):
            continue
        assert response.status_code in (200, 404), (page, response.status_code)
        if response.mimetype != "text/html":
            seen[page] = Links()
            seen[page].targets.append(("response", page + ".pdf"))
            continue
        parsed = Links()
        parsed.feed(response.get_data(as_text=True))
        seen[page] = parsed
        for tag, target in parsed.targets:
            if tag not in ("a", "area") or problems_of(page, target):
                continue
            address = urlsplit(urljoin("http://kiosk.local" + page, target))
            path = address.path + (f"?{address.query}" if address.query else "")
            if address.path.startswith("/kiosk") and not address.path.startswith(REDIRECTS) and path not in seen:
                queue.append(path)
    return seen


def test_no_kiosk_page_leads_out_of_the_kiosk(app, client):
    ticket = client.post("/kiosk/ticket", data={"service": "A", "priority": "1"}).headers["Location"]
    client.post("/kiosk/bills", data={"account": "3300000003"})
    starts = [*kiosk_rules(app), urlsplit(ticket).path, "/kiosk/bills/result"]
    pages = walk(client, starts)
    assert len(pages) > 40, sorted(pages)
    for needed in ("/kiosk/tariffs/fees", "/kiosk/guides", "/kiosk/bills/result", "/kiosk/service-info"):
        assert needed in pages
    assert any(page.startswith("/kiosk/forms/") for page in pages)
    assert any(page.startswith("/kiosk/bills/bill/") for page in pages)
    found = []
    for page, links in pages.items():
        found += [(page, tag, target, why) for tag, target in links.targets
                  if (why := problems_of(page, target))]
        found += [(page, tag, "download", "download") for tag in links.downloads]
    assert found == []


def test_idle_reset_on_every_kiosk_page(app, client):
    client.post("/kiosk/bills", data={"account": "3300000003"})
    pages = walk(client, [*kiosk_rules(app), "/kiosk/bills/result"])
    missing = [page for page, links in pages.items() if not links.idle]
    assert missing == []


def test_idle_reset_on_kiosk_error_pages(client):
    for path in ("/kiosk/guides/no-such-guide", "/kiosk/tariffs/99999", "/kiosk/forms/nope"):
        response = client.get(path)
        assert response.status_code == 404
        html = response.get_data(as_text=True)
        assert 'data-reset-url="/kiosk/reset"' in html and "/static/js/idle.js" in html, path
        assert "data-idle-dialog" in html and 'data-nav="home"' in html
