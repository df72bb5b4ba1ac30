"""``flask --app app import-tariffs FILE`` and ``flask --app app import-fees FILE`` (YAML or CSV)."""
from __future__ import annotations

from pathlib import Path

import click

from kiosk.cli import fail
from kiosk.extensions import db


def _run(path: str, kind: str) -> None:
    from kiosk.audit.service import record
    from kiosk.tariffs import importer, service

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        fail(f"{path} is not UTF-8 text.")
    try:
        if kind == "tariffs":
            result = importer.import_tariffs(text, path, service.today(), actor="cli")
        else:
            result = importer.import_fees(text, path)
        if result.ok:
            record(f"{kind}.import", Path(path).name, actor="cli",
                   after={"created": result.created, "replaced": result.replaced, "removed": result.removed})
            db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    if not result.ok:
        db.session.rollback()
        for line, reason in result.errors:
            click.echo(f"line {line}: {reason}" if line else reason, err=True)
        fail(f"Nothing imported: {len(result.errors)} problem(s) in {path}.")
    click.echo(f"Imported {path}: {len(result.created)} new, {len(result.replaced)} replaced, "
               f"{len(result.removed)} removed.")


@click.command("import-tariffs")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def import_tariffs_command(path: str) -> None:
    """Import tariff tables (new versions) from a YAML or CSV file, all or nothing."""
    _run(path, "tariffs")


@click.command("import-fees")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def import_fees_command(path: str) -> None:
    """Replace the fee schedule with the items of a YAML or CSV file, all or nothing."""
    _run(path, "fees")
