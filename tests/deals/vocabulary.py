"""The realistic profile's words: the method's indicators, coherent themes, customers, people.

Data only, in both languages; `realistic.py` draws from it. A theme keeps one deal's story
coherent (project, value proposition, metrics); a segment gives the customer's name forms and
the titles of its top and deputy contacts.
"""

from __future__ import annotations

import datetime as dt

LANGUAGES = ("zh", "en")
FIRST_DATE = dt.date(2026, 9, 1)

# The method's relationship indicators and weights (METHOD.md §1; the sixth has none
# in the source, the example deals give it 4).
INDICATORS = {
    "zh": ("客户经理的影响力", "组织内部协调能力", "高层对项目的重视程度", "交易历史及口碑", "长期合作潜力", "解决方案的设计能力"),
    "en": ("Account manager's influence", "Internal coordination capability",
           "Senior management's attention to the project", "Transaction history and reputation",
           "Long-term cooperation potential", "Solution design capability"),
}
INDICATOR_WEIGHTS = (5, 4, 3, 4, 3, 4)

# A theme keeps one deal's story coherent: project, value proposition, metrics.
# Each metric: (name, +1 when it should rise, -1 when it should fall).
THEMES = {
    "zh": (
        {"project": "全国数据通信组网", "expertise": "全国ATM数据通信组网",
         "capability": "构造跨省市主备份不同路由、统一网管监控", "improves": "网络交易的安全性和高效实时性",
         "offering": "跨省市主备份数据通信网", "tracking": "跟踪客户的通讯传输容量来记录实际节约的成本",
         "metrics": (("网上交易容量", 1), ("全国网络扩容投资", -1), ("交易高峰时段网络拥塞时长", -1))},
        {"project": "电子政务外网改造", "expertise": "政府部门通信与电子政务网络建设",
         "capability": "提供长途、宽带与虚拟专网一体化的安全通信", "improves": "政府网上办公的安全性和行政效率",
         "offering": "长途+ADSL+虚拟专网综合业务捆绑方案", "tracking": "按月对比长途话费账单与网上办公系统的业务处理量",
         "metrics": (("长途话费年支出", -1), ("网上办公业务处理效率", 1), ("网络安全事件数量", -1))},
        {"project": "营业网点专线整合", "expertise": "金融行业营业网点组网",
         "capability": "将分散的专线整合为统一管理的双路由网络", "improves": "营业网点的业务连续性和运维效率",
         "offering": "营业网点双路由专线与集中网管服务", "tracking": "通过统一网管平台按月统计故障时长与运维费用",
         "metrics": (("网点通信故障时长", -1), ("年度专线运维费用", -1), ("新网点开通速度", 1))},
        {"project": "视频会议与统一通信平台", "expertise": "大型企业统一通信建设",
         "capability": "构建覆盖总部与分支机构的高清视频会议和统一通信平台", "improves": "跨地域协同效率",
         "offering": "高清视频会议与统一通信平台", "tracking": "按季度统计视频会议使用次数与差旅报销金额",
         "metrics": (("年度差旅费用", -1), ("跨地区会议组织效率", 1))},
        {"project": "数据中心互联与异地灾备", "expertise": "数据中心互联与容灾备份",
         "capability": "建设同城双活、异地灾备的数据中心互联网络", "improves": "核心业务系统的可用性和数据安全",
         "offering": "数据中心互联专线与异地灾备服务", "tracking": "每季度进行灾备演练并记录恢复时间",
         "metrics": (("核心系统年停机时间", -1), ("灾备恢复时间", -1), ("数据备份容量", 1))},
        {"project": "口岸通关信息专网", "expertise": "口岸通关信息化",
         "capability": "构建连接各监管现场的高可靠专网", "improves": "通关效率和监管数据的实时性",
         "offering": "海关监管现场专网与视频监控回传", "tracking": "按月统计通关时间与专网可用率",
         "metrics": (("平均通关时间", -1), ("监管数据上传时延", -1), ("查验作业处理量", 1))},
    ),
    "en": (
        {"project": "branch network consolidation", "expertise": "nationwide payment and branch networks for banks",
         "capability": "run a dual-routed, centrally monitored branch network",
         "improves": "the resilience of card payments and the speed of regulatory reporting",
         "offering": "a managed dual-routed branch network with SD-WAN",
         "tracking": "monthly availability and cost reports from the shared network dashboard",
         "metrics": (("payment network outage minutes per year", -1), ("annual network operating cost", -1),
                     ("time to open a new branch", -1))},
        {"project": "e-government network upgrade", "expertise": "secure networks for public administration",
         "capability": "deliver an integrated voice, broadband and VPN network certified for government use",
         "improves": "the security of online public services and the efficiency of administration",
         "offering": "an integrated voice, broadband and VPN bundle",
         "tracking": "a monthly comparison of call bills and the case system's throughput",
         "metrics": (("annual long-distance spending", -1), ("online case processing throughput", 1))},
        {"project": "data centre interconnect and disaster recovery",
         "expertise": "data centre interconnection and disaster recovery",
         "capability": "build active-active metro links and a remote recovery site",
         "improves": "the availability of core systems and the safety of their data",
         "offering": "dedicated interconnect circuits with a managed recovery site",
         "tracking": "a quarterly recovery drill with the recovery time recorded",
         "metrics": (("core system downtime per year", -1), ("recovery time after a site failure", -1),
                     ("backup capacity", 1))},
        {"project": "unified communications rollout", "expertise": "unified communications for large enterprises",
         "capability": "deliver HD video conferencing and unified communications to every office",
         "improves": "collaboration across regions",
         "offering": "a managed video conferencing and unified communications platform",
         "tracking": "quarterly figures of conference usage and travel claims",
         "metrics": (("annual travel spending", -1), ("meetings held across regions", 1))},
        {"project": "trading network upgrade", "expertise": "low-latency networks for securities trading",
         "capability": "build a dual-routed national trading network with one operations centre",
         "improves": "trading capacity at peak hours and the security of online trading",
         "offering": "a dual-routed national trading network",
         "tracking": "the customer's transmission capacity, reported monthly against the baseline",
         "metrics": (("online trading capacity", 1), ("network expansion investment", -1))},
        {"project": "customs inspection network", "expertise": "networks for border and customs operations",
         "capability": "connect every inspection site over one resilient private network",
         "improves": "clearance times and the timeliness of inspection data",
         "offering": "a private inspection-site network with video backhaul",
         "tracking": "monthly clearance times and network availability",
         "metrics": (("average clearance time", -1), ("inspection data upload delay", -1),
                     ("inspections handled per day", 1))},
    ),
}

