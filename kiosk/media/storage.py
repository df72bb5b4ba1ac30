"""Uploaded slide files: recognised by their content, checked, and stored by their SHA-256 outside the code.

Files live in ``KIOSK_MEDIA_DIR`` (default ``<instance>/media``) as ``<sha256>.<ext>``: the name is the content,
so a changed file gets a new URL and the old one can be cached for ever.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _
from PIL import Image, UnidentifiedImageError

from kiosk.media.errors import MediaError

#: Largest and smallest image a display can use sensibly (width, height).
MAX_SIZE, MIN_SIZE = (7680, 4320), (320, 180)
#: ext → content type of each accepted file kind.
CONTENT_TYPES = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp", "mp4": "video/mp4",
                 "webm": "video/webm"}
#: A stored file's name: its SHA-256 and extension.
STORED_NAME = re.compile(r"^([0-9a-f]{64})\.(png|jpg|webp|mp4|webm)$")


@dataclass(frozen=True)
class StoredFile:
    """A checked upload written to the media folder."""

    sha256: str
    ext: str
    content_type: str
    byte_size: int
    width: int | None
    height: int | None

    @property
    def file_name(self) -> str:
        return f"{self.sha256}.{self.ext}"

    @property
    def kind(self) -> str:
        return "video" if self.content_type.startswith("video/") else "image"


def media_dir() -> Path:
    """The folder the uploaded files are kept in."""
    return Path(current_app.config["MEDIA_DIR"])


def max_bytes() -> int:
    """The largest upload accepted, in bytes."""
    return int(current_app.config["MEDIA_MAX_BYTES"])


def sniff(head: bytes) -> str | None:
    """The extension of the file kind ``head`` (its first bytes) belongs to, by content; ``None`` if not accepted."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in head[:64]:
        return "webm"
    return None


def _image_size(data: bytes) -> tuple[int, int]:
    """An image's width and height, refusing what Pillow cannot read (or would read as a decompression bomb)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                size = image.size
                image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError,
            Image.DecompressionBombWarning) as error:
        raise MediaError(_("The image could not be read. Upload a PNG, JPEG or WebP file.")) from error
    return size


def check(data: bytes) -> StoredFile:
    """Check an upload's content (kind, size, image dimensions) and describe it; raises :class:`MediaError`."""
    limit = max_bytes()
    if not data:
        raise MediaError(_("Choose a file to upload."))
    if len(data) > limit:
        raise MediaError(_("The file is larger than %(mb)s MB.", mb=f"{limit / 1_000_000:g}"), 413)
    ext = sniff(data[:64])
    if ext is None:
        raise MediaError(_("This file is not a PNG, JPEG or WebP image nor an MP4 or WebM video."), 415)
    width = height = None
    if CONTENT_TYPES[ext].startswith("image/"):
        width, height = _image_size(data)
        if width > MAX_SIZE[0] or height > MAX_SIZE[1]:
            raise MediaError(_("The image is %(width)s×%(height)s pixels; at most %(max_w)s×%(max_h)s are accepted.",
                               width=width, height=height, max_w=MAX_SIZE[0], max_h=MAX_SIZE[1]))
        if width < MIN_SIZE[0] or height < MIN_SIZE[1]:
            raise MediaError(_("The image is %(width)s×%(height)s pixels; at least %(min_w)s×%(min_h)s are needed.",
                               width=width, height=height, min_w=MIN_SIZE[0], min_h=MIN_SIZE[1]))
    return StoredFile(hashlib.sha256(data).hexdigest(), ext, CONTENT_TYPES[ext], len(data), width, height)


def store(data: bytes) -> StoredFile:
    """Check ``data`` and write it to the media folder (atomically; an identical file is kept as it is)."""
    stored = check(data)
    folder = media_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / stored.file_name
    if not target.exists():
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".upload-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return stored


def stored_path(name: str) -> tuple[Path, str] | None:
    """The path and content type of the stored file ``name`` (``<sha256>.<ext>``), or ``None``."""
    match = STORED_NAME.match(name)
    if match is None:
        return None
    path = media_dir() / name
    if not path.is_file():
        return None
    return path, CONTENT_TYPES[match.group(2)]
