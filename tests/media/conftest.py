"""Media test helpers: image and video bytes made on the spot, and a supervisor logged in to the empty app."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.factories import STAFF_PASSWORD

#: The smallest MP4 and WebM headers the content check recognises (no playable stream needed for the checks).
MP4_HEAD = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41" + b"\x00" * 64
WEBM_HEAD = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08\x42\x82\x84webm" \
    + b"\x00" * 64


def image_bytes(width: int = 640, height: int = 360, fmt: str = "PNG", color=(0, 120, 200)) -> bytes:
    """An image of ``width``×``height`` in ``fmt``."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, fmt)
    return out.getvalue()


@pytest.fixture
def supervisor(empty_app, make_hall, make_staff_user):
    """A test client logged in as a supervisor of the factories' hall; returns ``(client, hall)``."""
    hall = make_hall()
    make_staff_user(username="super", role="supervisor", hall=hall)
    client = empty_app.test_client()
    response = client.post("/staff/login", data={"username": "super", "password": STAFF_PASSWORD})
    assert response.status_code == 302
    return client, hall
