"""``flask --app app import-applications FILE.csv``."""
from __future__ import annotations

import click

from kiosk.cli import fail
from kiosk.extensions import db

MAX_LISTED = 200


@click.command("import-applications")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def import_applications_command(path: str) -> None:
    """Import applications and stage updates from a UTF-8 CSV file (all rows or none; re-importing updates)."""
    from kiosk.audit.service import record
    from kiosk.guides.importer import import_csv

    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            result = import_csv(stream)
        if result.ok:
            record("applications.import", path, after={"rows": result.rows, "created": result.created,
                                                        "updated": result.updated}, actor="cli")
            db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    if not result.ok:
        db.session.rollback()
        for line, reason in result.errors[:MAX_LISTED]:
            click.echo(f"line {line}: {reason}", err=True)
        if len(result.errors) > MAX_LISTED:
            click.echo(f"… and {len(result.errors) - MAX_LISTED} more bad rows", err=True)
        fail(f"Nothing imported: {len(result.errors)} bad row(s) in {path}.")
    click.echo(f"Imported {result.rows} stage rows: {result.created} applications created, "
               f"{result.updated} updated.")
