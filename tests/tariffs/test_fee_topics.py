"""Fee-page shortcut topics find items whatever language the kiosk shows."""
from tests.tariffs.test_views import html


def test_fee_shortcuts_find_items_in_every_language(client):
    for lang in ("zh_Hans_CN", "en", "ug", "bo", "mn_Mong_CN"):
        page = html(client, f"/kiosk/tariffs/fees?topic=calibration&lang={lang}")
        assert 'data-fee="meter_calibration_single"' in page and 'data-fee="high_reliability_10kv"' not in page
    assert 'data-fee="high_reliability_10kv"' in html(client, "/kiosk/tariffs/fees?topic=unknown")
