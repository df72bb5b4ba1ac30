"""Registration-form samples (填写示范样本): the paper form's Chinese field names, fictional sample values,
numbered notes per field and common mistakes."""
from kiosk.guides.texts import T

N_NAME = T("与身份证件上的姓名（或营业执照上的名称）完全一致", "Account name: exactly as on the ID card (or the "
           "business licence)")
N_ID = T("18 位身份证号码，末位 X 大写", "ID number: all 18 characters, a final X in capitals")
N_ADDR = T("写到门牌号（小区、楼栋、单元、室）", "Supply address: down to the door number (estate, "
           "building, unit, flat)")
N_PHONE = T("能联系到本人的手机号码，用于预约勘查和进度短信", "Phone: a mobile number that reaches you, "
            "used to book the survey and for progress messages")
N_SIGN = T("户主本人签名，或持授权委托书的代理人签名并注明“代”", "Signature: the account holder, or an "
           "authorised agent holding a power of attorney, who adds “代” (on behalf of)")
N_DATE = T("填写当天日期，年月日写全", "Date: today's date with year, month and day")
N_ACCOUNT = T("电费单上的 10 位户号", "Account number: the 10-digit number on your bill")
N_CAP = T("单位为千瓦（kW）或千伏安（kVA），不确定可留空由工作人员核定", "Capacity: in kW or kVA; leave it "
          "blank if unsure and staff will work it out with you")

SAMPLE_NAME = "王示例"
SAMPLE_ID = "11010519900101000X"
SAMPLE_ADDR = "示范市示范区光明路 1 号 2 栋 3 单元 301 室"
SAMPLE_PHONE = "13800000000"
SAMPLE_COMPANY = "示范市样例商贸有限公司"
SAMPLE_CREDIT = "91000000MA00000000"


def _f(label: str, sample: str, note: dict | None = None, wide: bool = False) -> dict:
    return {"label": label, "sample": sample, "note": note, "wide": wide}


SIGN_ROW = [_f("客户签名", "王示例", N_SIGN), _f("日期", "2030 年 1 月 15 日", N_DATE)]

