"""Compiled regexes for metadata lines, built from named word lists.

Every pattern below is assembled from a plain tuple of words so that adding a
wire agency, a byline role or a date label is a one-word change, and every
regex stays short enough to read.  The lists were collected from the seeds and
from the 386 daniel page dumps (2011–2012, simplified and traditional).

Patterns expect digits already folded to ASCII (``metadata.fold_digits``);
nothing else is normalized first: metadata is read before spaces are collapsed
(SPEC §5), so every pattern tolerates stray spaces.

Nothing is computed at import time beyond compiling these patterns.
"""

from __future__ import annotations

import re

# --- character classes ------------------------------------------------------

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""CJK ideographs (basic, extension A, compatibility)."""

SLASH = r"/／╱"
"""Separators between byline pieces (``聯合報╱記者陳俐君／台北報導``)."""

OPEN = r"(（【\[〔"
CLOSE = r")）】\]〕"

# --- word lists -------------------------------------------------------------

WIRE_AGENCIES = (
    "新华社", "新華社", "新华网", "新華網", "中新社", "中新网", "中新網",
    "中国新闻社", "中國新聞社", "中国新闻网", "中國新聞網", "人民网", "人民網",
    "央视网", "央視網", "央视新闻", "中广网", "中廣網", "中国网", "光明网",
    "国际在线", "中国日报网", "中央社", "中評社", "中评社",
    "法新社", "路透社", "美联社", "美聯社", "共同社", "韩联社", "韓聯社",
    "塔斯社", "彭博社", "合众社", "德新社", "安莎社", "俄新社", "埃菲社",
)
"""News agencies and big portals that open datelines (``新华社北京12月9日电``)."""

OUTLET_SUFFIXES = (
    "日报", "日報", "晚报", "晚報", "晨报", "晨報", "早报", "早報", "商报", "商報",
    "时报", "時報", "快报", "快報", "导报", "導報", "周报", "週報", "报", "報",
    "周刊", "週刊", "杂志", "雜誌", "新闻网", "新聞網", "网", "網", "社",
    "新闻", "新聞", "电视台", "電視台", "广播电台", "廣播電台", "电台", "電台",
    "频道", "頻道", "在线", "在線", "微博", "传媒", "傳媒", "之声", "之聲", "中心",
)
"""How publisher names end (``北京日报``, ``中國時報``, ``南方网``)."""

REPORTER_ROLES = (
    "本报特约记者", "本報特約記者", "本报记者", "本報記者", "特约记者", "特約記者",
    "特派记者", "特派記者", "首席记者", "首席記者", "见习记者", "見習記者",
    "实习记者", "實習記者", "记者", "記者",
)
"""Roles ending in 记者; an outlet may precede them (``北京青年报记者``)."""

OTHER_ROLES = (
    "通讯员", "通訊員", "实习生", "實習生", "撰稿", "撰文", "作者", "采写", "採寫",
    "编译", "編譯", "口述", "整理", "摄影", "攝影", "制图", "製圖", "绘图", "繪圖",
)
"""Byline roles that are not 记者."""

SLASH_ROLES = ("文", "图", "圖", "摄", "攝")
"""One-character roles, only meaningful before a slash or colon (``文/温婧``)."""

EDITOR_ROLES = (
    "责任编辑", "責任編輯", "值班编辑", "值班編輯", "实习编辑", "實習編輯",
    "责编", "責編", "编辑", "編輯", "校对", "校對", "审校", "審校",
)
"""Editor roles (``编辑/汪浩舟``, ``責任編輯：楊玲``)."""

DATE_LABELS = (
    "发布时间", "發布時間", "發佈時間", "发表时间", "發表時間", "发稿时间", "發稿時間",
    "更新时间", "更新時間", "发布日期", "發布日期", "出版日期", "刊发时间", "时间",
    "時間", "日期",
)
"""Labels in front of a date (``發稿時間：``)."""

SOURCE_LABELS = (
    "信息来源", "新闻来源", "新聞來源", "文章来源", "文章來源", "本文来源", "稿件来源",
    "消息来源", "本文来源于", "来源于", "來源於", "来源", "來源", "稿源", "出处", "出處", "转载自", "转自", "轉自",
)
"""Labels in front of a publisher name (``来源：新华网``)."""

COLUMN_LABELS = ("栏目", "欄目", "专栏", "專欄", "频道", "頻道")
"""Labels in front of a column name (``栏目：经济观察``)."""

ORIGINAL_TITLE_LABELS = ("原标题", "原標題", "原题", "原題")

KEYWORD_LABELS = ("关键词", "關鍵詞", "关键字", "關鍵字", "标签", "標籤", "Tags", "TAG", "Tag")

CHROME_WORDS = (
    "浏览次数", "瀏覽次數", "阅读次数", "閱讀次數", "点击数", "點擊數", "点击", "點擊",
    "人气", "人氣", "我要收藏", "收藏", "分享到", "分享", "打印本页", "打印", "列印",
    "复制链接", "複製網址", "转寄", "轉寄", "推荐", "推薦", "我要评论", "我来说两句",
    "发表评论", "查看评论", "评论", "評論", "讨论", "討論", "纠错", "糾錯", "关闭", "關閉",
    "手机看新闻", "暂无网友评论", "网摘", "电子邮件", "電子郵件", "已有", "参与互动",
    "阅读", "閱讀", "我要評論", "手机版", "手機版", "网友评论", "網友評論",
)
"""Page chrome that shares a line with the date and source (``浏览次数``, ``打印``)."""

FONT_SIZE_LABELS = ("字号", "字號", "调整字体", "調整字體", "浏览字号", "字体", "字體")
"""``【字号 大 中 小】``, ``字号：T | T``."""

MEDIA_TAGS = ("图", "圖", "组图", "組圖", "多图", "图文", "圖文", "视频", "視頻", "高清组图", "独家")
"""Bracketed title prefixes that mark media, not a column (``【组图】``)."""

NOT_NAMES = (
    "佚名", "待续", "待續", "未完待续", "未完待續", "续完", "全文完", "有删节", "摘编",
    "节选", "資料圖", "资料图", "资料图片", "图片", "圖片", "视频", "本报", "本報",
    "本台", "本站", "综合", "綜合", "下同", "同上", "网友", "網友", "通讯员", "记者",
    "调查", "調查", "观察", "觀察", "手记", "手記", "专访", "專訪", "来信", "來信",
    "述评", "述評", "评论", "評論", "连线", "連線", "直击", "直擊", "探访", "探訪",
)
"""Short Han strings that fill a name slot but are not names."""

NOT_NAME_ENDINGS = ("图片", "圖片", "照片", "资料", "資料")
"""Endings of credit words that are not names (``資料照片``)."""

PLACES_TW = (
    "台北", "臺北", "新北", "台中", "臺中", "台南", "臺南", "高雄", "桃園", "新竹",
    "基隆", "嘉義", "彰化", "花蓮", "台東", "臺東", "宜蘭", "屏東", "南投", "雲林",
    "苗栗", "澎湖", "金門", "香港", "澳門", "北京", "上海", "東京", "華盛頓", "紐約",
    "倫敦", "巴黎", "首爾", "即時",
)
"""Places written right after a reporter's name (``中央社記者陳鈞凱台北9日電``)."""


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first so prefixes lose.

    >>> alternation(("记者", "本报记者"))
    '本报记者|记者'
    """
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


WIRE = alternation(WIRE_AGENCIES)
OUTLET_END = alternation(OUTLET_SUFFIXES)
REPORTER = alternation(REPORTER_ROLES)
EDITOR = alternation(EDITOR_ROLES)

# --- dates ------------------------------------------------------------------

DATE = re.compile(
    r"""
    (?<!\d)
    (?: 民國 \s* (?P<roc>\d{2,3}) | (?P<year>(?:19|20|21)\d{2}) )
    \s*
    (?: 年 \s* (?P<m1>\d{1,2}) \s* 月 \s* (?P<d1>\d{1,2}) (?: \s* [日号號] | (?!\d) )
      | (?P<sep>[-/.]) (?P<m2>\d{1,2}) (?P=sep) (?P<d2>\d{1,2}) (?!\d)
    )
    (?:                                   # optional time of day
        \s* (?:[,，T] \s*)?
        (?: (?P<half1>上午|下午|中午|晚上|凌晨|早上) \s* )?
        (?: (?P<h1>\d{1,2}) \s* [:：] \s* (?P<mi1>\d{2}) (?: \s* [:：] \s* (?P<s1>\d{2}) )?
          | (?P<h2>\d{1,2}) [时時点點] (?P<mi2>\d{1,2}) 分 (?: (?P<s2>\d{1,2}) 秒 )?
        )
        (?!\d)
        (?: \s* (?P<half2>[AaPp]\.?[Mm]\.?) (?![A-Za-z]) )?
    )?
    """,
    re.VERBOSE,
)
"""One date, optionally with a time: ``2011年12月09日10:31``, ``2025/3/31 20:14:29``,
``2012.01.12 06:45 pm``, ``發佈時間：2011年12月9日 下午 3:05``, ``民國101年1月17日``."""

# --- page chrome and URLs -----------------------------------------------------

URL = re.compile(
    r"""
    (?: https?:// | www\. ) [\w./?=&%#:~+@-]*
  | \b [a-z0-9-]+ (?: \. [a-z0-9-]+ )* \. (?:com|cn|net|org|tw|hk) \b (?: /[\w./-]* )?
    """,
    re.VERBOSE | re.IGNORECASE,
)

CHROME_FIRST = "".join(sorted({w[0] for w in FONT_SIZE_LABELS + CHROME_WORDS} | set("大＋+已正有星週[【")))
"""Every character a :data:`CHROME` match can start with, besides a space or digit (the first
characters of its words, 大, ＋, 已有/正有/有, 星期, 週, an opening bracket)."""

CHROME = re.compile(
    rf"""
    (?= [\s\d{re.escape(CHROME_FIRST)}] )  # each alternative below starts so; skips the rest elsewhere
    (?:
      (?: {alternation(FONT_SIZE_LABELS)} ) \s* [:：︰]? \s*
          (?: 大 \s* 中 \s* 小 | T \s* [|｜] \s* T | [＋+] \s* [－-] )?
    | 大 \s* 中 \s* 小
    | [＋+] \s* [－-] (?=\s*[】\]])
    | (?: 已有 | 正有 | 有 | ) \s* \d+ \s* (?: 人 \s* (?:参与|參與|阅读|閱讀|评论|評論) | 条评论 | 次 )
    | (?: {alternation(CHROME_WORDS)} ) (?: \s* [:：] )? (?: \s* [(（] \s* [\d+ ]* \s* [)）] )?
    | 星期[一二三四五六日天] | 週[一二三四五六日]
    | [\[【] \s* 微博 \s* [\]】]
    )
    """,
    re.VERBOSE,
)
"""Chrome that may sit on a date/source line: font size, counters, share links."""

# --- labels inside metadata lines -------------------------------------------

FIELD_START = rf"(?:^|(?<=[\s|｜{OPEN}{CLOSE}:：,，;；{SLASH}]))"
"""A label starts a field only at the line start or after a separator."""

OUTLET_PREFIX = rf"[{HAN}A-Za-z]{{1,10}}?(?:{OUTLET_END})"
"""An outlet name glued to a role (``北京青年报记者``, ``新民网编辑``)."""

# ``(?:X|)`` here and in CHROME stands for ``(?:X)?`` (the same matches, tried in the same order): ``re`` runs
# an optional group as a repeat, which allocates its state at every position searched.
LABEL = re.compile(
    rf"""
    {FIELD_START}
    (?: (?P<editor> (?:{OUTLET_PREFIX} | ) (?:{EDITOR}) ) \s* [:：︰{SLASH}]?
      | (?P<source> {alternation(SOURCE_LABELS)} ) \s* [:：︰]?
      | (?P<datelabel> {alternation(DATE_LABELS)} ) \s* [:：︰]?
      | (?P<column> {alternation(COLUMN_LABELS)} ) \s* [:：︰]
      | (?P<keywords> {alternation(KEYWORD_LABELS)} ) \s* [:：︰]
      | (?P<author> (?:{OUTLET_PREFIX} | ) (?:{REPORTER}) | {alternation(OTHER_ROLES)} ) \s* [:：︰{SLASH}]?
      | (?P<slashrole> {alternation(SLASH_ROLES)} ) \s* [:：︰{SLASH}]
    )
    """,
    re.VERBOSE,
)
"""Field labels of a metadata line; the group name says which field follows."""

BYLINE_PIECES = re.compile(
    rf"""
    (?: [{OPEN}] \s* | )                     # (?:X|) for (?:X)?, and Y+ written Y Y*: no repeat state at each position
    [{HAN}·、0-9]{{2,16}} \s* [{SLASH}] \s* [{HAN}·、0-9]{{2,16}} (?: \s* [{SLASH}] \s* [{HAN}·、0-9]{{2,16}} )*
    (?: \s* [{CLOSE}] )?
  | [【\[] \s* [{HAN}·]{{5,16}} \s* [】\]]
    """,
    re.VERBOSE,
)
"""Slash-joined byline pieces: ``【聯合報╱記者陳俐君／台北報導】``, ``邱俐穎／台北報導``,
or one bracketed piece (``【台灣醒報記者潘姿羽台北報導】``)."""

# --- names ------------------------------------------------------------------

ROLE_IN_NAMES = re.compile(
    rf"""
      (?:{OUTLET_PREFIX})? (?:{REPORTER}) \s* [:：]?
    | (?:{OUTLET_PREFIX})? (?:{EDITOR}) \s* [:：︰{SLASH}]?
    | (?:{alternation(OTHER_ROLES)}) \s* [:：︰{SLASH}]?
    | (?:{alternation(SLASH_ROLES)}) \s* [:：︰{SLASH}]
    | (?:{WIRE})
    """,
    re.VERBOSE,
)
"""Roles and outlets to cut out of a byline fragment, leaving names."""

PHOTO_MARK = re.compile(rf"(?<=[{HAN}])\s*[摄攝](?:影)?(?=\s*(?:$|[、，,{CLOSE}\s]))")
"""The 摄 that ends a photo credit (``鞠焕宗摄``, ``陈元才 摄``)."""

REPORT_PLACE = re.compile(rf"(?:{alternation(PLACES_TW)}|[{HAN}]{{2}})?(?:報導|报道|報道|报导)$")
"""``台北報導`` after a name: the place and 'reports'."""

NAME_SEPARATORS = re.compile(rf"[、，,;；|｜{SLASH}]+")

# --- lines with a fixed shape ------------------------------------------------

ORIGINAL_TITLE = re.compile(
    rf"^\s*(?:{alternation(ORIGINAL_TITLE_LABELS)})\s*[:：︰]\s*(?P<title>.+?)\s*$"
)

KEYWORDS = re.compile(
    rf"""^\s* [{OPEN}]? \s*
    (?:{alternation(KEYWORD_LABELS)}) \s* (?:阅读|閱讀)? \s* [{CLOSE}]?
    (?: \s* [:：︰] \s* (?P<list>.*?) | \s* (?P<bare>[^:：︰].*?) )? \s* $""",
    re.VERBOSE,
)

COLUMN_FIELD = re.compile(
    rf"^\s*(?:{alternation(COLUMN_LABELS)})\s*[:：︰]\s*(?P<column>[^\s:：]{{2,12}})\s*$"
)

PHOTO_CREDIT = re.compile(
    rf"""
    (?: ^ | (?<=[\s。！？!?”」』{CLOSE}]) )
    (?P<credit>
        (?P<open>[{OPEN}])? \s*
        (?: (?P<outlet>{WIRE}|[{HAN}]{{1,8}}?(?:{OUTLET_END})|本报|本報) \s* )?
        (?: (?P<role>{REPORTER}|{alternation(OTHER_ROLES)}) \s* )?
        (?P<names> [{HAN}](?:[{HAN}·、\s]{{0,20}}?[{HAN}])? ) (?P<gap>\s*) [摄攝] (?:影)?
        \s* [{CLOSE}]?
      | [{OPEN}]? \s* (?:摄影|攝影|图|圖) \s* [:：︰{SLASH}] \s*
        (?P<names2> [{HAN}](?:[{HAN}·、\s]{{0,20}}?[{HAN}])? ) \s* [{CLOSE}]?
    )
    \s* $
    """,
    re.VERBOSE,
)
"""A photo credit at the end of a caption or alone: ``新华社记者 张 龙摄``,
``（鐘武達攝）``, ``攝影╱施偉平``."""

# --- paragraph leads ----------------------------------------------------------

DATELINE = re.compile(
    rf"""
    ^ \s*
    (?P<dateline>
        (?: 据 | 據 )?
        (?: (?P<wire>{WIRE}) (?P<place>[{HAN}·]{{1,10}}?)?
                (?P<day> \d{{1,2}} \s* 月 \s* \d{{1,2}} \s* 日 | \d{{1,2}} \s* 日 )?
                (?: 专电 | 專電 | 电 | 電 | 消息 | 讯 | 訊 )
          | (?P<paper> 本报 | 本報 ) (?P<place2>[{HAN}·]{{1,10}}?)?
                (?P<day2> \d{{1,2}} \s* 月 \s* \d{{1,2}} \s* 日 )?
                (?: 专电 | 專電 | 电 | 電 | 讯 | 訊 )
          | (?P<outlet> [{HAN}]{{1,8}}? (?:报|報|网|網|台) ) (?: 讯 | 訊 )
        )
    )
    """,
    re.VERBOSE,
)
"""The dateline that opens a story: ``中新社北京2月14日电``, ``据新华社电``, ``本报讯``."""

LEAD_BYLINE = re.compile(
    rf"""
    \s* (?: [{OPEN}] \s* (?P<paren> [^{OPEN}{CLOSE}]{{2,40}}? ) \s* [{CLOSE}]
          | (?:{REPORTER}) \s* (?P<bare> [{HAN}]{{2,4}} (?: [\s、] [{HAN}]{{2,4}} )* ) (?=\s)
        )
    """,
    re.VERBOSE,
)
"""The byline right after a dateline: ``（记者陶方伟、叶平凡）``, ``(王梦瑶)``, ``记者邓红阳 ``."""

BRACKET_LEAD = re.compile(rf"^\s*[{OPEN}]\s*(?P<inside>[^{OPEN}{CLOSE}]{{4,40}}?)\s*[{CLOSE}]")
"""A lead wholly in brackets: ``(中央社記者陳鈞凱台北9日電)``, ``【世界日報╱法新社華盛頓9日電】``."""

WIRE_REPORTER_DATELINE = re.compile(
    rf"""^ (?P<wire>{WIRE}) (?:記者|记者) (?P<rest>[{HAN}、·]{{2,20}}?)
        (?P<day> \d{{1,2}} \s* 日 ) (?:專電|专电|電|电) $""",
    re.VERBOSE,
)
"""``中央社記者陳鈞凱台北9日電``: the reporter sits inside the dateline."""

# --- which lines can be metadata at all ----------------------------------------

META_WORDS = (
    REPORTER_ROLES + OTHER_ROLES + EDITOR_ROLES + SOURCE_LABELS + DATE_LABELS   # LABEL
    + COLUMN_LABELS + KEYWORD_LABELS + ORIGINAL_TITLE_LABELS                    # fixed shapes
    + ("摄", "攝")                                  # PHOTO_CREDIT: 鞠焕宗摄 (图: needs a colon or slash, below)
    + WIRE_AGENCIES + ("本报", "本報", "讯", "訊")  # DATELINE: a wire, 本报, or an outlet + 讯
    + ("民國",) + tuple(SLASH) + ("【", "[")        # DATE in ROC years; BYLINE_PIECES: a slash or bracket
)
"""Words of which every metadata line holds at least one (or one of :data:`META_HINT`'s
other alternatives).  Each pattern that can make ``metadata.read_meta_line`` accept a
line needs one: LABEL and the fixed shapes a label word, DATELINE a wire or 讯,
BYLINE_PIECES a slash or bracket, DATE a year (``19xx``–``21xx``) or 民國, a one-character
role (``文``, ``图``) a colon or slash after it.  Masking during the scan only blanks
text, so it never creates one.  A new way to accept a line needs its words here
(``tests/test_metadata.py`` checks this against the full scan on real pages)."""

META_HINT = re.compile("|".join(
    [alternation(META_WORDS)]
    + [rf"{role}\s*[:：︰]" for role in SLASH_ROLES]  # 文：, 图： (文/ is caught by the slash)
    + [rf"{century}\d\d" for century in ("19", "20", "21")]      # a DATE year
))
"""Any of :data:`META_WORDS`, a one-character role before a colon, or a year.  Every
alternative starts with a literal character, so ``re`` skips ahead to those
characters: ~1 µs on a typical line, against ~70 µs for the full scan."""


# --- trailing markers (SPEC §4.7) ------------------------------------------------

END_MARK = re.compile(rf"\s*[{OPEN}]\s*(?:完|全文完|END|End|end)\s*[{CLOSE}]\s*$")
"""``(完)``, ``（完）``, ``【完】`` at the end of a paragraph."""

TRAILING_TAG = re.compile(rf"(?P<before>.)\s*[({OPEN}]\s*(?P<inside>[^{OPEN}{CLOSE}]{{2,30}}?)\s*[{CLOSE}]\s*$")
"""A parenthesized tag at the very end of a paragraph: ``…加码。(曹政)``."""

SENTENCE_END = "。！？!?…”’」』）)."
"""Characters after which a trailing (name) is an author tag, not part of the sentence."""

EDITOR_TAG = re.compile(rf"^\s*(?:{EDITOR})\s*[:：︰{SLASH}]?\s*(?P<names>.*)$")

# --- titles -----------------------------------------------------------------------

COLUMN_PREFIX = re.compile(
    rf"""^\s*
    (?: [{OPEN}] \s* (?P<column>[{HAN}A-Za-z0-9·]{{1,10}}) \s* [{CLOSE}]
      | (?P<column2>[{HAN}]{{2,8}}) \s* [丨｜|] )
    \s* (?P<title>\S.*?) \s*$""",
    re.VERBOSE,
)
"""``(经济观察)中国多地…``, ``【社会】…``, ``碳路中国丨逐梦…``."""

SOURCE_NAME = re.compile(
    rf"""^ [{HAN}A-Za-z0-9·]{{1,14}}? (?:{OUTLET_END})
        (?: [-－—] [{HAN}A-Za-z0-9·]{{1,10}} )? $""",
    re.VERBOSE,
)
"""A bare publisher name: ``北京日报``, ``中國時報``, ``人民网-社会频道``, ``漢網-武漢晨報``."""

KEYWORD_SPLIT = re.compile(r"[;；,，、|｜/\s]+")
