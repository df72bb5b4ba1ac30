"""The hall's "pay on your phone" address in the setup file: https only, ``{account}`` required."""
from __future__ import annotations

import pytest
import yaml

from kiosk.admin import setup_file
from kiosk.demo.seed import DEMO_PAYMENT_URL
from kiosk.hall.service import hall_by_code


def _with_template(template) -> str:
    data = yaml.safe_load(setup_file.dump(setup_file.export_hall(hall_by_code("demo"))))
    data["hall"]["payment_url_template"] = template
    return setup_file.dump(data)


def test_the_demo_hall_exports_its_payment_address(app):
    assert setup_file.export_hall(hall_by_code("demo"))["hall"]["payment_url_template"] == DEMO_PAYMENT_URL


def test_a_good_address_is_imported(app):
    report = setup_file.import_hall(_with_template("https://pay.example.cn/bill?no={account}&from=hall"))
    assert report.ok, report.problems
    assert hall_by_code("demo").payment_url_template == "https://pay.example.cn/bill?no={account}&from=hall"


def test_an_empty_address_turns_the_code_off(app):
    assert setup_file.import_hall(_with_template("")).ok
    assert hall_by_code("demo").payment_url_template is None


@pytest.mark.parametrize("template", [
    "http://pay.example.cn/?account={account}",      # not https
    "https://pay.example.cn/?account=",              # no {account}
    "javascript:alert({account})",
    "https:///?account={account}",                   # no host
    "https://pay.example.cn/?a={account}&b={name}",  # another placeholder
    "https://pay.example.cn/ ?a={account}",
    42,
])
def test_a_bad_address_is_named_and_nothing_is_written(app, template):
    report = setup_file.import_hall(_with_template(template))
    assert not report.ok
    assert any("hall.payment_url_template" in problem for problem in report.problems), report.problems
    assert hall_by_code("demo").payment_url_template == DEMO_PAYMENT_URL
