"""Builder for the ``{locale: text}`` mappings of the guides' static content."""


def T(zh: str, en: str) -> dict:
    """A ``{locale: text}`` mapping in Chinese and English (other locales fall back to Chinese)."""
    return {"zh_Hans_CN": zh, "en": en}
