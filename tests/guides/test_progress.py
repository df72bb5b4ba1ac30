"""Application progress: both factors must match, masked name, stage status, rate limit."""
from datetime import date

import pytest

from kiosk.extensions import db
from kiosk.guides.models import Application, ApplicationStage
from kiosk.guides.progress import mask_name, progress
from kiosk.hall.models import CalendarDay


@pytest.mark.parametrize(("name", "masked"), [
    ("张晓明", "张*明"), ("李红", "李*"), ("欧阳小明", "欧**明"), ("王", "*"), ("", ""),
    ("示范市样例商贸有限公司", "示*********司"),
])
def test_mask_name(name, masked):
    assert mask_name(name) == masked


@pytest.mark.parametrize(("number", "phone4", "found"), [
    ("5100000003", "3456", True),
    (" 5100000003 ", "3456", True),
    ("5100000003", "3457", False),     # right number, wrong phone
    ("5100000004", "3456", False),     # phone of another application
    ("9999999999", "3456", False),
    ("5100000003", "", False),
    ("5100000003", "34567", False),
    ("", "3456", False),
    ("5100000003'--", "3456", False),
])
def test_both_factors_must_match(client, number, phone4, found):
    response = client.post("/kiosk/progress?lang=en", data={"number": number, "phone4": phone4})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert ('data-progress="5100000003"' in html) is found
    assert ("data-progress-error" in html) is (not found)
    if found:
        assert "王*国" in html and "王建国" not in html
        assert "3456" not in html and "13700003456" not in html


def test_wrong_pairs_count_towards_the_rate_limit(app, client):
    limit = app.config["LOOKUPS_PER_MINUTE"]
    for _ in range(limit):
        assert client.post("/kiosk/progress", data={"number": "5100000003", "phone4": "0000"}).status_code == 200
    response = client.post("/kiosk/progress?lang=en", data={"number": "5100000003", "phone4": "3456"})
    assert response.status_code == 429
    assert "Too many queries" in response.get_data(as_text=True)
    assert 'data-progress="' not in response.get_data(as_text=True)


def test_demo_stage_statuses(client):
    html = client.post("/kiosk/progress", data={"number": "5100000003", "phone4": "3456"}).get_data(as_text=True)
    import re

    stages = re.findall(r'data-stage="(\w+)"\s+data-status="(\w+)"( aria-current="step")?', html)
    assert [(code, status, bool(current)) for code, status, current in stages] == [
        ("acceptance", "on_time", False), ("survey", "overdue", False), ("connection", "overdue", True),
        ("archive", "pending", False)]


def add_application(stages, business="residential_new"):
    application = Application(number="7700000001", business=business, applicant="测试人", phone_last4="1111")
    for position, (stage, started, completed) in enumerate(stages):
        application.stages.append(ApplicationStage(stage=stage, position=position, started_on=started,
                                                   completed_on=completed))
    db.session.add(application)
    db.session.commit()
    return application


@pytest.mark.parametrize(("completed", "today", "status"), [
    (date(2030, 9, 10), date(2030, 9, 20), "on_time"),    # Friday 6th + 2 working days = Tuesday 10th
    (date(2030, 9, 11), date(2030, 9, 20), "overdue"),
    (None, date(2030, 9, 10), "pending"),
    (None, date(2030, 9, 11), "overdue"),
])
def test_survey_deadline_across_a_weekend(app, completed, today, status):
    application = add_application([("acceptance", date(2030, 9, 5), date(2030, 9, 6)),
                                   ("survey", date(2030, 9, 6), completed)])
    survey = progress(application, today).stages[1]
    assert (survey.code, survey.limit_days, survey.due_on, survey.status) == (
        "survey", 2, date(2030, 9, 10), status)


def test_holiday_in_the_calendar_moves_the_deadline(app):
    db.session.add(CalendarDay(day=date(2030, 9, 9), working=False, names={"en": "Test holiday"}))
    db.session.commit()
    application = add_application([("acceptance", date(2030, 9, 5), date(2030, 9, 6)),
                                   ("survey", date(2030, 9, 6), date(2030, 9, 11))])
    survey = progress(application, date(2030, 9, 20)).stages[1]
    assert (survey.due_on, survey.status) == (date(2030, 9, 11), "on_time")


def test_stage_without_start_date_starts_when_the_previous_one_ends(app):
    application = add_application([("acceptance", date(2030, 9, 5), date(2030, 9, 6))])
    stages = progress(application, date(2030, 9, 9)).stages
    assert [(s.code, s.started_on, s.due_on, s.current) for s in stages] == [
        ("acceptance", date(2030, 9, 5), date(2030, 9, 6), False),
        ("survey", date(2030, 9, 6), date(2030, 9, 10), True),
        ("connection", None, None, False),
        ("archive", None, None, False)]


def test_only_stages_of_the_business_type(app):
    application = add_application([("acceptance", date(2030, 9, 5), None)], business="name_change")
    assert [s.code for s in progress(application, date(2030, 9, 5)).stages] == ["acceptance", "archive"]


@pytest.mark.parametrize("error", [False, True])
def test_each_label_and_help_text_belongs_to_its_own_field(client, error):
    """Label directly before its input, help text directly after it, linked by aria-describedby."""
    import re

    if error:
        html = client.post("/kiosk/progress?lang=en", data={"number": "1", "phone4": "0000"}).get_data(as_text=True)
    else:
        html = client.get("/kiosk/progress?lang=en").get_data(as_text=True)
    groups = re.findall(r'<div class="progress-field" data-progress-field="(\w+)">(.*?)</div>', html, re.S)
    assert [name for name, _ in groups] == ["number", "phone4"]
    for name, group in groups:
        tags = re.findall(r"<(label|input|p)\b([^>]*)>", group)
        assert [tag for tag, _ in tags] == ["label", "input", "p"]
        assert f'for="{name}"' in tags[0][1] and f'id="{name}"' in tags[1][1]
        described = re.search(r'aria-describedby="([^"]+)"', tags[1][1]).group(1).split()
        assert f'id="{name}-help"' in tags[2][1] and described[0] == f"{name}-help"
        assert ("progress-error" in described) is error
    assert "acceptance receipt" in groups[0][1]
    if error:
        assert 'id="progress-error"' in html
