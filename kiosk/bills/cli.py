"""``flask --app app import-bills FILE.csv``."""
from __future__ import annotations

import time

import click

from kiosk.cli import fail
from kiosk.extensions import db

MAX_LISTED = 200


@click.command("import-bills")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def import_bills_command(path: str) -> None:
    """Import bills from a UTF-8 CSV file (all rows or none; re-importing updates)."""
    from kiosk.audit.service import record
    from kiosk.bills.importer import import_csv

    started = time.perf_counter()
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            result = import_csv(stream)
        if result.ok:
            record("bills.import", path, after={"rows": result.rows, "bills_created": result.bills_created,
                                                 "bills_updated": result.bills_updated}, actor="cli")
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
    click.echo(f"Imported {result.rows} rows in {time.perf_counter() - started:.1f} s: "
               f"{result.accounts_created} accounts created, {result.accounts_updated} updated; "
               f"{result.bills_created} bills created, {result.bills_updated} updated.")
