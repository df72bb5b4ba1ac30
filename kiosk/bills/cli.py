"""``flask --app app import-bills FILE.csv``."""
from __future__ import annotations

import time

import click
from flask_babel import gettext as _

from kiosk.cli import run_import


@click.command("import-bills")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def import_bills_command(path: str) -> None:
    """Import bills from a UTF-8 CSV file (all rows or none; re-importing updates)."""
    from kiosk.bills.importer import import_csv

    def run():
        with open(path, encoding="utf-8-sig", newline="") as stream:
            return import_csv(stream)

    started = time.perf_counter()
    result = run_import(path, run, "bills.import", lambda result: {
        "rows": result.rows, "bills_created": result.bills_created, "bills_updated": result.bills_updated})
    click.echo(_("Imported %(rows)s rows in %(seconds)s s: %(accounts_created)s accounts created, "
                 "%(accounts_updated)s updated; %(bills_created)s bills created, %(bills_updated)s updated.",
                 rows=result.rows, seconds=f"{time.perf_counter() - started:.1f}",
                 accounts_created=result.accounts_created, accounts_updated=result.accounts_updated,
                 bills_created=result.bills_created, bills_updated=result.bills_updated))
