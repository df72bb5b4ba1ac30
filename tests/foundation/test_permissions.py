"""Who may do what: every staff and API route tried as every kind of caller, against a table of expected statuses.

The table below is written by hand, independently of :mod:`kiosk.staff.permissions`: each row names a
request and who it is for; :func:`expected` turns that into the status each actor must get. A new
``/staff`` or ``/api/v1`` route fails :func:`test_every_staff_and_api_route_is_in_the_table` until it has a row.

Two halls: "here" (windows 1 and 2) and "other" (window 9). Window routes aim at window 1 of "here", and
rows that name an object (an opinion, a notice, a user…) name one of "here", so callers of the other hall
must never reach it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.media.models import Slide
from kiosk.notices.models import CallbackRequest, Notice, Opinion
from kiosk.printing.models import PrintJob
from kiosk.staff.auth import issue_token
from kiosk.staff.models import ROLES
from kiosk.staff.permissions import PERMISSIONS, SCOPES, Scope, allowed
from tests.factories import STAFF_PASSWORD, as_device, make_device

# --- callers ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    """Who calls: a role (``None`` for nobody), by session or by bearer token, in which hall, at which window."""

    name: str
    role: str | None = None
    token: bool = False
    hall: str = "here"
    window: int | None = None
    #: A paired kiosk of the hall (its secret cookie): a device, not a member of staff.
    device: bool = False


ACTORS: tuple[Actor, ...] = (
    Actor("anonymous"),
    Actor("paired device", device=True),
    Actor("bad token", token=True),
    Actor("staff at window 1", "staff", window=1),
    Actor("staff at window 2", "staff", window=2),
    Actor("staff without a window", "staff"),
    Actor("staff of the other hall", "staff", hall="other", window=9),
    Actor("admin of the other hall", "admin", hall="other", window=9),
    Actor("supervisor", "supervisor"),
    Actor("admin", "admin"),
    Actor("token: staff at window 1", "staff", token=True, window=1),
    Actor("token: staff at window 2", "staff", token=True, window=2),
    Actor("token: staff of the other hall", "staff", token=True, hall="other", window=9),
    Actor("token: admin of the other hall", "admin", token=True, hall="other", window=9),
    Actor("token: supervisor", "supervisor", token=True),
    Actor("token: admin", "admin", token=True),
    Actor("region admin", "region_admin"),
    Actor("token: region admin", "region_admin", token=True),
    Actor("region admin of another region", "region_admin", hall="other", window=9),
    Actor("token: region admin of another region", "region_admin", token=True, hall="other", window=9),
)

# --- routes -------------------------------------------------------------------------------------------

#: Who a row is for: everyone; anyone logged in; any staff role of the hall; staff at that window (supervisors
#: and admins at any window of their hall); supervisors and admins; admins of the hall; admins of any hall
#: (content every hall shares); region admins (in their region's halls).
WHO = ("public", "login", "staff", "window", "supervisor", "admin", "shared", "region")


@dataclass(frozen=True)
class Row:
    """One request and who it is for; ``ok`` is the status of a caller who may make it."""

    endpoint: str
    method: str
    url: str
    who: str
    ok: int
    #: Status for an otherwise allowed caller of the other hall ("same" → ``ok``: the page shows their own hall).
    foreign: int | str = "same"
    data: dict | None = None
    json: object = None
    #: The window a "window" row acts at (a staff caller must have it as their own window).
    window: int = 1


def rows(ids: dict[str, int]) -> list[Row]:
    """The table; ``ids`` are the objects of the hall "here" that rows name."""
    op, notice, job, user, device = ids["opinion"], ids["notice"], ids["job"], ids["user"], ids["device"]
    callback, slide, service, window, hall = ids["callback"], ids["slide"], ids["service"], ids["window"], ids["hall"]
    return [
        # staff home, login, logout
        Row("staff.home", "GET", "/staff", "login", 200),
        Row("staff.login", "GET", "/staff/login", "public", 200),
        Row("staff.login", "POST", "/staff/login", "public", 400, data={}),
        # queue console and statistics
        Row("queue_staff.window", "GET", "/staff/window?window=1", "staff", 200, foreign=404),
        Row("queue_staff.window_panel", "GET", "/staff/window/1/panel", "staff", 200, foreign=404),
        Row("queue_staff.window_action", "POST", "/staff/window/1/call-next", "window", 302, foreign=404),
        Row("queue_staff.window_action", "POST", "/staff/window/1/recall", "window", 302, foreign=404),
        Row("queue_staff.window_action", "POST", "/staff/window/1/open", "window", 302, foreign=404),
        Row("queue_staff.stats", "GET", "/staff/stats", "supervisor", 200),
        Row("queue_staff.stats_csv", "GET", "/staff/stats.csv", "supervisor", 200),
        # suspensions
        Row("notices_staff.suspensions", "GET", "/staff/suspensions", "staff", 200),
        Row("notices_staff.suspend", "POST", "/staff/suspensions/suspend", "window", 303, foreign=303,
            data={"scope": "window", "target": "1", "reason": "system"}),
        Row("notices_staff.suspend", "POST", "/staff/suspensions/suspend", "supervisor", 303,
            data={"scope": "service", "target": "A", "reason": "system"}),
        Row("notices_staff.suspend", "POST", "/staff/suspensions/suspend", "supervisor", 303,
            data={"scope": "hall", "reason": "system"}),
        Row("notices_staff.resume", "POST", "/staff/suspensions/resume", "window", 303, foreign=303,
            data={"scope": "window", "target": "1"}),
        Row("notices_staff.resume", "POST", "/staff/suspensions/resume", "supervisor", 303,
            data={"scope": "service", "target": "A"}),
        # notice board, opinions, callbacks
        Row("notices_staff.notices", "GET", "/staff/notices", "supervisor", 200),
        Row("notices_staff.publish", "POST", "/staff/notices", "supervisor", 400, data={"kind": "notice"}),
        Row("notices_staff.notice_action", "POST", f"/staff/notices/{notice}/urgent", "supervisor", 303,
            foreign=404),
        Row("notices_staff.opinions", "GET", "/staff/opinions", "staff", 200),
        Row("notices_staff.opinion", "GET", f"/staff/opinions/{op}", "staff", 200, foreign=404),
        Row("notices_staff.opinion_action", "POST", f"/staff/opinions/{op}/reveal", "staff", 200, foreign=404),
        Row("notices_staff.callbacks", "GET", "/staff/callbacks", "staff", 200),
        Row("notices_staff.callback_action", "POST", f"/staff/callbacks/{callback}/reveal", "staff", 200,
            foreign=404),
        # printing
        Row("printing_staff.jobs", "GET", "/staff/print-jobs", "staff", 200),
        Row("printing_staff.job_pdf", "GET", f"/staff/print-jobs/{job}.pdf", "staff", 404, foreign=404),
        Row("printing_staff.reprint", "POST", f"/staff/print-jobs/{job}/reprint", "staff", 302, foreign=404),
        # guides: letters, applications, content
        Row("guides_staff.letters", "GET", "/staff/letters", "staff", 200),
        Row("guides_staff.letter_pdf", "GET", "/staff/letters/NOPE.pdf", "staff", 404),
        Row("guides_staff.applications", "GET", "/staff/applications", "staff", 200),
        Row("guides_staff.admin", "GET", "/staff/guides", "shared", 200),
        Row("guides_staff.admin_guide", "POST", "/staff/guides/guide/NOPE", "shared", 404),
        Row("guides_staff.admin_info", "POST", "/staff/guides/info", "shared", 400, data={"text": "- ["}),
        Row("guides_staff.admin_contractors", "POST", "/staff/guides/contractors", "shared", 302,
            data={"text": "- ["}),
        Row("guides_staff.admin_calendar", "POST", "/staff/guides/calendar", "shared", 400,
            data={"text": "- ["}),
        # tariffs, fees, late fees
        Row("tariffs_staff.admin", "GET", "/staff/tariffs", "shared", 200),
        Row("tariffs_staff.admin_new_version", "POST", "/staff/tariffs/versions", "shared", 400, data={}),
        Row("tariffs_staff.admin_fees", "POST", "/staff/tariffs/fees", "shared", 400, data={}),
        Row("tariffs_staff.admin_import", "POST", "/staff/tariffs/import", "shared", 400, data={}),
        Row("tariffs_staff.admin_delete_version", "POST", "/staff/tariffs/versions/999999/delete", "shared", 400),
        Row("bills_staff.late_fees", "GET", "/staff/late-fees", "shared", 200),
        Row("bills_staff.save_late_fees", "POST", "/staff/late-fees", "shared", 400, data={}),
        # staff users of the hall
        Row("staff_users.index", "GET", "/staff/users", "admin", 200),
        Row("staff_users.create", "POST", "/staff/users", "admin", 400, data={}),
        Row("staff_users.edit", "GET", f"/staff/users/{user}", "admin", 200, foreign=404),
        Row("staff_users.update", "POST", f"/staff/users/{user}", "admin", 400, foreign=404,
            data={"role": "nobody"}),
        Row("staff_users.password", "POST", f"/staff/users/{user}/password", "admin", 400, foreign=404,
            data={"password": "a", "password_confirm": "b"}),
        Row("staff_users.disable", "POST", f"/staff/users/{user}/disable", "admin", 303, foreign=404),
        Row("staff_users.enable", "POST", f"/staff/users/{user}/enable", "admin", 303, foreign=404),
        Row("staff_users.windows", "GET", "/staff/users/windows", "supervisor", 200),
        Row("staff_users.assign_window", "POST", f"/staff/users/{user}/window", "supervisor", 303, foreign=404,
            data={"default_window": "2"}),
        Row("staff_users.revoke_tokens", "POST", f"/staff/users/{user}/tokens/revoke", "admin", 303, foreign=404),
        # the hall's devices
        Row("devices_staff.index", "GET", "/staff/devices", "admin", 200),
        Row("devices_staff.register", "POST", "/staff/devices", "admin", 400, data={}),
        Row("devices_staff.new_code", "POST", f"/staff/devices/{device}/code", "admin", 200, foreign=404),
        Row("devices_staff.rename", "POST", f"/staff/devices/{device}/rename", "admin", 400, foreign=404,
            data={"name": "bad name"}),
        Row("devices_staff.revoke", "POST", f"/staff/devices/{device}/revoke", "admin", 303, foreign=404),
        # the hall's voice calls
        Row("voice_staff.index", "GET", "/staff/voice", "admin", 200),
        Row("voice_staff.settings", "POST", "/staff/voice/settings", "admin", 400, data={"volume": "loud"}),
        Row("voice_staff.clip_audio", "GET", "/staff/voice/en/A.wav", "admin", 200),
        Row("voice_staff.upload", "POST", "/staff/voice/en/A", "admin", 400, data={}),
        Row("voice_staff.revert", "POST", "/staff/voice/en/A/revert", "admin", 303),
        # the wall displays' playlist
        Row("media_staff.index", "GET", "/staff/media", "supervisor", 200),
        Row("media_staff.add", "POST", "/staff/media", "supervisor", 400, data={}),
        Row("media_staff.edit", "GET", f"/staff/media/{slide}", "supervisor", 200, foreign=404),
        Row("media_staff.update", "POST", f"/staff/media/{slide}", "supervisor", 400, foreign=404,
            data={"duration_seconds": "0"}),
        Row("media_staff.move", "POST", f"/staff/media/{slide}/move", "supervisor", 400, foreign=404,
            data={"direction": "sideways"}),
        Row("media_staff.retire", "POST", f"/staff/media/{slide}/retire", "supervisor", 303, foreign=404),
        # the hall's setup file
        Row("admin_staff.hall_setup", "GET", "/staff/admin/hall", "admin", 200),
        Row("admin_staff.save_hall_setup", "POST", "/staff/admin/hall", "admin", 400, data={"yaml": "- ["}),
        # the admin console's forms (the admin's own hall)
        Row("admin_staff.profile", "GET", "/staff/admin/profile", "admin", 200),
        Row("admin_staff.save_profile", "POST", "/staff/admin/profile", "admin", 400, data={}),
        Row("admin_staff.hours", "GET", "/staff/admin/hours", "admin", 200),
        Row("admin_staff.save_hours", "POST", "/staff/admin/hours", "admin", 400,
            data={"hours.open.monday": "25:00"}),
        Row("admin_staff.add_override", "POST", "/staff/admin/hours/overrides", "admin", 400, data={"day": "x"}),
        Row("admin_staff.remove_override", "POST", "/staff/admin/hours/overrides/remove", "admin", 404,
            data={"day": "2099-01-01"}),
        Row("admin_staff.services", "GET", "/staff/admin/services", "admin", 200),
        Row("admin_staff.create_service", "POST", "/staff/admin/services", "admin", 400, data={}),
        Row("admin_staff.service", "GET", f"/staff/admin/services/{service}", "admin", 200, foreign=404),
        Row("admin_staff.update_service", "POST", f"/staff/admin/services/{service}", "admin", 400, foreign=404,
            data={}),
        Row("admin_staff.service_action", "POST", f"/staff/admin/services/{service}/action", "admin", 400,
            foreign=404, data={"action": "nope"}),
        Row("admin_staff.windows", "GET", "/staff/admin/windows", "admin", 200),
        Row("admin_staff.create_window", "POST", "/staff/admin/windows", "admin", 400, data={}),
        Row("admin_staff.window", "GET", f"/staff/admin/windows/{window}", "admin", 200, foreign=404),
        Row("admin_staff.update_window", "POST", f"/staff/admin/windows/{window}", "admin", 400, foreign=404,
            data={}),
        # the region: overview, statistics (an admin: their own hall's row), moving between its halls
        Row("region_staff.overview", "GET", "/staff/region", "admin", 200),
        Row("region_staff.overview_json", "GET", "/staff/region/overview.json", "admin", 200),
        Row("region_staff.stats", "GET", "/staff/region/stats", "admin", 200),
        Row("region_staff.stats_csv", "GET", "/staff/region/stats.csv", "admin", 200),
        Row("region_staff.switch_hall", "POST", "/staff/region/hall", "region", 303, foreign=404,
            data={"hall": str(hall)}),
        # public API
        Row("api.queue.create_ticket", "POST", "/api/v1/tickets", "public", 400, json={"service": 1}),
        Row("api.queue.queue_snapshot", "GET", "/api/v1/queue", "public", 200),
        Row("api.events.stream", "GET", "/api/v1/events?max_seconds=0.01", "public", 200),
        Row("api.bills.bill_summary", "GET", "/api/v1/bills/3300000001?as_of=x", "public", 400),
        Row("api.bills.bill_lookup", "POST", "/api/v1/bills/lookup", "public", 400, json={"account": 1}),
        Row("api.openapi.openapi_document", "GET", "/api/v1/openapi.json", "public", 200),
        Row("api.tariffs.tariffs", "GET", "/api/v1/tariffs", "public", 200),
        Row("api.tariffs.estimate", "GET", "/api/v1/tariffs/estimate", "public", 400),
        Row("api.tariffs.fees", "GET", "/api/v1/fees", "public", 200),
        Row("api.notices.notices", "GET", "/api/v1/notices", "public", 200),
        Row("api.voice.announcement", "GET", "/api/v1/announcements/A001?window=1&lang=en", "public", 200),
        # staff API: windows of the token's hall
        # (the hall is suspended by now: 409 once the caller may act)
        Row("api.queue.call_next", "POST", "/api/v1/windows/1/call-next", "window", 409, foreign=404),
        Row("api.queue.recall", "POST", "/api/v1/windows/1/recall", "window", 409, foreign=404),
        Row("api.queue.skip", "POST", "/api/v1/windows/1/skip", "window", 409, foreign=404),
        Row("api.queue.finish", "POST", "/api/v1/windows/1/finish", "window", 409, foreign=404),
        Row("api.queue.transfer", "POST", "/api/v1/windows/1/transfer", "window", 409, foreign=404,
            json={"service": "A"}),
        Row("api.queue.requeue", "POST", "/api/v1/windows/1/requeue", "window", 404, foreign=404,
            json={"ticket": "A999"}),
        Row("api.queue.open", "POST", "/api/v1/windows/1/open", "window", 200, foreign=404),
        Row("api.queue.close", "POST", "/api/v1/windows/2/close", "window", 200, foreign=404, window=2),
        Row("api.notices.window_suspend", "POST", "/api/v1/windows/1/suspend", "window", 200, foreign=404,
            json={"reason": "system"}),
        Row("api.notices.window_resume", "POST", "/api/v1/windows/2/resume", "window", 409, foreign=404, window=2),
        Row("api.notices.service_suspend", "POST", "/api/v1/services/A/suspend", "supervisor", 200,
            json={"reason": "system"}),
        # (services A and B of the other hall are that hall's own: its callers act on them)
        Row("api.notices.service_resume", "POST", "/api/v1/services/B/resume", "supervisor", 409),
        Row("api.guides.import_applications", "POST", "/api/v1/applications", "staff", 400, json={}),
        # last: it ends the session
        Row("staff.logout", "POST", "/staff/logout", "login", 302),
    ]


#: The objects of the hall "here" that rows name.
IDS = ("opinion", "callback", "notice", "job", "user", "device", "slide", "service", "window", "hall")
#: Routes outside the staff console and the API: open to everyone by design.
PUBLIC_PREFIXES = ("/kiosk", "/display", "/t/", "/static/", "/healthz", "/pair", "/media/", "/setup", "/favicon.ico")
PUBLIC_ENDPOINTS = {"home.root"}


def expected(row: Row, actor: Actor) -> int:
    """The status ``actor`` must get for ``row``."""
    if row.who == "public":
        return row.ok
    api = row.url.startswith("/api/")
    if api and (not actor.token or actor.role is None):
        return 401
    if not api and (actor.token or actor.role is None):
        return 302  # to the login page
    if row.who == "login":
        return row.ok
    needed = {"staff": "staff", "window": "staff", "supervisor": "supervisor", "admin": "admin", "shared": "admin",
              "region": "region_admin"}
    if ROLES.index(actor.role) < ROLES.index(needed[row.who]):
        return 403
    if row.who == "shared":
        return row.ok
    if actor.hall != "here":
        return row.ok if row.foreign == "same" else int(row.foreign)
    if row.who == "window" and actor.role == "staff" and actor.window != row.window:
        return 403
    return row.ok


# --- the hall -------------------------------------------------------------------------------------------


@pytest.fixture
def halls(empty_app, make_hall, make_service, make_window, make_staff_user, make_region):
    """Two halls, each in its own region, one caller per actor (a logged-in client or a token header) and the
    objects rows name."""
    here = make_hall()
    service = make_service(hall=here, code="A")
    make_service(hall=here, code="B")
    windows = {1: make_window(hall=here, number=1), 2: make_window(hall=here, number=2)}
    other = make_hall(code="other-hall")
    make_service(hall=other, code="A")
    make_service(hall=other, code="B")
    windows[9] = make_window(hall=other, number=9)
    make_region(code="here-region", halls=[here])
    make_region(code="other-region", halls=[other])
    now = utcnow()
    opinion = Opinion(hall_id=here.id, kind="suggestion", topic="other", text="…", phone="13800000000")
    callback = CallbackRequest(hall_id=here.id, phone="13900000000")
    notice = Notice(hall_id=here.id, kind="notice", titles={"zh_Hans_CN": "通知"}, texts={"zh_Hans_CN": "通知"},
                    starts_at=now, ends_at=now + timedelta(days=1))
    job = PrintJob(hall_id=here.id, kind="ticket", reference="A001")
    slide = Slide(hall_id=here.id, kind="tariff", titles={}, texts={}, displays="all", sort_order=1)
    db.session.add_all([opinion, callback, notice, job, slide])
    db.session.commit()
    device, secret = make_device(hall=here, name="kiosk-here")
    target = make_staff_user(username="target", hall=here)
    callers: dict[str, dict] = {}
    for number, actor in enumerate(ACTORS):
        if actor.role is None:
            client = empty_app.test_client()
            if actor.device:
                as_device(client, secret)
            callers[actor.name] = {"client": client,
                                   "headers": {"Authorization": "Bearer nope"} if actor.token else {}}
            continue
        user = make_staff_user(username=f"actor{number}", role=actor.role,
                               hall=here if actor.hall == "here" else other,
                               window=windows[actor.window] if actor.window else None)
        client = empty_app.test_client()
        headers = {}
        if actor.token:
            headers = {"Authorization": f"Bearer {issue_token(user)}"}
        else:
            response = client.post("/staff/login", data={"username": user.username, "password": STAFF_PASSWORD})
            assert response.status_code == 302, actor
        callers[actor.name] = {"client": client, "headers": headers}
    ids = {"opinion": opinion.id, "callback": callback.id, "notice": notice.id, "job": job.id, "user": target.id,
           "device": device.id, "slide": slide.id, "service": service.id, "window": windows[1].id, "hall": here.id}
    return callers, ids


# --- tests ------------------------------------------------------------------------------------------------


def test_every_staff_and_api_route_is_in_the_table(empty_app):
    covered = {(row.endpoint, row.method) for row in rows(dict.fromkeys(IDS, 1))}
    missing = []
    for rule in empty_app.url_map.iter_rules():
        if rule.endpoint in PUBLIC_ENDPOINTS or rule.rule.startswith(PUBLIC_PREFIXES):
            continue
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            if (rule.endpoint, method) not in covered:
                missing.append(f"{method} {rule.rule} ({rule.endpoint})")
    assert missing == []


def test_every_protected_route_consults_the_permission_table(empty_app):
    """Staff and API routes other than login, logout, home and the public API carry a permission of the table."""
    open_rows = {row.endpoint for row in rows(dict.fromkeys(IDS, 1))
                 if row.who in ("public", "login")}
    unguarded = []
    for rule in empty_app.url_map.iter_rules():
        if not rule.rule.startswith(("/staff", "/api/")) or rule.endpoint in open_rows:
            continue
        action = getattr(empty_app.view_functions[rule.endpoint], "permission", None)
        if action not in PERMISSIONS:
            unguarded.append(rule.endpoint)
    assert unguarded == []


def test_who_may_do_what(empty_app, halls):
    callers, ids = halls
    table = rows(ids)
    wrong = []
    for row in table:
        for actor in ACTORS:
            caller = callers[actor.name]
            response = caller["client"].open(row.url, method=row.method, headers=caller["headers"],
                                             data=row.data, json=row.json)
            want = expected(row, actor)
            if response.status_code != want:
                wrong.append(f"{row.method} {row.url} {row.data or row.json or ''} as {actor.name}: "
                             f"{response.status_code}, expected {want}")
            response.close()
    print(f"permission table: {len(table)} requests × {len(ACTORS)} actors = {len(table) * len(ACTORS)} checks")
    assert wrong == [], "\n".join(wrong)


#: Public routes only a paired device (or staff) may use under ``KIOSK_UNPAIRED=deny``.
DEVICE_ONLY = ("/api/v1/tickets", "/api/v1/bills")


def test_unpaired_browsers_under_deny(empty_app, halls):
    """Under ``KIOSK_UNPAIRED=deny`` the ticket and bill APIs answer 401 to all but paired devices and staff."""
    callers, ids = halls
    empty_app.config["UNPAIRED"] = "deny"
    wrong = []
    for row in rows(ids):
        if row.who != "public":
            continue
        for actor in ACTORS:
            caller = callers[actor.name]
            response = caller["client"].open(row.url, method=row.method, headers=caller["headers"],
                                             data=row.data, json=row.json)
            signed_in = actor.role is not None
            want = 401 if row.url.startswith(DEVICE_ONLY) and not (actor.device or signed_in) else row.ok
            if response.status_code != want:
                wrong.append(f"{row.method} {row.url} as {actor.name}: {response.status_code}, expected {want}")
            response.close()
    assert wrong == [], "\n".join(wrong)


def test_refusals_are_translated_messages(empty_app, halls):
    callers, _ids = halls
    page = callers["staff at window 2"]["client"].post("/staff/window/1/call-next?lang=en")
    assert page.status_code == 403
    assert "You may only work at your own window" in page.get_data(as_text=True)
    api = callers["token: staff at window 2"]
    answer = api["client"].post("/api/v1/windows/1/call-next?lang=en", headers=api["headers"])
    assert answer.status_code == 403
    assert "own window" in answer.get_json()["error"]
    assert api["client"].post("/api/v1/windows/2/call-next", headers=api["headers"]).status_code == 200


def test_the_table_grows_with_the_role():
    """A higher role never has a narrower scope than a lower one."""
    for action, grants in PERMISSIONS.items():
        widths = [SCOPES.index(grants[role]) if role in grants else -1 for role in ROLES]
        assert widths == sorted(widths), action


def test_allowed_checks_window_and_hall(empty_app, make_hall, make_window, make_staff_user):
    window, second = make_window(number=1), make_window(number=2)
    elsewhere = make_window(hall=make_hall(code="elsewhere"), number=1)
    clerk = make_staff_user(window=window)
    boss = make_staff_user(role="supervisor")
    assert allowed(clerk, "window.operate", window=window)
    assert not allowed(clerk, "window.operate", window=second)
    assert not allowed(clerk, "window.operate", window=elsewhere)
    assert allowed(boss, "window.operate", window=second)
    assert not allowed(boss, "window.operate", window=elsewhere)
    assert not allowed(boss, "users.admin")
    assert not allowed(None, "window.view")
    clerk.active = False
    assert not allowed(clerk, "window.view")
    assert PERMISSIONS["tariffs.admin"]["admin"] is Scope.ANY_HALL


def test_a_supervisor_assigns_another_window(empty_app, empty_client, make_window, make_staff_user):
    first, second = make_window(number=1), make_window(number=2)
    clerk = make_staff_user(username="clerk", window=first)
    make_staff_user(username="boss", role="supervisor")
    client = empty_client
    client.post("/staff/login", data={"username": "clerk", "password": STAFF_PASSWORD})
    assert client.post("/staff/window/2/open").status_code == 403
    assert client.post(f"/staff/users/{clerk.id}/window", data={"default_window": "2"}).status_code == 403
    boss = empty_app.test_client()
    boss.post("/staff/login", data={"username": "boss", "password": STAFF_PASSWORD})
    page = boss.get("/staff/users/windows?lang=en").get_data(as_text=True)
    assert 'data-user="clerk"' in page
    answer = boss.post(f"/staff/users/{clerk.id}/window?lang=en", data={"default_window": "2"}, follow_redirects=True)
    assert "clerk now works at window 2." in answer.get_data(as_text=True)
    assert db.session.get(type(clerk), clerk.id).default_window_id == second.id
    assert client.post("/staff/window/2/open").status_code == 302
    assert client.post("/staff/window/1/open").status_code == 403


def test_the_console_offers_actions_only_at_a_window_the_user_may_operate(empty_app, empty_client, make_window,
                                                                          make_staff_user):
    first, _second = make_window(number=1), make_window(number=2)
    make_staff_user(username="clerk", window=first)
    empty_client.post("/staff/login", data={"username": "clerk", "password": STAFF_PASSWORD})
    own = empty_client.get("/staff/window?window=1&lang=en").get_data(as_text=True)
    assert 'data-action="call-next"' in own and "data-not-yours" not in own
    other = empty_client.get("/staff/window?window=2&lang=en").get_data(as_text=True)
    assert 'data-action="call-next"' not in other and 'data-action="open"' not in other
    assert "You may only work at your own window" in other
