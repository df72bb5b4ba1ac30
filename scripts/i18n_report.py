"""Report how complete each message catalogue is; exit 1 if a required one is incomplete.

Usage: python scripts/i18n_report.py [--require zh_Hans_CN,en]
"""
from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent / "translations"


def completeness(locale_dir: Path) -> tuple[int, int, int]:
    """(translated, fuzzy, total) for one locale's catalogue."""
    with open(locale_dir / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalog = read_po(handle)
    messages = [m for m in catalog if m.id]
    translated = sum(1 for m in messages if (all(m.string) if isinstance(m.string, tuple) else m.string)
                     and not m.fuzzy)
    fuzzy = sum(1 for m in messages if m.fuzzy)
    return translated, fuzzy, len(messages)


def main(argv: list[str]) -> int:
    required = set()
    if "--require" in argv:
        required = set(argv[argv.index("--require") + 1].split(","))
    failed = False
    for locale_dir in sorted(p for p in ROOT.iterdir() if (p / "LC_MESSAGES" / "messages.po").exists()):
        translated, fuzzy, total = completeness(locale_dir)
        share = 100 * translated / total if total else 100
        print(f"{locale_dir.name:<12} {translated:>5}/{total:<5} {share:5.1f}%  fuzzy {fuzzy}")
        if locale_dir.name in required and translated < total:
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
