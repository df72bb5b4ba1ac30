"""Shared fixtures: an app on a migrated SQLite copy, clients, the demo hall, staff logins, factories.

The schema is built once per test session by running the real Alembic migrations
into two template databases, one seeded with the demo hall (``app``) and one left empty
(``empty_app``); each test gets its own copy of one of those files.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from flask.testing import FlaskCliRunner
from flask_babel import force_locale

from kiosk import create_app
from kiosk.events.hub import hub_of
from kiosk.extensions import db
from tests import factories

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


def make_app(db_url: str, instance: Path, **overrides):
    """An app configured for tests."""
    config = {
        "TESTING": True,
        "DATABASE_URL": db_url,
        "SECRET_KEY": "test-secret",
        "WTF_CSRF_ENABLED": False,
        "SPOOL_DIR": str(instance / "spool"),
        "WARM_PRINTER": False,
        "PUBLIC_URL": "https://hall.example.cn",
    }
    config.update(overrides)
    os.environ["KIOSK_INSTANCE_PATH"] = str(instance)
    return create_app(config)


def build_template(folder: Path, seed: bool) -> Path:
    """A SQLite file in ``folder`` migrated to the newest schema, seeded with the demo hall when ``seed``."""
    from kiosk.cli import migrate_database
    from kiosk.demo.seed import seed_demo

    path = folder / "template.sqlite3"
    app = make_app(f"sqlite:///{path}", folder)
    with app.app_context():
        migrate_database()
        if seed:
            seed_demo()
        db.session.remove()
        db.engine.dispose()
    return path


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    """A SQLite file migrated to the newest schema and seeded with the demo hall."""
    return build_template(tmp_path_factory.mktemp("template"), seed=True)


@pytest.fixture(scope="session")
def empty_template_db(tmp_path_factory) -> Path:
    """A SQLite file migrated to the newest schema, with no rows at all."""
    return build_template(tmp_path_factory.mktemp("empty-template"), seed=False)


@pytest.fixture
def db_path(template_db, tmp_path) -> Path:
    """A fresh copy of the seeded template database for one test."""
    path = tmp_path / "hallkiosk.sqlite3"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def empty_db_path(empty_template_db, tmp_path) -> Path:
    """A fresh copy of the empty template database for one test."""
    path = tmp_path / "empty.sqlite3"
    shutil.copyfile(empty_template_db, path)
    return path


@pytest.fixture
def app(db_path, tmp_path):
    """The application on this test's own database, with an app context pushed."""
    application = make_app(f"sqlite:///{db_path}", tmp_path)
    with application.app_context():
        yield application
        hub_of(application).stop()  # its event listener ends with it
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def csrf_app(db_path, tmp_path):
    """Like ``app`` but with CSRF protection on, as in production."""
    application = make_app(f"sqlite:///{db_path}", tmp_path, WTF_CSRF_ENABLED=True)
    with application.app_context():
        yield application
        hub_of(application).stop()  # its event listener ends with it
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def empty_app(empty_db_path, tmp_path):
    """The application on a migrated database with no data: the test makes what it needs with the factories.

    Requests from unregistered devices are for the hall :data:`tests.factories.HALL_CODE`, the factories'
    default hall, so ``make_hall()`` (or any factory without a ``hall``) is enough for the kiosk pages.
    """
    application = make_app(f"sqlite:///{empty_db_path}", tmp_path, DEFAULT_HALL=factories.HALL_CODE)
    with application.app_context():
        yield application
        hub_of(application).stop()  # its event listener ends with it
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    """A test client of the demo-seeded ``app``."""
    return app.test_client()


@pytest.fixture
def empty_client(empty_app):
    """A test client of ``empty_app``."""
    return empty_app.test_client()


@pytest.fixture
def empty_runner(empty_app):
    """A CLI runner of ``empty_app``."""
    return empty_app.test_cli_runner()


@pytest.fixture
def make_region():
    """``make_region(code=…, halls=[…])``: :func:`tests.factories.make_region`."""
    return factories.make_region


