"""Staff users administration (/staff/users): roles, validation, the admin rules, audit, halls."""
from __future__ import annotations

import json
import re

import pytest
from flask_babel import force_locale
from sqlalchemy import func, select

from kiosk.audit.models import AuditLog
from kiosk.extensions import db
from kiosk.staff.models import ApiToken, StaffUser

NEW = {"username": "clerk.7", "display_name": "Clerk Seven", "role": "staff", "default_window": "2",
       "password": "clerk-pass-7", "password_confirm": "clerk-pass-7"}


def user(username: str) -> StaffUser:
    db.session.expire_all()
    return db.session.scalar(select(StaffUser).where(StaffUser.username == username))


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def audit(action: str) -> list[AuditLog]:
    return list(db.session.scalars(select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.id)))


def text(response) -> str:
    return response.get_data(as_text=True)


@pytest.fixture
def admin(login):
    return login("admin")


@pytest.fixture
def other_hall_user(app, make_hall, make_window, make_staff_user):
    """A user of a second hall (with a window of its own)."""
    hall = make_hall(code="other", names={"en": "Other hall"})
    window = make_window(hall=hall, number=9)
    return make_staff_user(username="stranger", password="stranger-pass", role="admin", hall=hall, window=window)


@pytest.fixture
def whoami(app):
    """A token-protected API route for the token checks (registered before the test's first request)."""
    from kiosk.staff.auth import api_user, token_permission

    @app.get("/api/v1/test-whoami")
    @token_permission("window.view")
    def test_whoami():
        return {"username": api_user().username}

    return "/api/v1/test-whoami"


# --- access ---------------------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client):
    response = client.get("/staff/users")
    assert response.status_code == 302
    assert "/staff/login" in response.headers["Location"]


@pytest.mark.parametrize("username", ["staff1", "supervisor"])
def test_non_admins_get_403_everywhere(client, login, username):
    login(username)
    target = user("staff1").id
    assert client.get("/staff/users?lang=en").status_code == 403
    assert client.get(f"/staff/users/{target}").status_code == 403
    assert client.post("/staff/users", data=NEW).status_code == 403
    for path in ("", "/password", "/disable", "/enable", "/tokens/revoke"):
        assert client.post(f"/staff/users/{target}{path}", data={"display_name": "x", "role": "admin",
                                                                  "password": "p" * 10,
                                                                  "password_confirm": "p" * 10}).status_code == 403
    assert (user("staff1").role, user("staff1").active, user("supervisor").role) == ("staff", True, "supervisor")
    assert user("clerk.7") is None
    assert 'href="/staff/users"' not in text(client.get("/staff?lang=en"))


def test_admin_sees_the_list_and_the_nav_link(client, admin, token):
    token("staff1")
    token("staff1")
    html = text(client.get("/staff/users?lang=en"))
    assert 'href="/staff/users" aria-current="page">Users<' in html
    rows = dict(re.findall(r'<tr data-user="([^"]+)"[^>]*>(.*?)</tr>', html, re.S))
    assert set(rows) == {"admin", "supervisor", "staff1"}
    assert "Window 1" in rows["staff1"] and 'data-role="staff"' in rows["staff1"]
    assert 'data-tokens="2"' in rows["staff1"] and "Yes (2)" in rows["staff1"]
    assert 'data-tokens="0"' in rows["admin"] and "(you)" in rows["admin"]
    assert 'data-active="yes"' in rows["supervisor"] and "No window assigned" in rows["supervisor"]
    assert 'name="csrf_token"' in html


def test_pages_render_in_the_default_locale(client, admin):
    assert client.get("/staff/users").status_code == 200
    assert client.get(f"/staff/users/{user('staff1').id}").status_code == 200


# --- create ---------------------------------------------------------------------------------------


def test_create_user_who_can_then_log_in(app, client, admin):
    response = client.post("/staff/users?lang=en", data=NEW)
    assert response.status_code == 303
    created = user("clerk.7")
    assert response.headers["Location"].endswith(f"/staff/users/{created.id}")
    assert (created.display_name, created.role, created.default_window.number, created.active) == \
        ("Clerk Seven", "staff", 2, True)
    assert created.hall_id == user("admin").hall_id
    assert "User clerk.7 created." in text(client.get(f"/staff/users/{created.id}?lang=en"))
    [entry] = audit("staff.user.create")
    assert entry.actor == "admin" and entry.target == "clerk.7" and entry.before is None
    assert entry.after == {"username": "clerk.7", "display_name": "Clerk Seven", "role": "staff",
                           "default_window": 2, "active": True}

    other = app.test_client()
    assert other.post("/staff/login", data={"username": "clerk.7", "password": "clerk-pass-7"}).status_code == 302


