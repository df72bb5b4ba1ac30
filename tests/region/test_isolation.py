"""Hall isolation: nobody sees or reaches another hall's queue, notices, opinions, callbacks, suspensions,
print jobs, users or statistics (region admins neither, when the hall is not in their region).

Each case logs in one role of the hall "mine" and opens one area with the ids of the hall "theirs": a page
either refuses (403 for a role that may not open it at all, 404 for an object of another hall) or shows
only "mine" (none of the other hall's markers).
"""
from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.notices.models import CallbackRequest, Notice, Opinion, Suspension
from kiosk.printing.models import PrintJob
from kiosk.staff.auth import issue_token
from tests.factories import STAFF_PASSWORD

ROLES = ("staff", "supervisor", "admin", "region_admin")

#: area → [(method, url template, markers the answer must not hold)]; ``{…}`` are the other hall's ids.
AREAS = {
    "queue": [("GET", "/staff/window?window=7", ()), ("GET", "/staff/window/7/panel", ()),
              ("POST", "/staff/window/7/call-next", ()), ("POST", "/staff/window/7/open", ())],
    "queue api": [("POST", "/api/v1/windows/7/call-next", ()), ("POST", "/api/v1/windows/7/open", ())],
    "notices": [("GET", "/staff/notices", ("THEIRS-NOTICE",)), ("POST", "/staff/notices/{notice}/urgent", ())],
    "opinions": [("GET", "/staff/opinions", ("THEIRS-OPINION",)), ("GET", "/staff/opinions/{opinion}", ()),
                 ("POST", "/staff/opinions/{opinion}/reveal", ("13911112222",))],
    "callbacks": [("GET", "/staff/callbacks", ("2222",)), ("POST", "/staff/callbacks/{callback}/reveal", ())],
    "suspensions": [("GET", "/staff/suspensions", ("THEIRS-SUSPENSION",))],
    "statistics": [("GET", "/staff/stats.csv", (",Q,",)), ("GET", "/staff/stats", ("THEIRS",)),
                   ("GET", "/staff/region/stats.csv", ("theirs",)), ("GET", "/staff/region/stats", ("theirs",))],
    "region overview": [("GET", "/staff/region/overview.json", ("theirs",)), ("GET", "/staff/region", ("theirs",)),
                        ("POST", "/staff/region/hall", ())],
    "users": [("GET", "/staff/users", ("theirs-clerk",)), ("GET", "/staff/users/{user}", ()),
              ("POST", "/staff/users/{user}/disable", ()), ("GET", "/staff/users/windows", ("theirs-clerk",))],
    "print jobs": [("GET", "/staff/print-jobs", ("Q777",)), ("POST", "/staff/print-jobs/{job}/reprint", ())],
}


@pytest.fixture
def two_halls(empty_app, make_hall, make_service, make_window, make_staff_user, make_region, make_ticket):
    """The hall "mine" (window 1, service A) and "theirs" (window 7, service Q), each in its own region."""
    mine, theirs = make_hall(code="mine"), make_hall(code="theirs", names={"zh_Hans_CN": "THEIRS"})
    make_region(code="r-mine", halls=[mine])
    make_region(code="r-theirs", halls=[theirs])
    window = make_window(hall=mine, number=1, services=[make_service(hall=mine, code="A")])
    their_window = make_window(hall=theirs, number=7, services=[make_service(hall=theirs, code="Q")])
    now = utcnow()
    make_ticket(service=their_window.services[0], status="done", window=their_window,
                called_at=now - timedelta(minutes=3), finished_at=now)
    make_ticket(service=their_window.services[0])
    notice = Notice(hall_id=theirs.id, kind="notice", titles={"zh_Hans_CN": "THEIRS-NOTICE"},
                    texts={"zh_Hans_CN": "THEIRS-NOTICE"}, starts_at=now, ends_at=now + timedelta(days=1))
    opinion = Opinion(hall_id=theirs.id, kind="suggestion", topic="other", text="THEIRS-OPINION",
                      phone="13911112222")
    callback = CallbackRequest(hall_id=theirs.id, phone="13911112222")
    job = PrintJob(hall_id=theirs.id, kind="ticket", reference="Q777")
    suspension = Suspension(hall_id=theirs.id, scope="hall", reason_key="other", reason_text="THEIRS-SUSPENSION")
    db.session.add_all([notice, opinion, callback, job, suspension])
    db.session.commit()
    clerk = make_staff_user(username="theirs-clerk", hall=theirs, window=their_window)
    ids = {"notice": notice.id, "opinion": opinion.id, "callback": callback.id, "job": job.id, "user": clerk.id,
           "hall": theirs.id}
    users = {role: make_staff_user(username=f"mine-{role}", role=role, hall=mine,
                                   window=window if role == "staff" else None) for role in ROLES}
    return ids, users


@pytest.mark.parametrize("area", sorted(AREAS))
@pytest.mark.parametrize("role", ROLES)
def test_no_role_sees_or_reaches_another_hall(empty_app, two_halls, role, area):
    ids, users = two_halls
    client = empty_app.test_client()
    assert client.post("/staff/login", data={"username": f"mine-{role}", "password": STAFF_PASSWORD}).status_code \
        == 302
    headers = {"Authorization": f"Bearer {issue_token(users[role])}"}
    for method, template, markers in AREAS[area]:
        url = template.format(**ids)
        data = {"hall": str(ids["hall"])} if url == "/staff/region/hall" else None
        response = client.open(url, method=method, data=data, headers=headers if url.startswith("/api/") else {})
        body = response.get_data(as_text=True)
        if markers:
            assert response.status_code in (200, 403, 404), (method, url, response.status_code)
            leaked = [marker for marker in markers if marker in body]
            assert leaked == [], (method, url, leaked)
        else:
            assert response.status_code in (403, 404), (method, url, response.status_code)
