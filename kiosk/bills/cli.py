"""``flask --app app import-bills FILE.csv``."""
from __future__ import annotations

import time

import click
from flask_babel import gettext as _

from kiosk.bills.importer import import_file
from kiosk.cli_problems import import_failed


@click.command("import-bills")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def import_bills_command(path: str) -> None:
    """Import bills from a UTF-8 CSV file (all rows or none; re-importing updates)."""
    started = time.perf_counter()
    result = import_file(path)
    if not result.ok:
        import_failed(list(result.errors), path)
    click.echo(_("Imported %(rows)s rows in %(seconds)s s: %(accounts_created)s accounts created, "
                 "%(accounts_updated)s updated; %(bills_created)s bills created, %(bills_updated)s updated.",
                 rows=result.rows, seconds=f"{time.perf_counter() - started:.1f}",
                 accounts_created=result.accounts_created, accounts_updated=result.accounts_updated,
                 bills_created=result.bills_created, bills_updated=result.bills_updated))