def test_create_without_a_window(client, admin):
    response = client.post("/staff/users", data={**NEW, "default_window": "", "role": "supervisor"})
    assert response.status_code == 303
    assert user("clerk.7").default_window_id is None and user("clerk.7").role == "supervisor"


@pytest.mark.parametrize("changes,field,message,status", [
    ({"username": "ab"}, "username", "A username has 3 to 64 characters", 400),
    ({"username": "x" * 65}, "username", "A username has 3 to 64 characters", 400),
    ({"username": "two words"}, "username", "A username has 3 to 64 characters", 400),
    ({"username": "名字很好"}, "username", "A username has 3 to 64 characters", 400),
    ({"username": "a/b"}, "username", "A username has 3 to 64 characters", 400),
    ({"username": "Staff1"}, "username", "The username “Staff1” is taken.", 422),
    ({"username": "admin"}, "username", "The username “admin” is taken.", 422),
    ({"display_name": "  "}, "display_name", "Enter a display name.", 400),
    ({"display_name": "x" * 129}, "display_name", "A display name has at most 128 characters.", 400),
    ({"display_name": "bell\x07"}, "display_name", "A display name cannot contain control characters.", 400),
    ({"role": "root"}, "role", "Choose one of the roles.", 400),
    ({"role": ""}, "role", "Choose one of the roles.", 400),
    ({"default_window": "99"}, "default_window", "Choose one of this hall&#39;s windows, or no window.", 400),
    ({"default_window": "abc"}, "default_window", "Choose one of this hall&#39;s windows, or no window.", 400),
    ({"default_window": "9" * 40}, "default_window", "Choose one of this hall&#39;s windows, or no window.", 400),
    ({"password": "short", "password_confirm": "short"}, "password", "A password has at least 8 characters.", 400),
    ({"password": "p" * 300, "password_confirm": "p" * 300}, "password", "A password has at most 256 characters.",
     400),
    ({"password_confirm": "clerk-pass-8"}, "password_confirm", "The two passwords are not the same.", 400),
    ({"password_confirm": ""}, "password_confirm", "The two passwords are not the same.", 400),
])
def test_create_validation(client, admin, changes, field, message, status):
    users_before, audit_before = count(StaffUser), count(AuditLog)
    response = client.post("/staff/users?lang=en", data={**NEW, **changes})
    html = text(response)
    assert response.status_code == status
    assert re.search(rf'data-field-error="{field}">[^<]*{re.escape(message)}', html), html
    assert 'role="alert"' in html and "Nothing was saved." in html
    assert count(StaffUser) == users_before and count(AuditLog) == audit_before
    assert 'value="clerk-pass-7"' not in html  # passwords are never sent back


def test_create_with_missing_fields_reports_each_problem(client, admin):
    response = client.post("/staff/users?lang=en", data={})
    html = text(response)
    assert response.status_code == 400
    for field in ("username", "display_name", "role", "password"):
        assert f'data-field-error="{field}"' in html
    assert count(StaffUser) == 3


def test_the_form_keeps_what_was_typed(client, admin):
    html = text(client.post("/staff/users?lang=en", data={**NEW, "password_confirm": "different-1"}))
    assert 'value="clerk.7"' in html and 'value="Clerk Seven"' in html
    assert re.search(r'<option value="2" selected>', html)


def test_username_is_trimmed(client, admin):
    assert client.post("/staff/users", data={**NEW, "username": "  clerk.7 "}).status_code == 303
    assert user("clerk.7") is not None


# --- edit -----------------------------------------------------------------------------------------


def test_edit_details_and_audit_only_what_changed(client, admin):
    staff1 = user("staff1")
    response = client.post(f"/staff/users/{staff1.id}?lang=en",
                           data={"display_name": "Window One", "role": "supervisor", "default_window": "3"})
    assert response.status_code == 303
    staff1 = user("staff1")
    assert (staff1.display_name, staff1.role, staff1.default_window.number) == ("Window One", "supervisor", 3)
    [entry] = audit("staff.user.update")
    assert entry.target == "staff1" and entry.actor == "admin"
    assert entry.before == {"display_name": "staff1", "role": "staff", "default_window": 1}
    assert entry.after == {"display_name": "Window One", "role": "supervisor", "default_window": 3}

    same = client.post(f"/staff/users/{staff1.id}?lang=en",
                       data={"display_name": "Window One", "role": "supervisor", "default_window": "3"})
    assert same.status_code == 303 and len(audit("staff.user.update")) == 1
    assert "Nothing changed." in text(client.get(same.headers["Location"] + "?lang=en"))


