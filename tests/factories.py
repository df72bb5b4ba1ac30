"""Factories: rows a test states for itself, with sensible defaults for everything it does not care about.

Plain functions over ``db.session``; each one commits, so what it made is visible to requests made
with the test client and to other connections (a live server, a second thread). Every factory returns
the model object. Without a ``hall`` argument they all use one hall, :data:`HALL_CODE`, made on first use;
the ``empty_app`` fixture serves that hall to requests from unregistered devices.
"""
from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from kiosk.bills.models import Bill, BillAccount
from kiosk.dbtypes import utcnow
from kiosk.devices.pairing import SECRET_COOKIE, digest
from kiosk.extensions import db
from kiosk.hall.models import ALWAYS_OPEN, Device, Hall, Region, Service, Window
from kiosk.hall.service import business_day
from kiosk.queue.models import QueueCounter, Ticket, WindowState
from kiosk.queue.tickets import format_number
from kiosk.staff.models import StaffUser
from kiosk.tariffs.models import TariffVersion

#: The hall the factories use when no hall is given (and ``empty_app`` serves by default).
HALL_CODE = "test-hall"
#: The password every factory-made staff user has unless told otherwise.
STAFF_PASSWORD = "test-password-1"
#: Annual residential tiers: last kWh of each tier and its flat, peak and valley prices.
RESIDENTIAL_TIERS: tuple[Mapping, ...] = (
    {"upper_kwh": 2760, "flat": "0.538", "peak": "0.568", "valley": "0.288"},
    {"upper_kwh": 4800, "flat": "0.588", "peak": "0.618", "valley": "0.338"},
    {"upper_kwh": None, "flat": "0.838", "peak": "0.868", "valley": "0.588"},
)
RESIDENTIAL_PERIODS: tuple[Mapping, ...] = (
    {"period": "peak", "from": "08:00", "to": "22:00"},
    {"period": "valley", "from": "22:00", "to": "08:00"},
)


def _saved(row):
    """Add ``row``, commit and return it."""
    db.session.add(row)
    db.session.commit()
    return row


def _next_code(column, stem: str) -> str:
    """``stem`` when no row has it yet, else ``stem-2``, ``stem-3`` …"""
    taken = set(db.session.scalars(select(column).where(column.like(f"{stem}%"))))
    if stem not in taken:
        return stem
    return next(f"{stem}-{n}" for n in range(2, len(taken) + 3) if f"{stem}-{n}" not in taken)


def make_hall(*, code: str | None = None, names: Mapping | None = None, timezone: str = "Asia/Shanghai",
              business_hours: Mapping | None = None, display_languages: Sequence[str] = ("zh_Hans_CN", "en"),
              closed_on_public_holidays: bool = False, **fields) -> Hall:
    """A hall open around the clock, holidays too; ``code`` defaults to :data:`HALL_CODE` (then ``test-hall-2`` …)."""
    code = code or _next_code(Hall.code, HALL_CODE)
    hall = Hall(code=code, names=dict(names or {"zh_Hans_CN": f"测试营业厅 {code}", "en": f"Test hall {code}"}),
                timezone=timezone, business_hours=dict(business_hours or ALWAYS_OPEN),
                display_languages=list(display_languages), closed_on_public_holidays=closed_on_public_holidays,
                **fields)
    return _saved(hall)


def make_region(*, code: str = "test-region", names: Mapping | None = None, halls: Sequence[Hall] = ()) -> Region:
    """A region holding ``halls``."""
    region = _saved(Region(code=code, names=dict(names or {"zh_Hans_CN": f"测试片区 {code}", "en": f"Region {code}"})))
    for hall in halls:
        hall.region_id = region.id
    db.session.commit()
    return region


def default_hall() -> Hall:
    """The hall :data:`HALL_CODE`, made when it does not exist yet."""
    return db.session.scalar(select(Hall).where(Hall.code == HALL_CODE)) or make_hall(code=HALL_CODE)


