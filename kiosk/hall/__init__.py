"""The hall, its services, windows and devices."""
from flask import Flask


def init_app(app: Flask) -> None:
    from kiosk.hall.service import local_now

    def clock_offset_minutes(hall) -> int:
        """Minutes east of UTC for the hall's clock (the screens' JS clock follows the hall, not the device)."""
        return int(local_now(hall).utcoffset().total_seconds() // 60)

    app.jinja_env.globals.update(hall_now=local_now, clock_offset_minutes=clock_offset_minutes)
