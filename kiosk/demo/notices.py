"""Demo notice board: two notices, one planned outage a week ahead and one current fault (all samples).

No suspension is created: the demo hall opens with every window and service available.
Idempotent: records are found again by their ``demo_key`` and never duplicated.
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.notices.models import Notice

SAMPLE = {"zh_Hans_CN": "（示例）", "en": " (sample)"}


def _sample(texts: dict) -> dict:
    return {code: text + SAMPLE.get(code, "") for code, text in texts.items()}


DEMO = (
    ("hours", dict(kind="notice", priority=2, titles=_sample({
        "zh_Hans_CN": "本厅营业时间", "en": "Business hours of this hall"}), texts={
        "zh_Hans_CN": "本示范营业厅全天开放。节假日营业时间以厅内公告为准。",
        "en": "This demo hall is open around the clock. Holiday hours are announced here."}),
     (-1, 365)),
    ("opinion", dict(kind="notice", priority=1, titles=_sample({
        "zh_Hans_CN": "意见簿已上线", "en": "The opinion book is on the kiosk"}), texts={
        "zh_Hans_CN": "表扬、建议、投诉、举报均可在自助终端“意见簿”中留言。投诉 5 日内答复，举报 10 日内答复。",
        "en": "Leave praise, suggestions, complaints or reports in the kiosk's opinion book. "
              "Complaints are answered within 5 days, reports within 10 days."}),
     (-1, 365)),
    ("planned", dict(kind="outage", outage_type="planned", priority=3, titles=_sample({
        "zh_Hans_CN": "10kV 光明线计划检修停电", "en": "Planned maintenance on the 10 kV Guangming line"}), areas={
        "zh_Hans_CN": "示范区光明路、和平街、东湖小区",
        "en": "Demo District: Guangming Road, Heping Street, Donghu estate"},
        lines={"zh_Hans_CN": "10kV 光明线", "en": "10 kV Guangming line"}, texts={
        "zh_Hans_CN": "因线路检修，上述区域将停电，请提前做好准备。",
        "en": "The area above will be without power during line maintenance. Please prepare in advance."}),
     (8, 8.375)),
    ("fault", dict(kind="outage", outage_type="fault", priority=5, titles=_sample({
        "zh_Hans_CN": "示范区北苑故障停电", "en": "Fault outage in Beiyuan, Demo District"}), areas={
        "zh_Hans_CN": "示范区北苑路、北苑新村", "en": "Demo District: Beiyuan Road, Beiyuan Xincun"},
        lines={"zh_Hans_CN": "10kV 北苑线", "en": "10 kV Beiyuan line"}, texts={
        "zh_Hans_CN": "抢修人员已赶赴现场，预计 4 小时内恢复供电。",
        "en": "Repair crews are on site; power is expected back within 4 hours."}),
     (-0.05, 0.125)),
)


def seed_demo(hall: Hall) -> None:
    """Create the sample notices and outages; a sample that has expired since is announced afresh."""
    now = utcnow()
    for key, fields, (start_days, end_days) in DEMO:
        found = db.session.scalar(select(Notice).where(Notice.hall_id == hall.id, Notice.demo_key == key))
        if found is not None:
            if found.withdrawn_at is None and found.ends_at <= now:
                found.starts_at, found.ends_at = now + timedelta(days=start_days), now + timedelta(days=end_days)
            continue
        values = {"areas": {}, "lines": {}, **fields}
        db.session.add(Notice(hall_id=hall.id, demo_key=key, sample=True, published_by="demo", published_at=now,
                              starts_at=now + timedelta(days=start_days), ends_at=now + timedelta(days=end_days),
                              **values))
    db.session.flush()
