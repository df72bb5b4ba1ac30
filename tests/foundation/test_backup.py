"""``flask backup DIR`` and ``flask restore FILE``: a consistent copy, restored only into an empty database."""
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.queue.models import Ticket
from tests.conftest import POSTGRES_URL, make_app, reset_postgres


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def made_backup(runner, directory: Path) -> Path:
    result = runner.invoke(args=["backup", str(directory)])
    assert result.exit_code == 0, result.output
    path = Path(result.output.strip().splitlines()[-1])
    assert path.parent == directory and path.exists() and path.name.startswith("hallkiosk-")
    return path


def test_backup_then_restore_into_an_empty_database(app, runner, tmp_path, make_ticket):
    make_ticket()
    halls, tickets = count(Hall), count(Ticket)
    path = made_backup(runner, tmp_path / "backups")
    assert path.suffix == ".sqlite3"
    other = make_app(f"sqlite:///{tmp_path / 'fresh.sqlite3'}", tmp_path / "fresh")
    with other.app_context():  # the commands run in the app context already pushed
        result = other.test_cli_runner().invoke(args=["restore", str(path)])
        assert result.exit_code == 0, result.output
        assert (count(Hall), count(Ticket)) == (halls, tickets)
        db.session.remove()
        db.engine.dispose()


def test_restore_refuses_a_database_that_is_not_empty_unless_forced(app, runner, tmp_path, make_ticket):
    path = made_backup(runner, tmp_path)
    tickets = count(Ticket)
    make_ticket()
    result = runner.invoke(args=["restore", str(path)])
    assert result.exit_code != 0 and "--force" in result.output
    assert count(Ticket) == tickets + 1
    result = runner.invoke(args=["restore", str(path), "--force"])
    assert result.exit_code == 0, result.output
    assert count(Ticket) == tickets


def test_restore_refuses_a_file_that_is_not_a_backup(empty_app, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    result = empty_app.test_cli_runner().invoke(args=["restore", str(junk)])
    assert result.exit_code != 0 and "junk.sqlite3" in result.output


@pytest.mark.postgres
@pytest.mark.xdist_group("postgres")
def test_backup_and_restore_on_postgres(postgres_app, tmp_path):
    runner = postgres_app.test_cli_runner()
    halls = count(Hall)
    path = made_backup(runner, tmp_path)
    assert path.suffix == ".dump"
    assert runner.invoke(args=["restore", str(path)]).exit_code != 0  # not empty
    db.session.remove()
    db.engine.dispose()
    reset_postgres(POSTGRES_URL)
    result = runner.invoke(args=["restore", str(path)])
    assert result.exit_code == 0, result.output
    assert count(Hall) == halls
