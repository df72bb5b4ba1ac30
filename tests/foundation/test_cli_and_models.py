import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from kiosk.extensions import db
from kiosk.hall.models import Hall, Service, Window
from kiosk.staff.auth import user_for_token
from kiosk.staff.models import StaffUser
from tests.conftest import make_app


def test_seed_demo_is_idempotent(runner):
    first = runner.invoke(args=["seed-demo"])
    second = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0 and second.exit_code == 0
    assert "admin" in first.output
    assert db.session.scalar(select(func.count()).select_from(Hall)) == 1
    assert db.session.scalar(select(func.count()).select_from(Window)) == 6


def test_seed_if_empty_skips_an_existing_hall(runner):
    assert "skipped" in runner.invoke(args=["seed-demo", "--if-empty"]).output


def test_demo_hall_shape(hall):
    assert [(s.code, s.time_limit_minutes) for s in hall.services] == [("A", 5), ("B", 20), ("C", 20)]
    assert {w.number: "".join(s.code for s in w.services) for w in hall.windows} == {
        1: "A", 2: "A", 3: "A", 4: "B", 5: "B", 6: "AC"}
    assert hall.names["zh_Hans_CN"] and hall.timezone == "Asia/Shanghai"
    assert [u.role for u in db.session.scalars(select(StaffUser).order_by(StaffUser.id))] == [
        "admin", "supervisor", "staff"]


def test_service_letters_are_unique_per_hall(empty_app, make_service):
    hall = make_service(code="A").hall
    db.session.add(Service(hall_id=hall.id, code="A", names={}))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_create_user_and_token(empty_runner, make_window):
    runner = empty_runner
    make_window(number=4)
    result = runner.invoke(args=["create-user", "clerk", "--role", "supervisor", "--password", "long-enough-1",
                                 "--window", "4"])
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(StaffUser).where(StaffUser.username == "clerk"))
    assert user.role == "supervisor" and user.default_window.number == 4 and user.check_password("long-enough-1")
    token = runner.invoke(args=["create-token", "clerk"]).output.strip()
    assert len(token) >= 40
    client = runner.app.test_client()
    assert user_for_token(token).username == "clerk"
    assert client is not None


def test_create_user_prompts_for_password(runner):
    result = runner.invoke(args=["create-user", "prompted"], input="secret-pass-9\nsecret-pass-9\n")
    assert result.exit_code == 0, result.output


def test_create_user_rejects_short_password_and_unknown_window(runner):
    assert runner.invoke(args=["create-user", "x", "--password", "short"]).exit_code != 0
    assert runner.invoke(args=["create-user", "x", "--password", "long-enough-1", "--window", "99"]).exit_code != 0


def test_create_token_for_unknown_user_fails(runner):
    result = runner.invoke(args=["create-token", "ghost"])
    assert result.exit_code != 0 and "no user" in result.output


def test_sqlite_runs_in_wal_mode(empty_app):
    assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert db.session.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_migrations_match_the_models(empty_app):
    """Every model change has a migration: autogenerate finds nothing to do."""
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"render_as_batch": True})
        diff = compare_metadata(context, db.metadata)
    assert diff == []


def test_migrations_form_one_line_that_downgrades_and_upgrades(tmp_path):
    """One head, so ``flask db upgrade`` needs no argument; every migration can be undone and redone."""
    app = make_app(f"sqlite:///{tmp_path / 'roundtrip.db'}", tmp_path)
    with app.app_context():
        script = ScriptDirectory.from_config(app.extensions["migrate"].migrate.get_config())
        assert len(script.get_heads()) == 1
        upgrade()
        downgrade(revision="base")
        assert db.inspect(db.engine).get_table_names() == ["alembic_version"]
        upgrade()
        assert "tickets" in db.inspect(db.engine).get_table_names()


def test_register_device_prints_a_pairing_code_that_pairs_once(empty_runner, empty_client, make_hall):
    runner, client = empty_runner, empty_client
    make_hall()
    result = runner.invoke(args=["register-device", "kiosk-9", "--printer", "cups:Front_Desk"])
    assert result.exit_code == 0, result.output
    code = result.output.split("Pairing code: ")[1].split()[0]
    response = client.post("/pair", data={"code": code})
    assert response.status_code == 303
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("kiosk_device_secret=") and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert code not in cookie
    assert client.post("/pair", data={"code": code}).status_code == 400  # used up
    # a name alone no longer makes a browser that device
    assert "Set-Cookie" not in empty_client.application.test_client().get("/kiosk?device=kiosk-9").headers


def test_register_device_rejects_bad_names_and_printers(runner):
    assert runner.invoke(args=["register-device", "bad name;rm"]).exit_code != 0
    assert runner.invoke(args=["register-device", "k1", "--printer", "lpr:x"]).exit_code != 0


def test_table_rebuilds_keep_the_rows_that_point_at_them(tmp_path):
    """SQLite batch migrations rebuild tables; the rows of other tables pointing at them must stay as they were."""
    app = make_app(f"sqlite:///{tmp_path / 'rebuild.db'}", tmp_path)
    with app.app_context():
        upgrade(revision="0011_bill_staging")
        db.session.execute(text("INSERT INTO halls (id, code, names, addresses, timezone, business_hours, hotline, "
                                "complaint_phone, display_languages, created_at) VALUES (1, 'h', '{}', '{}', "
                                "'Asia/Shanghai', '{}', '95598', '95598', '[]', '2026-01-01 00:00:00')"))
        db.session.execute(text("INSERT INTO devices (id, hall_id, name, kind, printer, settings, created_at) "
                                "VALUES (7, 1, 'kiosk-1', 'kiosk', 'file', '{}', '2026-01-01 00:00:00')"))
        db.session.execute(text("INSERT INTO staff_users (id, username, display_name, password_hash, role, hall_id, "
                                "active, created_at) VALUES (1, 'u', 'u', 'x', 'staff', 1, 1, '2026-01-01 00:00:00')"))
        db.session.execute(text("INSERT INTO print_jobs (hall_id, device_id, device_name, kind, reference, printer, "
                                "backend, status, message, reprint, spool_path, pdf_size, source, created_at) VALUES "
                                "(1, 7, 'kiosk-1', 'ticket', 'A001', 'file', 'file', 'ok', '', 0, '', 0, '{}', "
                                "'2026-01-01 00:00:00')"))
        db.session.commit()
        upgrade()
        assert db.session.execute(text("SELECT device_id FROM print_jobs")).scalar_one() == 7
        assert db.session.execute(text("SELECT count(*) FROM staff_users")).scalar_one() == 1
        assert db.session.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
