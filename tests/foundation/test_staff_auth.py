import re

import pytest


def test_login_page_and_console(client, login):
    assert client.get("/staff").status_code == 302
    login("staff1")
    html = client.get("/staff?lang=en").get_data(as_text=True)
    assert 'data-fact="role">Staff<' in html
    assert 'data-fact="window">Window 1<' in html
    assert "Demo Power Supply Business Hall" in html


def test_wrong_password_is_401_with_a_clear_message(client):
    response = client.post("/staff/login?lang=en", data={"username": "staff1", "password": "nope"})
    assert response.status_code == 401
    assert "Wrong username or password." in response.get_data(as_text=True)


def test_missing_csrf_token_is_400_with_a_clear_message(csrf_app):
    client = csrf_app.test_client()
    response = client.post("/staff/login?lang=en", data={"username": "staff1", "password": "staff-demo-1"})
    assert response.status_code == 400
    assert "The form has expired" in response.get_data(as_text=True)


def test_login_with_csrf_token_works(csrf_app):
    client = csrf_app.test_client()
    page = client.get("/staff/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post("/staff/login", data={"username": "staff1", "password": "staff-demo-1",
                                                 "csrf_token": token})
    assert response.status_code == 302


def test_logout(client, login):
    login("staff1")
    assert client.post("/staff/logout").status_code == 302
    assert client.get("/staff").status_code == 302


@pytest.mark.parametrize("role,allowed", [("staff", ["staff"]),
                                          ("supervisor", ["staff", "supervisor"]),
                                          ("admin", ["staff", "supervisor", "admin"])])
def test_role_hierarchy(app, role, allowed):
    from kiosk.staff.models import ROLES, StaffUser

    user = StaffUser(username="x", role=role, password_hash="-", hall_id=1)
    assert [r for r in ROLES if user.has_role(r)] == allowed


def test_role_required_denies_with_403(app, client, login):
    from kiosk.staff.auth import role_required

    @app.get("/staff/test-admin-only")
    @role_required("admin")
    def admin_only():
        return "ok"

    login("staff1")
    response = client.get("/staff/test-admin-only?lang=en")
    assert response.status_code == 403
    assert "Your role does not allow" in response.get_data(as_text=True)


def test_bearer_token_checks(app, token):
    from kiosk.staff.auth import token_required

    @app.post("/api/v1/test-supervisor")
    @token_required("supervisor")
    def supervisor_only():
        return {"ok": True}

    client = app.test_client()
    assert client.post("/api/v1/test-supervisor").status_code == 401
    assert client.post("/api/v1/test-supervisor", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.post("/api/v1/test-supervisor", headers=token("staff1")).status_code == 403
    assert client.post("/api/v1/test-supervisor", headers=token("supervisor")).get_json() == {"ok": True}


def test_login_is_audited(app, client, login):
    from sqlalchemy import select

    from kiosk.audit.models import AuditLog
    from kiosk.extensions import db

    login("supervisor")
    entry = db.session.scalar(select(AuditLog).where(AuditLog.action == "staff.login"))
    assert entry.actor == "supervisor"


def test_staff_session_expires(app):
    assert app.permanent_session_lifetime.total_seconds() == 480 * 60