@pytest.fixture
def make_hall():
    """``make_hall(**fields)``: :func:`tests.factories.make_hall` on the test's database."""
    return factories.make_hall


@pytest.fixture
def make_service():
    """``make_service(hall=…, code=…, **fields)``: :func:`tests.factories.make_service`."""
    return factories.make_service


@pytest.fixture
def make_window():
    """``make_window(hall=…, number=…, services=[…], is_open=True)``: :func:`tests.factories.make_window`."""
    return factories.make_window


@pytest.fixture
def make_staff_user():
    """``make_staff_user(username=…, role=…, password=…)``: :func:`tests.factories.make_staff_user`."""
    return factories.make_staff_user


@pytest.fixture
def make_ticket():
    """``make_ticket(service=…, status=…, window=…)``: :func:`tests.factories.make_ticket`."""
    return factories.make_ticket


@pytest.fixture
def make_account():
    """``make_account(account_no=…, bills=[{"period": …, "amount": …, "paid": …}])``.

    See :func:`tests.factories.make_account`.
    """
    return factories.make_account


@pytest.fixture
def make_tariff_version():
    """``make_tariff_version(effective_from=…, tiers=[…])``: :func:`tests.factories.make_tariff_version`."""
    return factories.make_tariff_version


@pytest.fixture
def runner(app):
    """A CLI runner of the demo-seeded ``app``."""
    return app.test_cli_runner()


class EnglishCliRunner(FlaskCliRunner):
    """A CLI runner whose commands produce their messages in English.

    Commands run in the test's app context, so ``force_locale`` reaches them.
    """

    def invoke(self, *args, **kwargs):
        with force_locale("en"):
            return super().invoke(*args, **kwargs)


@pytest.fixture
def en_runner(app):
    """Like ``runner``, but messages come out in English instead of the default locale (Chinese).

    For tests that check which reason a command gave, not its wording in Chinese.
    Outside the CLI: wrap service calls in ``flask_babel.force_locale("en")``; add ``?lang=en``
    to requests (each request chooses its own locale).
    """
    return EnglishCliRunner(app)


@pytest.fixture
def hall(app):
    """The seeded demo hall."""
    from kiosk.hall.service import hall_by_code

    return hall_by_code("demo")


@pytest.fixture
def login(client):
    """``login(username)`` logs the test client in as a demo user."""
    from kiosk.demo.seed import DEMO_PASSWORDS

    def do_login(username: str = "staff1"):
        response = client.post("/staff/login", data={"username": username, "password": DEMO_PASSWORDS[username]})
        assert response.status_code == 302, response.data
        return client

    return do_login


@pytest.fixture
def token(app):
    """``token(username)`` returns a bearer token header for a demo user."""
    from sqlalchemy import select

    from kiosk.staff.auth import issue_token
    from kiosk.staff.models import StaffUser

    def make(username: str = "staff1") -> dict:
        user = db.session.execute(select(StaffUser).where(StaffUser.username == username)).scalar_one()
        return {"Authorization": f"Bearer {issue_token(user)}"}

    return make


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """The gitignored folder for screenshots and sample PDFs."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


POSTGRES_URL = os.environ.get("KIOSK_TEST_POSTGRES_URL", "")


def reset_postgres(url: str) -> None:
    """Empty the test database's public schema."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def postgres_app(tmp_path):
    """The application on PostgreSQL (``KIOSK_TEST_POSTGRES_URL``), migrated and demo-seeded afresh.

    Skipped when no PostgreSQL URL is configured; ``make test`` always configures one.
    """
    if not POSTGRES_URL:
        pytest.skip("KIOSK_TEST_POSTGRES_URL is not set")
    from kiosk.cli import migrate_database
    from kiosk.demo.seed import seed_demo

    reset_postgres(POSTGRES_URL)
    application = make_app(POSTGRES_URL, tmp_path)
    with application.app_context():
        migrate_database()
        seed_demo()
        yield application
        hub_of(application).stop()  # its event listener ends with it
        db.session.remove()
        db.engine.dispose()
