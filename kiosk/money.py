"""Money and energy arithmetic: ``Decimal`` only, rounded half-up to the fen."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

FEN = Decimal("0.01")


def to_decimal(value) -> Decimal:
    """``value`` as a Decimal (ints and strings exactly; floats are refused)."""
    if isinstance(value, float):
        raise TypeError("money and energy are never floats")
    return value if isinstance(value, Decimal) else Decimal(str(value))


def round_fen(amount: Decimal) -> Decimal:
    """Round half-up to the fen (0.01 yuan)."""
    return to_decimal(amount).quantize(FEN, rounding=ROUND_HALF_UP)


def plain(value: Decimal) -> str:
    """A Decimal as a plain string without exponent or trailing zeros (``"195"``, ``"0.568"``)."""
    text = format(to_decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def yuan_text(amount: Decimal) -> str:
    """Money as a string with exactly two decimals (``"123.40"``)."""
    return format(round_fen(amount), "f")
