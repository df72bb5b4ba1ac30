"""Hardened staff sessions: login throttling, session versions, cookie flags."""
from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk import config, create_app
from kiosk.audit.models import AuditLog
from kiosk.demo.seed import DEMO_PASSWORDS
from kiosk.extensions import db
from kiosk.staff import service as staff_service
from kiosk.staff import throttle
from kiosk.staff.auth import load_user
from kiosk.staff.models import LoginThrottle, StaffUser
from tests.conftest import make_app


def user(username: str) -> StaffUser:
    db.session.expire_all()
    return db.session.scalar(select(StaffUser).where(StaffUser.username == username))


def log_in(client, username: str, password: str, address: str = "10.0.0.7"):
    return client.post("/staff/login?lang=en", data={"username": username, "password": password},
                       environ_base={"REMOTE_ADDR": address})


@pytest.fixture
def checks(monkeypatch):
    """Counts the logins whose password was really checked."""
    counted = []
    real = staff_service.authenticate

    def counting(username, password):
        counted.append(username)
        return real(username, password)

    monkeypatch.setattr(staff_service, "authenticate", counting)
    return counted


class Clock:
    """A settable UTC clock for the throttle."""

    def __init__(self):
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self):
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch):
    """The throttle's ``utcnow``, moved on by the test."""
    fake = Clock()
    monkeypatch.setattr(throttle, "utcnow", fake)
    return fake


# --- throttling -----------------------------------------------------------------------------------


def test_300_wrong_passwords_in_a_row_are_not_all_checked(client, checks, clock):
    responses = [log_in(client, "staff1", f"guess-{n}") for n in range(300)]
    statuses = [response.status_code for response in responses]
    assert statuses[:5] == [401] * 5 and set(statuses[5:]) == {429}
    assert len(checks) == 5
    html = responses[-1].get_data(as_text=True)
    assert "Too many failed logins. Please wait 2 seconds and try again." in html
    assert responses[-1].headers["Retry-After"] == "2"


def test_300_wrong_passwords_with_waits_end_in_a_lock_with_an_audit_entry(client, checks, clock):
    last = None
    for n in range(300):
        last = log_in(client, "staff1", f"guess-{n}")
        if last.status_code == 429 and "locked" in last.get_data(as_text=True):
            break
        clock.advance(61)  # waits out every delay, never the lock
    assert len(checks) == 20
    html = last.get_data(as_text=True)
    assert "Too many failed logins: login is locked. Try again in 14 minutes." in html
    assert int(last.headers["Retry-After"]) == 15 * 60 - 61
    clock.advance(60)
    assert "Try again in 13 minutes." in log_in(client, "staff1", "nope").get_data(as_text=True)
    # the right password does not help while locked
    assert log_in(client, "staff1", DEMO_PASSWORDS["staff1"], address="10.9.9.9").status_code == 429
    assert len(checks) == 20
    entries = db.session.scalars(select(AuditLog).where(AuditLog.action == "staff.login.lock")).all()
    assert [entry.target for entry in entries] == ["staff1"]
    assert sorted(entries[0].after["keys"]) == ["addr:10.0.0.7", "user:staff1"]
    assert entries[0].hall_id == user("staff1").hall_id
    clock.advance(15 * 60 - 121)
    assert log_in(client, "staff1", DEMO_PASSWORDS["staff1"], address="10.9.9.9").status_code == 302


def test_the_delay_grows(client, clock):
    for _ in range(5):
        assert log_in(client, "staff1", "nope").status_code == 401
    waits = []
    for _ in range(6):
        refused = log_in(client, "staff1", "nope")
        assert refused.status_code == 429
        waits.append(int(refused.headers["Retry-After"]))
        clock.advance(waits[-1])
        assert log_in(client, "staff1", "nope").status_code == 401
    assert waits == [2, 4, 8, 16, 32, 60]


def test_a_success_resets_the_accounts_count(client):
    for _ in range(4):
        assert log_in(client, "staff1", "nope", address="10.0.0.1").status_code == 401
    assert log_in(client, "staff1", DEMO_PASSWORDS["staff1"], address="10.0.0.1").status_code == 302
    client.post("/staff/logout")
    for _ in range(5):
        assert log_in(client, "staff1", "nope", address="10.0.0.2").status_code == 401
    assert log_in(client, "staff1", "nope", address="10.0.0.3").status_code == 429


def test_throttled_per_address_across_usernames(client, checks):
    for name in ("alice", "bob", "carol", "dave", "erin"):
        assert log_in(client, name, "nope").status_code == 401
    assert log_in(client, "staff1", DEMO_PASSWORDS["staff1"]).status_code == 429
    assert log_in(client, "staff1", DEMO_PASSWORDS["staff1"], address="10.0.0.8").status_code == 302
    assert len(checks) == 6


