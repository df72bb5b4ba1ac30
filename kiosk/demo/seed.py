"""Seed the demo hall: idempotent, so ``make run`` can call it every time.

The core (hall, services, windows, users, devices) is made here; each feature's
sample data comes from its ``kiosk.demo.<feature>.seed_demo(hall)``.
"""
from __future__ import annotations

from sqlalchemy import select

from kiosk.content_translations import translate_stored_content
from kiosk.demo import bills, media, notices, queue, tariffs
from kiosk.demo.guides import seed as guides
from kiosk.extensions import db
from kiosk.hall.models import ALWAYS_OPEN, Device, Hall, Service, Window
from kiosk.staff.models import StaffUser
from kiosk.staff.service import create_user

DEMO_HALL = "demo"
#: A made-up "pay on your phone" page for the demo: the bill result shows its QR code.
DEMO_PAYMENT_URL = "https://pay.example.cn/?account={account}"
DEMO_PASSWORDS = {"admin": "admin-demo-1", "supervisor": "super-demo-1", "staff1": "staff-demo-1"}

HALL_NAMES = {
    "zh_Hans_CN": "示范供电营业厅",
    "en": "Demo Power Supply Business Hall",
    "ug": "ئۈلگە توك تەمىنلەش سودا زالى",
    "bo": "དཔེ་མཚོན་གློག་མཁོ་སྤྲོད་ཚོང་ལས་ཁང་།",
    "mn_Mong_CN": "ᠦᠯᠢᠭᠡᠷ ᠴᠠᠬᠢᠯᠭᠠᠨ ᠬᠠᠩᠭᠠᠮᠵᠢ ᠶᠢᠨ ᠠᠵᠢᠯ ᠤᠨ ᠲᠠᠩᠬᠢᠮ",
}
HALL_ADDRESS = {
    "zh_Hans_CN": "示范市示范区光明路 1 号（示例地址）",
    "en": "1 Guangming Road, Demo District (sample address)",
}

SERVICES = (
    ("A", {"zh_Hans_CN": "电费缴纳", "en": "Bill payment", "ug": "توك پۇلى تاپشۇرۇش",
           "bo": "གློག་གླ་སྤྲོད་པ།", "mn_Mong_CN": "ᠴᠠᠬᠢᠯᠭᠠᠨ ᠤ ᠲᠥᠯᠥᠪᠦᠷᠢ"}, 5),
    ("B", {"zh_Hans_CN": "用电业务办理", "en": "Electricity applications", "ug": "توك ئىشلىتىش ئىشلىرى",
           "bo": "གློག་སྤྱོད་ལས་དོན།", "mn_Mong_CN": "ᠴᠠᠬᠢᠯᠭᠠᠨ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠠᠵᠢᠯ"}, 20),
    ("C", {"zh_Hans_CN": "咨询查询", "en": "Enquiries", "ug": "مەسلىھەت ۋە سوئال",
           "bo": "འདྲི་རྩད།", "mn_Mong_CN": "ᠯᠠᠪᠯᠠᠬᠤ"}, 20),
)
#: window number -> service letters
WINDOWS = {1: "A", 2: "A", 3: "A", 4: "B", 5: "B", 6: "CA"}


def seed_hall() -> Hall:
    """The demo hall with services A–C and windows 1–6 (created or brought back to the demo state)."""
    hall = db.session.scalar(select(Hall).where(Hall.code == DEMO_HALL))
    if hall is None:
        hall = Hall(code=DEMO_HALL)
        db.session.add(hall)
    hall.names = HALL_NAMES
    hall.addresses = HALL_ADDRESS
    hall.timezone = "Asia/Shanghai"
    hall.business_hours = dict(ALWAYS_OPEN)
    hall.closed_on_public_holidays = False  # the demo is open whenever someone tries it
    hall.hotline = "95598"
    hall.complaint_phone = "95598"
    hall.payment_url_template = DEMO_PAYMENT_URL
    hall.display_languages = ["zh_Hans_CN", "en", "ug"]
    db.session.flush()

    services = {}
    for order, (code, names, limit) in enumerate(SERVICES):
        service = db.session.scalar(select(Service).where(Service.hall_id == hall.id, Service.code == code))
        if service is None:
            service = Service(hall_id=hall.id, code=code)
            db.session.add(service)
        service.names, service.time_limit_minutes, service.sort_order = names, limit, order
        services[code] = service
    db.session.flush()

    for number, letters in WINDOWS.items():
        window = db.session.scalar(select(Window).where(Window.hall_id == hall.id, Window.number == number))
        if window is None:
            window = Window(hall_id=hall.id, number=number)
            db.session.add(window)
        window.names = {"zh_Hans_CN": f"{number}号窗口", "en": f"Window {number}"}
        window.services = [services[letter] for letter in letters]
    db.session.flush()

    for name, kind in (("kiosk-1", "kiosk"), ("display-1", "display")):
        if db.session.scalar(select(Device).where(Device.hall_id == hall.id, Device.name == name)) is None:
            db.session.add(Device(hall_id=hall.id, name=name, kind=kind, printer="file"))
    db.session.flush()
    return hall


def seed_users(hall: Hall) -> dict[str, str]:
    """The demo users; existing ones keep their password."""
    window_1 = db.session.scalar(select(Window).where(Window.hall_id == hall.id, Window.number == 1))
    roles = {"admin": "admin", "supervisor": "supervisor", "staff1": "staff"}
    for username, role in roles.items():
        if db.session.scalar(select(StaffUser).where(StaffUser.username == username)) is None:
            create_user(username, DEMO_PASSWORDS[username], role, hall,
                        default_window_id=window_1.id if window_1 and username == "staff1" else None)
    db.session.flush()
    return dict(DEMO_PASSWORDS)


def seed_demo() -> dict[str, str]:
    """Seed everything; returns the demo users' passwords for printing."""
    hall = seed_hall()
    passwords = seed_users(hall)
    for feature in (tariffs, bills, queue, notices, guides, media):
        feature.seed_demo(hall)
        db.session.flush()
    translate_stored_content()
    db.session.commit()
    return passwords
