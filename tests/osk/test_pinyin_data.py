"""The pinyin data of the on-screen keyboard (scripts/build_pinyin.py → static/osk/pinyin.json)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "static" / "osk" / "pinyin.json"
PAGE = 9  # candidates per page of the keyboard's bar (static/js/osk.js)
# one worker builds the data once for the whole module (a build takes about ten seconds)
pytestmark = pytest.mark.xdist_group("pinyin-build")


def _script():
    spec = importlib.util.spec_from_file_location("build_pinyin", ROOT / "scripts" / "build_pinyin.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built():
    """A fresh build from the installed dictionary packages (pypinyin, jieba), as text."""
    script = _script()
    return script.dumps(script.build(script.read_frequencies(script.jieba_dict_path())))


def test_common_words_and_characters_come_first(built):
    data = json.loads(built)
    assert "电费" in data["words"]["dian'fei"].split(" ")[:3]
    assert "你" in data["chars"]["ni"][:PAGE]
    assert data["words"]["tou'su"].split(" ")[0] == "投诉"
    assert data["words"]["ting'dian"].split(" ")[0] == "停电"
    assert "绿" in data["chars"]["lv"][:PAGE]  # ü is typed v
    assert all(key.isascii() and key.replace("'", "").isalpha() for key in data["words"])


def test_heteronyms_are_found_under_every_reading(built):
    chars = json.loads(built)["chars"]
    assert "行" in chars["xing"] and "行" in chars["hang"]
    assert "银行" in json.loads(built)["words"]["yin'hang"]


def test_the_committed_file_is_the_build_and_stays_small(built):
    """Rebuild with ``.venv/bin/python scripts/build_pinyin.py`` after a dictionary upgrade."""
    assert DATA.read_text(encoding="utf-8") == built
    assert DATA.stat().st_size < 1_500_000
