"""Each bill request builds the account's summary at most once: the POST only finds the account."""
import pytest

from kiosk.bills import service


@pytest.fixture
def summaries(monkeypatch):
    """The as-of dates of every summary built, in order."""
    built = []
    real = service.summary

    def counting(account, as_of, *args, **kwargs):
        built.append(as_of)
        return real(account, as_of, *args, **kwargs)

    monkeypatch.setattr(service, "summary", counting)
    return built


def test_look_up_then_result_statement_and_print(client, account, summaries):
    assert client.post("/kiosk/bills?lang=en", data={"account": account}).status_code == 302
    assert summaries == []
    assert client.get("/kiosk/bills/result").status_code == 200
    assert len(summaries) == 1
    assert client.get("/kiosk/bills/statement.pdf").mimetype == "application/pdf"
    assert len(summaries) == 2
    printed = client.post("/kiosk/bills/print?lang=en").get_data(as_text=True)
    assert 'data-print-outcome="ok"' in printed and "123.45" in printed
    assert len(summaries) == 3


def test_api_builds_it_once(client, account, summaries):
    assert client.get(f"/api/v1/bills/{account}?as_of=2026-11-22").status_code == 200
    assert [day.isoformat() for day in summaries] == ["2026-11-22"]
