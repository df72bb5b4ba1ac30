"""Working-day deadlines across weekends, public holidays and make-up working days (调休)."""
from datetime import date

import pytest

from kiosk.guides.workdays import add_working_days, is_working, working_days_between

D = date
# 2030-09-30 is a Monday; a National Day style week off with make-up Saturdays/Sundays.
HOLIDAYS = {D(2030, 10, day): False for day in range(1, 8)} | {D(2030, 9, 29): True, D(2030, 10, 12): True}


@pytest.mark.parametrize(("start", "days", "exceptions", "due"), [
    (D(2030, 9, 2), 0, {}, D(2030, 9, 2)),            # Monday + 0
    (D(2030, 9, 2), 1, {}, D(2030, 9, 3)),            # Monday + 1 -> Tuesday
    (D(2030, 9, 6), 1, {}, D(2030, 9, 9)),            # Friday + 1 -> Monday, weekend skipped
    (D(2030, 9, 6), 5, {}, D(2030, 9, 13)),           # Friday + 5 -> next Friday
    (D(2030, 9, 7), 1, {}, D(2030, 9, 9)),            # started on a Saturday
    (D(2030, 9, 2), 22, {}, D(2030, 10, 2)),          # high-voltage single supply, no holidays
    (D(2030, 9, 27), 1, HOLIDAYS, D(2030, 9, 29)),    # Friday + 1 -> the make-up Sunday
    (D(2030, 9, 30), 1, HOLIDAYS, D(2030, 10, 8)),    # the holiday week is skipped
    (D(2030, 9, 30), 5, HOLIDAYS, D(2030, 10, 12)),   # ... and the make-up Saturday counts
    (D(2030, 10, 3), 0, HOLIDAYS, D(2030, 10, 3)),
])
def test_add_working_days(start, days, exceptions, due):
    assert add_working_days(start, days, exceptions) == due


@pytest.mark.parametrize(("day", "exceptions", "working"), [
    (D(2030, 9, 2), {}, True), (D(2030, 9, 7), {}, False), (D(2030, 9, 8), {}, False),
    (D(2030, 10, 1), HOLIDAYS, False), (D(2030, 9, 29), HOLIDAYS, True),
])
def test_is_working(day, exceptions, working):
    assert is_working(day, exceptions) is working


def test_working_days_between_matches_add():
    start = D(2030, 9, 26)
    for days in range(0, 15):
        assert working_days_between(start, add_working_days(start, days, HOLIDAYS), HOLIDAYS) == days


def test_negative_days_refused():
    with pytest.raises(ValueError):
        add_working_days(D(2030, 1, 1), -1, {})


def test_a_calendar_without_working_days_is_refused():
    never = {D(2030, 1, 1).fromordinal(D(2030, 1, 1).toordinal() + n): False for n in range(4000)}
    with pytest.raises(ValueError):
        add_working_days(D(2030, 1, 1), 1, never)
