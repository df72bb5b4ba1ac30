"""``flask --app app register-device``: register a kiosk or display and print its one-time pairing code."""
from __future__ import annotations

import click
from flask import current_app

from kiosk.devices import pairing
from kiosk.devices.errors import DeviceError
from kiosk.hall.models import DeviceKind
from kiosk.hall.service import hall_by_code


@click.command("register-device")
@click.argument("name")
@click.option("--kind", type=click.Choice([kind.value for kind in DeviceKind]), default="kiosk", show_default=True)
@click.option("--printer", default="file", show_default=True, help="file, file:<dir>, cups:<queue> or browser.")
@click.option("--window", "window", type=int, help="The window of a counter display or rating tablet.")
@click.option("--hall", "hall_code", help="Hall code (default: KIOSK_DEFAULT_HALL).")
def register_device_command(name: str, kind: str, printer: str, window: int | None, hall_code: str | None) -> None:
    """Register (or update) a device and print a one-time pairing code for it."""
    hall = hall_by_code(hall_code or current_app.config["DEFAULT_HALL"])
    if hall is None:
        raise click.ClickException("hall not found; run `flask --app app seed-demo` first or pass --hall")
    try:
        device, code = pairing.register(hall, name, kind, printer, window, actor="cli")
    except DeviceError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Device {device.name} ({device.kind}, printer {device.printer}) saved.")
    click.echo(f"Pairing code: {code} (valid for {pairing.CODE_MINUTES} minutes, once).")
    click.echo(f"On the device, open /pair and enter the code, or open /pair?code={code}")
