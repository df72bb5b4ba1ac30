"""The time-of-use bar and its legend (one entry per period), and the index cards (one tap target each)."""
import re
from html.parser import HTMLParser

import pytest
from sqlalchemy import select

from kiosk.extensions import db
from kiosk.tariffs import calc, diagram, service
from kiosk.tariffs.models import TariffVersion
from tests.tariffs.conftest import announce_commercial_version


def html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.data[:500]
    return response.get_data(as_text=True)


def version_of(code: str) -> TariffVersion:
    return db.session.scalar(select(TariffVersion).where(TariffVersion.code == code)
                             .order_by(TariffVersion.effective_from.desc()))


def legend(page: str) -> dict[str, list[str]]:
    """``{period: [spans]}`` of the page's first legend, in its order."""
    block = page.split("data-period-legend", 1)[1].split("</ul>", 1)[0]
    return {period: re.findall(r"<bdi dir=\"ltr\" data-span>([^<]+)</bdi>", body)
            for period, body in re.findall(r'data-period="(\w+)">(.*?)</li>', block, re.S)}


def bar_periods(page: str) -> set[str]:
    chart = page.split('data-diagram="periods"', 1)[1].split("</svg>", 1)[0]
    return set(re.findall(r'<rect class="period-(\w+)" x=', chart))


def test_legend_has_one_entry_per_period_with_all_its_spans(client):
    page = html(client, f"/kiosk/tariffs/{version_of('commercial').id}?lang=en")
    assert legend(page) == {"critical": ["19:00–21:00"], "peak": ["08:00–11:00", "13:00–19:00", "21:00–22:00"],
                            "flat": ["11:00–13:00"], "valley": ["22:00–08:00"]}
    entry = page.split('data-period="peak">', 1)[1].split("</li>", 1)[0]
    assert "Peak" in entry and '<bdi dir="ltr" class="period-price">1.0320–1.1200</bdi> yuan per kWh' in entry
    assert 'fill="#d9480f"' in entry and 'fill="url(#tou-key-peak)"' in entry      # colour and texture, as the bar


def test_legend_spans_read_left_to_right_in_uyghur(client):
    page = html(client, f"/kiosk/tariffs/{version_of('commercial').id}?lang=ug")
    assert legend(page)["peak"] == ["08:00–11:00", "13:00–19:00", "21:00–22:00"]
    assert '<bdi dir="ltr" class="period-price">' in page and "</bdi>، </span>" in page


@pytest.mark.parametrize("code", ["residential", "commercial", "large_industrial"])
def test_every_period_of_the_price_table_is_in_the_bar(client, code):
    version = version_of(code)
    page = html(client, f"/kiosk/tariffs/{version.id}?lang=en")
    kinds = {item["period"] for item in version.periods}
    spans = legend(page)
    assert bar_periods(page) == kinds == {period for period, times in spans.items() if times}
    priced = set(service.price_columns(version)) & set(calc.ALL_PERIODS)
    assert set(spans) == priced and {"peak", "valley"} <= kinds
    if not service.is_tiered(version):
        assert priced <= kinds, priced - kinds
    else:                                        # a tiered table's flat column: the price without a TOU meter
        assert spans["flat"] == [] and "All day, without a time-of-use meter" in page


def test_bar_labels_fit_and_never_overlap():
    boxes = diagram.period_bar(version_periods := [
        {"period": "valley", "from": "22:00", "to": "08:00"}, {"period": "peak", "from": "08:00", "to": "11:00"},
        {"period": "flat", "from": "11:00", "to": "13:00"}, {"period": "peak", "from": "13:00", "to": "19:00"},
        {"period": "critical", "from": "19:00", "to": "21:00"}, {"period": "peak", "from": "21:00", "to": "22:00"}])
    assert len(boxes) == len(version_periods) + 1                       # the valley crosses midnight
    names = {"critical": "Critical peak", "peak": "Peak", "flat": "Flat", "valley": "Valley"}
    labels = diagram.bar_labels(boxes, names)
    assert {label.period for label in labels} == set(names)
    for label in labels:
        if label.inside:
            box = next(b for b in boxes if b.cx == label.x)
            assert diagram.text_width(label.text) < box.w
    above = sorted((label.x - diagram.text_width(label.text) / 2, label.x + diagram.text_width(label.text) / 2)
                   for label in labels if not label.inside)
    assert above and all(a[1] <= b[0] for a, b in zip(above, above[1:], strict=False))
    assert all(low >= 0 and high <= diagram.WIDTH for low, high in above)
    one_hour = [box for box in boxes if box.w == 25.0]
    assert not any(label.inside and label.x == one_hour[0].cx for label in labels)


