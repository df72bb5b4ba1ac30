"""The terminology glossary (``translations/glossary.csv``) and the catalogues agree.

Every catalogue entry whose English message id contains a glossary term must use the glossary's
translation of it in each locale. A glossary cell may list, after the preferred form, further
accepted forms separated by `` | `` (inflected stems, e.g. Uyghur vowel raising پەللە → پەللى).
An occurrence inside a longer glossary term is checked against the longer term only, and an
English term the translation keeps verbatim (a file column such as ``peak`` or ``kwh``) is not a
term of the sentence.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "translations" / "glossary.csv"
LOCALES = ("zh_Hans_CN", "ug", "bo", "mn_Mong_CN")
COLUMNS = ["term_id", "en", *LOCALES, "source"]


def glossary() -> list[dict[str, str]]:
    with GLOSSARY.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def normal(text: str) -> str:
    """Mongolian narrow no-break spaces and vowel separators compared as plain spacing."""
    return " ".join(text.replace("\u202f", " ").replace("\u180e", "").split())


def term_pattern(english: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(english) + r"(?:s|es)?(?![\w-])", re.IGNORECASE)


def catalogue(locale: str):
    with (ROOT / "translations" / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle)


def test_glossary_shape():
    rows = glossary()
    assert list(rows[0]) == COLUMNS
    assert len(rows) >= 100
    ids = [row["term_id"] for row in rows]
    assert len(ids) == len(set(ids))
    for row in rows:
        assert all(row[column].strip() for column in COLUMNS), row["term_id"]
    for required in ("electricity bill", "arrears", "late fee", "tier", "time-of-use", "peak", "flat", "valley",
                     "window", "queue ticket", "service suspended", "outage", "meter", "account number"):
        assert required in {row["en"] for row in rows}


def mismatches(locale: str) -> list[str]:
    rows = glossary()
    patterns = {row["en"]: term_pattern(row["en"]) for row in rows}
    found = []
    for message in catalogue(locale):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        texts = [message.string] if isinstance(message.string, str) else list(message.string)
        for row in rows:
            english = row["en"]
            longer = [other for other in patterns if other != english and english.lower() in other.lower()]
            sources = [source for source in ids]
            for other in longer:
                sources = [patterns[other].sub(" ", source) for source in sources]
            if not any(patterns[english].search(source) for source in sources):
                continue
            accepted = [normal(form) for form in row[locale].split(" | ")]
            for text in texts:
                if patterns[english].search(text) or any(form in normal(text) for form in accepted):
                    continue
                found.append(f"{row['term_id']}: {ids[0]!r} → {text!r} (glossary: {row[locale]})")
    return found


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_uses_the_glossary_terms(locale):
    problems = mismatches(locale)
    assert not problems, f"{len(problems)} entries disagree with the glossary:\n" + "\n".join(problems)
