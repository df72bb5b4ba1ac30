"""An announcement: the clips that say (ticket, window) in one language, and the WAV made by joining them.

Chinese "请 A 0 1 2 号到 3 号窗口办理", English "Ticket A 0 1 2, please go to window 3", Uyghur
"A 0 1 2 نومۇرلۇق خېرىدار 3 كۆزنەككە بېرىڭ": each language's phrases come from
:data:`kiosk.voice.clips.PHRASES`, letters and digits one clip each, the window as a number.
WAVs are cached per process by the content of the clips they join.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from pathlib import Path

from kiosk.hall.models import Hall
from kiosk.voice import clips
from kiosk.voice.recordings import clip_file, recordings_of

_TICKET = re.compile(r"^[A-Z]{1,4}[0-9]{1,4}$")
#: Silence between two clips and around the whole announcement (seconds).
GAP_SECONDS = 0.06
EDGE_SECONDS = 0.15
#: Announcements kept in memory per process.
CACHE_SIZE = 256
_cache: OrderedDict[tuple, bytes] = OrderedDict()


def is_ticket(ticket: str) -> bool:
    """Whether ``ticket`` is a ticket number an announcement can say (``A012``)."""
    return bool(_TICKET.match(ticket or ""))


def clip_names(ticket: str, window: int, language: str) -> list[str]:
    """The clips that announce ``ticket`` at ``window`` in ``language``, in the order they are played."""
    if not is_ticket(ticket) or not 0 < window <= clips.MAX_WINDOW:
        raise ValueError(f"cannot announce {ticket!r} at window {window!r}")
    phrases = clips.PHRASES.get(language, {})
    names = [name for name in ("lead",) if phrases.get(name)]
    names += list(ticket)
    names += [name for name in ("mid",) if phrases.get(name)]
    names.append(clips.window_clip(window))
    names += [name for name in ("tail",) if phrases.get(name)]
    return names


def clip_files(hall: Hall, ticket: str, window: int, language: str) -> list[Path] | None:
    """The files of the announcement's clips (recordings first), or ``None`` when a clip is missing."""
    recorded = recordings_of(hall)
    files = [clip_file(hall, language, name, recorded) for name in clip_names(ticket, window, language)]
    return None if any(path is None for path in files) else [path for path in files if path is not None]


def join(files: list[Path], with_chime: bool = False) -> bytes:
    """One WAV of the clips in ``files`` (optionally after the chime), with short gaps between them."""
    gap = clips.silence(GAP_SECONDS)
    parts = [clips.silence(EDGE_SECONDS)]
    if with_chime:
        parts.append(clips.chime())
    for index, path in enumerate(files):
        if index:
            parts.append(gap)
        parts.append(clips.read_frames(path))
    parts.append(clips.silence(EDGE_SECONDS))
    return clips.wav_bytes(b"".join(parts))


def announcement(hall: Hall, ticket: str, window: int, language: str, with_chime: bool = False) -> bytes | None:
    """The announcement's WAV bytes, or ``None`` when ``language`` has no clip for part of it."""
    files = clip_files(hall, ticket, window, language)
    if files is None:
        return None
    key = (with_chime, *((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files))
    if key in _cache:
        _cache.move_to_end(key)
        return _cache[key]
    data = join(files, with_chime)
    _cache[key] = data
    while len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return data
