"""Demo playlist: a text notice in every language and the residential tariff slide (samples).

Idempotent: seeded only while the demo hall has no slide at all, so a hall's own playlist is never touched.
"""
from __future__ import annotations

from sqlalchemy import select

from kiosk.extensions import db
from kiosk.hall.models import Hall
from kiosk.media.models import Slide, SlideKind

TITLES = {
    "zh_Hans_CN": "自助查询电费更方便（示例）",
    "en": "Check your bill at the kiosk (sample)",
    "ug": "ئېلېكتر ھەققىنى ئۆزلۈكىدىن سۈرۈشتۈرۈڭ (ئۈلگە)",
    "bo": "གློག་གླ་རང་སྤྱོད་ངང་འཚོལ་ཞིབ། (དཔེ་མཚོན།)",
    "mn_Mong_CN": "ᠴᠠᠬᠢᠯᠭᠠᠨ ᠤ ᠲᠥᠯᠥᠪᠦᠷᠢ ᠶᠢ ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠠᠰᠠᠭᠤᠨ ᠯᠠᠪᠯᠠᠬᠤ (ᠦᠯᠢᠭᠡᠷ)",
}
TEXTS = {
    "zh_Hans_CN": "在自助终端可查询电费；交费请到服务窗口或使用网上国网 App。",
    "en": "Look up your bill at the kiosk; pay at a window or in the State Grid app.",
    "ug": "ئېلېكتر ھەققىنى ئۆزلۈكىدىن مۇلازىمەت ئۈسكۈنىسىدە سۈرۈشتۈرۈڭ؛ ھەقنى كۆزنەكتە ياكى "
          "«تورداكى دۆلەت ئېلېكتر تورى» ئەپىدە تاپشۇرۇڭ.",
    "bo": "རང་སྤྱོད་འཕྲུལ་ཆས་ཐོག་གློག་གླ་འཚོལ་ཞིབ་བྱེད་ཆོག གླ་སྤྲོད་པར་སྒེའུ་ཁུང་ངམ་《དྲ་ཐོག་རྒྱལ་ཁབ་གློག་དྲ》 App བཀོལ་རོགས།",
    "mn_Mong_CN": "ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠬᠦ ᠮᠠᠰᠢᠨ ᠳᠤ ᠴᠠᠬᠢᠯᠭᠠᠨ ᠤ ᠲᠥᠯᠥᠪᠦᠷᠢ ᠶᠢ ᠠᠰᠠᠭᠤᠨ ᠯᠠᠪᠯᠠᠨ᠎ᠠ᠃ ᠲᠥᠯᠥᠪᠦᠷᠢ ᠶᠢ ᠴᠣᠩᠬᠣ ᠪᠤᠶᠤ "
                  "《ᠰᠦᠯᠵᠢᠶᠡᠨ ᠳᠡᠭᠡᠷᠡᠬᠢ ᠤᠯᠤᠰ ᠤᠨ ᠴᠠᠬᠢᠯᠭᠠᠨ ᠰᠦᠯᠵᠢᠶ᠎ᠡ》 App ᠢᠶᠠᠷ ᠲᠥᠯᠥᠭᠡᠷᠡᠢ᠃",
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
