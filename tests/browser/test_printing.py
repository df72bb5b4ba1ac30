"""Printing in a real browser: the kiosk prints after the number is shown; failures reach the staff console."""
from __future__ import annotations

import os
import stat

import pytest
from flask import render_template_string
from sqlalchemy import select

from kiosk.devices.pairing import SECRET_COOKIE
from kiosk.extensions import db
from tests.browser.conftest import staff_login
from tests.conftest import make_app
from tests.factories import make_device
from tests.printing.conftest import SAMPLE_TOKEN, ticket_context

TICKET_PAGE = """{% extends "kiosk/base.html" %}{% block main %}<p class="ticket-number">A012</p>
{% with ticket_token=token %}{% include "kiosk/printing/_print_ticket.html" %}{% endwith %}{% endblock %}"""


@pytest.fixture
def lp_flag(tmp_path, monkeypatch):
    """A fake ``lp`` on PATH that fails ("paper out") while the returned flag file exists."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    flag = tmp_path / "lp-broken"
    script = bin_dir / "lp"
    script.write_text(f'#!/bin/sh\ncat > /dev/null\nif [ -e "{flag}" ]; then echo "lp: paper out" >&2; exit 1; fi\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return flag


@pytest.fixture
def live_app(db_path, tmp_path, monkeypatch):
    """The live server's app with a ticket confirmation page and a stand-in queue knowing one ticket."""
    from kiosk.hall.service import current_hall, hall_by_code
    from kiosk.queue import paper

    app = make_app(f"sqlite:///{db_path}", tmp_path, WTF_CSRF_ENABLED=True)
    with app.app_context():
        hall = hall_by_code("demo")
        for name, printer in (("kiosk-cups", "cups:Kiosk_1"), ("kiosk-browser", "browser")):
            _device, DEVICE_SECRETS[name] = make_device(hall=hall, name=name, printer=printer)

    def print_context_for_token(token):
        return ticket_context(hall_by_code("demo")) if token == SAMPLE_TOKEN else None

    monkeypatch.setattr(paper, "print_context_for_token", print_context_for_token)
    app.add_url_rule("/test/ticket/<token>", "test_ticket",
                     lambda token: render_template_string(TICKET_PAGE, token=token, hall=current_hall()))
    return app


def jobs(app):
    from kiosk.printing.models import PrintJob

    with app.app_context():
        rows = db.session.scalars(select(PrintJob).order_by(PrintJob.id))
        return [(job.status, job.reprint, job.backend) for job in rows]


#: The secret cookie of each paired test device, by name.
DEVICE_SECRETS: dict[str, str] = {}


def use_device(page, name):
    page.context.add_cookies([{"name": SECRET_COOKIE, "value": DEVICE_SECRETS[name], "url": page.base}])


def test_ticket_prints_after_the_number_is_shown(page, live_app, artifacts):
    page.goto(f"{page.base}/test/ticket/{SAMPLE_TOKEN}?lang=en")
    page.wait_for_selector('[data-print-status][data-state="ok"]')
    assert page.locator(".ticket-number").inner_text() == "A012"
    assert jobs(live_app) == [("ok", False, "file")]
    page.screenshot(path=str(artifacts / "printing-kiosk-ok.png"))


#: Headless Chromium now and then crashes the page when a frame holding a PDF prints; the frame's print is
#: what the kiosk's Chromium (--kiosk-printing) does for real, so here it only counts.
NO_PRINT_DIALOG = "window.print = () => { window.top.__printCalls = (window.top.__printCalls || 0) + 1; };"


def test_browser_backend_prints_from_a_hidden_frame(page, live_app):
    page.add_init_script(NO_PRINT_DIALOG)
    use_device(page, "kiosk-browser")
    page.goto(f"{page.base}/test/ticket/{SAMPLE_TOKEN}?lang=en")
    page.wait_for_selector('[data-print-status][data-state="ok"]')
    assert page.get_attribute("#ticket-print-frame", "src") == f"/t/{SAMPLE_TOKEN}/ticket.pdf?width=80&lang=en"
    assert jobs(live_app) == [("ok", False, "browser")]


def test_failed_print_keeps_the_number_and_staff_reprint(page, live_app, lp_flag, artifacts):
    lp_flag.write_text("")
    use_device(page, "kiosk-cups")
    page.goto(f"{page.base}/test/ticket/{SAMPLE_TOKEN}?lang=en")
    status = page.locator('[data-print-status][data-state="failed"]')
    status.wait_for()
    assert "A012" in status.inner_text() and "paper out" in status.inner_text()
    assert page.locator(".ticket-number").inner_text() == "A012"
    page.screenshot(path=str(artifacts / "printing-kiosk-failed.png"))

    staff_login(page, "staff1")
    page.goto(f"{page.base}/staff/print-jobs?lang=en")
    failed_row = page.locator("tr.failed")
    assert failed_row.count() == 1 and "paper out" in failed_row.inner_text()
    page.screenshot(path=str(artifacts / "printing-console-failed.png"))
    lp_flag.unlink()
    failed_row.locator("button", has_text="Reprint").click()
    page.wait_for_selector(".flash")
    assert "Reprinted A012" in page.locator(".flash").inner_text()
    assert page.locator("tr.ok .reprint-flag").count() == 1
    assert jobs(live_app) == [("failed", False, "cups"), ("ok", True, "cups")]
    page.screenshot(path=str(artifacts / "printing-console-reprinted.png"))
