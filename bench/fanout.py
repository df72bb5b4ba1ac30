"""CPU per delivery of one event to one waiting stream, in process: the way before and the hub's way now.

Run: ``.venv/bin/python bench/fanout.py``. The hall's last 500 events are in the listener's memory and the
stream is one event behind (the usual case). Before: each stream scanned the hall's recent events for the
new ones and serialised them itself (JSON, then encoded by the server). Now: the new ones are read from
the newest end and every stream is handed the bytes the listener serialised once.
"""
import json
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.events.hub import _Feed, item_of  # noqa: E402

payload = {"services": [{"code": c, "waiting": 12} for c in "ABC"]}
feed = _Feed(floor=0, last=0, cursor=0)
for n in range(1, 501):
    feed.add(item_of(n, "queue", payload))
after = 499  # a stream one event behind: the usual case

def before():
    items = [item for item in feed.recent if item.id > after]
    return [(f"id: {i.id}\nevent: {i.type}\n"
             f"data: {json.dumps(i.payload, ensure_ascii=False, separators=(',', ':'))}\n\n").encode() for i in items]

def now():
    items = feed.after(after)
    return b"".join(item.message for item in items)

if __name__ == "__main__":
    for name, fn in (("before", before), ("after", now)):
        runs = 20000
        best = min(timeit.repeat(fn, number=runs, repeat=5)) / runs
        print(f"{name}: {best * 1e6:.2f} µs per stream per event; 5,000 streams: {best * 5000 * 1e3:.1f} ms per event")
