"""Masking personal data before it leaves the server: pure functions.

Rules (also in docs/bills.md):
* names: counted in characters (a base letter with its combining marks, so Tibetan stacks and
  Arabic-script vowel marks stay whole); separators (space, ·, Tibetan tsheg, hyphen) are kept.
  One character: ``*``; two: the first and ``*`` (张*); three or more: first and last visible,
  each character between them masked (张*明, 欧**月, J*** ****h).
* addresses: the part up to and including the last street word (路, 街, 道, 巷, 弄, 胡同…) is kept;
  after it every digit, Latin letter and Chinese numeral is masked (building, unit, door).
  Without a street word every digit is masked.
* meter numbers: every character but the last 4 masked (4 characters or fewer: all masked).
* phone numbers: first 3 and last 4 digits visible (a +86 prefix dropped; fewer than 8 digits: all masked).
* account numbers (statement, logs): every digit but the last 4 masked.
"""
from __future__ import annotations

import unicodedata

MASK = "*"
NAME_SEPARATORS = frozenset(" \u00b7\u30fb\u2022\u0f0b\u0f0c-\u2010\u2011\u200c\u200d")
STREET_WORDS = ("大道", "大街", "胡同", "路", "街", "道", "巷", "弄")
CHINESE_NUMERALS = frozenset("零〇一二三四五六七八九十百")


def clusters(text: str) -> list[str]:
    """``text`` split into characters as readers see them: a base with its combining marks."""
    result: list[str] = []
    for char in text:
        joins = unicodedata.category(char).startswith("M") or char in "\u200d\u200c"
        if result and (joins or result[-1].endswith("\u200d")):
            result[-1] += char
        else:
            result.append(char)
    return result


def mask_name(name: str | None) -> str:
    """The name with only its first and last characters visible (张*明; 张*; *)."""
    parts = clusters((name or "").strip())
    letters = [index for index, part in enumerate(parts) if part not in NAME_SEPARATORS]
    if not letters:
        return ""
    if len(letters) == 1:
        visible = set()
    elif len(letters) == 2:
        visible = {letters[0]}
    else:
        visible = {letters[0], letters[-1]}
    return "".join(
        part if index in visible or part in NAME_SEPARATORS else MASK for index, part in enumerate(parts)
    )


def _street_end(address: str) -> int:
    """Index just after the last street word, or -1."""
    ends = [address.rfind(word) + len(word) for word in STREET_WORDS if address.rfind(word) >= 0]
    return max(ends) if ends else -1


def _maskable(char: str) -> bool:
    return char.isdigit() or ("A" <= char.upper() <= "Z" and char.isascii()) or char in CHINESE_NUMERALS or (
        "\uff10" <= char <= "\uff5a" and char.isalnum())


def mask_address(address: str | None) -> str:
    """The address with district and street kept and building, unit and door numbers masked."""
    address = (address or "").strip()
    end = _street_end(address)
    if end < 0:
        return "".join(MASK if char.isdigit() else char for char in address)
    head, tail = address[:end], address[end:]
    return head + "".join(MASK if _maskable(char) else char for char in tail)


def mask_tail(value: str | None, keep: int = 4) -> str:
    """All but the last ``keep`` characters masked (everything masked when that would show it all)."""
    value = (value or "").strip()
    if len(value) <= keep:
        return MASK * len(value)
    return MASK * (len(value) - keep) + value[-keep:]


def mask_meter(meter_no: str | None) -> str:
    """A meter number with only its last 4 characters visible."""
    return mask_tail(meter_no, 4)


def mask_account(account_no: str | None) -> str:
    """An account number with only its last 4 digits visible (for statements and logs)."""
    return mask_tail(account_no, 4)


def mask_phone(phone: str | None) -> str:
    """A phone number as its first 3 and last 4 digits (138****5678)."""
    digits = "".join(char for char in (phone or "") if char.isdigit())
    if len(digits) == 13 and digits.startswith("86"):  # +86 country code
        digits = digits[2:]
    if len(digits) < 8:
        return MASK * len(digits)
    return digits[:3] + MASK * (len(digits) - 7) + digits[-4:]
