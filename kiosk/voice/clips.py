"""The clip vocabulary of each voice language and the default clips, spoken by ``espeak-ng``.

Every clip is stored at one format (:data:`RATE` Hz, mono, 16-bit PCM) so announcements are made by
joining clips' frames. Default clips live in ``<KIOSK_VOICE_DIR>/<lang>/<clip>.wav``; they are built on
first use, or all at once by ``flask voice build``. A language without an ``espeak-ng`` voice (Tibetan,
traditional Mongolian) has no default clips: its halls record them (:mod:`kiosk.voice.recordings`).
"""
from __future__ import annotations

import array
import io
import math
import os
import re
import string
import subprocess
import tempfile
import wave
from pathlib import Path

from flask import current_app

#: The one format of every stored clip and announcement.
RATE = 16000
WIDTH = 2
CHANNELS = 1

#: The ``espeak-ng`` voice of each language that has one.
ESPEAK_VOICES = {"zh_Hans_CN": "cmn", "en": "en", "ug": "ug"}

#: Every language an announcement can be made in (with recordings where there is no espeak voice).
VOICE_LANGUAGES = ("zh_Hans_CN", "en", "ug", "bo", "mn_Mong_CN")

#: The phrases around the ticket and the window number, in the order they are spoken:
#: lead, ticket, mid, window number, tail ("请 A 0 1 2 号到 3 号窗口办理"). An empty phrase is left out.
PHRASES: dict[str, dict[str, str]] = {
    "zh_Hans_CN": {"lead": "请", "mid": "号到", "tail": "号窗口办理"},
    "en": {"lead": "Ticket", "mid": "please go to window", "tail": ""},
    "ug": {"lead": "", "mid": "نومۇرلۇق خېرىدار", "tail": "كۆزنەككە بېرىڭ"},
    "bo": {"lead": "ཨང་གྲངས་", "mid": "སྒེའུ་ཁུང་ཨང་", "tail": "ལ་ཕེབས་རོགས"},
    "mn_Mong_CN": {"lead": "", "mid": "ᠳᠤᠭᠠᠷ", "tail": "ᠳᠤᠭᠠᠷ ᠴᠣᠩᠬᠣ ᠳᠤ ᠣᠴᠢᠭᠠᠷᠠᠢ"},
}

PHRASE_CLIPS = ("lead", "mid", "tail")
DIGIT_CLIPS = tuple(string.digits)
LETTER_CLIPS = tuple(string.ascii_uppercase)
#: Window numbers are spoken as numbers ("十二", "twelve"): clips ``n1`` … ``n99``.
MAX_WINDOW = 99
#: Window numbers ``flask voice build`` prepares ahead (others are built on first use).
BUILT_WINDOWS = 20

_CLIP = re.compile(r"^(lead|mid|tail|[0-9]|[A-Z]|n[1-9][0-9]?)$")
_LANGUAGE_DIR = re.compile(r"^[A-Za-z_]+$")
#: Clips are trimmed to the sound, keeping this much silence on each side (seconds).
PAD_SECONDS = 0.04
_SILENCE = 400


def is_clip(name: str) -> bool:
    """Whether ``name`` is a clip of the vocabulary."""
    return bool(_CLIP.match(name or ""))


def window_clip(number: int) -> str:
    """The clip that speaks window ``number``."""
    return f"n{number}"


def vocabulary(language: str, windows: list[int] | None = None, letters: list[str] | None = None) -> list[str]:
    """The clips an announcement in ``language`` may use: phrases, digits, letters, window numbers.

    ``windows`` and ``letters`` narrow it to a hall's window numbers and ticket letters (default: windows 1 to
    :data:`BUILT_WINDOWS`, every letter).
    """
    phrases = [name for name in PHRASE_CLIPS if PHRASES.get(language, {}).get(name)]
    numbers = windows if windows is not None else list(range(1, BUILT_WINDOWS + 1))
    return [*phrases, *DIGIT_CLIPS, *(letters if letters is not None else LETTER_CLIPS),
            *(window_clip(n) for n in numbers if 0 < n <= MAX_WINDOW)]


def clip_text(language: str, clip: str) -> str:
    """What ``clip`` says in ``language`` (shown to whoever records it)."""
    if clip in PHRASE_CLIPS:
        return PHRASES.get(language, {}).get(clip, "")
    return clip[1:] if clip.startswith("n") else clip


def _espeak_voice(language: str, clip: str) -> str:
    # The Uyghur voice does not read Latin letters: ticket letters are spelled by the English voice.
    if clip in LETTER_CLIPS and language == "ug":
        return ESPEAK_VOICES["en"]
    return ESPEAK_VOICES[language]


def voice_dir() -> Path:
    """Where clips are kept (``KIOSK_VOICE_DIR``)."""
    return Path(current_app.config["VOICE_DIR"])


def default_path(language: str, clip: str) -> Path:
    """Where the default clip is (or will be) stored."""
    if not _LANGUAGE_DIR.match(language) or not is_clip(clip):
        raise ValueError(f"not a clip: {language}/{clip}")
    return voice_dir() / language / f"{clip}.wav"


