"""Report how complete each message catalogue is; exit 1 if a required one is incomplete.

The message ids are English, so ``en`` is the source language and complete by definition.
Besides counting, every translation is checked to keep the ``%(name)s`` placeholders of its
message id (a missing or extra one would break the page that shows it).

Usage: python scripts/i18n_report.py [--require zh_Hans_CN,ug] | [--require all]
"""
from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent / "translations"
SOURCE_LOCALE = "en"
PLACEHOLDER = re.compile(r"%\((\w+)\)s|%%")


@cache
def _catalog(locale_dir: Path):
    with open(locale_dir / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle)


def completeness(locale_dir: Path) -> tuple[int, int, int]:
    """(translated, fuzzy, total) for one locale's catalogue (the source locale counts as complete)."""
    messages = [m for m in _catalog(locale_dir) if m.id]
    if locale_dir.name == SOURCE_LOCALE:
        return len(messages), 0, len(messages)
    translated = sum(1 for m in messages if (all(m.string) if isinstance(m.string, tuple) else m.string)
                     and not m.fuzzy)
    fuzzy = sum(1 for m in messages if m.fuzzy)
    return translated, fuzzy, len(messages)


def placeholder_mismatches(locale_dir: Path) -> list[str]:
    """Message ids whose translation does not keep exactly the id's placeholders."""
    found = []
    for message in _catalog(locale_dir):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(PLACEHOLDER.findall(ids[-1]))
        if any(text and sorted(PLACEHOLDER.findall(text)) != wanted for text in strings):
            found.append(ids[0])
    return found


def locale_dirs() -> list[Path]:
    """Every locale folder that has a catalogue."""
    return sorted(p for p in ROOT.iterdir() if (p / "LC_MESSAGES" / "messages.po").exists())


def main(argv: list[str]) -> int:
    required = set()
    if "--require" in argv:
        required = set(argv[argv.index("--require") + 1].split(","))
    failed = False
    for locale_dir in locale_dirs():
        translated, fuzzy, total = completeness(locale_dir)
        share = 100 * translated / total if total else 100
        source = "  (source language)" if locale_dir.name == SOURCE_LOCALE else ""
        print(f"{locale_dir.name:<12} {translated:>5}/{total:<5} {share:5.1f}%  fuzzy {fuzzy}{source}")
        for message_id in placeholder_mismatches(locale_dir):
            print(f"  placeholders differ: {message_id!r}")
            failed = True
        if (locale_dir.name in required or "all" in required) and translated < total:
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
