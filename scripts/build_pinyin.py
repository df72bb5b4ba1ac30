"""Build the pinyin data of the kiosk's on-screen Chinese keyboard (static/osk/pinyin.json).

Readings come from pypinyin (its character and phrase dictionaries), the order of candidates from
the word frequencies of jieba's dict.txt. Both are maintained dictionary packages, read offline; the
kiosk loads the result lazily and never reaches the network.

Output (compact JSON, keys sorted, so a rebuild from the same packages gives the same bytes):

* ``chars``: ``{"ni": "你呢尼…"}`` single characters per toneless syllable, most frequent first;
* ``words``: ``{"dian'fei": "电费 点费 …"}`` words of 2 to 4 characters per syllable sequence
  (apostrophe-separated), most frequent first, separated by spaces.

``ü`` is typed ``v`` (``lv`` → 绿), as on every pinyin keyboard.

Run: ``.venv/bin/python scripts/build_pinyin.py [output]``; a test checks the committed file is current.
"""

from __future__ import annotations

import json
import re
import sys
from importlib.util import find_spec
from pathlib import Path

from pypinyin import Style, lazy_pinyin, pinyin

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "static" / "osk" / "pinyin.json"

#: How many characters (by frequency) and words the keyboard knows; sized to keep the file small.
MAX_CHARS = 7000
MAX_WORDS = 50000
#: Words are 2 to 4 characters long.
WORD_LENGTHS = range(2, 5)

HAN = re.compile(r"^[\u4e00-\u9fff]+$")
SYLLABLE = re.compile(r"^[a-z]+$")


def jieba_dict_path() -> Path:
    """The path of jieba's word-frequency list (without importing jieba, which sets up its tokenizer)."""
    spec = find_spec("jieba")
    if spec is None or spec.origin is None:
        raise SystemExit("jieba is not installed: pip install -c constraints.txt -e '.[test]'")
    return Path(spec.origin).parent / "dict.txt"


def read_frequencies(path: Path) -> dict[str, int]:
    """Word → frequency of every all-Han entry of a jieba dictionary file."""
    frequencies: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) >= 2 and HAN.match(parts[0]) and parts[1].isdigit():
            frequencies[parts[0]] = frequencies.get(parts[0], 0) + int(parts[1])
    return frequencies


def char_readings(char: str) -> list[str]:
    """The toneless readings of one character (every reading of a heteronym, the usual one first)."""
    readings = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    found = readings[0] if readings else []
    return [reading for reading in dict.fromkeys(found) if SYLLABLE.match(reading)]


def is_common(char: str) -> bool:
    """Whether a character is one of GB 2312's simplified characters (the everyday set)."""
    try:
        return len(char.encode("gb2312")) == 2
    except UnicodeEncodeError:
        return False


def ranked(frequencies: dict[str, int], items: list[str]) -> list[str]:
    """Items by descending frequency, then by code point (stable across rebuilds)."""
    return sorted(items, key=lambda item: (-frequencies.get(item, 0), item))


def build(frequencies: dict[str, int]) -> dict[str, dict[str, str]]:
    """The keyboard's data from word frequencies (readings from pypinyin)."""
    singles = ranked(frequencies, [word for word in frequencies if len(word) == 1 and is_common(word)])[:MAX_CHARS]
    known = set(singles)
    chars: dict[str, list[str]] = {}
    for char in singles:
        for reading in char_readings(char):
            chars.setdefault(reading, []).append(char)
    syllables = set(chars)

    candidates = [word for word in frequencies if len(word) in WORD_LENGTHS and set(word) <= known]
    words: dict[str, list[str]] = {}
    for word in ranked(frequencies, candidates)[:MAX_WORDS]:
        readings = lazy_pinyin(word, style=Style.NORMAL, errors="ignore")
        if len(readings) != len(word) or not set(readings) <= syllables:
            continue
        words.setdefault("'".join(readings), []).append(word)
    return {
        "chars": {syllable: "".join(found) for syllable, found in sorted(chars.items())},
        "words": {key: " ".join(found) for key, found in sorted(words.items())},
    }


def dumps(data: dict[str, dict[str, str]]) -> str:
    """The file's text: compact, UTF-8, keys sorted."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    """Write the data file (default ``static/osk/pinyin.json``) and print its size."""
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT
    text = dumps(build(read_frequencies(jieba_dict_path())))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(f"{output}: {len(text.encode('utf-8'))} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
