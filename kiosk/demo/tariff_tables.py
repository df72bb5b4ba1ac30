"""The SAMPLE tariff tables and fee schedule seeded by ``seed-demo`` (to be replaced by the province's tables)."""
from __future__ import annotations

from datetime import date
from typing import Any

from kiosk.tariffs.calc import tiers_from_rows

#: The demo tariff: Zhejiang-style residential, single meter, below 1 kV, annual tiers (sample data).
DEMO_RESIDENTIAL_ROWS: list[dict[str, Any]] = [
    {"upper_kwh": 2760, "flat": "0.538", "peak": "0.568", "valley": "0.288"},
    {"upper_kwh": 4800, "flat": "0.588", "peak": "0.618", "valley": "0.338"},
    {"upper_kwh": None, "flat": "0.838", "peak": "0.868", "valley": "0.588"},
]
DEMO_RESIDENTIAL_TIERS = tiers_from_rows(DEMO_RESIDENTIAL_ROWS)

SAMPLE_DOC = "SAMPLE 2024-{n}"
TOU_RESIDENTIAL = [{"period": "peak", "from": "08:00", "to": "22:00"},
                   {"period": "valley", "from": "22:00", "to": "08:00"}]
TOU_COMMERCIAL = [
    {"period": "valley", "from": "22:00", "to": "08:00"}, {"period": "peak", "from": "08:00", "to": "11:00"},
    {"period": "flat", "from": "11:00", "to": "13:00"}, {"period": "peak", "from": "13:00", "to": "19:00"},
    {"period": "critical", "from": "19:00", "to": "21:00"}, {"period": "peak", "from": "21:00", "to": "22:00"},
]


def _components(transmission: str) -> dict:
    return {"purchase": "0.4350", "transmission": transmission, "system_operation": "0.0220", "funds": "0.0296"}


TARIFFS: list[dict[str, Any]] = [
    {"code": "residential", "user_class": "residential", "tier_basis": "annual", "effective_from": date(2024, 1, 1),
     "document_no": SAMPLE_DOC.format(n=1), "sort_order": 10, "periods": TOU_RESIDENTIAL,
     "names": {"zh_Hans_CN": "居民生活用电（一户一表，不满1千伏）", "en": "Residential, single meter, below 1 kV"},
     "notes": {"zh_Hans_CN": "年阶梯电价；峰谷分时用户按峰谷电量比例分摊各档电量。",
               "en": "Annual tiers; with time-of-use metering each tier's kWh is split between peak and valley "
                     "in proportion to the month's peak and valley kWh."},
     "rows": [{key: value for key, value in row.items()} for row in DEMO_RESIDENTIAL_ROWS]},
    {"code": "residential_shared", "user_class": "residential_shared", "tier_basis": None,
     "effective_from": date(2015, 7, 1), "document_no": SAMPLE_DOC.format(n=0).replace("2024", "2015"),
     "sort_order": 20, "periods": [],
     "names": {"zh_Hans_CN": "居民生活用电（合表用户）", "en": "Residential, shared meter"},
     "notes": {"zh_Hans_CN": "合表用户不执行阶梯电价。", "en": "Shared-meter customers pay one price without tiers."},
     "rows": [{"voltage": "below_1kv", "flat": "0.538"}]},
    {"code": "residential_shared", "user_class": "residential_shared", "tier_basis": None,
     "effective_from": date(2024, 1, 1), "document_no": SAMPLE_DOC.format(n=2), "sort_order": 20, "periods": [],
     "names": {"zh_Hans_CN": "居民生活用电（合表用户）", "en": "Residential, shared meter"},
     "notes": {"zh_Hans_CN": "合表用户不执行阶梯电价。", "en": "Shared-meter customers pay one price without tiers."},
     "rows": [{"voltage": "below_1kv", "flat": "0.558"}]},
    {"code": "commercial", "user_class": "commercial", "tier_basis": None, "effective_from": date(2024, 6, 1),
     "document_no": SAMPLE_DOC.format(n=3), "sort_order": 30, "periods": TOU_COMMERCIAL,
     "names": {"zh_Hans_CN": "一般工商业用电（单一制，分时）", "en": "General industrial and commercial, time-of-use"},
     "notes": {"zh_Hans_CN": "尖峰电价仅在7、8月执行；价格含购电价格、输配电价、系统运行费和政府性基金及附加。",
               "en": "The critical peak applies in July and August only; prices include the purchase price, "
                     "transmission and distribution, system operation, and government funds and surcharges."},
     "rows": [
         {"voltage": "below_1kv", "critical": "1.3440", "peak": "1.1200", "flat": "0.7000", "valley": "0.2800",
          "components": _components("0.2134")},
         {"voltage": "1_10kv", "critical": "1.2864", "peak": "1.0720", "flat": "0.6700", "valley": "0.2680",
          "components": _components("0.1834")},
         {"voltage": "35kv", "critical": "1.2384", "peak": "1.0320", "flat": "0.6450", "valley": "0.2580",
          "components": _components("0.1584")}]},
    {"code": "large_industrial", "user_class": "large_industrial", "tier_basis": None,
     "effective_from": date(2024, 6, 1), "document_no": SAMPLE_DOC.format(n=4), "sort_order": 40,
     "periods": TOU_COMMERCIAL,
     "names": {"zh_Hans_CN": "大工业用电（两部制）", "en": "Large industrial, two-part tariff"},
     "notes": {"zh_Hans_CN": "电度电价按峰平谷分时计费；基本电费按变压器容量或最大需量计收（任选其一）。",
               "en": "Energy is charged by period; the basic charge is by transformer capacity (kVA) or by "
                     "maximum demand (kW), whichever the customer chose."},
     "rows": [
         {"voltage": "1_10kv", "critical": "1.1520", "peak": "0.9600", "flat": "0.6000", "valley": "0.2400",
          "basic_kva": "30", "basic_kw": "40"},
         {"voltage": "35kv", "critical": "1.1280", "peak": "0.9400", "flat": "0.5850", "valley": "0.2340",
          "basic_kva": "30", "basic_kw": "40"},
         {"voltage": "110kv", "critical": "1.1040", "peak": "0.9200", "flat": "0.5700", "valley": "0.2280",
          "basic_kva": "28", "basic_kw": "38"}]},
    {"code": "agricultural", "user_class": "agricultural", "tier_basis": None, "effective_from": date(2024, 1, 1),
     "document_no": SAMPLE_DOC.format(n=5), "sort_order": 50, "periods": [],
     "names": {"zh_Hans_CN": "农业生产用电", "en": "Agricultural production"},
     "notes": {"zh_Hans_CN": "含农业排灌用电。", "en": "Includes irrigation and drainage."},
     "rows": [{"voltage": "below_1kv", "flat": "0.4850"}, {"voltage": "1_10kv", "flat": "0.4750"}]},
]



