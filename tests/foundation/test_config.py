from pathlib import Path

import pytest

from kiosk import config, create_app


def test_environment_overrides_are_typed():
    found = config.from_environment({"KIOSK_IDLE_SECONDS": "90", "KIOSK_DEFAULT_HALL": "h2",
                                     "KIOSK_WARM_PRINTER": "no", "OTHER": "x"})
    assert found == {"IDLE_SECONDS": 90, "DEFAULT_HALL": "h2", "WARM_PRINTER": False}


def test_defaults(tmp_path):
    values = config.defaults(tmp_path)
    assert values["IDLE_SECONDS"] == 60
    assert values["DATABASE_URL"] == f"sqlite:///{tmp_path / 'hallkiosk.sqlite3'}"


def test_secret_key_is_generated_once_and_kept(tmp_path):
    first = config.secret_key(tmp_path)
    assert len(first) == 64
    assert config.secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_instance_file_then_environment(tmp_path, monkeypatch):
    (tmp_path / "config.py").write_text("IDLE_SECONDS = 45\nDEFAULT_HALL = 'fromfile'\n")
    monkeypatch.setenv("KIOSK_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("KIOSK_DEFAULT_HALL", "fromenv")
    monkeypatch.setenv("KIOSK_DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    app = create_app()
    assert app.config["IDLE_SECONDS"] == 45
    assert app.config["DEFAULT_HALL"] == "fromenv"
    assert Path(app.instance_path) == tmp_path
    assert (tmp_path / "secret_key").exists()


@pytest.mark.parametrize("raw", ["abc", "1.5"])
def test_bad_integer_setting_is_refused(raw):
    with pytest.raises(ValueError):
        config.from_environment({"KIOSK_IDLE_SECONDS": raw})
