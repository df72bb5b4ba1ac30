"""List the shipped content texts (demo hall, form samples) that have no Uyghur, Tibetan or Mongolian text yet.

Seeds the demo hall into a throwaway SQLite database, walks every JSON column and the built-in form samples,
and prints, per locale, each Chinese source text that ``translations/content/*.json`` does not translate.
With ``--json`` prints ``{chinese: {"en": english}}`` for the missing texts (a starting point for a new
catalogue file). Exit status 1 when something is missing.

Usage: python scripts/content_report.py [--json]
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def shipped_content() -> list:
    """Every JSON document the demo seed stores, and the form samples' texts."""
    from sqlalchemy import select

    from kiosk import create_app
    from kiosk.cli import migrate_database
    from kiosk.content_translations import content_columns
    from kiosk.demo.seed import seed_demo
    from kiosk.extensions import db
    from kiosk.guides import form_samples

    folder = Path(tempfile.mkdtemp())
    os.environ["KIOSK_INSTANCE_PATH"] = str(folder)
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{folder / 'content.sqlite3'}",
                      "SECRET_KEY": "report", "WARM_PRINTER": False, "SPOOL_DIR": str(folder / "spool")})
    values: list = []
    with app.app_context():
        migrate_database()
        seed_demo()
        for model, key in content_columns():
            rows: list[Any] = list(db.session.scalars(select(model)))
            values.extend(getattr(row, key) for row in rows)
    values.extend(value for name, value in vars(form_samples).items() if not name.startswith("_")
                  and isinstance(value, (dict, list, tuple)))
    return values


def english_of(values: list) -> dict[str, str]:
    """Chinese source text → its English text, for every content mapping among ``values``."""
    from kiosk.content_translations import SOURCE_LOCALE, content_mappings

    found: dict[str, str] = {}
    for mapping in content_mappings(values):
        found.setdefault(mapping[SOURCE_LOCALE], mapping.get("en", ""))
    return found


def main() -> int:
    from kiosk.content_translations import missing_translations

    values = shipped_content()
    missing = missing_translations(values)
    if "--json" in sys.argv:
        english = english_of(values)
        texts = sorted({text for found in missing.values() for text in found})
        print(json.dumps({text: {"en": english.get(text, "")} for text in texts}, ensure_ascii=False, indent=1))
    else:
        for code, texts in missing.items():
            print(f"{code}: {len(texts)} texts without a translation")
            for text in texts:
                print("   ", text)
        if not missing:
            print("every shipped content text is translated")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
