"""``flask --app app queue expire``: close the tickets earlier business days left open."""
from __future__ import annotations

import click
from flask.cli import AppGroup
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select

from kiosk.cli_problems import fail
from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.queue.expiry import expire_stale_tickets

queue_group = AppGroup("queue", help="Queue maintenance.")


@queue_group.command("expire")
@click.option("--hall", "hall_code", default=None, help="Only this hall (its code); default: every hall.")
def expire_command(hall_code: str | None) -> None:
    """Close tickets still waiting or called from earlier business days as expired."""
    query = select(Hall).order_by(Hall.code)
    if hall_code:
        query = query.where(Hall.code == hall_code)
    halls = list(db.session.scalars(query))
    if hall_code and not halls:
        fail(_("No hall with the code %(code)s.", code=hall_code))
    for hall in halls:
        count = expire_stale_tickets(hall)
        click.echo(ngettext("Hall %(hall)s: %(num)s ticket of earlier days expired.",
                            "Hall %(hall)s: %(num)s tickets of earlier days expired.", count, hall=hall.code))
