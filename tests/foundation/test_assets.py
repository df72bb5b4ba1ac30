"""Static assets: versioned URLs cached for a year, compressed when the browser accepts it, a favicon."""
from __future__ import annotations

import re

import brotli


def _asset_urls(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', html)


def test_pages_link_versioned_assets_and_a_favicon(empty_client, make_hall):
    make_hall()
    html = empty_client.get("/kiosk").get_data(as_text=True)
    urls = _asset_urls(html)
    assert urls and all(re.search(r"\?v=[0-9a-f]{10}$", url) for url in urls), urls
    assert re.search(r'<link rel="icon" href="/static/favicon.svg\?v=[0-9a-f]+" type="image/svg\+xml">', html)


def test_a_versioned_asset_is_cached_for_a_year(empty_client, make_hall):
    make_hall()
    url = next(url for url in _asset_urls(empty_client.get("/kiosk").get_data(as_text=True)) if "kiosk.css" in url)
    with empty_client.get(url) as response:
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    with empty_client.get("/static/css/kiosk.css?v=old") as response:
        assert response.headers["Cache-Control"] == "public, max-age=300"


def test_assets_are_compressed_for_browsers_that_accept_it(empty_client):
    with empty_client.get("/static/css/kiosk.css") as plain:
        original = plain.get_data()
    with empty_client.get("/static/css/kiosk.css", headers={"Accept-Encoding": "gzip, deflate, br"}) as response:
        assert response.headers["Content-Encoding"] == "br"
        assert "Accept-Encoding" in response.headers["Vary"]
        body = response.get_data()
    assert len(body) < len(original) / 2
    assert brotli.decompress(body) == original


def test_pages_are_not_compressed_or_cached_here(empty_client, make_hall):
    make_hall()
    with empty_client.get("/kiosk", headers={"Accept-Encoding": "br"}) as response:
        assert "Content-Encoding" not in response.headers
        assert "immutable" not in response.headers.get("Cache-Control", "")


def test_favicon(empty_client):
    with empty_client.get("/favicon.ico") as response:
        assert response.status_code == 200 and response.mimetype == "image/svg+xml"
        assert b"<svg" in response.get_data()
