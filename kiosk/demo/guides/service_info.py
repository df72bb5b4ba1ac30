"""Demo 办事公开 content: the ten service commitments, service items, complaint channels, job discipline and
a neutral contractor directory (fictional firms)."""
from kiosk.guides.texts import T

COMMITMENTS = [
    (T("电力供应安全可靠", "Safe and reliable supply"),
     T("城市电网供电可靠率不低于 99.89%，农村电网不低于 99%；居民客户端电压合格率符合国家要求。",
       "Supply reliability of not less than 99.89% in cities and 99% in rural areas; voltage at homes within "
       "national limits.")),
    (T("停电限电及时告知", "Outages announced in time"),
     T("计划检修停电提前 7 天公告停电区域、线路和时间；临时检修停电提前 24 小时公告。",
       "Planned maintenance announced at least 7 days ahead with area, lines and times; temporary maintenance "
       "at least 24 hours ahead.")),
    (T("快速抢修及时复电", "Fast repairs"),
     T("24 小时故障报修；抢修人员到达现场时间：城区 45 分钟，农村 90 分钟，边远地区 2 小时，特殊边远地区根据实际情况"
       "合理确定。",
       "Faults reported around the clock; crews arrive within 45 minutes in town, 90 minutes in the country and "
       "2 hours in remote areas; in special remote areas as circumstances allow.")),
    (T("价费政策公开透明", "Open prices and fees"),
     T("严格执行电价和收费政策，在营业厅和网上国网 App 公开电价、收费标准和服务程序。",
       "Tariffs and fees follow the price authorities and are published in the hall and in the mobile app.")),
    (T("渠道服务丰富便捷", "Many convenient channels"),
     T("在营业厅服务窗口和网上国网 App 办理咨询、办电、交费等业务；95598 热线 24 小时受理咨询、报修和投诉。",
       "Enquiries, applications and payments at the hall's service windows and in the mobile app; the 95598 "
       "hotline takes enquiries, repair requests and complaints around the clock.")),
    (T("获得电力快捷高效", "Fast connection"),
     T("接电时间：居民客户不超过 5 个工作日，低压非居民客户不超过 6 个工作日，高压单电源不超过 22 个工作日，"
       "高压双电源不超过 32 个工作日。",
       "Connection within 5 working days for homes, 6 for low-voltage businesses, 22 for high-voltage single "
       "supply and 32 for dual supply.")),
    (T("电表异常快速响应", "Meter problems handled quickly"),
     T("受理电能表校验申请后 5 个工作日内出具检测结果；抄表数据异常 5 个工作日内核实答复。",
       "Meter test results within 5 working days of the request; reading anomalies checked and answered within "
       "5 working days.")),
    (T("电费服务温馨便利", "Helpful billing"),
     T("通过短信和网上国网 App 告知电费和余额变化；电子发票和电子账单在网上国网 App 提供。",
       "Bill and balance changes sent by text message and in the mobile app; electronic invoices and statements "
       "in the mobile app.")),
    (T("服务投诉快速处理", "Complaints handled quickly"),
     T("受理投诉后 24 小时内联系客户，5 日内答复处理意见；举报 10 日内答复。",
       "After a complaint we contact you within 24 hours and answer within 5 days; reports are answered within "
       "10 days.")),
    (T("保底服务尽职履责", "Universal service"),
     T("依法履行普遍服务义务，为营业区内的客户提供保底供电服务。",
       "We fulfil the universal service obligation for every customer in our area.")),
]

SERVICE_ITEMS = [
    (T("用电业务办理", "Electricity applications"),
     T("新装、增容、变更用电、光伏并网、充电桩报装等，详见办事指南。",
       "New connections, capacity changes, other changes, PV and EV chargers: see the business guides.")),
    (T("电费查询与交费", "Bills and payment"),
     T("自助终端可查询电费、打印电费清单。交费请到服务窗口，或使用网上国网 App；电子发票在网上国网 App 开具。",
       "Bill enquiries and printed statements at the kiosk. Pay at a service window or in the mobile app; "
       "electronic invoices are issued in the mobile app.")),
    (T("咨询与查询", "Enquiries"), T("电价、收费标准、停电信息、业务进度查询。",
                                  "Tariffs, fees, outages and application progress.")),
]

COMPLAINTS = [
    (T("95598 供电服务热线", "95598 service hotline"), T("24 小时受理咨询、报修、投诉和举报。",
                                                  "Enquiries, repairs, complaints and reports around the clock.")),
    (T("网上国网 App", "Mobile app"), T("在“服务”栏目提交投诉或建议。", "Submit a complaint or suggestion under "
                                                                 "“Service”.")),
    (T("营业厅意见簿", "Opinion book in the hall"), T("在自助终端或服务台填写意见，营业厅负责人定期处理。",
                                               "Write in the opinion book at a kiosk or the desk; the hall "
                                               "manager handles every entry.")),
    (T("处理时限", "Time limits"), T("投诉 5 日内答复，举报 10 日内答复；举报人可匿名。",
                                 "Complaints answered within 5 days, reports within 10 days; whistle-blowers may "
                                 "stay anonymous.")),
]

DISCIPLINE = [
    T("不准违规停电、无故拖延送电", "No unlawful disconnections, no needless delays in connecting"),
    T("不准违反政府部门批准的收费项目和标准向客户收费", "No charges beyond the approved items and standards"),
    T("不准为客户工程指定设计、施工、供货单位（三不指定）", "No designating designers, builders or suppliers for "
      "customers' projects"),
    T("不准对客户投诉、咨询推诿塞责", "No passing the buck on complaints or enquiries"),
    T("不准为亲友用电谋取私利", "No favours for relatives or friends"),
    T("不准对外泄露客户个人信息及商业秘密", "No disclosure of customers' personal data or business secrets"),
    T("不准收受客户礼品、礼金、有价证券", "No gifts, money or securities from customers"),
    T("不准利用岗位与工作之便谋取不正当利益", "No improper gain from one's position"),
]

CONTRACTORS = [
    (T("示范电力工程设计有限公司（虚构）", "Demo Electrical Design Co. (fictional)"), "design",
     T("电力行业（供配电）专业乙级", "Power industry design, grade B"), "周工", "0000-1234567"),
    (T("样例输变电安装工程有限公司（虚构）", "Sample Power Installation Co. (fictional)"), "construction",
     T("承装（修、试）电力设施许可证 三级", "Power facility installation licence, grade 3"), "吴经理", "0000-2345678"),
    (T("虚拟新能源科技有限公司（虚构）", "Virtual New Energy Technology Co. (fictional)"), "both",
     T("承装（修、试）电力设施许可证 四级；设计丙级", "Installation licence grade 4; design grade C"), "郑工",
     "0000-3456789"),
    (T("示例机电安装工程有限公司（虚构）", "Example M&E Installation Co. (fictional)"), "construction",
     T("承装（修、试）电力设施许可证 四级", "Power facility installation licence, grade 4"), "冯经理", "0000-4567890"),
    (T("演示电气设计咨询有限公司（虚构）", "Showcase Electrical Consulting Co. (fictional)"), "design",
     T("电力行业（送变电）专业丙级", "Power industry design (transmission), grade C"), "陈工", "0000-5678901"),
]