FORMS = [
    {"code": "residential", "titles": T("居民生活用电登记表", "Residential electricity application"),
     "paper_title": "居民生活用电登记表",
     "rows": [[_f("户名", SAMPLE_NAME, N_NAME), _f("证件号码", SAMPLE_ID, N_ID)],
              [_f("用电地址", SAMPLE_ADDR, N_ADDR, wide=True)],
              [_f("联系电话", SAMPLE_PHONE, N_PHONE), _f("申请容量", "8 kW", N_CAP)],
              [_f("业务类型", "☑ 新装  ☐ 增容  ☐ 充电桩"), _f("电费通知方式", "☑ 短信  ☐ 网上国网 App")],
              SIGN_ROW],
     "mistakes": [T("户名写成小名或简称", "Writing a nickname or a short form of the name"),
                  T("地址只写到小区，没有楼栋和门牌号", "Giving only the estate, not the building and door number"),
                  T("他人代签却没有授权委托书", "Someone else signing without a power of attorney")]},
    {"code": "non_residential", "titles": T("低压非居民用电登记表", "Non-residential electricity application"),
     "paper_title": "低压非居民用电登记表",
     "rows": [[_f("户名", SAMPLE_COMPANY, N_NAME), _f("统一社会信用代码", SAMPLE_CREDIT,
                                                  T("18 位，照营业执照抄写",
                                                    "Credit code: the 18 characters from the business licence"))],
              [_f("用电地址", "示范市示范区工业路 8 号 1 号厂房", N_ADDR, wide=True)],
              [_f("法定代表人", "李样例"), _f("联系电话", SAMPLE_PHONE, N_PHONE)],
              [_f("用电类别", "☑ 一般工商业  ☐ 大工业", T("按实际用途选择，不清楚可咨询窗口",
                                                     "Use category: tick the actual use; ask at a window if "
                                                     "unsure")),
               _f("申请容量", "50 kW", N_CAP)],
              [_f("主要用电设备", "空调 2 台 10 kW；照明 5 kW；加工设备 35 kW",
                  T("写明名称、台数和容量，与设备清单一致", "Equipment: name, number and capacity, as in "
                    "the equipment list"), wide=True)],
              [_f("单位盖章", "（公章）", T("加盖单位公章，与户名一致", "Seal: the company seal, matching the "
                                           "account name")), _f("日期", "2030 年 1 月 15 日", N_DATE)]],
     "mistakes": [T("户名与营业执照名称不一致", "Account name different from the business licence"),
                  T("申请容量与设备清单合计相差较大", "Requested capacity far from the equipment list total"),
                  T("漏盖公章", "Seal missing")]},
    {"code": "name_change", "titles": T("更名、过户申请表", "Name change / transfer application"),
     "paper_title": "更名（过户）申请表",
     "rows": [[_f("户号", "0000000001", N_ACCOUNT), _f("业务类型", "☐ 更名  ☑ 过户")],
              [_f("原户名", "赵旧户", T("照电费单填写", "Old name: as printed on the bill")),
               _f("新户名", SAMPLE_NAME, N_NAME)],
              [_f("新户主证件号码", SAMPLE_ID, N_ID), _f("联系电话", SAMPLE_PHONE, N_PHONE)],
              [_f("用电地址", SAMPLE_ADDR, N_ADDR, wide=True)],
              [_f("变更原因", "购买二手房", T("如购房、继承、单位更名", "Reason: such as a purchase, an "
                                               "inheritance or a company renaming"), wide=True)],
              SIGN_ROW],
     "mistakes": [T("原户欠费未结清就申请过户", "Applying before the old account's bills are paid"),
                  T("新户名与产权证明上的姓名不一致", "New name different from the ownership document")]},
    {"code": "closure", "titles": T("销户申请表", "Account closure application"), "paper_title": "销户申请表",
     "rows": [[_f("户号", "0000000001", N_ACCOUNT), _f("户名", SAMPLE_NAME, N_NAME)],
              [_f("用电地址", SAMPLE_ADDR, N_ADDR, wide=True)],
              [_f("销户原因", "房屋拆除", T("如房屋拆除、不再用电", "Reason: such as demolition or no "
                                           "further use"), wide=True)],
              [_f("电费结清情况", "☑ 已结清", T("销户前须结清全部电费和违约金",
                                                "Bills settled: all bills and late fees must be paid first")),
               _f("联系电话", SAMPLE_PHONE, N_PHONE)],
              SIGN_ROW],
     "mistakes": [T("预付费余额未申请退还", "Forgetting to ask for the prepaid balance back"),
                  T("非户主办理未带授权委托书", "Not the account holder and no power of attorney")]},
    {"code": "capacity", "titles": T("变更用电（增容、减容）申请表", "Capacity change application"),
     "paper_title": "变更用电申请表",
     "rows": [[_f("户号", "0000000002", N_ACCOUNT), _f("户名", SAMPLE_COMPANY, N_NAME)],
              [_f("变更类型", "☑ 增容  ☐ 减容  ☐ 暂停  ☐ 暂换"), _f("联系电话", SAMPLE_PHONE, N_PHONE)],
              [_f("原容量", "50 kW", T("照供用电合同填写", "Present capacity: as in the supply contract")),
               _f("变更后容量", "100 kW", N_CAP)],
              [_f("用电地址", "示范市示范区工业路 8 号 1 号厂房", N_ADDR, wide=True)],
              [_f("单位盖章", "（公章）"), _f("日期", "2030 年 1 月 15 日", N_DATE)]],
     "mistakes": [T("减容、暂停的期限不符合规定（减容不少于六个月，暂停每次不少于十五天）",
                    "Periods shorter than allowed (reductions at least six months, suspensions at least 15 days)"),
                  T("变更后容量未写单位", "New capacity without a unit")]},
    {"code": "pv", "titles": T("分布式光伏发电项目并网申请表", "PV grid connection application"),
     "paper_title": "分布式光伏发电项目并网申请表",
     "rows": [[_f("项目名称", "王示例家庭屋顶光伏", T("户名加“屋顶光伏”即可", "Project name: your "
                                                    "name and “rooftop PV” will do")),
               _f("联系电话", SAMPLE_PHONE, N_PHONE)],
              [_f("项目地址", SAMPLE_ADDR, N_ADDR, wide=True)],
              [_f("装机容量", "10 kWp", T("组件总功率，单位 kWp", "Installed capacity: total panel power "
                                        "in kWp")),
               _f("消纳方式", "☐ 全额上网  ☑ 自发自用、余电上网", T("选一种，并网后变更须重新申请",
                                                           "Use: choose one; changing later needs a new "
                                                           "application"))],
              [_f("并网电压", "☑ 220 V  ☐ 380 V  ☐ 10 kV"), _f("原户号", "0000000001", N_ACCOUNT)],
              SIGN_ROW],
     "mistakes": [T("装机容量写成逆变器容量", "Giving the inverter capacity instead of the panel capacity"),
                  T("屋顶非本人产权却未附使用同意书", "Not the roof owner and no consent attached")]},
]
