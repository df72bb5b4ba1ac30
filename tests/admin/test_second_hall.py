"""The README's "A second hall beside the demo", step by step: a hall set up in the console, its kiosk and
display paired, a ticket taken there and called, while the demo hall goes on working on the same server."""
from __future__ import annotations

import re

from kiosk.hall.models import Hall
from kiosk.queue.models import Ticket

PASSWORD = "north-admin-pass-1"
WEEK = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _code(page: str) -> str:
    return re.search(r"data-code>([A-Z0-9]{4}-[A-Z0-9]{4})<", page).group(1)


def _pair(app, console, name: str, kind: str, **extra) -> object:
    """Register a device in the console and pair a fresh browser with its code; the browser is returned."""
    page = console.post("/staff/devices?lang=en", data={"name": name, "kind": kind, "printer": "file", **extra})
    assert page.status_code == 200, page.get_data(as_text=True)
    device = app.test_client()
    assert device.post("/pair", data={"code": _code(page.get_data(as_text=True))}).status_code == 303
    return device


def test_a_second_hall_set_up_in_the_console_takes_and_calls_tickets_beside_the_demo(app, client):
    runner = app.test_cli_runner()
    made = runner.invoke(args=["create-hall", "north", "--name", "北城营业厅", "--name-en", "North Hall"])
    assert made.exit_code == 0, made.output
    made = runner.invoke(args=["create-user", "north-admin", "--role", "admin", "--hall", "north",
                               "--password", PASSWORD])
    assert made.exit_code == 0, made.output

    console = app.test_client()
    assert console.post("/staff/login", data={"username": "north-admin", "password": PASSWORD}).status_code == 302
    hours = {f"hours.{key}.{day}": value for day in WEEK
             for key, value in (("open", "00:00"), ("close", "23:59"), ("lunch_start", ""), ("lunch_end", ""))}
    assert console.post("/staff/admin/hours", data=hours).status_code == 303  # public holidays open too
    service = {"code": "A", "names.zh_Hans_CN": "电费缴纳", "names.en": "Bill payment",
               "time_limit_minutes": "5", "priority_offered": "1", "daily_cap": ""}
    assert console.post("/staff/admin/services", data=service).status_code == 303
    window = {"number": "1", "names.zh_Hans_CN": "1号窗口", "rank.A": "1", "default_staff": ""}
    assert console.post("/staff/admin/windows", data=window).status_code == 303

    kiosk = _pair(app, console, "north-kiosk", "kiosk")
    wall = _pair(app, console, "north-wall", "display")
    home = kiosk.get("/kiosk/ticket?lang=zh_Hans_CN").get_data(as_text=True)
    assert "电费缴纳" in home and "北城营业厅" in kiosk.get("/kiosk").get_data(as_text=True)
    taken = kiosk.post("/kiosk/ticket", data={"service": "A"})
    assert taken.status_code == 302
    with app.app_context():
        north = Hall.query.filter_by(code="north").one()
        ticket = Ticket.query.filter_by(hall_id=north.id).one()
        assert (ticket.number, ticket.status) == ("A001", "waiting")

    assert console.post("/staff/window/1/open").status_code in (302, 303)
    assert console.post("/staff/window/1/call-next").status_code in (302, 303)
    snapshot = wall.get("/api/v1/queue").get_json()
    assert [w["serving"] for w in snapshot["windows"] if w["number"] == 1] == ["A001"]

    # The demo hall, on the same server, is untouched and still issues its own tickets.
    assert client.post("/kiosk/ticket", data={"service": "A"}).status_code == 302
    with app.app_context():
        demo = Hall.query.filter_by(code="demo").one()
        assert Ticket.query.filter_by(hall_id=demo.id).count() >= 1
        assert Ticket.query.filter_by(hall_id=north.id).count() == 1
    demo_windows = client.get("/api/v1/queue").get_json()["windows"]
    assert len(demo_windows) > 1 and "A001" not in [w["serving"] for w in demo_windows]
