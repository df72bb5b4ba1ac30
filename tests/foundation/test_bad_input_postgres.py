"""The bad-input examples on PostgreSQL, which refuses NUL bytes and ids past ``integer`` where SQLite does not."""
import pytest

from tests.foundation.test_bad_input import check_examples

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("postgres")]


def test_every_example_gets_a_clear_status_on_postgres(postgres_app):
    assert check_examples(postgres_app) == []
