"""``flask --app app hall export|import``, ``create-hall`` and ``content export|import`` (the translation sheet)."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from flask_babel import gettext as _

from kiosk import content_sheet
from kiosk.admin import setup_file
from kiosk.cli_problems import fail, import_failed
from kiosk.csvfile import export_csv
from kiosk.hall.service import hall_by_code


@click.group("hall")
def hall_group() -> None:
    """A hall's whole setup as one YAML file (see docs/hall-setup.md)."""


@hall_group.command("export")
@click.argument("code")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File to write (default: stdout).")
def export_command(code: str, output: str | None) -> None:
    """Write hall CODE's setup (profile, hours, services, windows, devices, staff) as YAML."""
    hall = hall_by_code(code)
    if hall is None:
        raise click.ClickException(f"no hall with code {code!r}")
    text = setup_file.dump(setup_file.export_hall(hall))
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"Hall {code} written to {output}.")
    else:
        sys.stdout.write(text)


def _report(report: setup_file.SetupReport) -> None:
    for line in report.problems:
        click.echo(line, err=True)
    if not report.ok:
        raise click.ClickException(f"{len(report.problems)} problem(s); nothing was changed.")
    for line in report.changes:
        click.echo(line)
    verb = "would change" if report.dry_run else "changed"
    click.echo(f"Hall {report.hall_code}: {len(report.changes)} setting(s) {verb}"
               + (" (dry run: nothing was written)." if report.dry_run else "."))


@hall_group.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check the file and list the changes without writing them.")
def import_command(path: str, dry_run: bool) -> None:
    """Create or update a hall from a setup file; all or nothing, every problem named by its path."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise click.ClickException(f"cannot read {path}: {error}") from error
    _report(setup_file.import_hall(text, dry_run=dry_run, actor="cli"))


@click.command("create-hall")
@click.argument("code")
@click.option("--name", required=True, help="The hall's name in Chinese.")
@click.option("--name-en", default="", help="The hall's name in English.")
@click.option("--region", "region_code", default=None, help="The code of the region the hall belongs to.")
def create_hall_command(code: str, name: str, name_en: str, region_code: str | None) -> None:
    """Create an empty hall (no services or windows yet): the smallest start; then export, edit and import."""
    if hall_by_code(code) is not None:
        raise click.ClickException(f"a hall with code {code!r} exists already")
    names = {"zh_Hans_CN": name, **({"en": name_en} if name_en else {})}
    profile = {"code": code, "names": names, **({"region": region_code} if region_code else {})}
    data = {"version": setup_file.FORMAT_VERSION, "hall": profile,
            "services": [], "windows": []}
    _report(setup_file.import_hall(setup_file.dump(data), actor="cli"))


@click.group("content")
def content_group() -> None:
    """The translation sheet: every stored content text, one column per locale (see translations/README.md)."""


@content_group.command("export")
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
def content_export_command(path: str) -> None:
    """Write every distinct content text with its stored translations to PATH (CSV, UTF-8 with BOM)."""
    rows = content_sheet.export_sheet()
    Path(path).write_text(export_csv(content_sheet.sheet_columns(), rows), encoding="utf-8",
                          newline="")
    click.echo(_("%(num)s texts written to %(path)s.", num=len(rows), path=path))


@content_group.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check the sheet and count the changes without writing them.")
def content_import_command(path: str, dry_run: bool) -> None:
    """Set the sheet's translations on every stored text with the same Chinese source; all or nothing."""
    text = content_sheet.decode_sheet(Path(path).read_bytes())
    if text is None:
        fail(_("%(path)s is not UTF-8 text: save the sheet as “CSV UTF-8”.", path=path))
    report = content_sheet.import_sheet(text, path, actor="cli", dry_run=dry_run)
    if not report.ok:
        import_failed(report.errors, path)
    for source, code in report.changed:
        click.echo(_("changed %(locale)s: %(text)s", locale=code, text=source))
    message = _("%(added)s translations added, %(changed)s changed, in %(rows)s records.", added=len(report.added),
                changed=len(report.changed), rows=report.rows)
    click.echo(message + (" " + _("Dry run: nothing was written.") if dry_run else ""))
