"""Demo playlist: a text notice in every language and the residential tariff slide (samples).

Idempotent: seeded only while the demo hall has no slide at all, so a hall's own playlist is never touched.
"""
from __future__ import annotations

from sqlalchemy import select

from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.media.models import Slide, SlideKind

TITLES = {
    "zh_Hans_CN": "自助缴费更方便（示例）",
    "en": "Pay without queuing (sample)",
    "ug": "ئۆچىرەتسىز پۇل تاپشۇرۇڭ (ئۈلگە)",
    "bo": "གྲལ་མི་སྒུག་པར་གླ་སྤྲོད། (དཔེ་མཚོན།)",
    "mn_Mong_CN": "ᠳᠠᠷᠠᠭᠠᠯᠠᠯ ᠦᠭᠡᠢ ᠲᠥᠯᠥᠬᠦ (ᠦᠯᠢᠭᠡᠷ)",
}
TEXTS = {
    "zh_Hans_CN": "电费可在自助终端、网上国网 App 或 95598 缴纳，无需排队取号。",
    "en": "Pay your electricity bill at the self-service kiosk, in the State Grid app or via 95598, "
          "no ticket needed.",
    "ug": "توك پۇلىنى ئۆزلۈكىدىن مۇلازىمەت ئۈسكۈنىسىدە، ئەپتە ياكى 95598 ئارقىلىق تاپشۇرالايسىز، نومۇر ئېلىش ھاجەتسىز.",
    "bo": "གློག་གླ་རང་སྤྱོད་འཕྲུལ་ཆས་དང་། App ཡང་ན་ 95598 བརྒྱུད་སྤྲོད་ཆོག གྲལ་ཨང་ལེན་མི་དགོས།",
    "mn_Mong_CN": "ᠴᠠᠬᠢᠯᠭᠠᠨ ᠤ ᠲᠥᠯᠥᠪᠦᠷᠢ ᠶᠢ ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠬᠦ ᠮᠠᠰᠢᠨ᠂ App ᠪᠤᠶᠤ 95598 ᠵᠢᠡᠷ ᠲᠥᠯᠥᠵᠦ ᠪᠣᠯᠣᠨᠠ᠃",
}


def seed_demo(hall: Hall) -> None:
    """The demo hall's two slides, unless it has a playlist already."""
    if db.session.scalar(select(Slide.id).where(Slide.hall_id == hall.id).limit(1)) is not None:
        return
    db.session.add_all([
        Slide(hall_id=hall.id, kind=SlideKind.TEXT.value, titles=TITLES, texts=TEXTS, duration_seconds=12,
              displays="all", sort_order=1, created_by="demo"),
        Slide(hall_id=hall.id, kind=SlideKind.TARIFF.value, titles={}, texts={}, duration_seconds=20,
              displays="all", sort_order=2, created_by="demo"),
    ])
