"""Command-line interface (``flask --app app …``): thin wrappers over the services."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click
from flask import Flask, current_app
from flask_babel import gettext as _
from flask_migrate import upgrade
from sqlalchemy import select

from kiosk.backup import BackupError, backup, restore
from kiosk.cli_problems import report_import
from kiosk.demo.remove import remove_demo
from kiosk.demo.seed import seed_demo
from kiosk.events.service import prune_events
from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.hall.service import hall_by_code, window_by_number
from kiosk.region.service import region_by_code
from kiosk.staff.auth import issue_token
from kiosk.staff.models import ROLES, StaffUser
from kiosk.staff.service import StaffError, create_user
from kiosk.transaction import ImportOutcome, all_or_nothing

R = TypeVar("R", bound=ImportOutcome)


@click.command("init-db")
def init_db_command() -> None:
    """Create or upgrade the database schema by running every migration."""
    migrate_database()
    click.echo("Database is up to date.")


def migrate_database() -> None:
    """Run the Alembic migrations up to the newest revision."""
    upgrade(revision="heads")


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Only seed when the database has no hall yet (first run).")
def seed_demo_command(if_empty: bool) -> None:
    """Create the demo hall, users and sample data (idempotent; safe to run again)."""
    if if_empty and db.session.scalar(select(Hall.id).limit(1)) is not None:
        click.echo("A hall exists already; demo seeding skipped.")
        return
    if if_empty and not current_app.config["DEMO"]:
        click.echo("KIOSK_DEMO=0: demo seeding skipped; open /setup in the browser to create your hall.")
        return
    passwords = seed_demo()
    click.echo("Demo hall 'demo' is ready.")
    for username, password in passwords.items():
        click.echo(f"  {username:<12} {password}")


@click.group("demo")
def demo_group() -> None:
    """The demo hall."""


@demo_group.command("remove")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def demo_remove_command(yes: bool) -> None:
    """Remove the demo hall, its users and its sample bills (tariffs, fees and guides stay)."""
    if not yes:
        click.confirm("Remove the demo hall 'demo' with its tickets, notices, users and sample bills?", abort=True)
    counts = remove_demo(actor="cli")
    click.echo(f"Removed {counts['halls']} hall, {counts['users']} users, {counts['accounts']} sample bill accounts.")
    if current_app.config["DEFAULT_HALL"] == "demo":
        click.echo("Set KIOSK_DEFAULT_HALL to your hall's code: unpaired browsers are served the default hall.")


@click.command("create-user")
@click.argument("username")
@click.option("--role", type=click.Choice([str(role) for role in ROLES]), default="staff", show_default=True)
@click.option("--password", help="Prompted for (hidden) when not given.")
@click.option("--hall", "hall_code",
              help="Hall code (default: KIOSK_DEFAULT_HALL; region admins: their region's first).")
@click.option("--window", "window_number", type=int, help="Default window number.")
@click.option("--region", "region_code", help="The region of a region admin (--role region_admin).")
def create_user_command(username: str, role: str, password: str | None, hall_code: str | None,
                        window_number: int | None, region_code: str | None) -> None:
    """Create a staff user, or reset an existing user's password and role."""
    region = region_by_code(region_code) if region_code else None
    if region_code and region is None:
        raise click.ClickException(f"region {region_code!r} not found; create it with create-region")
    if region is not None and hall_code is None:
        hall = region.halls[0] if region.halls else None
        if hall is None:
            raise click.ClickException(f"region {region.code} has no hall yet; create one with create-hall --region")
    else:
        hall = hall_by_code(hall_code or current_app.config["DEFAULT_HALL"])
    if hall is None:
        raise click.ClickException("hall not found; run `flask --app app seed-demo` first or pass --hall")
    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    window = window_by_number(hall, window_number) if window_number else None
    if window_number and window is None:
        raise click.ClickException(f"window {window_number} not found in hall {hall.code}")
    try:
        user = create_user(username, password, role, hall, default_window_id=window.id if window else None,
                           actor="cli", region=region)
    except StaffError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"User {user.username} ({user.role}) saved.")


@click.command("create-token")
@click.argument("username")
def create_token_command(username: str) -> None:
    """Print a new API bearer token for USERNAME."""
    user = db.session.scalar(select(StaffUser).where(StaffUser.username == username))
    if user is None:
        raise click.ClickException(f"no user named {username!r}")
    click.echo(issue_token(user))


@click.command("prune-events")
@click.option("--days", type=int, help="Keep this many days (default: KIOSK_EVENT_RETENTION_DAYS).")
def prune_events_command(days: int | None) -> None:
    """Delete old display events."""
    removed = prune_events(days or current_app.config["EVENT_RETENTION_DAYS"])
    click.echo(f"Removed {removed} events.")


@click.command("backup")
@click.argument("directory", type=click.Path(file_okay=False))
def backup_command(directory: str) -> None:
    """Write a consistent online backup of the database into DIRECTORY and print the file's path."""
    try:
        click.echo(str(backup(Path(directory))))
    except BackupError as error:
        raise click.ClickException(str(error)) from error


@click.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--force", is_flag=True, help="Replace the contents of a database that is not empty.")
def restore_command(path: str, force: bool) -> None:
    """Restore a backup file made by ``backup`` into this (empty) database."""
    try:
        restore(Path(path), force=force)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(_("Restored %(path)s.", path=path))


def run_import(path: str, run: Callable[[], R], action: str, audit_after: Callable[[R], dict]) -> R:
    """Run one all-or-nothing import as a use case (see :func:`kiosk.transaction.all_or_nothing`) and report it.

    ``run()`` does the import in the session and returns a result with ``ok`` and ``errors``
    (``(line, reason)`` pairs); ``audit_after(result)`` is what the audit log keeps. On any problem
    nothing is written: the problems are listed by line and the command exits 1.
    """
    return report_import(all_or_nothing(run, action, path, audit_after, actor="cli"), path)


def init_app(app: Flask) -> None:
    """Register the core commands (features register their own in their ``init_app``)."""
    for command in (init_db_command, seed_demo_command, create_user_command, create_token_command,
                    prune_events_command, backup_command, restore_command, demo_group):
        app.cli.add_command(command)
