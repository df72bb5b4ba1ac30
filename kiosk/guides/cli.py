"""``flask --app app import-applications FILE.csv``."""
from __future__ import annotations

import click
from flask_babel import gettext as _

from kiosk.cli import import_failed
from kiosk.extensions import db


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
        import_failed(result.errors, path)
    click.echo(_("Imported %(rows)s stage rows: %(created)s applications created, %(updated)s updated.",
                 rows=result.rows, created=result.created, updated=result.updated))
