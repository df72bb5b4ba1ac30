"""Step texts shared by the guides; ``stage`` links a step to the application-progress stage it becomes."""
from kiosk.guides.texts import T

STEP_TEXTS = {
    "acceptance": T("受理申请：在营业厅、95598 网站或网上国网 App 提交申请和资料，资料齐全当场受理",
                    "Application: hand in the application and documents at the hall, on the 95598 website or in "
                    "the mobile app; a complete application is accepted on the spot"),
    "survey": T("现场勘查：工作人员与您预约时间上门查看用电地址和供电条件",
                "Site survey: staff agree a time with you and check the address and the supply conditions"),
    "supply_plan": T("答复供电方案：书面告知供电电源、容量、计量和受电工程要求",
                     "Supply plan reply: the supply source, capacity, metering and the requirements for your "
                     "installation in writing"),
    "customer_build": T("受电工程设计与施工：由您自主选择有资质的单位（供电企业不指定设计、施工和设备供应单位）",
                        "Design and construction of your installation: you choose any qualified firm yourself (the "
                        "utility designates no designer, builder or supplier)"),
    "design_review": T("设计审查：审查受电工程设计文件并一次性书面答复意见",
                       "Design review: your installation drawings are checked and all comments given at once in "
                       "writing"),
    "mid_inspection": T("中间检查：对隐蔽工程进行检查", "Intermediate inspection of concealed works"),
    "completion": T("竣工检验：工程完工后报验，现场检验合格", "Completion acceptance: report completion, on-site "
                    "inspection passed"),
    "connection": T("签订供用电合同，装表接电", "Sign the supply contract; the meter is installed and the supply "
                    "connected"),
    "seal": T("现场封停或启封设备并抄录电能表读数", "Equipment sealed or unsealed on site and the meter read"),
    "reading": T("现场抄表，结清电费", "Meter read on site and the bill settled"),
    "meter_work": T("拆除、迁移或更换计量装置并抄录读数", "Meter removed, moved or replaced and read"),
    "archive": T("变更用户档案，办结归档", "Account records updated; the case is closed and archived"),
    "pv_test": T("并网验收与调试：安装双向计量装置，并网调试", "Grid-connection acceptance: bidirectional meter "
                 "installed and the system commissioned"),
}

#: Step key -> the progress stage it is tracked as (None: not tracked, e.g. the customer's own work).
STEP_STAGE = {
    "acceptance": "acceptance", "survey": "survey", "supply_plan": "supply_plan", "customer_build": None,
    "design_review": "design_review", "mid_inspection": "mid_inspection", "completion": "completion",
    "connection": "connection", "seal": "connection", "reading": "survey", "meter_work": "connection",
    "archive": "archive", "pv_test": "completion",
}