def test_edit_validation_changes_nothing(client, admin):
    staff1 = user("staff1")
    response = client.post(f"/staff/users/{staff1.id}?lang=en",
                           data={"display_name": "New name", "role": "staff", "default_window": "42"})
    assert response.status_code == 400
    assert "Choose one of this hall&#39;s windows, or no window." in text(response)
    assert user("staff1").display_name == "staff1" and audit("staff.user.update") == []


def test_admin_cannot_demote_themselves(client, admin):
    me = user("admin")
    for role in ("supervisor", "staff"):
        response = client.post(f"/staff/users/{me.id}?lang=en",
                               data={"display_name": "Boss", "role": role, "default_window": ""})
        assert response.status_code == 422
        assert "You cannot take away your own administrator role." in text(response)
    assert user("admin").role == "admin" and user("admin").display_name == "admin"
    assert audit("staff.user.update") == []
    # changing their own name is fine
    assert client.post(f"/staff/users/{me.id}", data={"display_name": "Boss", "role": "admin",
                                                      "default_window": ""}).status_code == 303
    assert user("admin").display_name == "Boss"


def test_admin_cannot_disable_themselves(client, admin):
    me = user("admin")
    response = client.post(f"/staff/users/{me.id}/disable?lang=en")
    assert response.status_code == 422
    assert "You cannot disable your own account." in text(response)
    assert user("admin").active and audit("staff.user.disable") == []
    assert client.get("/staff/users").status_code == 200  # still logged in


def test_another_admin_may_be_demoted_or_disabled(client, admin):
    client.post("/staff/users", data={**NEW, "username": "admin2", "role": "admin"})
    admin2 = user("admin2")
    assert client.post(f"/staff/users/{admin2.id}/disable").status_code == 303
    assert not user("admin2").active
    assert client.post(f"/staff/users/{admin2.id}", data={"display_name": "A2", "role": "staff",
                                                          "default_window": ""}).status_code == 303
    assert user("admin2").role == "staff"


def test_the_hall_keeps_an_active_admin(app, hall):
    from kiosk.staff import users

    only = user("admin")
    with force_locale("en"):
        for action in (lambda: users.set_active(only, None, False),
                       lambda: users.update(only, None, display_name="admin", role="supervisor",
                                            default_window="")):
            with pytest.raises(users.UserError) as caught:
                action()
            db.session.rollback()
            assert caught.value.status == 422
            assert "The hall must keep at least one active administrator." in str(caught.value)
        assert user("admin").active and user("admin").role == "admin"

        # a disabled admin does not count
        spare = users.create(hall, None, username="spare", display_name="Spare", role="admin", default_window="",
                             password="spare-pass-1", password_confirm="spare-pass-1")
        spare.active = False
        db.session.commit()
        with pytest.raises(users.UserError):
            users.set_active(user("admin"), None, False)
        db.session.rollback()

        # with a second active admin either of them may go, but not both
        assert users.set_active(user("spare"), None, True)
        db.session.commit()
        assert users.update(user("admin"), user("spare"), display_name="admin", role="staff", default_window="")
        db.session.commit()
        with pytest.raises(users.UserError) as caught:
            users.set_active(user("spare"), None, False)
        assert caught.value.status == 422
        db.session.rollback()
    assert user("spare").active and user("spare").role == "admin"


def test_a_disabled_admin_can_be_demoted(app, hall):
    from kiosk.staff import users

    spare = users.create(hall, None, username="spare", display_name="Spare", role="admin", default_window="",
                         password="spare-pass-1", password_confirm="spare-pass-1")
    db.session.commit()
    users.set_active(spare, None, False)
    db.session.commit()
    assert users.update(user("spare"), user("admin"), display_name="Spare", role="staff", default_window="")
    db.session.commit()
    assert user("spare").role == "staff"


# --- passwords, disabling, tokens ----------------------------------------------------------------


