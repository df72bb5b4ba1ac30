"""Ticket PDFs over HTTP, the kiosk's print call, and the staff print-job console."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.audit.models import AuditLog
from kiosk.extensions import db
from kiosk.printing.models import PrintJob
from tests.factories import as_device, make_device
from tests.printing.conftest import SAMPLE_TOKEN, pdf_page_size_mm, pdf_text

PRINT_URL = f"/kiosk/ticket/{SAMPLE_TOKEN}/print"


def jobs():
    return list(db.session.scalars(select(PrintJob).order_by(PrintJob.id)))


@pytest.fixture
def failing_lp(tmp_path, monkeypatch):
    """An ``lp`` on PATH that fails while ``tmp_path/lp-broken`` exists."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    flag = tmp_path / "lp-broken"
    flag.write_text("")
    script = bin_dir / "lp"
    script.write_text(f'#!/bin/sh\ncat > /dev/null\nif [ -e "{flag}" ]; then echo "lp: paper out" >&2; exit 1; fi\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return flag


@pytest.mark.parametrize("query, width", [("", 80), ("?width=58", 58), ("?width=99", 80)])
def test_ticket_pdf(client, fake_queue, tmp_path, query, width):
    response = client.get(f"/t/{SAMPLE_TOKEN}/ticket.pdf{query}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert pdf_page_size_mm(response.data, tmp_path)[0] == width
    text = pdf_text(response.data, tmp_path)
    assert "A012" in text and f"https://hall.example.cn/t/{SAMPLE_TOKEN}" in text


def test_ticket_pdf_in_the_requested_language(client, fake_queue, tmp_path):
    text = pdf_text(client.get(f"/t/{SAMPLE_TOKEN}/ticket.pdf?lang=en").data, tmp_path)
    assert "Bill payment" in text


@pytest.mark.parametrize("token", ["nope", "x" * 300])
def test_unknown_ticket_is_404(client, fake_queue, token):
    assert client.get(f"/t/{token}/ticket.pdf").status_code == 404
    response = client.post(f"/kiosk/ticket/{token}/print")
    assert response.status_code == 404
    assert response.get_json()["ok"] is False and response.get_json()["pdf_url"] is None


def test_print_ticket_to_the_default_spool(client, fake_queue, app, tmp_path):
    response = client.post(PRINT_URL)
    body = response.get_json()
    assert response.status_code == 200
    assert set(body) == {"ok", "message", "printer", "pdf_url"}
    assert (body["ok"], body["printer"], body["pdf_url"]) == (True, "file", None)
    [job] = jobs()
    assert (job.kind, job.reference, job.status, job.reprint) == ("ticket", "A012", "ok", False)
    assert job.source == {"ticket_token": SAMPLE_TOKEN, "width": 80, "locale": "zh_Hans_CN"}
    spooled = Path(job.spool_path).read_bytes()
    assert "A012" in pdf_text(spooled, tmp_path) and "REPRINT" not in pdf_text(spooled, tmp_path)


def test_printing_the_same_ticket_again_is_a_reprint(client, fake_queue, tmp_path):
    client.post(PRINT_URL + "?lang=en")
    client.post(PRINT_URL + "?lang=en")
    first, second = jobs()
    assert (first.reprint, second.reprint) == (False, True)
    assert "REPRINT" in pdf_text(second.pdf, tmp_path)


def test_browser_device_gets_the_pdf_url(client, fake_queue, hall):
    _device, secret = make_device(hall=hall, name="kiosk-browser", printer="browser")
    body = as_device(client, secret).post(PRINT_URL + "?lang=ug").get_json()
    assert body["ok"] is True and body["printer"] == "browser"
    assert body["pdf_url"] == f"/t/{SAMPLE_TOKEN}/ticket.pdf?width=80&lang=ug"
    assert client.get(body["pdf_url"]).headers["Content-Type"] == "application/pdf"


def test_device_paper_width_setting(client, fake_queue, hall, tmp_path):
    _device, secret = make_device(hall=hall, name="kiosk-58", settings={"paper_width": 58})
    assert as_device(client, secret).post(PRINT_URL).get_json()["ok"] is True
    assert pdf_page_size_mm(jobs()[0].pdf, tmp_path)[0] == 58


def test_failure_path_then_one_touch_reprint(client, fake_queue, hall, login, failing_lp, tmp_path):
    _device, secret = make_device(hall=hall, name="kiosk-cups", printer="cups:Kiosk_1")
    body = as_device(client, secret).post(PRINT_URL + "?lang=en").get_json()
    assert body["ok"] is False and body["printer"] == "cups"
    assert "A012" in body["message"] and "paper out" in body["message"]  # the number stays valid
    [failed] = jobs()
    assert failed.status == "failed" and failed.device_name == "kiosk-cups"
    assert fake_queue.ticket_by_token(SAMPLE_TOKEN) is not None

    login("staff1")
    page = client.get("/staff/print-jobs?lang=en").get_data(as_text=True)
    assert f'<tr id="job-{failed.id}" class="failed" data-status="failed">' in page
    assert "paper out" in page and "Failed jobs: 1" in page

    failing_lp.unlink()  # paper loaded
    response = client.post(f"/staff/print-jobs/{failed.id}/reprint")
    assert response.status_code == 302 and response.headers["Location"].endswith("/staff/print-jobs")
    _first, again = jobs()
    assert (again.status, again.reprint, again.printer, again.device_name) == ("ok", True, "cups:Kiosk_1", "kiosk-cups")
    assert "REPRINT" in pdf_text(again.pdf, tmp_path)
    audit = db.session.scalar(select(AuditLog).where(AuditLog.action == "print.reprint"))
    assert audit.target == f"print_job:{failed.id}" and audit.actor == "staff1"
    assert audit.after == {"job": again.id, "status": "ok", "printer": "cups:Kiosk_1"}
    page = client.get("/staff/print-jobs?lang=en").get_data(as_text=True)
    assert f'<tr id="job-{again.id}" class="ok" data-status="ok">' in page


def test_reprint_of_other_documents_reuses_the_kept_pdf(client, login, app, tmp_path):
    from kiosk.printing import print_document

    blocker = tmp_path / "blocker"
    blocker.write_text("")
    job = print_document(f"file:{blocker}/x", b"%PDF-1.7 statement", "bill_statement", reference="1234****5678")
    job.printer = f"file:{tmp_path / 'ok'}"  # the folder was fixed
    db.session.commit()
    login("staff1")
    client.post(f"/staff/print-jobs/{job.id}/reprint")
    again = jobs()[-1]
    assert again.status == "ok" and again.reprint
    assert Path(again.spool_path).read_bytes() == b"%PDF-1.7 statement"


def test_console_needs_a_staff_login(client):
    response = client.get("/staff/print-jobs")
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]
    assert client.post("/staff/print-jobs/1/reprint").status_code == 302


def test_unknown_job_is_404(client, login):
    login("staff1")
    assert client.post("/staff/print-jobs/999/reprint").status_code == 404
    assert client.get("/staff/print-jobs/999.pdf").status_code == 404


def test_job_pdf_for_staff(client, login, fake_queue):
    client.post(PRINT_URL)
    login("staff1")
    response = client.get(f"/staff/print-jobs/{jobs()[0].id}.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")


def test_print_call_is_csrf_protected(csrf_app, fake_queue):
    client = csrf_app.test_client()
    assert client.post(PRINT_URL).status_code == 400
    assert jobs() == []


def test_no_warm_up_thread_under_testing(app):
    import threading

    assert app.config["WARM_PRINTER"] is False
    assert not [thread for thread in threading.enumerate() if thread.name == "print-warmup"]


def test_warm_up_renders_a_sample_ticket(app, monkeypatch):
    from kiosk.printing import render, warmup

    monkeypatch.setattr(render, "_FONT_CONFIG", None)
    assert warmup.warm(app) > 0
    assert render._FONT_CONFIG is not None  # the shared configuration now holds the prepared fonts
