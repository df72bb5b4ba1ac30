import re

import pytest
from sqlalchemy import select

from kiosk.audit.models import AuditLog
from kiosk.extensions import db
from kiosk.staff.auth import issue_token, token_permission
from kiosk.staff.models import ROLES, StaffUser
from kiosk.staff.permissions import permission_required
from tests.factories import STAFF_PASSWORD


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
def test_role_hierarchy(empty_app, role, allowed):
    user = StaffUser(username="x", role=role, password_hash="-", hall_id=1)
    assert [r for r in ROLES if user.has_role(r)] == allowed


def test_permission_required_denies_with_403(empty_app, empty_client, make_staff_user):
    app, client = empty_app, empty_client
    make_staff_user(username="clerk", role="staff")

    @app.get("/staff/test-admin-only")
    @permission_required("users.admin")
    def admin_only():
        return "ok"

    client.post("/staff/login", data={"username": "clerk", "password": STAFF_PASSWORD})
    response = client.get("/staff/test-admin-only?lang=en")
    assert response.status_code == 403
    assert "Your role does not allow" in response.get_data(as_text=True)


def test_bearer_token_checks(empty_app, make_staff_user):
    app = empty_app
    users = {role: make_staff_user(role=role) for role in ("staff", "supervisor")}

    def token(role: str) -> dict:
        return {"Authorization": f"Bearer {issue_token(users[role])}"}

    @app.post("/api/v1/test-supervisor")
    @token_permission("stats.view")
    def supervisor_only():
        return {"ok": True}

    client = app.test_client()
    assert client.post("/api/v1/test-supervisor").status_code == 401
    assert client.post("/api/v1/test-supervisor", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.post("/api/v1/test-supervisor", headers=token("staff")).status_code == 403
    assert client.post("/api/v1/test-supervisor", headers=token("supervisor")).get_json() == {"ok": True}


def test_login_is_audited(app, client, login):
    login("supervisor")
    entry = db.session.scalar(select(AuditLog).where(AuditLog.action == "staff.login"))
    assert entry.actor == "supervisor"


def test_staff_session_expires(empty_app):
    assert empty_app.permanent_session_lifetime.total_seconds() == 480 * 60
