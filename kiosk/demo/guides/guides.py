"""The demo business guides, one per business type of the hall rules (current time-limit commitments)."""
from kiosk.guides.texts import T

FREE = T("不收取费用。依据：价格主管部门公布的收费项目和标准（见收费标准）。",
         "No charge. Basis: the charging items and standards published by the price authorities (see the fee "
         "schedule).")
CUSTOMER_INVEST = T("供电企业不收取业扩工程费用；受电工程由您出资建设，费用由您与自选的施工单位约定。"
                    "依据：价格主管部门公布的收费项目和标准（见收费标准）。",
                    "The utility charges no connection-works fee; your own installation is paid by you at the price "
                    "you agree with the builder you choose. Basis: the charging items and standards published by "
                    "the price authorities (see the fee schedule).")
CAPACITY_FEE = T("办理本业务不收取手续费；两部制电价客户的基本电费按变更后的容量或需量自变更之日起计收。"
                 "依据：现行电价政策和价格主管部门公布的收费标准（见收费标准）。",
                 "No handling fee. For customers on two-part tariffs the capacity (or demand) charge follows the "
                 "new capacity from the day of the change. Basis: current tariff policy and the published "
                 "charging standards (see the fee schedule).")

#: (code, category, form, names, purpose, eligibility, documents, steps, fees, keywords, total note)
GUIDES = [
    ("residential_new", "connect", "residential",
     T("居民新装", "New residential connection"),
     T("为住宅申请新的用电户，一户一表。", "Opens a new electricity account with its own meter for a home."),
     T("房屋产权人或合法使用人（租户须产权人同意）。", "The owner or lawful occupant of the home (tenants with the "
       "owner's consent)."),
     [("id", "both"), ("property", "copy"), ("agent", "original")],
     [("acceptance", 1), ("survey", 2), ("connection", 2), ("archive", None)],
     FREE, T("新装 开户 通电 装表 居民 住宅", "new connection home meter house electricity supply"), None),
    ("lv_new", "connect", "non_residential",
     T("低压非居民新装", "New low-voltage non-residential connection"),
     T("为商铺、小微企业等申请 380/220 伏低压供电。", "Low-voltage (380/220 V) supply for shops and small "
       "businesses."),
     T("企业、个体工商户、机关事业单位等用电人。", "Companies, sole traders, public bodies and other users."),
     [("license", "copy"), ("legal_id", "copy"), ("property", "copy"), ("load_list", "original"),
      ("agent", "original")],
     [("acceptance", 1), ("survey", 2), ("customer_build", None), ("connection", 3), ("archive", None)],
     CUSTOMER_INVEST, T("新装 商铺 企业 低压 非居民 报装", "new connection shop business low voltage commercial"),
     None),
    ("hv_new", "connect", "non_residential",
     T("高压新装", "New high-voltage connection"),
     T("为用电容量较大的企业申请 10 千伏及以上高压供电。", "10 kV and higher supply for larger "
       "customers."),
     T("企业、机关事业单位等用电人。", "Companies, public bodies and other users."),
     [("license", "copy"), ("legal_id", "copy"), ("property", "copy"), ("approval", "copy"),
      ("load_list", "original"), ("agent", "original")],
     [("acceptance", 1), ("survey", 2), ("supply_plan", 8), ("customer_build", None), ("design_review", 3),
      ("mid_inspection", 2), ("completion", 3), ("connection", 3), ("archive", None)],
     CUSTOMER_INVEST, T("高压 新装 专变 变压器 工厂 报装", "high voltage transformer factory new connection"),
     T("单电源不超过 22 个工作日，双电源不超过 32 个工作日（不含您自行设计施工的时间）。",
       "Single supply at most 22 working days, dual supply at most 32 (not counting the time of your own design "
       "and construction).")),
    ("hv_new_dual", "connect", "non_residential",
     T("高压新装（双电源）", "New high-voltage connection, dual supply"),
     T("为需要两路或多路电源的重要客户申请 10 千伏及以上高压供电。", "10 kV and higher supply from two or more "
       "sources for customers who need a backup supply."),
     T("企业、机关事业单位等用电人。", "Companies, public bodies and other users."),
     [("license", "copy"), ("legal_id", "copy"), ("property", "copy"), ("approval", "copy"),
      ("load_list", "original"), ("agent", "original")],
     [("acceptance", 1), ("survey", 3), ("supply_plan", 15), ("customer_build", None), ("design_review", 5),
      ("mid_inspection", 2), ("completion", 3), ("connection", 3), ("archive", None)],
     CUSTOMER_INVEST, T("高压 双电源 双回路 备用电源 新装 报装", "high voltage dual supply two sources backup new "
                        "connection"),
     T("双电源不超过 32 个工作日（不含您自行设计施工的时间）；供电方案答复时限长于单电源。",
       "Dual supply at most 32 working days (not counting the time of your own design and construction); the "
       "supply plan takes longer than for a single supply.")),
    ("capacity_increase", "change", "capacity",
     T("增容", "Capacity increase"),
     T("在原址增加合同约定的用电容量。", "Raises the contracted capacity at the same address."),
     T("现有用电户的户主或其委托的代理人。", "The account holder or an authorised agent."),
     [("id", "copy"), ("license", "copy"), ("account", "original"), ("capacity_plan", "original"),
      ("agent", "original")],
     [("acceptance", 1), ("survey", 2), ("customer_build", None), ("connection", 3), ("archive", None)],
     CAPACITY_FEE, T("增容 加容量 扩容 容量不够 跳闸", "capacity increase more power upgrade"),
     T("低压增容不超过 6 个工作日；高压增容按高压新装时限办理。",
       "Low-voltage increases take at most 6 working days; high-voltage increases follow the high-voltage "
       "connection limits.")),
    ("capacity_reduction", "change", "capacity",
     T("减容", "Capacity reduction"),
     T("减少合同约定的用电容量（整台或整组变压器停用、更换小容量变压器）。",
       "Lowers the contracted capacity (transformers taken out of use or replaced by smaller ones)."),
     T("高压供电的用电户，减容期限不少于六个月。", "High-voltage customers; a reduction lasts at least six months."),
     [("id", "copy"), ("license", "copy"), ("account", "original"), ("capacity_plan", "original")],
     [("acceptance", 1), ("seal", 4), ("archive", None)],
     CAPACITY_FEE, T("减容 减少容量 降容 基本电费", "capacity reduction lower capacity demand charge"), None),
    ("suspension", "change", "capacity",
     T("暂停", "Temporary suspension"),
     T("暂时停用部分或全部受电变压器，暂停期间减免相应基本电费。",
       "Takes some or all transformers out of use for a time; the capacity charge is reduced meanwhile."),
     T("两部制电价的高压用电户（每次暂停不少于 15 天）。", "High-voltage customers on two-part tariffs (at least 15 "
       "days each time)."),
     [("id", "copy"), ("license", "copy"), ("account", "original")],
     [("acceptance", 1), ("seal", 2), ("archive", None)],
     CAPACITY_FEE, T("暂停 停用变压器 基本电费 封停", "suspension pause transformer capacity charge"), None),
    ("temporary_change", "change", "capacity",
     T("暂换", "Temporary transformer change"),
     T("受电变压器故障而无相同容量变压器替代时，临时更换大容量变压器。",
       "When a transformer fails and no equal one is available, a larger one is used for a time."),
     T("高压用电户（暂换期限一般不超过两个月）。", "High-voltage customers (usually for at most two months)."),
     [("id", "copy"), ("license", "copy"), ("account", "original")],
     [("acceptance", 1), ("survey", 2), ("connection", 2), ("archive", None)],
     CAPACITY_FEE, T("暂换 变压器故障 临时更换", "temporary change transformer failure"), None),
    ("relocation", "change", "non_residential",
     T("迁址", "Relocation"),
     T("用电地址迁移到同一供电点范围内的新地址。", "Moves the supply to a new address."),
     T("户主或其委托的代理人，原址电费须结清。", "The account holder or an authorised agent; bills at the old "
       "address must be paid."),
     [("id", "copy"), ("property", "copy"), ("settled", "original"), ("account", "original")],
     [("acceptance", 1), ("survey", 2), ("connection", 3), ("archive", None)],
     FREE, T("迁址 搬迁 换地址 搬家", "relocation move new address"), None),
    ("meter_relocation", "change", "residential",
     T("移表", "Meter relocation"),
     T("因修缮房屋等原因需要移动电能表的安装位置。", "Moves the meter, for instance during building work."),
     T("户主或其委托的代理人。", "The account holder or an authorised agent."),
     [("id", "copy"), ("account", "original"), ("agent", "original")],
     [("acceptance", 1), ("survey", 2), ("meter_work", 2), ("archive", None)],
     FREE, T("移表 电表位置 挪电表 装修", "meter relocation move meter renovation"), None),
    ("name_change", "account", "name_change",
     T("更名", "Name change"),
     T("产权不变，用电户的名称发生变化（如单位更名）。", "The owner stays the same but the account holder's name "
       "changes (such as a company renaming)."),
     T("户主或其委托的代理人。", "The account holder or an authorised agent."),
     [("id", "copy"), ("license", "copy"), ("name_proof", "copy"), ("account", "original")],
     [("acceptance", 1), ("archive", 2)],
     FREE, T("更名 改名 名称变更", "name change rename"), None),
    ("transfer", "account", "name_change",
     T("过户", "Transfer of ownership"),
     T("房屋买卖、继承等产权变化后，把用电户转到新产权人名下。",
       "Puts the account in the new owner's name after a sale, inheritance or other change of ownership."),
     T("新产权人（原户电费须结清）。", "The new owner (bills of the old account must be paid)."),
     [("new_owner_id", "both"), ("transfer", "copy"), ("settled", "original"), ("agent", "original")],
     [("acceptance", 1), ("reading", 1), ("archive", 1)],
     FREE, T("过户 买房 二手房 户主变更 继承", "transfer ownership bought house new owner"), None),
    ("split_merge", "account", "name_change",
     T("分户、并户", "Account split or merge"),
     T("一户分为多户，或多户合并为一户。", "Divides one account into several, or joins several into one."),
     T("户主或其委托的代理人，电费须结清。", "The account holder or an authorised agent; bills must be paid."),
     [("id", "copy"), ("split_proof", "copy"), ("settled", "original"), ("account", "original")],
     [("acceptance", 1), ("survey", 2), ("meter_work", 2), ("archive", None)],
     FREE, T("分户 并户 合户 拆分", "split merge divide join accounts"), None),
    ("closure", "account", "closure",
     T("销户", "Account closure"),
     T("不再用电，终止供用电关系并拆除计量装置。", "Ends the supply: the contract is ended and the meter removed."),
     T("户主或其委托的代理人，电费须结清。", "The account holder or an authorised agent; bills must be paid."),
     [("id", "copy"), ("account", "original"), ("settled", "original"), ("agent", "original")],
     [("acceptance", 1), ("meter_work", 2), ("archive", 2)],
     FREE, T("销户 停止用电 拆表 注销 退户", "closure close account stop supply remove meter"), None),
    ("category_change", "change", "non_residential",
     T("改类", "Tariff category change"),
     T("用电性质或用途变化时，变更电价类别。", "Changes the tariff category when the use of electricity changes."),
     T("户主或其委托的代理人。", "The account holder or an authorised agent."),
     [("id", "copy"), ("license", "copy"), ("category_proof", "copy"), ("account", "original")],
     [("acceptance", 1), ("survey", 2), ("archive", 2)],
     FREE, T("改类 电价类别 用电性质 商业 居民", "category change tariff type use"), None),
    ("pv", "green", "pv",
     T("分布式光伏并网", "Distributed PV grid connection"),
     T("屋顶等分布式光伏发电项目接入电网，自发自用或余电上网。",
       "Connects rooftop and other distributed solar power to the grid, for own use or selling the surplus."),
     T("自然人或企业（屋顶产权人或经同意的使用人）。", "Individuals or companies owning the roof or using it with "
       "consent."),
     [("id", "copy"), ("property", "copy"), ("pv_info", "original"), ("license", "copy"), ("agent", "original")],
     [("acceptance", 1), ("survey", 2), ("customer_build", None), ("pv_test", 3), ("archive", None)],
     T("接入系统方案制定、并网检测、计量装置安装等不收取费用。依据：国家分布式光伏并网服务有关规定"
       "和价格主管部门公布的收费标准（见收费标准）。",
       "No charge for the connection plan, grid-connection tests or metering. Basis: the national rules on grid "
       "services for distributed PV and the published charging standards (see the fee schedule)."),
     T("光伏 太阳能 并网 屋顶 发电 余电上网", "solar pv photovoltaic rooftop grid"), None),
    ("ev_charger", "green", "residential",
     T("充电桩报装", "EV charger connection"),
     T("为私人固定车位上的电动汽车充电桩单独装表供电。", "A separately metered supply for a home EV charger at a "
       "fixed parking space."),
     T("车位产权人或长期承租人。", "The owner or long-term tenant of the parking space."),
     [("id", "copy"), ("parking", "copy"), ("estate_consent", "original"), ("agent", "original")],
     [("acceptance", 1), ("survey", 2), ("connection", 2), ("archive", None)],
     FREE, T("充电桩 电动汽车 新能源车 车位", "ev charger electric car charging parking"), None),
]

#: The channels every demo business can be applied for through.
CHANNELS = ["hall", "95598", "app"]
