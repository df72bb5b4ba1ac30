"""No hard-coded user-facing text: every customer page in English has no Chinese outside stored content and
names (marked ``lang="zh-Hans-CN"``), and in Chinese no leftover English UI word.

The pages are every kiosk page reachable by links from the kiosk's own entry pages, a ticket and its phone page,
a bill result, the answers to the progress, opinion and callback forms, the not-found page and the wall display
with its slides; staff pages and PDFs are out of scope. A form sample's Chinese field names and values copy the
Chinese paper form and are marked so by the template, like every Chinese fallback and name.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from sqlalchemy import select

from kiosk.extensions import db
from kiosk.hall.service import hall_by_code, service_by_code
from kiosk.notices import suspensions
from kiosk.staff.models import StaffUser

#: Elements whose text no customer reads (``hidden`` ones are shown on demand: they count).
HIDDEN = {"script", "style", "template", "noscript"}
#: Elements without an end tag.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
#: Attributes a customer reads or hears (a screen reader speaks them).
SPOKEN = ("aria-label", "title", "alt", "placeholder")
#: Routes that only change the session and redirect.
REDIRECTS = ("/kiosk/reset", "/kiosk/language", "/kiosk/elder")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
LATIN_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{3,}(?![A-Za-z])")
#: Latin words that belong in Chinese text: units, the language menu's "English", brand-like abbreviations.
ALLOWED_LATIN = {"kWh", "kVA", "kWp", "App", "PDF", "English"}
#: On a form sample, a Chinese word quoted in a note is what the customer writes on the Chinese paper form (“代”).
QUOTED_FORM_WORD = re.compile(r"“[\u4e00-\u9fff]{1,4}”")
ACCOUNT = "3300000003"
#: Pages that answer a form: (name in the report, path, form).
POSTED = (
    ("progress found", "/kiosk/progress", {"number": "5100000003", "phone4": "3456"}),
    ("progress not found", "/kiosk/progress", {"number": "5100000003", "phone4": "0000"}),
    ("opinion thanks", "/kiosk/opinion", {"kind": "complaint", "topic": "waiting", "text": "排队太久"}),
    ("callback thanks", "/kiosk/callback?service=B", {"phone": "13812345678"}),
)


class Text(HTMLParser):
    """The visible text of a page (and its spoken attributes), each piece with the languages it is marked in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.pieces: list[tuple[str, str, bool]] = []  # (language, text, is an attribute)
        self.links: list[str] = []

    def _language(self) -> str:
        return next((lang for _tag, lang in reversed(self.stack) if lang is not None), "")

    def _hidden(self) -> bool:
        return any(tag in HIDDEN for tag, _lang in self.stack)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        if tag not in VOID:
            self.stack.append((tag, values.get("lang")))
        if self._hidden():
            return
        language = values.get("lang") or self._language()
        for name in SPOKEN:
            if values.get(name):
                self.pieces.append((language, values[name], True))
        if tag == "input" and values.get("type") in ("submit", "button") and values.get("value"):
            self.pieces.append((language, values["value"], True))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if data.strip() and not self._hidden():
            self.pieces.append((self._language(), " ".join(data.split()), False))


def _crawl(client, starts: list[str], limit: int = 300) -> dict[str, Text]:
    """Every kiosk page reachable from ``starts`` by links, parsed."""
    pages: dict[str, Text] = {}
    queue = list(starts)
    while queue and len(pages) < limit:
        page = queue.pop(0)
        if page in pages:
            continue
        if page.startswith("/kiosk/bills/"):  # any other page forgets the account
            client.post("/kiosk/bills", data={"account": ACCOUNT})
        response = client.get(page)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        parsed = Text()
        parsed.feed(response.get_data(as_text=True))
        pages[page] = parsed
        for target in parsed.links:
            address = urlsplit(urljoin("http://kiosk.local" + page, target))
            path = address.path + (f"?{address.query}" if address.query else "")
            if address.netloc == "kiosk.local" and address.path.startswith("/kiosk") and ".pdf" not in path \
                    and not address.path.startswith(REDIRECTS) and path not in pages:
                queue.append(path)
    return pages


def _suspend_for_a_system_failure(code: str) -> None:
    """Suspend the demo hall's service ``code`` for a system failure, so its callback offer shows."""
    hall = hall_by_code("demo")
    supervisor = db.session.scalar(select(StaffUser).where(StaffUser.username == "supervisor"))
    suspensions.suspend(hall, "service", service_by_code(hall, code), "system_failure", "", None, supervisor)
    db.session.commit()


def _pages(app, client, locale: str) -> dict[str, Text]:
    """Every customer page in ``locale``, parsed, by address."""
    _suspend_for_a_system_failure("B")
    client.get(f"/kiosk/language?lang={locale}")
    ticket = client.post("/kiosk/ticket", data={"service": "A"}).headers["Location"]
    client.post("/kiosk/bills", data={"account": ACCOUNT})
    starts = sorted({rule.rule for rule in app.url_map.iter_rules()
                     if rule.rule.startswith("/kiosk") and "GET" in rule.methods and not rule.arguments
                     and not rule.rule.startswith(REDIRECTS)})
    starts += [urlsplit(ticket).path, "/kiosk/bills/result", "/kiosk/soon/bills", "/kiosk/callback?service=B",
               "/kiosk/tariffs/calculator?category=residential&kwh=300",
               "/kiosk/tariffs/calculator?category=commercial&kwh=300",
               "/kiosk/guides?q=%E8%BF%87%E6%88%B7", "/kiosk/opinion?kind=complaint"]
    pages = _crawl(client, starts)
    answers = {path: client.get(f"{path}?lang={locale}")
               for path in ("/display", "/display/slides/tariff", "/display/slides/commitments", "/display/window/1",
                            "/t/" + urlsplit(ticket).path.rsplit("/", 1)[1])}
    for name, path, form in POSTED:
        answers[name] = client.post(path, data=form)
    answers["not found"] = client.get("/kiosk/guides/no-such-guide")
    for name, response in answers.items():
        assert response.status_code == (404 if name == "not found" else 200), name
        parsed = Text()
        parsed.feed(response.get_data(as_text=True))
        pages[name] = parsed
    assert len(pages) > 40, sorted(pages)
    assert any(page.startswith("/kiosk/forms/") for page in pages)
    assert any(page.startswith("/kiosk/guides/") for page in pages)
    assert any(re.match(r"/kiosk/tariffs/\d+$", page) for page in pages)
    assert "/kiosk/callback?service=B" in pages and "/kiosk/bills/result" in pages
    return pages


def _unmarked_chinese(page: str, text: str) -> bool:
    if page.startswith("/kiosk/forms/"):
        text = QUOTED_FORM_WORD.sub("", text)
    return bool(CJK.search(text))


def test_english_pages_have_no_chinese_outside_marked_content(app, client):
    found = sorted({f"{page}: {text[:80]}" for page, parsed in _pages(app, client, "en").items()
                    for language, text, _attribute in parsed.pieces
                    if not language.startswith("zh") and _unmarked_chinese(page, text)})
    assert not found, "\n".join(found)


def test_chinese_pages_have_no_leftover_english_words(app, client):
    found = sorted({f"{page}: {text[:80]}" for page, parsed in _pages(app, client, "zh_Hans_CN").items()
                    for language, text, attribute in parsed.pieces
                    if not attribute and not language.startswith(("en", "ug", "bo", "mn"))
                    and any(word not in ALLOWED_LATIN for word in LATIN_WORD.findall(text))})
    assert not found, "\n".join(found)
