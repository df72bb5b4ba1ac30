"""Every print on a kiosk page is a POST that prints on the device's printer and confirms on the kiosk."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.printing.models import PrintJob
from kiosk.tariffs.models import TariffVersion
from tests.factories import as_device, make_device


def _residential_id() -> int:
    return db.session.scalars(select(TariffVersion.id).where(TariffVersion.code == "residential")
                              .order_by(TariffVersion.effective_from.desc())).first()


def _prints(client) -> list[tuple[str, str, str]]:
    """(page, print form action, document kind) of every print button on the demo kiosk pages."""
    version = _residential_id()
    return [
        (f"/kiosk/tariffs/{version}", f"/kiosk/tariffs/{version}/print", "tariff_sheet"),
        ("/kiosk/tariffs/fees", "/kiosk/tariffs/fees/print", "fee_schedule"),
        ("/kiosk/forms/name_change", "/kiosk/forms/name_change/sample/print", "form_sample"),
        ("/kiosk/forms/name_change", "/kiosk/forms/name_change/blank/print", "form_sample"),
        ("/kiosk/guides/residential_new", "/kiosk/guides/residential_new/print", "notification_letter"),
        ("/kiosk/bills/result", "/kiosk/bills/print", "bill_statement"),
    ]


def _open(client, page: str):
    if page.startswith("/kiosk/bills"):  # any other kiosk page forgets the account
        client.post("/kiosk/bills", data={"account": "3300000003"})
    return client.get(page)


def test_every_print_button_is_a_post_form_that_prints_on_the_kiosk(client):
    for page, action, kind in _prints(client):
        html = _open(client, page).get_data(as_text=True)
        assert f'<form method="post" action="{action}"' in html, (page, action)
        before = db.session.scalar(select(db.func.count()).select_from(PrintJob).where(PrintJob.kind == kind))
        response = client.post(action)
        assert response.status_code == 200, (action, response.status_code)
        assert response.mimetype == "text/html"
        body = response.get_data(as_text=True)
        assert 'data-print-outcome="ok"' in body and "data-print-frame" not in body
        assert db.session.scalar(select(db.func.count()).select_from(PrintJob)
                                 .where(PrintJob.kind == kind)) == before + 1, action
        assert 'data-nav="home"' in body  # Home is always there


def test_confirmation_says_take_your_paper(client):
    response = client.post("/kiosk/tariffs/fees/print?lang=en")
    html = response.get_data(as_text=True)
    assert "Printing… Please take your paper from the printer below." in html
    assert 'href="/kiosk/tariffs/fees"' in html and "data-print-back" in html


def test_browser_printer_gets_a_hidden_frame_not_a_navigation(client, app):
    hall = db.session.scalars(select(Hall)).first()
    _device, secret = make_device(hall=hall, name="kiosk-browser-print", printer="browser")
    as_device(client, secret)
    for page, action, _kind in _prints(client):
        _open(client, page)
        response = client.post(action)
        assert response.status_code == 200 and response.mimetype == "text/html", action
        frame = re.search(r'data-print-frame="([^"]+)"', response.get_data(as_text=True))
        assert frame is not None, action
        assert client.get(frame.group(1).replace("&amp;", "&")).mimetype == "application/pdf"


def test_a_refused_print_shows_an_error_page_with_home(client, app):
    app.config["PRINT_JOBS_PER_HOUR"] = 1
    assert client.post("/kiosk/tariffs/fees/print").status_code == 200
    response = client.post("/kiosk/tariffs/fees/print?lang=en")
    assert response.status_code == 200  # the request was fine; the page says the paper was not printed
    html = response.get_data(as_text=True)
    assert 'data-print-outcome="failed"' in html and 'data-nav="home"' in html
    assert "could not be printed" in html


@pytest.mark.parametrize("action", ["/kiosk/tariffs/fees/print", "/kiosk/forms/name_change/blank/print"])
def test_print_needs_the_csrf_token(csrf_app, action):
    assert csrf_app.test_client().post(action).status_code == 400
