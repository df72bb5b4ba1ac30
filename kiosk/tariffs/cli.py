"""``flask --app app import-tariffs FILE`` and ``flask --app app import-fees FILE`` (YAML or CSV)."""
from __future__ import annotations

from pathlib import Path

import click
from flask_babel import gettext as _

from kiosk.cli_problems import fail, report_import
from kiosk.tariffs import fee_importer, importer, service


def _run(path: str, kind: str, replace_all: bool = False) -> None:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        fail(_("%(path)s is not UTF-8 text.", path=path))
    if kind == "tariffs":
        result = report_import(importer.import_tariffs(text, path, service.today(), actor="cli"), path)
    else:
        result = report_import(fee_importer.import_fees(text, path, actor="cli", replace_all=replace_all), path)
    click.echo(_("Imported %(path)s: %(new)s new, %(replaced)s replaced, %(removed)s removed.", path=path,
                 new=len(result.created), replaced=len(result.replaced), removed=len(result.removed)))


@click.command("import-tariffs")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def import_tariffs_command(path: str) -> None:
    """Import tariff tables (new versions) from a YAML or CSV file, all or nothing."""
    _run(path, "tariffs")


@click.command("import-fees")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--replace-all", is_flag=True, help="Allow the file to remove more than half of the current items.")
def import_fees_command(path: str, replace_all: bool) -> None:
    """Replace the fee schedule with the items of a YAML or CSV file, all or nothing."""
    _run(path, "fees", replace_all)
