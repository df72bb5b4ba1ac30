"""Package conventions: one blueprint per views module, services commit, demo content seeded explicitly."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from flask import url_for

from kiosk.demo import seed

ROOT = Path(__file__).resolve().parent.parent.parent
#: Modules that take requests or commands: they never commit (the services do).
ENTRY_POINTS = [
    *sorted(ROOT.glob("kiosk/*/*views.py")), *sorted(ROOT.glob("kiosk/*/api.py")), *sorted(ROOT.glob("kiosk/*/cli.py")),
    ROOT / "kiosk/cli.py",
]
#: The staff package is the console itself: its login pages are ``staff.*``, its user admin ``staff_users.*``.
BLUEPRINT_EXCEPTIONS = {"staff/staff_views.py": "staff", "staff/user_views.py": "staff_users",
                        "admin/wizard_views.py": "setup_wizard"}


def expected_blueprint(path: Path) -> str:
    """``<feature>`` for ``views.py`` and ``api.py`` (under ``/api/v1``), ``<feature>_staff`` for ``staff_views.py``."""
    relative = path.relative_to(ROOT / "kiosk").as_posix()
    feature, module = relative.split("/")
    return BLUEPRINT_EXCEPTIONS.get(relative, f"{feature}_staff" if module == "staff_views.py" else feature)


def blueprint_names(path: Path) -> list[str]:
    """The names given to ``Blueprint(...)`` calls at the top level of ``path``."""
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            func = node.value.func
            if isinstance(func, ast.Name) and func.id == "Blueprint":
                first = node.value.args[0]
                assert isinstance(first, ast.Constant)
                names.append(first.value)
    return names


VIEWS_MODULES = [*sorted(ROOT.glob("kiosk/*/*views.py")), *sorted(ROOT.glob("kiosk/*/api.py"))]


@pytest.mark.parametrize("path", VIEWS_MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_each_views_module_defines_its_own_blueprint(path):
    assert blueprint_names(path) == [expected_blueprint(path)]


def test_no_shared_blueprint_modules():
    assert list(ROOT.glob("kiosk/*/blueprint.py")) == []


@pytest.mark.parametrize("path", ENTRY_POINTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_views_and_commands_never_commit(path):
    assert "session.commit()" not in path.read_text(encoding="utf-8")


def test_every_feature_with_sample_data_is_seeded_explicitly(app):
    seeded = {module.__name__ for module in (seed.tariffs, seed.bills, seed.queue, seed.notices, seed.guides,
                                             seed.media)}
    on_disk = {f"kiosk.demo.{path.stem}" for path in (ROOT / "kiosk/demo").glob("*.py")
               if path.stem not in ("__init__", "seed", "tariff_tables", "remove")}
    assert seeded == on_disk | {"kiosk.demo.guides.seed"}


def test_staff_pages_keep_their_urls(app):
    with app.test_request_context():
        assert url_for("tariffs_staff.admin") == "/staff/tariffs"
        assert url_for("guides_staff.admin") == "/staff/guides"
        assert url_for("guides_staff.letters") == "/staff/letters"
        assert url_for("notices_staff.notices") == "/staff/notices"
        assert url_for("notices_staff.opinions") == "/staff/opinions"
        assert url_for("notices_staff.suspensions") == "/staff/suspensions"
