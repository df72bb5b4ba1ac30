import re

from kiosk.home.tiles import TILES


def test_home_shows_hall_hotline_clock_and_every_tile(client):
    html = client.get("/kiosk?lang=zh_Hans_CN").get_data(as_text=True)
    assert "示范供电营业厅" in html
    assert "95598" in html
    assert "data-clock" in html
    keys = re.findall(r'data-tile="([a-z_]+)"', html)
    assert keys == [tile.key for tile in TILES]


def test_every_tile_leads_somewhere(client):
    html = client.get("/kiosk").get_data(as_text=True)
    for href in re.findall(r'class="tile" href="([^"]+)"', html):
        assert client.get(href).status_code == 200, href


def test_reset_forgets_language_and_elder_mode(client):
    client.get("/kiosk/language?lang=ug")
    client.get("/kiosk/elder")
    home = client.get("/kiosk").get_data(as_text=True)
    assert 'dir="rtl"' in home and " elder " in re.search(r"<html[^>]*>", home).group(0)
    client.get("/kiosk/reset")
    tag = re.search(r"<html[^>]*>", client.get("/kiosk").get_data(as_text=True)).group(0)
    assert 'lang="zh-Hans-CN"' in tag and "elder" not in tag


def test_language_switch_refuses_offsite_next(client):
    response = client.get("/kiosk/language?lang=en&next=//evil.example/")
    assert response.headers["Location"] == "/kiosk"


def test_display_shell(client):
    html = client.get("/display").get_data(as_text=True)
    assert "data-latest-call" in html and "data-windows" in html and "data-ticker" in html
    assert "Demo Power Supply Business Hall" in html  # display languages shown together


def test_unknown_page_is_a_translated_404(client):
    response = client.get("/kiosk/nothing-here?lang=en")
    assert response.status_code == 404
    assert "This page does not exist." in response.get_data(as_text=True)


def test_healthz(client):
    assert client.get("/healthz").get_json() == {"status": "ok", "db": "ok"}


def test_healthz_reports_a_broken_database(tmp_path):
    from tests.conftest import make_app

    broken = make_app(f"sqlite:///{tmp_path}/missing/dir/x.db", tmp_path)
    response = broken.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["status"] == "error"


def test_missing_hall_is_explained_not_crashed(tmp_path):
    from tests.conftest import make_app

    empty = make_app(f"sqlite:///{tmp_path}/empty.db", tmp_path)
    response = empty.test_client().get("/kiosk?lang=en")
    assert response.status_code == 503
    assert "seed-demo" in response.get_data(as_text=True)
