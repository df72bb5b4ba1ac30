"""Demo data: complete, idempotent, and a dozen applications with some overdue."""
from sqlalchemy import func, select

from kiosk.demo.guides.seed import APPLICATIONS, seed_demo
from kiosk.extensions import db
from kiosk.guides.models import Application, ApplicationStage, Contractor, Guide, InfoItem
from kiosk.guides.progress import progress
from kiosk.hall.service import business_day


def snapshot():
    return [db.session.scalar(select(func.count()).select_from(model))
            for model in (Guide, InfoItem, Contractor, Application, ApplicationStage)]


def test_seed_twice_changes_nothing(app, hall):
    before = snapshot()
    seed_demo(hall)
    db.session.commit()
    assert snapshot() == before == [17, 25, 5, 12, 29]


def test_every_guide_has_chinese_and_english(app):
    for guide in db.session.scalars(select(Guide)):
        for field in (guide.names, guide.purpose, guide.eligibility, guide.fees):
            assert field["zh_Hans_CN"] and field["en"], guide.code
        for item in guide.documents + guide.steps:
            assert item["names"]["zh_Hans_CN"] and item["names"]["en"], guide.code


def test_demo_applications_are_at_different_stages(app, hall):
    today = business_day(hall)
    views = [progress(db.session.scalar(select(Application).where(Application.number == spec[0])), today)
             for spec in APPLICATIONS]
    overdue = [view.number for view in views if view.overdue]
    assert overdue == ["5100000003", "5100000005",
                       "5100000006", "5100000009", "5100000012"]
    assert len({view.business for view in views}) >= 8
    assert len({next((s.code for s in view.stages if s.current), "done") for view in views}) >= 4