def _fee(code, amount, zh, en, unit_zh, unit_en, basis_zh, basis_en, note_zh="", note_en="") -> dict:
    return {"code": code, "amount": amount, "names": {"zh_Hans_CN": zh, "en": en},
            "units": {"zh_Hans_CN": unit_zh, "en": unit_en},
            "legal_basis": {"zh_Hans_CN": basis_zh, "en": basis_en},
            "notes": {"zh_Hans_CN": note_zh, "en": note_en} if note_zh else {}}


PRICE_DOC = ("省发展改革委价格文件（示例）", "Provincial price bureau notice (sample)")
FEES = [
    _fee("meter_calibration_single", "30.00", "校验电能表（单相）", "Meter calibration, single-phase", "元/只",
         "yuan per meter", "《供电营业规则》第七十九条", "Rules for Power Supply Business, Art. 79",
         "电能表误差超出允许范围的，退还校验费并退补电费。",
         "Refunded, with the bills corrected, when the meter is found outside the permitted error."),
    _fee("meter_calibration_three", "60.00", "校验电能表（三相）", "Meter calibration, three-phase", "元/只",
         "yuan per meter", "《供电营业规则》第七十九条", "Rules for Power Supply Business, Art. 79",
         "电能表误差超出允许范围的，退还校验费并退补电费。",
         "Refunded, with the bills corrected, when the meter is found outside the permitted error."),
    _fee("transformer_calibration", "150.00", "校验互感器", "Instrument transformer calibration", "元/台",
         "yuan per unit", "《供电营业规则》第七十九条", "Rules for Power Supply Business, Art. 79"),
    _fee("reconnection", "0.00", "复电", "Reconnection after disconnection", "次", "per time",
         "国家发展改革委有关清理规范收费的规定（示例）", "National rules abolishing miscellaneous fees (sample)",
         "不收取复电费。", "No reconnection fee is charged."),
    _fee("high_reliability_10kv", "164.00", "高可靠性供电费（10千伏）", "High-reliability supply fee, 10 kV",
         "元/千伏安", "yuan per kVA", *PRICE_DOC, "适用于双电源或多电源供电的用户，一次性收取。",
         "One-off fee for customers supplied by two or more sources."),
    _fee("high_reliability_35kv", "145.00", "高可靠性供电费（35千伏）", "High-reliability supply fee, 35 kV",
         "元/千伏安", "yuan per kVA", *PRICE_DOC, "一次性收取。", "One-off fee."),
    _fee("temporary_supply", "100.00", "临时接电费（10千伏）", "Temporary supply deposit, 10 kV", "元/千伏安",
         "yuan per kVA", "《供电营业规则》第十二条", "Rules for Power Supply Business, Art. 12",
         "临时用电结束后按规定退还。", "Returned under the rules when the temporary supply ends."),
    _fee("meter_loss_single", "180.00", "电能表丢失或损坏赔偿（单相）", "Lost or damaged meter, single-phase",
         "元/只", "yuan per meter", "《供电营业规则》第七十七条", "Rules for Power Supply Business, Art. 77",
         "因用户责任造成的，按成本价赔偿。", "Charged at cost when the customer is responsible."),
    _fee("meter_loss_three", "420.00", "电能表丢失或损坏赔偿（三相）", "Lost or damaged meter, three-phase",
         "元/只", "yuan per meter", "《供电营业规则》第七十七条", "Rules for Power Supply Business, Art. 77",
         "因用户责任造成的，按成本价赔偿。", "Charged at cost when the customer is responsible."),
    _fee("meter_relocation", "0.00", "移表（用户申请）", "Meter relocation at the customer's request", "次",
         "per time", "《供电营业规则》第二十五条", "Rules for Power Supply Business, Art. 25",
         "供电企业不收取移表手续费，所需材料和工程费用由用户承担。",
         "No handling fee; materials and works are paid by the customer."),
    _fee("new_connection_residential", "0.00", "居民新装", "New residential connection", "户", "per household",
         *PRICE_DOC, "低压居民用户新装不收取任何费用。", "No fee of any kind for a new low-voltage household."),
]