def make_service(*, hall: Hall | None = None, code: str | None = None, names: Mapping | None = None,
                 time_limit_minutes: int = 20, sort_order: int | None = None) -> Service:
    """A service of ``hall``; ``code`` defaults to the next free letter (A, B, …)."""
    hall = hall or default_hall()
    taken = set(db.session.scalars(select(Service.code).where(Service.hall_id == hall.id)))
    code = code or next(letter for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if letter not in taken)
    order = sort_order if sort_order is not None else len(taken)
    service = Service(hall_id=hall.id, code=code, time_limit_minutes=time_limit_minutes, sort_order=order,
                      names=dict(names or {"zh_Hans_CN": f"业务 {code}", "en": f"Service {code}"}))
    return _saved(service)


def make_window(*, hall: Hall | None = None, number: int | None = None, services: Iterable[Service] | None = None,
                is_open: bool = True) -> Window:
    """A window of ``hall`` handling ``services`` (default: every service of the hall), open unless told.

    ``number`` defaults to the next number after the hall's highest.
    """
    hall = hall or default_hall()
    if number is None:
        number = (db.session.scalar(select(func.max(Window.number)).where(Window.hall_id == hall.id)) or 0) + 1
    chosen = list(services) if services is not None else list(
        db.session.scalars(select(Service).where(Service.hall_id == hall.id).order_by(Service.sort_order)))
    window = Window(hall_id=hall.id, number=number, services=chosen,
                    names={"zh_Hans_CN": f"{number}号窗口", "en": f"Window {number}"})
    db.session.add(window)
    db.session.flush()
    db.session.add(WindowState(window_id=window.id, is_open=is_open))
    db.session.commit()
    return window


def make_staff_user(*, username: str | None = None, password: str = STAFF_PASSWORD, role: str = "staff",
                    hall: Hall | None = None, window: Window | None = None, display_name: str = "",
                    active: bool = True, region: Region | None = None) -> StaffUser:
    """An active staff user who logs in with ``password``; ``role`` is staff, supervisor, admin or region_admin
    (a region admin's ``region``: the hall's by default)."""
    hall = hall or default_hall()
    username = username or _next_code(StaffUser.username, role)
    if role == "region_admin" and region is None:
        region = hall.region
    user = StaffUser(username=username, display_name=display_name or username, role=role, hall_id=hall.id,
                     default_window_id=window.id if window is not None else None, active=active,
                     region_id=region.id if region is not None else None)
    user.set_password(password)
    return _saved(user)


def make_device(*, hall: Hall | None = None, name: str | None = None, kind: str = "kiosk", printer: str = "file",
                window: Window | None = None, settings: Mapping | None = None) -> tuple[Device, str]:
    """A paired device and the secret its cookie holds (``client.set_cookie(SECRET_COOKIE, secret)``)."""
    hall = hall or default_hall()
    secret = secrets.token_urlsafe(32)
    device = Device(hall_id=hall.id, name=name or _next_code(Device.name, kind), kind=kind, printer=printer,
                    window_id=window.id if window is not None else None, settings=dict(settings or {}),
                    secret_hash=digest(secret), paired_at=utcnow())
    return _saved(device), secret


def as_device(client, secret: str):
    """``client`` from now on sends the paired device's secret cookie; returns the client."""
    client.set_cookie(SECRET_COOKIE, secret)
    return client


def make_ticket(*, service: Service | None = None, hall: Hall | None = None, status: str = "waiting",
                priority: bool = False, window: Window | None = None, issued_at: datetime | None = None,
                **fields) -> Ticket:
    """The next ticket of ``service`` (default: the hall's first service, made when there is none).

    It takes the next number of the service's day counter, so tickets issued afterwards follow it.
    A ``called`` ticket with a ``window`` is that window's current ticket.
    """
    if service is None:
        hall = hall or default_hall()
        service = db.session.scalar(select(Service).where(Service.hall_id == hall.id)
                                    .order_by(Service.sort_order)) or make_service(hall=hall)
    hall = service.hall
    issued_at = issued_at or utcnow()
    day = business_day(hall, issued_at)
    counter = db.session.get(QueueCounter, (hall.id, service.id, day))
    if counter is None:
        counter = QueueCounter(hall_id=hall.id, service_id=service.id, business_day=day, last_seq=0)
        db.session.add(counter)
    counter.last_seq += 1
    ticket = Ticket(hall_id=hall.id, issued_service_id=service.id, service_id=service.id, business_day=day,
                    seq=counter.last_seq, number=format_number(service.code, counter.last_seq),
                    token=secrets.token_urlsafe(16), priority=priority, status=status, issued_at=issued_at,
                    window_id=window.id if window is not None else None, **fields)
    if status == "called":
        ticket.called_at = ticket.called_at or issued_at
        ticket.call_count = ticket.call_count or 1
    db.session.add(ticket)
    db.session.flush()
    if status == "called" and window is not None:
        state = db.session.get(WindowState, window.id) or WindowState(window_id=window.id)
        state.is_open, state.current_ticket_id = True, ticket.id
        db.session.add(state)
    db.session.commit()
    return ticket


