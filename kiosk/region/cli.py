"""``flask --app app create-region CODE --name NAME``."""
from __future__ import annotations

import click

from kiosk.region.errors import RegionError
from kiosk.region.service import create_region


@click.command("create-region")
@click.argument("code")
@click.option("--name", required=True, help="The region's name in Chinese.")
@click.option("--name-en", default="", help="The region's name in English.")
def create_region_command(code: str, name: str, name_en: str) -> None:
    """Create a region (or rename an existing one); halls join it with ``create-hall --region`` or their setup file."""
    try:
        region = create_region(code, name, name_en, actor="cli")
    except RegionError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"Region {region.code} saved.")
