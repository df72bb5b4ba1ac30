"""The documents other features hand to printing: a sample of each, and how to render one again.

A feature registers its document kind once (``register("ticket", sample=…, rerender=…)``);
printing uses the samples to warm the renderer and to test a printer, and the re-renderer
to reprint a job from its ``source``. Printing never imports the features themselves.
"""
from __future__ import annotations

from collections.abc import Callable

#: ``sample(locale, width_mm)``: a sample document's PDF.
SampleRenderer = Callable[[str, int], bytes]
#: ``rerender(source)``: the PDF of a printed document again, marked as a reprint (``None``: gone).
Rerenderer = Callable[[dict], "bytes | None"]

_samples: dict[str, SampleRenderer] = {}
_rerenderers: dict[str, Rerenderer] = {}


def register(kind: str, *, sample: SampleRenderer | None = None, rerender: Rerenderer | None = None) -> None:
    """Register the sample and the re-renderer of the document ``kind``."""
    if sample is not None:
        _samples[kind] = sample
    if rerender is not None:
        _rerenderers[kind] = rerender


def sample_kinds() -> list[str]:
    """The kinds that have a sample, in registration order."""
    return list(_samples)


def sample_pdf(kind: str, locale: str, width: int = 80) -> bytes:
    """The sample PDF of ``kind`` (``KeyError`` when no feature registered one)."""
    return _samples[kind](locale, width)


def rerender(kind: str, source: dict) -> bytes | None:
    """The document of ``kind`` rendered again from ``source`` as a reprint; ``None`` when it cannot be."""
    function = _rerenderers.get(kind)
    return function(source) if function is not None else None