def _due_date(period: str) -> date:
    """The 20th of the month after ``period`` ("YYYY-MM")."""
    year, month = int(period[:4]), int(period[5:7])
    return date(year + month // 12, month % 12 + 1, 20)


def make_bill(account: BillAccount, *, period: str, amount: str | Decimal = "100.00", kwh: str | Decimal = "180",
              paid: bool = True, paid_on: date | None = None, due_date: date | None = None,
              prev_reading: str | Decimal = "1000", **fields) -> Bill:
    """One monthly bill of ``account``: due on the 20th of the next month, paid 3 days early unless ``paid=False``."""
    due = due_date or _due_date(period)
    kwh, prev = Decimal(kwh), Decimal(prev_reading)
    bill = Bill(account_id=account.id, period=period, amount=Decimal(amount), kwh=kwh, prev_reading=prev,
                curr_reading=prev + kwh, due_date=due,
                paid_on=(paid_on or due - timedelta(days=3)) if paid else None, **fields)
    return _saved(bill)


def make_account(*, account_no: str = "3300009999", name: str = "张测试", address: str = "测试市测试路1号101室",
                 customer_category: str = "residential", meter_no: str | None = "3301700009999",
                 phone: str | None = "13800009999", prepaid_balance: str | Decimal = "0.00",
                 bills: Iterable[Mapping] = ()) -> BillAccount:
    """An electricity account with ``bills``, each a mapping of :func:`make_bill` keywords.

    ``bills=[{"period": "2026-09", "amount": "88.20"}, {"period": "2026-10", "amount": "96.50", "paid": False}]``
    makes one paid bill and one in arrears; readings run on from one bill to the next.
    """
    account = _saved(BillAccount(account_no=account_no, name=name, address=address, customer_category=customer_category,
                                 meter_no=meter_no, phone=phone, prepaid_balance=Decimal(prepaid_balance)))
    reading = Decimal(1000)
    for spec in sorted(bills, key=lambda spec: spec["period"]):
        bill = make_bill(account, **{"prev_reading": reading, **spec})
        reading = bill.curr_reading
    return account


def make_tariff_version(*, code: str = "residential", user_class: str = "residential",
                        effective_from: date = date(2024, 1, 1), tiers: Sequence[Mapping] = RESIDENTIAL_TIERS,
                        periods: Sequence[Mapping] = RESIDENTIAL_PERIODS, tier_basis: str | None = "annual",
                        names: Mapping | None = None, document_no: str = "测试文号〔2024〕1号",
                        **fields) -> TariffVersion:
    """A published (not sample) tiered tariff version in force from ``effective_from``.

    ``tiers`` are the table's rows: ``{"upper_kwh": 2760, "flat": "0.538", "peak": …, "valley": …}``,
    the last one with ``upper_kwh`` ``None``.
    """
    version = TariffVersion(code=code, user_class=user_class, effective_from=effective_from, tier_basis=tier_basis,
                            rows=[dict(row) for row in tiers], periods=[dict(period) for period in periods],
                            names=dict(names or {"zh_Hans_CN": "居民生活用电（测试）", "en": "Residential (test)"}),
                            document_no=document_no, sample=False, created_by="test", **fields)
    return _saved(version)
