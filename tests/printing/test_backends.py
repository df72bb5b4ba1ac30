"""Printer backends and print jobs: spool folder, CUPS through a fake ``lp``, failures."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from kiosk.extensions import db
from kiosk.printing import backends, print_document
from kiosk.printing.models import PrintJob
from tests.factories import make_device

PDF = b"%PDF-1.7\n% test document\n%%EOF\n"

FAKE_LP = """#!/bin/sh
printf '%s\\n' "$@" > "$LP_LOG_DIR/argv"
cat > "$LP_LOG_DIR/stdin"
if [ -n "$LP_FAIL" ]; then echo "lp: $LP_FAIL" >&2; exit 1; fi
echo "request id is $2-1 (1 file(s))"
"""


@pytest.fixture
def fake_lp(tmp_path, monkeypatch):
    """A fake ``lp`` first on PATH; it records its argv and standard input in ``tmp_path/lp``."""
    bin_dir, log_dir = tmp_path / "bin", tmp_path / "lp"
    bin_dir.mkdir()
    log_dir.mkdir()
    script = bin_dir / "lp"
    script.write_text(FAKE_LP)
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("LP_LOG_DIR", str(log_dir))
    monkeypatch.delenv("LP_FAIL", raising=False)
    return log_dir


@pytest.mark.parametrize("setting, backend, target", [
    ("file:/srv/spool", "file", "/srv/spool"),
    ("cups:Kiosk_1", "cups", "Kiosk_1"),
    ("cups:front.desk-2", "cups", "front.desk-2"),
    ("cups:ticket@printserver", "cups", "ticket@printserver"),
    ("browser", "browser", ""),
])
def test_parse_printer(empty_app, setting, backend, target):
    assert backends.parse_printer(setting) == backends.Printer(backend, target)


@pytest.mark.parametrize("setting", ["file", "", None])
def test_default_printer_is_the_spool_folder(empty_app, setting):
    assert backends.parse_printer(setting) == backends.Printer("file", empty_app.config["SPOOL_DIR"])


@pytest.mark.parametrize("setting", [
    "cups:", "cups:-oraw", "cups:a b", "cups:a;rm -rf /", "cups:$(reboot)", "cups:a/b", "cups:" + "x" * 200,
    "browser:x", "lpr:office", "smb://x",
])
def test_bad_printer_settings_are_refused(empty_app, setting):
    with pytest.raises(backends.BadPrinterSetting):
        backends.parse_printer(setting)


def test_file_backend_spools_the_pdf_and_records_the_job(empty_app, make_hall, tmp_path):
    hall = make_hall()
    spool = tmp_path / "roll"
    job = print_document(f"file:{spool}", PDF, "ticket", reference="A001", hall_id=hall.id)
    assert (job.status, job.backend, job.printer, job.reference, job.reprint) == (
        "ok", "file", f"file:{spool}", "A001", False)
    assert Path(job.spool_path).parent == spool
    assert Path(job.spool_path).read_bytes() == PDF
    assert Path(job.spool_path).name.endswith(f"-{job.id:06d}-ticket.pdf")
    assert not list(spool.glob(".*partial"))
    stored = db.session.scalar(select(PrintJob).where(PrintJob.id == job.id))
    assert stored.pdf == PDF and stored.pdf_size == len(PDF) and stored.created_at.tzinfo is not None


def test_default_device_uses_the_configured_spool_folder(empty_app):
    job = print_document(None, PDF, "bill_statement", reference="1234****5678")
    assert job.status == "ok"
    assert Path(job.spool_path).parent == Path(empty_app.config["SPOOL_DIR"])


def test_unwritable_spool_folder_gives_a_failed_job(empty_app, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with force_locale("en"):
        job = print_document(f"file:{blocker}/spool", PDF, "ticket", reference="A002")
    assert job.status == "failed"
    assert "spool folder cannot be written" in job.message
    assert job.pdf == PDF  # kept for the reprint
    assert db.session.get(PrintJob, job.id).status == "failed"


def test_cups_backend_runs_lp_with_an_argument_list(empty_app, make_hall, fake_lp):
    hall = make_hall()
    device, _secret = make_device(hall=hall, name="kiosk-cups", printer="cups:Kiosk_1")
    job = print_document(device, PDF, "ticket", reference="A003")
    assert job.status == "ok", job.message
    assert (job.backend, job.device_name, job.device_id, job.hall_id) == ("cups", "kiosk-cups", device.id, hall.id)
    assert (fake_lp / "argv").read_text().splitlines() == ["-d", "Kiosk_1", "-t", "ticket A003"]
    assert (fake_lp / "stdin").read_bytes() == PDF


def test_title_with_shell_characters_stays_one_argument(empty_app, fake_lp):
    job = print_document("cups:Kiosk_1", PDF, "ticket", reference="A004; $(reboot)")
    assert job.status == "ok"
    assert (fake_lp / "argv").read_text().splitlines() == ["-d", "Kiosk_1", "-t", "ticket A004; $(reboot)"]


def test_lp_failure_gives_a_failed_job(empty_app, fake_lp, monkeypatch):
    monkeypatch.setenv("LP_FAIL", "The printer or class does not exist.")
    job = print_document("cups:Missing", PDF, "ticket", reference="A005")
    assert job.status == "failed"
    assert "The printer or class does not exist." in job.message
    assert job.pdf == PDF


def test_missing_lp_gives_a_failed_job(empty_app, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    job = print_document("cups:Kiosk_1", PDF, "ticket")
    assert job.status == "failed"
    assert "lp" in job.message


def test_invalid_device_setting_gives_a_failed_job(empty_app):
    with force_locale("en"):
        job = print_document("cups:bad;name $(reboot)", PDF, "ticket", reference="A006")
    assert job.status == "failed"
    assert "printer is not set up correctly" in job.message
    assert "reboot" not in job.message and ";" not in job.message  # the setting itself is never shown


def test_browser_backend_records_without_sending(empty_app):
    job = print_document("browser", PDF, "ticket", reference="A007")
    assert (job.status, job.backend, job.spool_path) == ("ok", "browser", "")

