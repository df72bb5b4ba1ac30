"""``flask --app app voice build``: build the default clips of every voice language (fast when they exist)."""
from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import select

from kiosk.extensions import db
from kiosk.hall.models import Window
from kiosk.voice import clips

voice_group = AppGroup("voice", help="Voice calls: the default announcement clips.")


@voice_group.command("build")
def build_command() -> None:
    """Build every missing default clip (each language with an espeak-ng voice, every window of every hall)."""
    windows = sorted(set(db.session.scalars(select(Window.number))))
    built = clips.build_all(windows=windows)
    click.echo(f"Voice clips: {built} built, in {clips.voice_dir()}.")