def test_throttled_per_account_across_addresses(client):
    for n in range(5):
        assert log_in(client, "staff1", "nope", address=f"10.1.0.{n}").status_code == 401
    assert log_in(client, "STAFF1 ", "nope", address="10.1.0.99").status_code == 429


def test_thresholds_are_configurable(app, client, clock):
    app.config.update(LOGIN_DELAY_AFTER=2, LOGIN_LOCK_AFTER=3, LOGIN_LOCK_MINUTES=1)
    assert [log_in(client, "staff1", "nope").status_code for _ in range(3)] == [401, 401, 429]
    clock.advance(2)
    assert log_in(client, "staff1", "nope").status_code == 401
    refused = log_in(client, "staff1", "nope")
    assert "Try again in 1 minute." in refused.get_data(as_text=True) and refused.headers["Retry-After"] == "60"


def test_a_quiet_day_forgets_the_failures(client, clock):
    for _ in range(5):
        log_in(client, "staff1", "nope")
    clock.advance(24 * 3600 + 1)
    assert log_in(client, "staff1", "nope").status_code == 401
    assert db.session.scalar(select(LoginThrottle.failures).where(LoginThrottle.key == "user:staff1")) == 1


def test_an_admin_reset_forgets_the_failures(client, login):
    for _ in range(5):
        log_in(client, "staff1", "nope")
    login("admin")
    staff1 = user("staff1")
    client.post(f"/staff/users/{staff1.id}/password",
                data={"password": "brand-new-9", "password_confirm": "brand-new-9"})
    assert log_in(client, "staff1", "brand-new-9", address="10.0.0.50").status_code == 302


def test_simultaneous_attempts_do_not_all_get_checked(app, checks, tmp_path):
    app.config["WRITER_TURNS"] = False
    statuses: list[int] = []
    start = threading.Barrier(12)

    def attempt():
        client = app.test_client()
        start.wait()
        statuses.append(log_in(client, "staff1", "nope").status_code)

    threads = [threading.Thread(target=attempt) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [401] * len(checks) + [429] * (12 - len(checks))
    assert len(checks) <= 5


def test_delay_function():
    config = {"LOGIN_DELAY_AFTER": 5, "LOGIN_LOCK_AFTER": 20, "LOGIN_LOCK_MINUTES": 15}
    assert [throttle.delay_after(n, config) for n in (0, 4)] == [None, None]
    assert throttle.delay_after(5, config) == timedelta(seconds=2)
    assert throttle.delay_after(19, config) == timedelta(seconds=60)
    assert throttle.delay_after(20, config) == timedelta(minutes=15)


# --- session versions -----------------------------------------------------------------------------


def copy_of(app, client):
    """Another browser holding a copy of ``client``'s session cookie."""
    other = app.test_client()
    other.set_cookie("session", client.get_cookie("session").value)
    return other


def test_a_copied_cookie_stops_working_after_logout(app, client, login):
    login("staff1")
    copied = copy_of(app, client)
    assert copied.get("/staff").status_code == 200
    assert client.post("/staff/logout").status_code == 302
    assert copied.get("/staff").status_code == 302
    login("staff1")
    assert client.get("/staff").status_code == 200


def test_a_copied_cookie_stops_working_after_a_password_reset(app, client, login):
    login("staff1")
    copied = copy_of(app, client)
    admin = app.test_client()
    log_in(admin, "admin", DEMO_PASSWORDS["admin"])
    response = admin.post(f"/staff/users/{user('staff1').id}/password",
                          data={"password": "brand-new-9", "password_confirm": "brand-new-9"})
    assert response.status_code == 303
    assert copied.get("/staff").status_code == 302 and client.get("/staff").status_code == 302
    assert admin.get("/staff").status_code == 200  # the admin's own session is untouched


def test_a_copied_cookie_stops_working_after_a_password_change_on_the_command_line(app, client, login, runner):
    login("staff1")
    copied = copy_of(app, client)
    result = runner.invoke(args=["create-user", "staff1", "--password", "changed-pass-1", "--window", "1"])
    assert result.exit_code == 0, result.output
    assert copied.get("/staff").status_code == 302


def test_disable_then_enable_does_not_bring_old_sessions_back(app, client, login):
    login("staff1")
    copied = copy_of(app, client)
    admin = app.test_client()
    log_in(admin, "admin", DEMO_PASSWORDS["admin"])
    staff1 = user("staff1")
    admin.post(f"/staff/users/{staff1.id}/disable")
    admin.post(f"/staff/users/{staff1.id}/enable")
    assert user("staff1").active
    assert copied.get("/staff").status_code == 302


def test_the_session_stores_id_and_version(app, client, login):
    login("staff1")
    staff1 = user("staff1")
    with client.session_transaction() as session:
        assert session["_user_id"] == f"{staff1.id}:{staff1.session_version}"
        session["_user_id"] = str(staff1.id)  # a session from before versions
    assert client.get("/staff").status_code == 302


@pytest.mark.parametrize("session_id", ["", "x", "1", "1:", ":1", "1:x", "-1:0", "1:0:0", "99999999999:0",
                                        "1:99999999999", "١:0"])
def test_the_loader_refuses_malformed_ids(app, session_id):
    assert load_user(session_id) is None


def test_the_loader_accepts_the_current_version_only(app):
    staff1 = user("staff1")
    assert load_user(staff1.get_id()) is staff1
    staff1.end_sessions()
    db.session.commit()
    assert load_user(f"{staff1.id}:{staff1.session_version - 1}") is None
    assert load_user(staff1.get_id()) is staff1


def test_logout_is_still_audited(app, client, login):
    login("staff1")
    client.post("/staff/logout")
    assert db.session.scalar(select(func.count(AuditLog.id)).where(AuditLog.action == "staff.logout")) == 1


# --- cookies --------------------------------------------------------------------------------------


def login_cookie(client) -> str:
    response = log_in(client, "staff1", DEMO_PASSWORDS["staff1"])
    assert response.status_code == 302
    [cookie] = [value for value in response.headers.getlist("Set-Cookie") if value.startswith("session=")]
    return cookie


def test_session_cookie_is_httponly_and_samesite_lax(app, client):
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax" and app.config["SESSION_COOKIE_HTTPONLY"] is True
    cookie = login_cookie(client)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    assert app.config.get("REMEMBER_COOKIE_SECURE") is not True


@pytest.fixture
def https_app(db_path, tmp_path):
    """The demo app with ``HTTPS`` on."""
    application = make_app(f"sqlite:///{db_path}", tmp_path, HTTPS=True)
    with application.app_context():
        yield application
        db.session.remove()
        db.engine.dispose()


def test_https_makes_the_cookies_secure(https_app):
    assert https_app.config["SESSION_COOKIE_SECURE"] is True and https_app.config["REMEMBER_COOKIE_SECURE"] is True
    cookie = login_cookie(https_app.test_client())
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_kiosk_https_and_login_thresholds_are_settings(tmp_path):
    assert config.from_environment({"KIOSK_HTTPS": "1", "KIOSK_LOGIN_DELAY_AFTER": "3", "KIOSK_LOGIN_LOCK_AFTER": "9",
                                    "KIOSK_LOGIN_LOCK_MINUTES": "30"}) == {
        "HTTPS": True, "LOGIN_DELAY_AFTER": 3, "LOGIN_LOCK_AFTER": 9, "LOGIN_LOCK_MINUTES": 30}
    defaults = config.defaults(Path(tmp_path))
    assert (defaults["HTTPS"], defaults["LOGIN_DELAY_AFTER"], defaults["LOGIN_LOCK_AFTER"],
            defaults["LOGIN_LOCK_MINUTES"]) == (False, 5, 20, 15)


def test_an_instance_file_may_choose_strict(tmp_path, monkeypatch):
    (tmp_path / "config.py").write_text("SESSION_COOKIE_SAMESITE = 'Strict'\n")
    monkeypatch.setenv("KIOSK_INSTANCE_PATH", str(tmp_path))
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}", "SECRET_KEY": "x", "WARM_PRINTER": False})
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Strict"


