"""Builder for the ``{locale: text}`` mappings of the guides' static content."""


from kiosk.content_translations import with_translations


def T(zh: str, en: str) -> dict:
    """A ``{locale: text}`` mapping in Chinese and English, with the other locales from ``translations/content/``.

    A locale with no translation there falls back to Chinese when shown.
    """
    return with_translations({"zh_Hans_CN": zh, "en": en})
