"""The path of translations/README.md for a new language, run with a throwaway locale (Korean)."""
from __future__ import annotations

import shutil
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po
from babel.support import Translations

from kiosk import i18n
from kiosk.i18n import LocaleInfo

ROOT = Path(__file__).resolve().parents[2]


def pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def test_init_translate_compile_enable(empty_app, empty_client, make_hall, tmp_path, monkeypatch):
    directory = tmp_path / "translations"
    directory.mkdir()
    template = directory / "messages.pot"
    shutil.copy(ROOT / "translations" / "messages.pot", template)

    pybabel("init", "-i", str(template), "-d", str(directory), "-l", "ko")  # step 1
    po_path = directory / "ko" / "LC_MESSAGES" / "messages.po"
    with po_path.open("rb") as handle:
        catalogue = read_po(handle)
    assert catalogue.locale_identifier == "ko" and len(catalogue) > 800
    catalogue["Large text"].string = "큰 글씨"  # step 2 (two entries are enough for the path)
    catalogue["Home"].string = "처음으로"
    with po_path.open("wb") as handle:
        write_po(handle, catalogue)

    pybabel("compile", "-d", str(directory), "-l", "ko")  # step 3
    assert (directory / "ko" / "LC_MESSAGES" / "messages.mo").is_file()
    assert Translations.load(str(directory), ["ko"]).gettext("Home") == "처음으로"

    # step 4: enable it in LOCALES (and serve the temporary catalogue directory)
    monkeypatch.setitem(i18n.LOCALES, "ko", LocaleInfo("ko", "한국어", "ko", "ltr", "hang"))
    monkeypatch.setattr(empty_app.extensions["babel"], "translation_directories",
                        [*empty_app.extensions["babel"].translation_directories, str(directory)])
    monkeypatch.setattr(empty_app.extensions["babel"].instance.domain_instance, "cache", {})  # forget "ko" after
    make_hall()
    page = empty_client.get("/kiosk?lang=ko").get_data(as_text=True)
    assert '<html lang="ko" dir="ltr"' in page
    assert "<span>큰 글씨</span>" in page
    assert 'lang="ko"' in page.split('class="language-menu"')[1].split("</details>")[0]