# --- PostgreSQL -----------------------------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.xdist_group("postgres")
def test_throttle_and_versions_on_postgres(postgres_app, monkeypatch):
    counted = []
    real = staff_service.authenticate
    monkeypatch.setattr(staff_service, "authenticate", lambda *args: counted.append(1) or real(*args))
    client = postgres_app.test_client()
    statuses = [log_in(client, "staff1", f"guess-{n}").status_code for n in range(30)]
    assert statuses[:5] == [401] * 5 and set(statuses[5:]) == {429} and len(counted) == 5
    assert log_in(client, "supervisor", DEMO_PASSWORDS["supervisor"], address="10.0.0.8").status_code == 302
    copied = copy_of(postgres_app, client)
    assert copied.get("/staff").status_code == 200
    client.post("/staff/logout")
    assert copied.get("/staff").status_code == 302
    kiosk = postgres_app.test_client()
    assert kiosk.post("/kiosk/bills", data={"account": "3300000002"}).status_code == 302
    assert kiosk.get("/kiosk/bills/result").status_code == 200
    assert kiosk.post("/api/v1/bills/lookup", json={"account": "3300000002"}).get_json()["account"] == "3300000002"


def test_an_admin_who_changes_their_own_password_stays_signed_in_here_only(app, client, login):
    login("admin")
    copied = copy_of(app, client)
    response = client.post(f"/staff/users/{user('admin').id}/password",
                           data={"password": "brand-new-9", "password_confirm": "brand-new-9"})
    assert response.status_code == 303
    assert client.get("/staff").status_code == 200
    assert copied.get("/staff").status_code == 302
