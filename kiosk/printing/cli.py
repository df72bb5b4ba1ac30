"""``flask printing …``: render samples, test a printer, time the renderer."""
from __future__ import annotations

import time
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from kiosk.printing import documents
from kiosk.printing.service import print_document

printing_cli = AppGroup("printing", help="Printed matter: sample tickets and printer tests.")


@printing_cli.command("sample")
@click.argument("output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--width", type=click.Choice(["80", "58"]), default="80", show_default=True)
@click.option("--lang", "locale", default="zh_Hans_CN", show_default=True)
@click.option("--kind", default="ticket", show_default=True, help="the document kind")
def sample(output: Path, width: str, locale: str, kind: str) -> None:
    """Write a sample document (a ticket unless --kind says otherwise) to OUTPUT."""
    with current_app.test_request_context("/"):
        output.write_bytes(documents.sample_pdf(kind, locale, int(width)))
    click.echo(f"wrote {output}")


@printing_cli.command("test")
@click.option("--printer", default="", help="file, file:<dir>, cups:<queue> (default: KIOSK_DEFAULT_PRINTER)")
def test_printer(printer: str) -> None:
    """Send a sample ticket to a printer and report the job."""
    with current_app.test_request_context("/"):
        started = time.perf_counter()
        pdf = documents.sample_pdf("ticket", "zh_Hans_CN", 80)
        rendered = time.perf_counter() - started
        job = print_document(printer or None, pdf, "ticket", reference="TEST")
    click.echo(f"job {job.id}: {job.status} via {job.printer} ({job.message}); rendered in {rendered * 1000:.0f} ms")
    if job.status != "ok":
        raise SystemExit(1)
