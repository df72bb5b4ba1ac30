"""Print limits per device: copies of one ticket, jobs per hour; the QR code's host is the hall's, not the caller's."""
from __future__ import annotations

from sqlalchemy import func, select

from kiosk.extensions import db
from kiosk.printing.models import PrintJob
from tests.factories import as_device, make_device
from tests.printing.conftest import SAMPLE_TOKEN, pdf_text

PRINT_URL = f"/kiosk/ticket/{SAMPLE_TOKEN}/print?lang=en"


def _saved_jobs() -> int:
    return db.session.scalar(select(func.count()).select_from(PrintJob)) or 0


def test_three_copies_of_one_ticket_per_device(app, client, fake_queue, hall):
    _device, secret = make_device(hall=hall, name="kiosk-copies")
    as_device(client, secret)
    answers = [client.post(PRINT_URL).get_json() for _ in range(4)]
    assert [answer["ok"] for answer in answers] == [True, True, True, False]
    assert "already been printed 3 times" in answers[-1]["message"]
    assert _saved_jobs() == 3  # the refused copy was neither printed nor stored
    _other, other_secret = make_device(hall=hall, name="kiosk-other")
    assert as_device(app.test_client(), other_secret).post(PRINT_URL).get_json()["ok"] is True


def test_jobs_per_hour_per_device(app, client, fake_queue, hall):
    app.config.update(PRINT_JOBS_PER_HOUR=2, PRINT_COPIES_PER_DOCUMENT=10)
    _device, secret = make_device(hall=hall, name="kiosk-hourly")
    as_device(client, secret)
    answers = [client.post(PRINT_URL).get_json() for _ in range(3)]
    assert [answer["ok"] for answer in answers] == [True, True, False]
    assert "printed a lot in the last hour" in answers[-1]["message"]


def test_unpaired_browsers_are_limited_by_address(app, fake_queue):
    app.config.update(PRINT_COPIES_PER_DOCUMENT=2)
    client = app.test_client()
    one = [client.post(PRINT_URL, environ_base={"REMOTE_ADDR": "10.0.0.5"}).get_json()["ok"] for _ in range(3)]
    assert one == [True, True, False]
    assert client.post(PRINT_URL, environ_base={"REMOTE_ADDR": "10.0.0.6"}).get_json()["ok"] is True


def test_staff_reprints_are_not_limited(app, client, fake_queue, login):
    app.config.update(PRINT_COPIES_PER_DOCUMENT=1)
    client.post(PRINT_URL)
    [job] = list(db.session.scalars(select(PrintJob)))
    login("staff1")
    for _ in range(2):
        assert client.post(f"/staff/print-jobs/{job.id}/reprint").status_code == 302
    assert _saved_jobs() == 3


def test_the_qr_code_uses_the_public_url_never_the_host_header(client, fake_queue, tmp_path):
    response = client.get(f"/t/{SAMPLE_TOKEN}/ticket.pdf", headers={"Host": "evil.example"})
    text = pdf_text(response.data, tmp_path)
    assert "evil.example" not in text and f"https://hall.example.cn/t/{SAMPLE_TOKEN}" in text
    client.post(PRINT_URL, headers={"Host": "evil.example", "X-Forwarded-Host": "evil.example"})
    [job] = list(db.session.scalars(select(PrintJob)))
    assert "evil.example" not in pdf_text(job.pdf, tmp_path)
