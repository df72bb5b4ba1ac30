"""Documents customers bring (资料清单), shared by the guides."""
from kiosk.guides.texts import T

DOCS = {
    "id": T("申请人有效身份证明（居民身份证、户口簿等）",
            "The applicant's valid identity document (resident ID card, household register or similar)"),
    "property": T("房屋产权证明或其他合法使用证明（不动产权证书、购房合同、租赁合同等）",
                  "Proof of ownership or lawful use of the premises (real-estate certificate, purchase or lease "
                  "contract)"),
    "agent": T("委托他人办理时：经办人身份证明和授权委托书",
               "If someone applies for you: the agent's identity document and a power of attorney"),
    "license": T("营业执照或统一社会信用代码证明（机关、事业单位提供组织机构证明）",
                 "Business licence or unified social credit code certificate (public bodies: proof of organisation)"),
    "legal_id": T("法定代表人（负责人）身份证明", "Identity document of the legal representative"),
    "load_list": T("用电设备清单（名称、台数、容量）", "List of electrical equipment (name, number, capacity)"),
    "approval": T("政府主管部门立项批复或备案文件（按规定需要时）",
                  "Project approval or filing documents from the authorities (where the law requires them)"),
    "account": T("户号或近期电费单据", "Your account number or a recent electricity bill"),
    "settled": T("电费结清凭证（如有欠费须先结清）", "Proof that all electricity bills are paid (arrears first)"),
    "transfer": T("产权变更证明（不动产权证书、买卖合同或法院文书）",
                  "Proof of the change of ownership (new real-estate certificate, sale contract or court decision)"),
    "new_owner_id": T("新户主有效身份证明", "The new account holder's valid identity document"),
    "name_proof": T("名称变更证明（工商变更登记通知书等）",
                    "Proof of the change of name (notice of registration change or similar)"),
    "parking": T("固定车位产权证明或一年以上租赁证明",
                 "Proof of ownership of a fixed parking space, or a lease of one year or more"),
    "estate_consent": T("物业（业委会）同意使用电力设施的证明",
                        "Consent of the property management to the installation"),
    "pv_info": T("光伏项目资料：组件、逆变器清单及屋顶产权或使用证明",
                 "PV project details: list of panels and inverters, and proof of the right to use the roof"),
    "category_proof": T("用电性质变更的证明材料（如经营许可、场所用途证明）",
                        "Evidence of the new use of electricity (such as a business permit or proof of the new use "
                        "of the premises)"),
    "split_proof": T("分户或并户的产权证明（房屋已分割或已合并的证明）",
                     "Proof that the premises have been divided or joined (ownership documents)"),
    "capacity_plan": T("变更后的用电容量说明及用电设备清单", "Statement of the capacity after the change, with the "
                       "equipment list"),
}

