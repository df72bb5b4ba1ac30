"""``flask --app app import-applications FILE.csv``."""
from __future__ import annotations

import click
from flask_babel import gettext as _

from kiosk.cli_problems import report_import
from kiosk.guides.importer import import_csv


@click.command("import-applications")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def import_applications_command(path: str) -> None:
    """Import applications and stage updates from a UTF-8 CSV file (all rows or none; re-importing updates)."""
    with open(path, encoding="utf-8-sig", newline="") as stream:
        result = report_import(import_csv(stream, path, actor="cli"), path)
    click.echo(_("Imported %(rows)s stage rows: %(created)s applications created, %(updated)s updated.",
                 rows=result.rows, created=result.created, updated=result.updated))
