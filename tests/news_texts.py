"""Realistic news paragraphs shared by the decoding and bad-input tests."""

# Written for these tests, not taken from a page.
SIMPLIFIED = (
    "新华社北京3月12日电 记者从国家统计局获悉，今年前两个月，全国规模以上工业增加值同比增长5.9%，"
    "社会消费品零售总额增长5.5%，市场销售保持平稳，就业形势总体稳定。国家统计局新闻发言人表示，"
    "国民经济延续回升向好态势，但外部环境依然复杂严峻，仍需加大宏观政策调控力度。"
)
TRADITIONAL = (
    "中央社記者台北15日電 行政院今天召開院會，通過明年度中央政府總預算案，歲出規模約新台幣三兆元，"
    "較今年增加百分之三。行政院長表示，預算將優先用於國防、社會福利與教育，並持續推動能源轉型及數位發展，"
    "希望立法院儘速審議，讓各項政策能夠順利推動。"
)
# Big5-HKSCS characters (Cantonese):
CANTONESE = "佢哋話呢個問題好複雜，政府嘅回應仲未夠清楚，市民都好擔心。"
