"""Hall-administration tests read the messages in English."""
from __future__ import annotations

import pytest
from flask_babel import force_locale


@pytest.fixture(autouse=True)
def english(app):
    """Every message of the test in English."""
    with app.app_context(), force_locale("en"):
        yield
