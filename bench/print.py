"""Printed-matter render times: the warm renderer beside a naive WeasyPrint baseline, in one run.

Run: ``.venv/bin/python bench/print.py [--runs 30]`` (no database needed).
For each document prints median and p95 in milliseconds for
* ``fast``: ``kiosk.printing.render_pdf`` in a warm process (prepared CJK subset, shared font configuration);
* ``naive``: plain WeasyPrint with the system fonts and a fresh configuration per render (the same HTML).
Also prints the first (cold) render of a fresh process, which the start-up warm-up takes off the customer.
"""
from __future__ import annotations

import argparse
import os
import re
import secrets
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HALL = SimpleNamespace(
    names={"zh_Hans_CN": "示范供电营业厅", "en": "Demo Power Supply Business Hall",
           "ug": "ئۈلگە توك تەمىنلەش سودا زالى"},
    hotline="95598", id=None)


def make_app():
    folder = Path(tempfile.mkdtemp(prefix="bench-print-"))
    os.environ["KIOSK_INSTANCE_PATH"] = str(folder)
    from kiosk import create_app

    return create_app({"DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}", "SECRET_KEY": "bench",
                       "TESTING": True, "WARM_PRINTER": False})


def statement_context() -> dict:
    """A representative bill statement (masked data, three unpaid months)."""
    bills = [SimpleNamespace(period=f"2026-0{m}", amount=Decimal("123.45") + m, due_date=date(2026, m + 1, 15),
                             late_fee=Decimal("1.00")) for m in (1, 2, 3)]
    summary = SimpleNamespace(account_masked="3301****5678", name="王*明", address="示范市示范区光明路**号",
                              meter="DDZY-0001", category="residential", unpaid=bills,
                              arrears=Decimal("376.35"), late_fee=Decimal("3.00"), total_due=Decimal("379.35"),
                              prepaid_balance=Decimal("0"))
    return {"hall": HALL, "summary": summary, "printed_at": datetime.now(UTC)}


A4_SHEET = """{% extends "print/base.html" %}
{% block title %}电价表{% endblock %}
{% block page_css %}@page { size: A4; margin: 15mm; } h1 { text-align: center; }{% endblock %}
{% block content %}<h1>居民生活用电阶梯电价表</h1><p>{{ hall }}</p>
<table><thead><tr><th>用电类别</th><th>年用电量</th><th class="num">不分时</th><th class="num">峰时段</th>
<th class="num">谷时段</th></tr></thead><tbody>
{% for row in rows %}<tr><td>{{ row[0] }}</td><td>{{ row[1] }}</td><td class="num">{{ row[2] }}</td>
<td class="num">{{ row[3] }}</td><td class="num">{{ row[4] }}</td></tr>{% endfor %}
</tbody></table>
<p>依据：省发展改革委关于居民阶梯电价的通知。峰时段 08:00–22:00，谷时段 22:00–次日 08:00。合表用户 0.558 元/千瓦时。</p>
{% endblock %}"""


def a4_context() -> dict:
    tiers = (("第一档", "0–2760 千瓦时", "0.538", "0.568", "0.288"),
             ("第二档", "2761–4800 千瓦时", "0.588", "0.618", "0.338"),
             ("第三档", "4800 千瓦时以上", "0.838", "0.868", "0.588"))
    kinds = ("一户一表", "合表", "农村", "城镇", "执行居民电价的非居民")
    rows = [(f"居民生活用电（{kind}）", *tier[1:]) for kind in kinds for tier in tiers]
    return {"hall": HALL.names["zh_Hans_CN"], "rows": rows * 2}


def new_ticket() -> dict:
    """A ticket context with a new token each time (every ticket has its own QR code)."""
    from kiosk.queue.paper import document_context, sample_context

    token = secrets.token_urlsafe(16)
    return document_context({**sample_context(), "token": token, "status_url": f"http://10.0.0.5:5000/t/{token}"})


def naive_pdf(html: str, static: Path) -> bytes:
    """Plain WeasyPrint: system fonts only (no @font-face), a fresh font configuration every time."""
    from weasyprint import HTML

    from kiosk.printing.render import ROLL_AUTO, ROLL_LAYOUT_LENGTH

    css = re.sub(r"@font-face\s*{[^}]*}", "", (static / "css" / "print.css").read_text())
    html = html.replace('<link rel="stylesheet" href="css/print.css">', f"<style>{css}</style>")
    html = ROLL_AUTO.sub(rf"\1 {ROLL_LAYOUT_LENGTH}", html)
    return HTML(string=html, base_url=static.as_uri() + "/").write_pdf()


def naive_fonttools_pdf(html: str, static: Path) -> bytes:
    """The naive baseline where WeasyPrint subsets with fontTools (HarfBuzz < 4.1 or no hb-subset library)."""
    from weasyprint.pdf import fonts

    saved, fonts.harfbuzz_subset = fonts.harfbuzz_subset, None
    try:
        return naive_pdf(html, static)
    finally:
        fonts.harfbuzz_subset = saved


def measure(function, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    ordered = sorted(times)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--baseline-runs", type=int, default=10)
    parser.add_argument("--fonttools-runs", type=int, default=3)
    args = parser.parse_args()
    app = make_app()
    from kiosk.printing import render
    from kiosk.queue.paper import TEMPLATES

    with app.test_request_context("/"):
        static = render.static_root()
        a4_template = app.jinja_env.from_string(A4_SHEET)
        documents = {
            "ticket 80 mm, zh + ug": (TEMPLATES[80], new_ticket, "ug"),
            "ticket 58 mm, zh": (TEMPLATES[58], new_ticket, "zh_Hans_CN"),
            "bill statement 80 mm": ("print/bill_statement.html", statement_context, "zh_Hans_CN"),
            "A4 tariff sheet": (a4_template, a4_context, "zh_Hans_CN"),
        }
        print(f"prepared fonts present: {render.prepared_fonts_present()}")
        first = None
        print(f"{'document':26} {'fast median':>12} {'fast p95':>9} {'naive median':>13} {'naive p95':>10}  speed-up"
              f"  {'naive, fontTools subsetting':>28}")
        for name, (template, context, locale) in documents.items():
            def html(template=template, context=context, locale=locale):
                return render.render_html(template, context(), locale)

            if first is None:
                started = time.perf_counter()
                render.html_to_pdf(html())
                first = (time.perf_counter() - started) * 1000
            render.html_to_pdf(html())  # warm this document's fonts
            fast = measure(lambda html=html: render.html_to_pdf(html()), args.runs)
            naive_pdf(html(), static)
            naive = measure(lambda html=html: naive_pdf(html(), static), args.baseline_runs)
            slow = measure(lambda html=html: naive_fonttools_pdf(html(), static), args.fonttools_runs)
            print(f"{name:26} {fast[0]:10.1f} ms {fast[1]:6.1f} ms {naive[0]:10.1f} ms {naive[1]:7.1f} ms"
                  f"  {naive[0] / fast[0]:5.1f}×  {slow[0]:18.0f} ms median")
        print(f"first render in a fresh process (taken by the start-up warm-up): {first:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