def test_reset_password(app, client, admin):
    staff1 = user("staff1")
    old_hash = staff1.password_hash
    response = client.post(f"/staff/users/{staff1.id}/password?lang=en",
                           data={"password": "brand-new-9", "password_confirm": "brand-new-9"})
    assert response.status_code == 303
    other = app.test_client()
    assert other.post("/staff/login", data={"username": "staff1", "password": "staff-demo-1"}).status_code == 401
    assert other.post("/staff/login", data={"username": "staff1", "password": "brand-new-9"}).status_code == 302
    [entry] = audit("staff.user.password")
    assert entry.target == "staff1" and entry.after == {"password_changed": True}
    stored = json.dumps([entry.before, entry.after])
    assert "brand-new-9" not in stored and old_hash not in stored and user("staff1").password_hash not in stored


@pytest.mark.parametrize("data,field,message", [
    ({"password": "short", "password_confirm": "short"}, "password", "A password has at least 8 characters."),
    ({"password": "brand-new-9", "password_confirm": "brand-new-8"}, "password_confirm",
     "The two passwords are not the same."),
    ({}, "password", "A password has at least 8 characters."),
])
def test_reset_password_validation(client, admin, data, field, message):
    staff1 = user("staff1")
    old_hash = staff1.password_hash
    response = client.post(f"/staff/users/{staff1.id}/password?lang=en", data=data)
    assert response.status_code == 400
    assert re.search(rf'data-field-error="{field}">[^<]*{re.escape(message)}', text(response))
    assert user("staff1").password_hash == old_hash and audit("staff.user.password") == []


def test_disabled_user_cannot_log_in_nor_use_a_token(app, whoami, client, login, token):
    login("admin")
    header = token("staff1")
    api = app.test_client()
    assert api.get(whoami, headers=header).get_json() == {"username": "staff1"}
    session_client = app.test_client()
    assert session_client.post("/staff/login", data={"username": "staff1",
                                                     "password": "staff-demo-1"}).status_code == 302
    assert session_client.get("/staff").status_code == 200

    staff1 = user("staff1")
    response = client.post(f"/staff/users/{staff1.id}/disable?lang=en")
    assert response.status_code == 303
    assert "staff1 is disabled." in text(client.get(response.headers["Location"] + "?lang=en"))
    assert not user("staff1").active
    [entry] = audit("staff.user.disable")
    assert (entry.before, entry.after, entry.actor) == ({"active": True}, {"active": False}, "admin")

    assert api.get(whoami, headers=header).status_code == 401
    login = app.test_client().post("/staff/login?lang=en", data={"username": "staff1", "password": "staff-demo-1"})
    assert login.status_code == 401 and "Wrong username or password." in text(login)
    assert session_client.get("/staff").status_code == 302  # the open session has ended
    assert 'data-active="no"' in text(client.get("/staff/users?lang=en"))
    assert count(ApiToken) == 1  # kept, only unusable

    assert client.post(f"/staff/users/{staff1.id}/enable").status_code == 303
    assert user("staff1").active and len(audit("staff.user.enable")) == 1
    assert api.get(whoami, headers=header).status_code == 200
    # enabling twice changes nothing and writes nothing
    assert client.post(f"/staff/users/{staff1.id}/enable").status_code == 303
    assert len(audit("staff.user.enable")) == 1


def test_revoke_all_tokens(app, whoami, client, login, token):
    login("admin")
    first, second, keep = token("staff1"), token("staff1"), token("supervisor")
    api = app.test_client()
    staff1 = user("staff1")
    assert 'data-fact="tokens">2<' in text(client.get(f"/staff/users/{staff1.id}?lang=en"))
    response = client.post(f"/staff/users/{staff1.id}/tokens/revoke?lang=en")
    assert response.status_code == 303
    assert "2 API tokens of staff1 revoked." in text(client.get(response.headers["Location"] + "?lang=en"))
    assert api.get(whoami, headers=first).status_code == 401
    assert api.get(whoami, headers=second).status_code == 401
    assert api.get(whoami, headers=keep).status_code == 200
    [entry] = audit("staff.user.revoke_tokens")
    assert (entry.before, entry.after) == ({"tokens": 2}, {"tokens": 0})
    stored = json.dumps([entry.before, entry.after])
    assert first["Authorization"].split()[1] not in stored

    again = client.post(f"/staff/users/{staff1.id}/tokens/revoke?lang=en")
    assert "staff1 has no API tokens." in text(client.get(again.headers["Location"] + "?lang=en"))
    assert len(audit("staff.user.revoke_tokens")) == 1


