"""Printing test helpers: a stand-in for the paper ticket's look-up and poppler wrappers."""
from __future__ import annotations

import re
import subprocess
import sys
import types
from datetime import UTC, datetime
from pathlib import Path

import pytest

SAMPLE_TOKEN = "tok-A012"
ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="session", autouse=True)
def prepared_fonts():
    """The prepared CJK subset (``make setup`` builds it; this is a no-op when it is fresh)."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "prepare_fonts.py")], check=True)


def ticket_context(hall, **overrides) -> dict:
    """A print context as ``kiosk.queue.paper.ticket_print_context`` returns it."""
    context = {
        "hall": hall, "number": "A012", "service_code": "A",
        "service_names": {"zh_Hans_CN": "电费缴纳", "en": "Bill payment", "ug": "توك ھەققى تاپشۇرۇش",
                          "bo": "གློག་གླ་སྤྲོད་པ།", "mn_Mong_CN": "ᠴᠠᠬᠢᠯᠭᠠᠨ ᠤ ᠲᠥᠯᠥᠪᠥᠷᠢ"},
        "issued_at": datetime(2026, 3, 2, 1, 30, tzinfo=UTC), "waiting_ahead": 4,
        "status_url": f"/t/{SAMPLE_TOKEN}", "priority": False, "token": SAMPLE_TOKEN,
    }
    context.update(overrides)
    return context


@pytest.fixture
def fake_queue(monkeypatch, hall):
    """Let the paper ticket know a single ticket, ``SAMPLE_TOKEN``."""
    from kiosk.queue import paper

    tickets_by_token = {SAMPLE_TOKEN: ticket_context(hall)}
    module = types.SimpleNamespace(ticket_by_token=lambda token: tickets_by_token.get(token), tickets=tickets_by_token)
    monkeypatch.setattr(paper, "print_context_for_token", lambda token: dict(tickets_by_token.get(token) or {}) or None)
    return module


def pdf_text(pdf: bytes, tmp_path) -> str:
    """The PDF's text as ``pdftotext`` reads it."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True,
                          text=True).stdout


def pdf_fonts(pdf: bytes, tmp_path) -> list[dict]:
    """``pdffonts`` rows: name (subset prefix removed), type and whether embedded."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout.splitlines()
    rows = []
    for line in lines[2:]:
        match = re.match(r"^(\S+)\s+(.+?)\s+(Identity-H|WinAnsi|Custom|Builtin)\s+(yes|no)\s+(yes|no)", line)
        if match:
            rows.append({"name": match.group(1).split("+", 1)[-1], "embedded": match.group(4) == "yes"})
    return rows


def pdf_page_size_mm(pdf: bytes, tmp_path) -> tuple[float, float]:
    """The first page's size in millimetres, from ``pdfinfo``."""
    path = tmp_path / "size.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    return round(float(width) * 25.4 / 72, 1), round(float(height) * 25.4 / 72, 1)
