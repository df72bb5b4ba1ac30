"""Demo content of the guides feature (Chinese and English in full; other locales fall back to Chinese)."""


def T(zh: str, en: str) -> dict:
    """A ``{locale: text}`` mapping with the two demo languages."""
    return {"zh_Hans_CN": zh, "en": en}
