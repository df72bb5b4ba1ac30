"""Configuration: defaults, then ``instance/config.py``, then ``KIOSK_*`` environment variables.

Every setting is documented in the README's configuration table.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Settings read from the environment as ``KIOSK_<NAME>``, with their types.
ENV_SETTINGS: dict[str, type] = {
    "DATABASE_URL": str,
    "SECRET_KEY": str,
    "DEFAULT_HALL": str,
    "IDLE_SECONDS": int,
    "IDLE_WARNING_SECONDS": int,
    "TICKET_RETURN_SECONDS": int,
    "ACCOUNT_MIN_DIGITS": int,
    "ACCOUNT_MAX_DIGITS": int,
    "LOOKUPS_PER_MINUTE": int,
    "STAFF_SESSION_MINUTES": int,
    "SPOOL_DIR": str,
    "DEFAULT_PRINTER": str,
    "EVENT_POLL_SECONDS": float,
    "EVENT_KEEPALIVE_SECONDS": float,
    "EVENT_RETENTION_DAYS": int,
    "STREAMS_PER_DEVICE": int,
    "STREAMS_PER_ADDRESS": int,
    "WARM_PRINTER": bool,
    "WRITER_TURNS": bool,
    "TRUSTED_PROXIES": int,
    "LOGIN_DELAY_AFTER": int,
    "LOGIN_LOCK_AFTER": int,
    "LOGIN_LOCK_MINUTES": int,
    "HTTPS": bool,
    "UNPAIRED": str,
    "PUBLIC_URL": str,
    "PRINT_COPIES_PER_DOCUMENT": int,
    "PRINT_JOBS_PER_HOUR": int,
    "VOICE_DIR": str,
    "MEDIA_DIR": str,
    "MEDIA_MAX_BYTES": int,
    "DEMO": bool,
}


def defaults(instance_path: Path) -> dict:
    """The built-in defaults, before the instance file and the environment."""
    return {
        "DATABASE_URL": f"sqlite:///{instance_path / 'hallkiosk.sqlite3'}",
        "DEFAULT_HALL": "demo",
        "IDLE_SECONDS": 60,
        "IDLE_WARNING_SECONDS": 15,
        "TICKET_RETURN_SECONDS": 20,
        "ACCOUNT_MIN_DIGITS": 10,
        "ACCOUNT_MAX_DIGITS": 13,
        "LOOKUPS_PER_MINUTE": 10,
        "STAFF_SESSION_MINUTES": 480,
        "SPOOL_DIR": str(instance_path / "spool"),
        "DEFAULT_PRINTER": "file",
        "EVENT_POLL_SECONDS": 0.1,
        "EVENT_KEEPALIVE_SECONDS": 15.0,
        "EVENT_RETENTION_DAYS": 7,
        "STREAMS_PER_DEVICE": 4,
        "STREAMS_PER_ADDRESS": 50,
        "WARM_PRINTER": True,
        "WRITER_TURNS": True,
        "TRUSTED_PROXIES": 0,
        "LOGIN_DELAY_AFTER": 5,
        "LOGIN_LOCK_AFTER": 20,
        "LOGIN_LOCK_MINUTES": 15,
        "HTTPS": False,
        "UNPAIRED": "allow",
        "PUBLIC_URL": "http://127.0.0.1:5000",
        "PRINT_COPIES_PER_DOCUMENT": 3,
        "PRINT_JOBS_PER_HOUR": 60,
        "VOICE_DIR": str(instance_path / "voice"),
        "MEDIA_DIR": str(instance_path / "media"),
        "MEDIA_MAX_BYTES": 20_000_000,
        #: Off (``KIOSK_DEMO=0``): no demo hall is seeded; an empty database leads to the setup wizard (/setup).
        "DEMO": True,
    }


def _parse(kind: type, raw: str):
    if kind is bool:
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    return kind(raw)


def from_environment(environ: os._Environ | dict) -> dict:
    """The ``KIOSK_*`` settings present in ``environ``, converted to their types."""
    found = {}
    for name, kind in ENV_SETTINGS.items():
        raw = environ.get(f"KIOSK_{name}")
        if raw is not None and raw != "":
            found[name] = _parse(kind, raw)
    return found


def secret_key(instance_path: Path) -> str:
    """The secret key stored in ``instance/secret_key``, generated on first use."""
    path = instance_path / "secret_key"
    if path.exists():
        return path.read_text().strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    path.write_text(key)
    path.chmod(0o600)
    return key