def has_default_voice(language: str) -> bool:
    """Whether ``language`` has default clips (an ``espeak-ng`` voice)."""
    return language in ESPEAK_VOICES


def default_clip(language: str, clip: str) -> Path | None:
    """The default clip's file, built now if it is missing; ``None`` for a language without a default voice."""
    if not has_default_voice(language) or not is_clip(clip):
        return None
    path = default_path(language, clip)
    if not path.exists():
        build_clip(language, clip)
    return path


def build_clip(language: str, clip: str) -> Path:
    """Speak ``clip`` with ``espeak-ng`` and store it at the common format, trimmed to its sound."""
    path = default_path(language, clip)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        spoken = Path(folder) / "clip.wav"
        subprocess.run(["espeak-ng", "-v", _espeak_voice(language, clip), "-w", str(spoken),
                        clip_text(language, clip)], check=True, capture_output=True, timeout=30)
        frames = trim(to_common(spoken.read_bytes()))
    write_atomically(path, wav_bytes(frames))
    return path


def build_all(languages: list[str] | tuple[str, ...] | None = None, windows: list[int] | None = None) -> int:
    """Build every missing default clip of ``languages`` (default: every language with a voice); how many were built."""
    built = 0
    for language in languages or tuple(ESPEAK_VOICES):
        if not has_default_voice(language):
            continue
        numbers = sorted(set(range(1, BUILT_WINDOWS + 1)) | set(windows or []))
        for clip in vocabulary(language, numbers):
            if not default_path(language, clip).exists():
                build_clip(language, clip)
                built += 1
    return built


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, so a reader never sees half a clip."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temporary, path)


# ---- audio at the common format ------------------------------------------------------------------

def wav_bytes(frames: bytes) -> bytes:
    """A WAV file holding ``frames`` at the common format."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(CHANNELS)
        out.setsampwidth(WIDTH)
        out.setframerate(RATE)
        out.writeframes(frames)
    return buffer.getvalue()


def read_frames(path: Path) -> bytes:
    """The frames of a stored clip (already at the common format)."""
    with wave.open(str(path), "rb") as clip:
        return clip.readframes(clip.getnframes())


def _samples(raw: bytes, width: int) -> list[float]:
    """PCM samples as floats in -1…1 (8-bit unsigned, 16/24/32-bit signed little-endian)."""
    if width == 1:
        return [(byte - 128) / 128 for byte in raw]
    if width == 2:
        return [value / 32768 for value in array.array("h", raw[: len(raw) // 2 * 2])]
    if width == 3:
        return [int.from_bytes(raw[i:i + 3], "little", signed=True) / 8388608 for i in range(0, len(raw) - 2, 3)]
    return [value / 2147483648 for value in array.array("i", raw[: len(raw) // 4 * 4])]


def to_common(data: bytes) -> bytes:
    """The frames of a PCM WAV file (any rate, mono or stereo, 8 to 32 bits), at the common format."""
    with wave.open(io.BytesIO(data), "rb") as source:
        channels, width, rate = source.getnchannels(), source.getsampwidth(), source.getframerate()
        raw = source.readframes(source.getnframes())
    samples = _samples(raw, width)
    if channels > 1:
        samples = [sum(samples[i:i + channels]) / channels for i in range(0, len(samples) - channels + 1, channels)]
    return _pcm16(_resample(samples, rate))


def _resample(samples: list[float], rate: int) -> list[float]:
    """Linear-interpolation resampling to :data:`RATE`."""
    if rate == RATE or not samples:
        return samples
    count = max(1, int(len(samples) * RATE / rate))
    step = rate / RATE
    last = len(samples) - 1
    out = []
    for index in range(count):
        position = index * step
        left = int(position)
        if left >= last:
            out.append(samples[last])
            continue
        fraction = position - left
        out.append(samples[left] * (1 - fraction) + samples[left + 1] * fraction)
    return out


def _pcm16(samples: list[float]) -> bytes:
    return array.array("h", (max(-32768, min(32767, round(value * 32767))) for value in samples)).tobytes()


def trim(frames: bytes) -> bytes:
    """``frames`` without the silence before and after the sound (keeping :data:`PAD_SECONDS` of it)."""
    samples = array.array("h", frames)
    loud = [index for index, value in enumerate(samples) if abs(value) > _SILENCE]
    if not loud:
        return frames
    pad = int(PAD_SECONDS * RATE)
    return samples[max(0, loud[0] - pad): loud[-1] + pad].tobytes()


def silence(seconds: float) -> bytes:
    """Silent frames lasting ``seconds``."""
    return bytes(int(seconds * RATE) * WIDTH * CHANNELS)


def chime() -> bytes:
    """The call chime's frames: two soft tones (660 Hz, then 880 Hz), synthesised here."""
    frames = []
    for frequency in (660.0, 880.0):
        count = int(0.35 * RATE)
        for index in range(count):
            decay = math.exp(-4.0 * index / count)
            frames.append(0.3 * decay * math.sin(2 * math.pi * frequency * index / RATE))
    return _pcm16(frames) + silence(0.15)
