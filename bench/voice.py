"""Voice calls: announcement latency and ``flask voice build``, beside a same-run ``GET /api/v1/queue`` baseline.

Run: ``.venv/bin/python bench/voice.py`` (a throw-away SQLite hall and voice folder). Prints the time of
``GET /api/v1/announcements/<ticket>`` when its clips must first be spoken by espeak-ng (lazy build), when
they are on disk, and when the same announcement is answered from the per-process memory cache; then a
fresh and a repeated ``flask voice build``.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)  # bench/queue.py would shadow the standard library's queue
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk import create_app  # noqa: E402
from kiosk.cli import migrate_database  # noqa: E402
from tests import factories  # noqa: E402


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    os.environ["KIOSK_INSTANCE_PATH"] = str(folder)
    app = create_app({"DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}", "TESTING": True,
                      "VOICE_DIR": str(folder / "voice"), "DEFAULT_HALL": factories.HALL_CODE,
                      "SECRET_KEY": "bench", "WARM_PRINTER": False})
    with app.app_context():
        migrate_database()
        factories.make_hall(display_languages=["zh_Hans_CN", "en", "ug"])
    client = app.test_client()

    def timed(url: str, runs: int = 1) -> float:
        start = time.perf_counter()
        for _ in range(runs):
            assert client.get(url).status_code == 200, url
        return (time.perf_counter() - start) / runs * 1000

    zh = "/api/v1/announcements/A012?window=3&lang=zh_Hans_CN"
    print(f"baseline GET /api/v1/queue: {timed('/api/v1/queue', 50):.1f} ms")
    print(f"announcement, clips spoken on first use: {timed(zh):.0f} ms")
    print(f"announcement, same again (memory cache): {timed(zh, 50):.2f} ms")
    # other numbers made of the digits already spoken (0, 1, 2), so no clip is built
    tickets = [f"A{a}{b}{c}" for a in "012" for b in "012" for c in "012" if f"{a}{b}{c}" != "012"]
    fresh = [timed(f"/api/v1/announcements/{ticket}?window=3&lang=zh_Hans_CN") for ticket in tickets]
    print(f"announcement, new ticket, clips on disk: {sum(fresh) / len(fresh):.2f} ms (mean of {len(fresh)})")
    runner = app.test_cli_runner()
    for label in ("fresh", "again"):
        start = time.perf_counter()
        output = runner.invoke(args=["voice", "build"]).output.strip()
        print(f"flask voice build, {label}: {time.perf_counter() - start:.2f} s ({output.split(',')[0]})")
    size = sum(path.stat().st_size for path in (folder / "voice").rglob("*.wav"))
    print(f"default clips on disk: {size // 1024} KiB")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
