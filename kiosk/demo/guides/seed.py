"""Demo guides, service information, contractors and a dozen applications (idempotent).

Existing rows are never overwritten, so an administrator's edits survive ``flask seed-demo``.
Application dates are counted back in working days from the day of seeding.
"""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from kiosk.demo.guides import guides as guide_content
from kiosk.demo.guides import service_info
from kiosk.demo.guides.documents import DOCS
from kiosk.demo.guides.steps import STEP_STAGE, STEP_TEXTS
from kiosk.extensions import db
from kiosk.guides.importer import STAGE_ORDER
from kiosk.guides.models import Application, ApplicationStage, Contractor, Guide, InfoItem
from kiosk.guides.workdays import is_working
from kiosk.hall.models import Hall
from kiosk.hall.service import business_day

#: number, business, applicant, phone, [(stage, started N working days ago, completed N ago or None)]
APPLICATIONS: list[tuple[str, str, str, str, list[tuple[str, int, int | None]]]] = [
    ("5100000001", "residential_new", "张晓明", "13800001234", [("acceptance", 1, 1)]),
    ("5100000002", "residential_new", "李红", "13900002345",
     [("acceptance", 4, 4), ("survey", 4, 3), ("connection", 3, 1), ("archive", 1, None)]),
    ("5100000003", "residential_new", "王建国", "13700003456", [("acceptance", 12, 11), ("survey", 11, 5),
                                                           ("connection", 5, None)]),
    ("5100000004", "lv_new", "示范市样例商贸有限公司", "13600004567", [("acceptance", 3, 2), ("survey", 2, None)]),
    ("5100000005", "lv_new", "赵四海", "13500005678", [("acceptance", 15, 14), ("survey", 14, 12),
                                                 ("connection", 12, None)]),
    ("5100000006", "hv_new", "示范市虚构制造有限公司", "13400006789",
     [("acceptance", 20, 19), ("survey", 19, 17), ("supply_plan", 17, 10), ("design_review", 6, None)]),
    ("5100000007", "capacity_increase", "欧阳小明", "13300007890", [("acceptance", 2, 1), ("survey", 1, None)]),
    ("5100000008", "transfer", "周杰", "13200008901",
     [("acceptance", 6, 6), ("survey", 6, 5), ("archive", 5, 4)]),
    ("5100000009", "closure", "吴芳芳", "13100009012", [("acceptance", 9, 9), ("connection", 9, None)]),
    ("5100000010", "pv", "郑光辉", "15800000123", [("acceptance", 5, 4), ("survey", 4, 2)]),
    ("5100000011", "ev_charger", "冯小雨", "15900001357", [("acceptance", 0, None)]),
    ("5100000012", "name_change", "示范市样例餐饮店", "15000002468", [("acceptance", 3, 3), ("archive", 3, None)]),
]


def working_days_ago(today: date, count: int) -> date:
    """The working day ``count`` working days before ``today`` (weekends only)."""
    day = today
    while count:
        day -= timedelta(days=1)
        if is_working(day, {}):
            count -= 1
    return day


def guide_record(spec: tuple, order: int) -> Guide:
    """A :class:`Guide` from a content tuple."""
    code, category, form, names, purpose, who, documents, steps, fees, keywords, total_note = spec
    step_rows = [{"stage": STEP_STAGE[key], "key": key, "names": STEP_TEXTS[key], "days": days}
                 for key, days in steps]
    return Guide(code=code, guide_topic=category, sort_order=order * 10, names=names, purpose=purpose,
                 eligibility=who, documents=[{"names": DOCS[key], "kind": kind} for key, kind in documents],
                 steps=step_rows, total_days=sum(row["days"] or 0 for row in step_rows), total_note=total_note or {},
                 fees=fees, channels=list(guide_content.CHANNELS), form_code=form, keywords=keywords)


def seed_guides() -> None:
    existing = set(db.session.scalars(select(Guide.code)))
    for order, spec in enumerate(guide_content.GUIDES):
        if spec[0] not in existing:
            db.session.add(guide_record(spec, order))


def seed_info() -> None:
    if db.session.scalar(select(func.count()).select_from(InfoItem)):
        return
    for kind, items in (("commitment", service_info.COMMITMENTS), ("item", service_info.SERVICE_ITEMS),
                        ("complaint", service_info.COMPLAINTS)):
        for order, (title, text) in enumerate(items):
            db.session.add(InfoItem(kind=kind, sort_order=order, titles=title, texts=text))
    for order, text in enumerate(service_info.DISCIPLINE):
        db.session.add(InfoItem(kind="discipline", sort_order=order, titles={}, texts=text))
    if not db.session.scalar(select(func.count()).select_from(Contractor)):
        for names, kind, qualification, contact, phone in service_info.CONTRACTORS:
            db.session.add(Contractor(names=names, kind=kind, qualification=qualification, contact=contact,
                                      phone=phone))


def seed_applications(today: date) -> None:
    existing = set(db.session.scalars(select(Application.number)))
    for number, business, applicant, phone, stages in APPLICATIONS:
        if number in existing:
            continue
        application = Application(number=number, business=business, applicant=applicant, phone_last4=phone[-4:])
        for stage, started, completed in stages:
            application.stages.append(ApplicationStage(
                stage=stage, position=STAGE_ORDER[stage], started_on=working_days_ago(today, started),
                completed_on=None if completed is None else working_days_ago(today, completed)))
        db.session.add(application)


def seed_demo(hall: Hall) -> None:
    """Seed what is missing; the caller commits."""
    seed_guides()
    seed_info()
    db.session.flush()
    seed_applications(business_day(hall))
    db.session.flush()