def test_no_audit_record_holds_a_secret(client, admin):
    client.post("/staff/users", data=NEW)
    clerk = user("clerk.7")
    client.post(f"/staff/users/{clerk.id}/password", data={"password": "second-pass-2",
                                                           "password_confirm": "second-pass-2"})
    client.post(f"/staff/users/{clerk.id}", data={"display_name": "C7", "role": "supervisor", "default_window": ""})
    client.post(f"/staff/users/{clerk.id}/disable")
    entries = [entry for entry in db.session.scalars(select(AuditLog)) if entry.action.startswith("staff.user.")]
    assert [entry.action for entry in entries] == ["staff.user.create", "staff.user.password", "staff.user.update",
                                                   "staff.user.disable"]
    stored = json.dumps([[entry.before, entry.after] for entry in entries])
    for secret in ("clerk-pass-7", "second-pass-2", user("clerk.7").password_hash, "scrypt", "pbkdf2"):
        assert secret not in stored
    assert "password_hash" not in stored


# --- halls ----------------------------------------------------------------------------------------


def test_users_of_another_hall_are_404(client, admin, other_hall_user):
    stranger = other_hall_user.id
    assert "stranger" not in text(client.get("/staff/users?lang=en"))
    assert client.get(f"/staff/users/{stranger}").status_code == 404
    assert client.post(f"/staff/users/{stranger}", data={"display_name": "x", "role": "staff",
                                                         "default_window": ""}).status_code == 404
    assert client.post(f"/staff/users/{stranger}/password", data={"password": "p" * 10,
                                                                  "password_confirm": "p" * 10}).status_code == 404
    assert client.post(f"/staff/users/{stranger}/disable").status_code == 404
    assert client.post(f"/staff/users/{stranger}/tokens/revoke").status_code == 404
    assert user("stranger").active and user("stranger").role == "admin"
    assert not any(entry.target == "stranger" for entry in db.session.scalars(select(AuditLog)))


def test_unknown_ids_are_404(client, admin):
    assert client.get("/staff/users/999999").status_code == 404
    assert client.get("/staff/users/99999999999999999999999").status_code == 404
    assert client.post("/staff/users/99999999999999999999999/disable").status_code == 404


def test_another_halls_window_cannot_be_chosen(client, admin, other_hall_user):
    response = client.post("/staff/users?lang=en", data={**NEW, "default_window": "9"})
    assert response.status_code == 400 and user("clerk.7") is None


def test_another_halls_admin_sees_only_their_hall(app, other_hall_user):
    other = app.test_client()
    assert other.post("/staff/login", data={"username": "stranger", "password": "stranger-pass"}).status_code == 302
    html = text(other.get("/staff/users?lang=en"))
    assert re.findall(r'<tr data-user="([^"]+)"', html) == ["stranger"]
    assert "Window 9" in html
    assert other.get(f"/staff/users/{user('staff1').id}").status_code == 404
    response = other.post("/staff/users", data={**NEW, "default_window": "9"})
    assert response.status_code == 303
    assert user("clerk.7").hall_id == other_hall_user.hall_id


def test_service_refuses_another_halls_actor(app, other_hall_user):
    from kiosk.staff import users

    with pytest.raises(users.UserError) as caught:
        users.set_active(user("staff1"), user("stranger"), False)
    assert caught.value.status == 404


# --- CSRF -----------------------------------------------------------------------------------------


def test_forms_need_the_csrf_token(csrf_app):
    from kiosk.demo.seed import DEMO_PASSWORDS

    client = csrf_app.test_client()
    page = text(client.get("/staff/login"))
    login_token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post("/staff/login", data={"username": "admin", "password": DEMO_PASSWORDS["admin"],
                                      "csrf_token": login_token})
    response = client.post("/staff/users?lang=en", data=NEW)
    assert response.status_code == 400 and "The form has expired" in text(response)
    assert user("clerk.7") is None

    page = text(client.get("/staff/users"))
    form_token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert client.post("/staff/users", data={**NEW, "csrf_token": form_token}).status_code == 303
    staff1 = user("staff1").id
    for page in (text(client.get("/staff/users")), text(client.get(f"/staff/users/{staff1}"))):
        forms = re.findall(r"<form .*?</form>", page, re.S)
        assert len(forms) >= 2 and all('name="csrf_token"' in form for form in forms)
    assert client.post(f"/staff/users/{staff1}/disable").status_code == 400
    assert user("staff1").active
