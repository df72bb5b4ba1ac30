"""Print jobs on PostgreSQL: the PDF (bytea) and the JSON source survive a round trip."""
import pytest
from sqlalchemy import select

from kiosk.extensions import db
from kiosk.printing import print_document
from kiosk.printing.models import PrintJob

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("postgres")]


def test_print_job_round_trip(postgres_app, tmp_path):
    job = print_document(f"file:{tmp_path}", b"%PDF-1.7 x", "ticket", reference="A001",
                         source={"ticket_token": "t", "width": 58, "locale": "ug"})
    db.session.expire_all()
    stored = db.session.scalar(select(PrintJob).where(PrintJob.id == job.id))
    assert (stored.status, stored.pdf, stored.source["width"]) == ("ok", b"%PDF-1.7 x", 58)
    assert stored.created_at.tzinfo is not None
