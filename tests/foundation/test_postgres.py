"""The same schema and demo hall on PostgreSQL."""
import pytest

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("postgres")]


def test_migrations_and_seed_on_postgres(postgres_app):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from kiosk.extensions import db

    assert db.engine.dialect.name == "postgresql"
    with db.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), db.metadata) == []
    client = postgres_app.test_client()
    assert client.get("/healthz").get_json() == {"status": "ok", "db": "ok"}
    assert "示范供电营业厅" in client.get("/kiosk").get_data(as_text=True)
