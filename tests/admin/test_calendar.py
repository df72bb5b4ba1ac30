"""The holiday calendar: statutory holidays, adjusted working days, local overrides; opening hours follow it."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kiosk.extensions import db
from kiosk.guides.editing import remove_calendar_day, set_calendar_day
from kiosk.guides.workdays import add_working_days
from kiosk.hall import calendar
from kiosk.hall.service import hours_today, is_open, next_opening, opening_spans
from tests.factories import make_hall

WEEKDAYS_ONLY = {str(day): [["08:30", "12:00"], ["13:30", "17:30"]] for day in range(5)} | {"5": [], "6": []}


@pytest.fixture
def hall(empty_app):
    calendar.forget_overrides()
    return make_hall(business_hours=WEEKDAYS_ONLY, closed_on_public_holidays=True)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A Beijing local time as UTC."""
    return datetime(day.year, day.month, day.day, hour - 8, minute, tzinfo=UTC)


def test_a_statutory_holiday_is_closed(hall):
    national_day = date(2026, 10, 1)  # a Thursday
    assert calendar.is_public_holiday(national_day) and not calendar.is_working_day(national_day)
    assert opening_spans(hall, national_day) == []
    assert not is_open(hall, at(national_day, 10))


def test_an_adjusted_working_saturday_opens_with_weekday_hours(hall):
    makeup = date(2026, 10, 10)  # a Saturday worked for the National Day week
    assert makeup.weekday() == 5 and calendar.is_makeup_working_day(makeup)
    assert opening_spans(hall, makeup) == WEEKDAYS_ONLY["0"]
    assert is_open(hall, at(makeup, 9)) and not is_open(hall, at(makeup, 12, 30))


def test_a_local_override_wins_and_covers_years_the_package_does_not_know(hall):
    unknown = date(2031, 1, 2)  # a Thursday, past the package's data
    assert calendar.official(unknown) is None and calendar.is_working_day(unknown)
    set_calendar_day(unknown, False, "元旦调休")
    assert opening_spans(hall, unknown) == []
    assert add_working_days(date(2031, 1, 1), 1, {unknown: False}) == date(2031, 1, 3)
    remove_calendar_day(unknown)
    assert opening_spans(hall, unknown) == WEEKDAYS_ONLY["3"]


def test_a_dated_exception_wins_over_everything(hall):
    hall.hour_exceptions = {"2026-10-01": [["09:00", "12:00"]], "2026-12-31": []}
    db.session.commit()
    assert opening_spans(hall, date(2026, 10, 1)) == [["09:00", "12:00"]]
    assert opening_spans(hall, date(2026, 12, 31)) == []


def test_a_hall_open_on_holidays_ignores_the_calendar(hall):
    hall.closed_on_public_holidays = False
    db.session.commit()
    assert opening_spans(hall, date(2026, 10, 1)) == WEEKDAYS_ONLY["3"]


def test_hours_today_and_the_next_opening(hall):
    evening = at(date(2026, 9, 30), 18)  # Wednesday evening before the National Day week
    assert hours_today(hall, evening) == WEEKDAYS_ONLY["2"]
    opening = next_opening(hall, evening)
    assert (opening.date(), opening.hour, opening.minute) == (date(2026, 10, 8), 8, 30)
    lunch = at(date(2026, 12, 2), 12, 15)
    assert (next_opening(hall, lunch).hour, next_opening(hall, lunch).minute) == (13, 30)


def test_the_take_page_says_when_the_hall_opens_again(empty_app, empty_client):
    closed = {str(day): [] for day in range(7)}
    hall = make_hall(business_hours=closed)
    hall.hour_exceptions = {"2099-01-05": [["08:30", "17:30"]]}
    db.session.commit()
    page = empty_client.get("/kiosk/ticket?lang=en").get_data(as_text=True)
    assert "The hall is closed now" in page and "data-next-opening" not in page  # nothing within three weeks