def test_slide_and_print_show_the_legend(client, hall):
    hall.display_languages = ["zh_Hans_CN", "ug"]
    db.session.commit()
    slide = html(client, "/display/slides/tariff")
    assert slide.count("data-period-legend") == 2 and 'id="tou-ug-key-peak"' in slide
    assert '<bdi dir="ltr" data-span>08:00–22:00</bdi>' in slide


class Cards(HTMLParser):
    """The links of each tariff card, and whether any link holds another."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: dict[str, list[dict]] = {}
        self.card: str | None = None
        self.depth = 0
        self.open_links = 0
        self.nested = False
        self.text: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "li" and "tariff-card" in (values.get("class") or "").split():
            self.card, self.depth = values["data-table"], 0
            self.cards[self.card], self.text[self.card] = [], ""
        if self.card and tag == "li":
            self.depth += 1
        if self.card and tag == "a":
            self.nested |= self.open_links > 0
            self.open_links += 1
            self.cards[self.card].append(values)

    def handle_endtag(self, tag):
        if self.card and tag == "a":
            self.open_links -= 1
        if self.card and tag == "li":
            self.depth -= 1
            if self.depth == 0:
                self.card = None

    def handle_data(self, data):
        if self.card:
            self.text[self.card] += data


def cards_of(client, lang: str) -> Cards:
    parser = Cards()
    parser.feed(html(client, f"/kiosk/tariffs?lang={lang}"))
    return parser


def test_each_card_is_one_link_target_with_its_title_once(client):
    upcoming = announce_commercial_version()
    latest = {table.code: table.latest.id for table in service.tables(service.today())}
    parser = cards_of(client, "en")
    assert not parser.nested and len(parser.cards) == 5
    for code, links in parser.cards.items():
        main = [link for link in links if "tariff-card-link" in (link.get("class") or "")]
        assert len(main) == 1, code
        assert main[0]["href"] == f"/kiosk/tariffs/{latest[code]}"
        assert all(link is main[0] or "tariff-card-link" not in (link.get("class") or "") for link in links)
    assert "Residential, single meter, below 1 kV" in parser.text["residential"]
    assert "General industrial and commercial" not in parser.text["commercial"].replace(
        "General industrial and commercial, time-of-use", "")      # the category is not printed above its name
    assert "0.2580–1.3440" in parser.text["commercial"]
    assert [link["href"] for link in parser.cards["commercial"]][1:] == [f"/kiosk/tariffs/{upcoming.id}"]


def test_card_names_the_category_when_the_name_fell_back_to_chinese(client):
    parser = cards_of(client, "ug")
    assert not parser.nested
    def residential_card() -> str:
        return html(client, "/kiosk/tariffs?lang=ug").split('data-table="residential"', 1)[1].split("</h2>", 1)[0]
    assert 'class="tariff-card-category"' not in residential_card()  # the shipped name is in Uyghur
    for version in db.session.scalars(select(TariffVersion).where(TariffVersion.code == "residential")):
        version.names = {code: text for code, text in version.names.items() if code != "ug"}  # a hall's own name
    db.session.commit()
    card = residential_card()
    assert card.count('class="tariff-card-category"') == 1 and 'lang="zh-Hans-CN"' in card
    zh = html(client, "/kiosk/tariffs?lang=zh_Hans_CN")
    assert "tariff-card-category" not in zh and "居民生活用电（一户一表，不满1千伏）" in zh
    table = html(client, f"/kiosk/tariffs/{version_of('residential').id}?lang=en")
    assert "data-category" not in table
