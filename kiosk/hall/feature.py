"""How the hall feature plugs into the app: its blueprints, commands, hooks and template globals."""
from flask import Flask

from kiosk.hall.models import Hall
from kiosk.hall.service import local_now


def clock_offset_minutes(hall: Hall) -> int:
    """Minutes east of UTC for the hall's clock (the screens' JS clock follows the hall, not the device)."""
    offset = local_now(hall).utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0


def init_app(app: Flask) -> None:
    """Make the hall's clock available to the templates."""
    app.jinja_env.globals.update(hall_now=local_now, clock_offset_minutes=clock_offset_minutes)
