"""``flask --app app import-tariffs FILE`` and ``flask --app app import-fees FILE`` (YAML or CSV)."""
from __future__ import annotations

from pathlib import Path

import click
from flask_babel import gettext as _

from kiosk.cli import fail, import_failed
from kiosk.extensions import db


def _run(path: str, kind: str) -> None:
    from kiosk.audit.service import record
    from kiosk.tariffs import importer, service

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        fail(_("%(path)s is not UTF-8 text.", path=path))
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
        import_failed(result.errors, path)
    click.echo(_("Imported %(path)s: %(new)s new, %(replaced)s replaced, %(removed)s removed.", path=path,
                 new=len(result.created), replaced=len(result.replaced), removed=len(result.removed)))


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
