"""Count the runs of Chinese text a customer sees on the content pages, per locale.

Seeds the demo hall into a throwaway SQLite database, renders the kiosk's guides index, a guide, the fee
schedule, the service information with the service commitments, the tariffs and the notice board in every
locale, and counts the runs of Chinese characters in each page's visible text and spoken
attributes. A run inside an element marked ``lang="zh-…"`` is a name or a fallback the hall has not
translated yet (it renders in the Chinese font and reads as Chinese); any other run is Chinese set as if it
were the page's own language.

Usage: python scripts/chinese_runs.py [--markdown]
"""
from __future__ import annotations

import os
import re
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LOCALES = ("zh_Hans_CN", "en", "ug", "bo", "mn_Mong_CN")
#: (name in the report, path); ``{guide}`` is the first guide's code.
PAGES = (
    ("guides", "/kiosk/guides"),
    ("a guide", "/kiosk/guides/{guide}"),
    ("fee schedule", "/kiosk/tariffs/fees"),
    ("commitments (service information)", "/kiosk/service-info"),
    ("tariffs", "/kiosk/tariffs"),
    ("notices", "/kiosk/notices"),
)
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff][\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff"
                     r"\uf900-\ufaff\uff00-\uffef0-9A-Za-z.,%·\s-]*")
HIDDEN = {"script", "style", "template", "noscript"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SPOKEN = ("aria-label", "title", "alt", "placeholder")


class ChineseRuns(HTMLParser):
    """Counts Chinese runs in visible text, split into marked (``lang="zh…"``) and unmarked ones."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.marked = 0
        self.unmarked = 0

    def _count(self, text: str, language: str) -> None:
        runs = len(HAN_RUN.findall(text))
        if language.lower().startswith("zh"):
            self.marked += runs
        else:
            self.unmarked += runs

    def _language(self) -> str:
        return next((lang for _tag, lang in reversed(self.stack) if lang is not None), "")

    def _hidden(self) -> bool:
        return any(tag in HIDDEN for tag, _lang in self.stack)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag not in VOID:
            self.stack.append((tag, values.get("lang")))
        if tag == "html" or self._hidden():
            return
        language = values.get("lang") or self._language()
        for name in SPOKEN:
            if values.get(name):
                self._count(values[name], language)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self._hidden():
            self._count(data, self._language() if len(self.stack) > 1 else "")


def count_runs(client, guide: str, locales=LOCALES) -> dict[tuple[str, str], tuple[int, int]]:
    """``{(page, locale): (marked runs, unmarked runs)}`` for every page of :data:`PAGES`, read with ``client``."""
    counts = {}
    for locale in locales:
        for name, path in PAGES:
            response = client.get(path.format(guide=guide) + f"?lang={locale}")
            parser = ChineseRuns()
            parser.feed(response.get_data(as_text=True))
            counts[(name, locale)] = (parser.marked, parser.unmarked)
    return counts


def count_pages() -> dict[tuple[str, str], tuple[int, int]]:
    """:func:`count_runs` on a freshly seeded demo hall."""
    from sqlalchemy import select

    from kiosk import create_app
    from kiosk.cli import migrate_database
    from kiosk.demo.seed import seed_demo
    from kiosk.extensions import db
    from kiosk.guides.models import Guide

    folder = Path(tempfile.mkdtemp())
    os.environ["KIOSK_INSTANCE_PATH"] = str(folder)
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{folder / 'runs.sqlite3'}",
                      "SECRET_KEY": "report", "WARM_PRINTER": False, "SPOOL_DIR": str(folder / "spool")})
    with app.app_context():
        migrate_database()
        seed_demo()
        guide = db.session.scalars(select(Guide.code).order_by(Guide.id)).first() or ""
    return count_runs(app.test_client(), guide)


def main() -> int:
    counts = count_pages()
    if "--markdown" in sys.argv:
        print("| Page | " + " | ".join(LOCALES) + " |")
        print("|---|" + "---|" * len(LOCALES))
        for name, _path in PAGES:
            cells = [f"{sum(counts[(name, code)])} ({counts[(name, code)][1]})" for code in LOCALES]
            print(f"| {name} | " + " | ".join(cells) + " |")
        print("\nEach cell: Chinese runs in all (of them, runs not marked as Chinese).")
    else:
        for (name, locale), (marked, unmarked) in counts.items():
            print(f"{locale:11} {name:34} {marked + unmarked:4} runs, {unmarked:4} not marked as Chinese")
    return 0


if __name__ == "__main__":
    sys.exit(main())