FACTORS = {
    "zh": ("网络交易的安全性", "交易高峰的实时性", "价格", "统一网管与服务响应", "长途资费水平", "政府网上办公的安全性",
           "一站式综合服务", "IP电话对长途价格的示范效应", "业务开通速度", "故障恢复时间", "数据安全与合规"),
    "en": ("Network security", "Real-time performance at peak hours", "Price", "Single management and service response",
           "Total cost of ownership", "Regulatory compliance reporting", "Migration without downtime",
           "One-stop integrated service", "Speed of service activation", "Time to restore after a fault"),
}
CAPABILITIES = {
    "zh": ("全程全网", "综合业务捆绑", "跨省市主备份不同路由", "网络安全保障与应急响应", "本地化服务团队", "云网融合",
           "7×24小时集中网管"),
    "en": ("National end-to-end network", "Integrated voice, data and security bundle", "Managed SD-WAN",
           "Dual routing across regions", "Security operations and incident response", "Local service teams",
           "24/7 network operations centre"),
}

SEGMENTS = {
    "zh": (
        ("政府部门行业客户", ("{city}市人民政府办公室", "{province}省税务局", "{province}省公安厅"),
         ("秘书长", "局长", "主任"), ("分管信息化副秘书长", "副局长", "副主任")),
        ("金融行业客户", ("{brand}银行{city}分行", "{brand}证券股份有限公司", "{brand}投资公司"),
         ("行长", "总经理", "董事长"), ("分管信息化副行长", "分管财务副总经理", "副总经理")),
        ("大型企业客户", ("{brand}集团有限公司", "{brand}能源股份有限公司", "{brand}物流集团"),
         ("总经理", "董事长"), ("分管信息化副总经理", "分管运营副总经理", "总会计师")),
        ("海关口岸客户", ("{city}海关", "{province}省出入境检验检疫局"),
         ("关长", "局长"), ("副关长", "副局长")),
    ),
    "en": (
        ("Government", ("{city} City Council", "{region} Department of Revenue", "{region} State Police"),
         ("City Manager", "Director General"), ("Deputy Director General", "Chief Information Officer")),
        ("Banking", ("{brand} Financial Group", "{brand} Savings Bank", "{brand} Securities"),
         ("Chief Executive Officer", "President"), ("Chief Information Officer", "Chief Risk Officer",
                                                    "Chief Financial Officer")),
        ("Enterprise", ("{brand} Energy Holdings", "{brand} Logistics Group", "{brand} Manufacturing"),
         ("Chief Executive Officer", "Managing Director"), ("Chief Operating Officer", "Chief Information Officer")),
        ("Customs", ("Port of {city} Customs Authority", "{region} Border Inspection Service"),
         ("Commissioner",), ("Deputy Commissioner", "Director of Operations")),
    ),
}
PLACES = {
    "zh": {"city": ("南京", "杭州", "广州", "成都", "武汉", "青岛", "厦门", "西安", "大连", "宁波"),
           "province": ("江苏", "浙江", "广东", "四川", "湖北", "山东", "福建", "陕西", "辽宁", "河南"),
           "brand": ("恒信", "华融", "长江", "瑞丰", "中原", "东方", "汇通", "鼎盛", "国泰", "天元")},
    "en": {"city": ("Harbor City", "Riverton", "Northgate", "Lakeside", "Westbridge", "Eastport", "Ashford"),
           "region": ("Northern", "Coastal", "Central", "Western", "Highland", "Southern"),
           "brand": ("Northbank", "Summit", "Crestline", "Bayview", "Granite", "Silverleaf", "Oakmont", "Redwood")},
}
TITLES = {
    "zh": {"manager": ("信息技术部经理", "运营管理部经理", "信息中心主任", "财务处处长", "采购部经理", "办公室主任"),
           "frontline": ("网络工程师", "机房值班主管", "网络管理员", "通信科科长", "系统运维工程师", "业务联络员")},
    "en": {"manager": ("Head of Network Operations", "Head of Procurement", "IT Infrastructure Manager",
                       "Head of Finance", "Facilities Manager", "Head of Information Security"),
           "frontline": ("Senior Network Engineer", "Branch IT Coordinator", "Data Centre Shift Lead",
                         "Service Desk Supervisor", "Systems Administrator", "Liaison Officer")},
}
SURNAMES = {
    "zh": "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘蒋蔡余杜叶程苏魏吕丁沈",
    "en": ("Lin", "Osei", "Nair", "Becker", "Chen", "Patel", "Souza", "Park", "Rivera", "Alvarez", "Murphy",
           "Novak", "Okafor", "Schmidt", "Tanaka", "Haddad", "Kowalski", "Moreau", "Jensen", "Costa"),
}
GIVEN = {
    "zh": ("建国", "志强", "丽华", "海燕", "明", "伟", "静", "磊", "晓东", "红梅", "立新", "文博", "雪梅", "俊杰", "国华"),
    "en": ("Margaret", "David", "Priya", "Tom", "Laura", "Raj", "Ana", "Helen", "Sam", "Kim", "Grace", "Omar",
           "Elena", "Marcus", "Yuki", "Daniel"),
}
OUR_TEAM_FORM = {"zh": ("{s}总", "{s}经理", "{s}工"), "en": ("{g} {s}", "{g} {s}", "{g} {s}")}
OUR_COMPANY = {"zh": "中国电信{province}分公司", "en": "{region} Telecom Enterprise"}
COMPETITORS = {
    "zh": ("移动运营商", "固网运营商", "IP电话运营商", "系统集成商", "云服务商", "专网运营商"),
    "en": (("meridian", "Meridian Networks"), ("apex", "Apex Carrier Services"), ("lumen", "Lumen Digital"),
           ("northstar", "Northstar Communications"), ("vantage", "Vantage Cloud"), ("keystone", "Keystone Telecom"),
           ("bluewave", "Bluewave Systems")),
}
SURROUNDING = {
    "zh": {"government": ("省信息产业厅", "市发展和改革委员会", "省大数据管理局"),
           "ministry": ("工业和信息化部", "财政部"), "regulator": ("省通信管理局", "银保监局", "证监会派出机构"),
           "investor": ("某投资银行", "战略投资方"), "shareholder": ("控股股东集团信息中心", "大股东单位"),
           "consultant": ("某咨询公司", "电子政务咨询专家组", "管理顾问团队"),
           "partner": ("合资伙伴", "系统集成合作伙伴")},
    "en": {"government": ("City Economic Development Office", "State Department of Administration"),
           "ministry": ("Ministry of Industry and Information Technology", "Ministry of Finance"),
           "regulator": ("National Banking Regulator", "Communications Regulator", "Securities Commission"),
           "investor": ("Harbor Capital (investment bank)", "Summit Partners (lead investor)"),
           "shareholder": ("Parent group IT centre", "Major shareholder"),
           "consultant": ("Stratus Advisory (network consultants)", "a management consultancy"),
           "partner": ("CardLink Payments (processing partner)", "joint-venture systems integrator")},
}
CURRENCY = {"zh": ("CNY", 5000), "en": ("USD", 1000)}  # currency, and the step of a monthly benefit
SITUATION = {
    "zh": "{customer}正在推进{project}, 计划在明年内完成, 已邀请我方与{c0}、{c1}、{c2}、{c3}参与方案交流. "
          "{c0}以价格见长, 正以大幅折扣争夺该客户; {c1}在客户总部有长期的合作关系.",
    "en": "{customer} is planning its {project} and expects to decide within the year. It has invited us, "
          "{c0}, {c1}, {c2} and {c3} to present. {c0} is competing on price with deep discounts; "
          "{c1} has a long relationship with head office.",
}
POSITIONING = {
    "zh": "对于{segment}, 以{basis}为基础, 充分发挥{capability}优势, 并在客户最关心的{factor}上给予更大的投入, "
          "从而赢得客户的忠诚并获得新业务.",
    "en": "For {segment} customers, build on {basis} and our {capability}, and invest more in {factor}, "
          "the factor the customer cares about most, to win loyalty and new business.",
}
LEVELS = {
    "zh": {"senior": "以{offering}支撑{customer}的发展战略, 显著提高{improves}.",
           "middle": "在现有预算周期内完成{offering}建设, 投资{months}个月内收回.",
           "frontline": "统一网管与7×24小时响应, 让日常运维更省时、更省钱."},
    "en": {"senior": "Support {customer}'s strategy with {offering}, and improve {improves}.",
           "middle": "Deliver {offering} within the current budget cycle and recover the investment in {months} months.",
           "frontline": "One network desk, answering day and night, so daily operations take less time and money."},
}


# Deputies, managers, front-line staff under the one number one: eight contacts.
SHAPES = ((1, 2, 4), (1, 3, 3), (2, 2, 3), (2, 3, 2))
