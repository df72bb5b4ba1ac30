"""The Nu HTML Checker (vnu.jar from npm, ``make vnu``) on the saved kiosk pages of every locale: 0 errors.

One JVM call checks the whole folder (``java -jar vnu.jar --errors-only --format json <dir>``).
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.i18n import LOCALES
from tests.home.test_never_trapped import kiosk_rules, walk

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.skipif(not VNU_JAR.exists() or shutil.which("java") is None,
                    reason="the Nu HTML Checker is installed by make setup-test (make vnu) and needs Java")
def test_kiosk_pages_are_valid_html(app, client, tmp_path, artifacts):
    pages = tmp_path / "pages"
    pages.mkdir()
    saved = 0
    for lang in LOCALES:
        client.get(f"/kiosk/language?lang={lang}&next=/kiosk")
        client.post("/kiosk/bills", data={"account": "3300000003"})
        starts = [*kiosk_rules(app), "/kiosk/bills/result", "/kiosk/guides/no-such-guide"]
        for path in walk(client, starts, limit=60):
            if path.startswith("/kiosk/bills/"):
                client.post("/kiosk/bills", data={"account": "3300000003"})
            response = client.get(path)
            if response.mimetype != "text/html":
                continue
            name = path.strip("/").replace("/", "_").replace("?", "_").replace("=", "-").replace("&", "_") or "root"
            (pages / f"{lang}-{name}.html").write_bytes(response.data)
            saved += 1
    assert saved > 100
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(pages)],
                            capture_output=True, text=True, timeout=600, check=False)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    (artifacts / "vnu-kiosk.json").write_text(json.dumps(messages, ensure_ascii=False, indent=1), encoding="utf-8")
    errors = [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m.get('message')}" for m in messages
              if m.get("type") == "error" or m.get("subType") == "fatal"]
    per_locale = {lang: {"pages": len(list(pages.glob(f"{lang}-*.html"))),
                         "errors": sum(Path(m.get("url", "")).name.startswith(f"{lang}-") for m in messages
                                       if m.get("type") == "error" or m.get("subType") == "fatal")}
                  for lang in LOCALES}
    (artifacts / "vnu-summary.json").write_text(json.dumps(per_locale, indent=1), encoding="utf-8")
    assert errors == [], "\n".join(errors[:40])
