"""Prepare the fonts printed matter uses: a common-character subset of Noto Sans CJK SC.

Rendering a PDF with WeasyPrint subsets every font it embeds. Subsetting the full
Noto Sans CJK collection (65 000 glyphs, 19 MB) costs most of a ticket's render time, so
this script cuts, once, a font holding only the characters of GB 2312 (6 763 hanzi,
punctuation, symbols) plus ASCII, Latin-1, general and CJK punctuation and full-width
forms, with hinting dropped. ``static/css/print.css`` declares it with ``@font-face``
ahead of the system fonts; any character outside the subset (a rare name character such
as 㛃 or 𠀾) falls back to the full system font, so nothing is ever missing.

Idempotent: a font is rebuilt only when it is missing or older than its source or
this script. Run ``python scripts/prepare_fonts.py`` (``make fonts`` does); the app
works without the prepared fonts, only slower.
"""
from __future__ import annotations

import argparse
import fcntl
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "fonts" / "prepared"
CJK_DIR = Path("/usr/share/fonts/opentype/noto")

#: (output file, source collection, face index of "Noto Sans CJK SC" in the collection).
FONTS = (
    ("HallSansCJK-Regular.otf", CJK_DIR / "NotoSansCJK-Regular.ttc", 2),
    ("HallSansCJK-Bold.otf", CJK_DIR / "NotoSansCJK-Bold.ttc", 2),
)

#: Ranges kept whole besides GB 2312: ASCII and Latin-1, general punctuation, letter-like
#: symbols, arrows, CJK symbols and punctuation, full-width forms.
EXTRA_RANGES = ((0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2100, 0x214F), (0x2190, 0x21FF),
                (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF))


def gb2312_characters() -> set[int]:
    """Every character of GB 2312 (rows 1-9 symbols, 16-87 hanzi levels 1 and 2)."""
    found = set()
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                text = bytes((row, cell)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            found.add(ord(text))
    return found


def wanted_codepoints() -> set[int]:
    """The code points the prepared font keeps."""
    wanted = gb2312_characters()
    for start, end in EXTRA_RANGES:
        wanted.update(range(start, end + 1))
    return wanted


def is_fresh(target: Path, source: Path) -> bool:
    """Whether ``target`` exists and is newer than its source and this script."""
    if not target.exists():
        return False
    mtime = target.stat().st_mtime
    return mtime >= source.stat().st_mtime and mtime >= Path(__file__).stat().st_mtime


def prepare(target: Path, source: Path, index: int, codepoints: set[int]) -> None:
    """Write the subset of face ``index`` of ``source`` to ``target`` (atomically)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.font_number = index
    font = TTFont(source, fontNumber=index, lazy=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    handle, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-", suffix=".partial")
    os.close(handle)
    font.save(partial)
    os.replace(partial, target)


def main(argv: list[str] | None = None) -> int:
    """Prepare every font that is missing or stale; print what was done."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even when up to date")
    parser.add_argument("--out", type=Path, default=OUT, help="output folder")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / ".lock", "w") as lock:  # parallel runs (make, pytest workers) wait for each other
        fcntl.flock(lock, fcntl.LOCK_EX)
        prepare_all(args.out, args.force)
    return 0


def prepare_all(out: Path, force: bool = False) -> None:
    """Prepare every font in ``out`` that is missing or stale (``force``: all of them)."""
    codepoints = None
    for name, source, index in FONTS:
        target = out / name
        if not source.exists():
            print(f"prepare_fonts: {source} not found; printing uses the system fonts", file=sys.stderr)
            continue
        if not force and is_fresh(target, source):
            continue
        codepoints = codepoints or wanted_codepoints()
        started = time.perf_counter()
        prepare(target, source, index, codepoints)
        print(f"prepare_fonts: {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target} "
              f"({target.stat().st_size // 1024} KiB, {time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    sys.exit(main())
