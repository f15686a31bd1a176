"""Print-layout detection and repair (cleaner/layout.py, SPEC §5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.config import Config
from cleaner.document import Layout, Line
from cleaner.layout import (
    detect_layout,
    display_width,
    guess_layout,
    join_wrapped,
    print_blocks,
    split_credit,
    web_blocks,
)
from cleaner.metrics import canonical, paragraph_exact

from paths import DANIEL, ROOT, SEEDS  # noqa: E402  (tests/ is on sys.path)

PRINT_SEED = SEEDS / "003_9ef4fa18b4692ddf"


def lines_of(text: str) -> list[Line]:
    return [Line(number, line) for number, line in enumerate(text.split("\n"), 1)]


def read_lines(path: Path) -> list[Line]:
    return lines_of(path.read_text(encoding="utf-8"))


def texts(text: str) -> list[str]:
    return [block.text for block in print_blocks(lines_of(text))]


def gold_paragraphs(name: Path) -> list[str]:
    gold = json.loads(name.with_suffix(".gold.json").read_text(encoding="utf-8"))
    return [p for article in gold["articles"] for p in article["body"]]


# --- detection ------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_detect_layout_on_seeds(path: Path) -> None:
    expected = json.loads(path.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))["layout"]
    assert detect_layout(read_lines(path)).value == expected


def test_guess_layout_says_why() -> None:
    guess = guess_layout(read_lines(PRINT_SEED.with_suffix(".txt")))
    assert guess.layout is Layout.PRINT
    assert "hard-wrapped" in guess.reason and guess.wrapped_share > 0.6


@pytest.mark.skipif(not DANIEL.is_dir(), reason="shared daniel corpus not present")
def test_no_print_false_positives_on_daniel() -> None:
    pages = sorted(DANIEL.glob("*.txt"))
    wrongly_print = [p.name for p in pages if detect_layout(read_lines(p)) is Layout.PRINT]
    assert len(pages) > 300 and wrongly_print == []


def test_short_input_is_web() -> None:
    assert detect_layout(lines_of("共同合作，助\n力通用模型")) is Layout.WEB


# --- web blocks -----------------------------------------------------------------


def test_web_blocks_one_per_line_stripped() -> None:
    blocks = web_blocks(lines_of("\u3000\u3000标题 \n\n  正文第一段。\n正文第二段。"))
    assert [(b.first, b.text, b.blank_before) for b in blocks] == [
        (1, "标题", False),
        (3, "正文第一段。", True),
        (4, "正文第二段。", False),
    ]


# --- joins ---------------------------------------------------------------------


def test_join_cjk_with_nothing_and_latin_with_one_space() -> None:
    assert join_wrapped("共同合作，助", "力通用模型") == "共同合作，助力通用模型"
    assert join_wrapped("小米 SU7", "Ultra 发布") == "小米 SU7 Ultra 发布"
    assert join_wrapped("增长 4", "倍多") == "增长 4倍多"


def test_display_width_counts_cells() -> None:
    assert display_width("照明灯杆、智能融雪除冰、") == display_width("多出行者对这条智慧公路")


# --- SPEC §5 rules on constructed inputs -------------------------------------------

COLUMN = (
    "该训练基地可以组织数据供给\n"
    "方、加工服务方、模型训练方\n"
    "共同合作，助\n"
    "\n"
    "力通用模型和行业垂类模型训\n"
    "练精调，提升效率。\n"
)


def test_column_break_mid_sentence_continues() -> None:
    blocks = print_blocks(lines_of(COLUMN))
    assert len(blocks) == 1
    assert "共同合作，助力通用模型" in blocks[0].text
    assert any("column break" in why for why in blocks[0].joins)


def test_sentence_end_then_blank_breaks() -> None:
    text = "北京持续加大对人工智能产业\n的支持力度。\n\n人工智能技术是新质生产力\n的典型代表。"
    assert texts(text) == ["北京持续加大对人工智能产业的支持力度。", "人工智能技术是新质生产力的典型代表。"]


def test_closing_quote_alone_does_not_end_paragraph() -> None:
    text = "据悉，专家学者围绕“数字艺术\n的社会需求”“与AI一起进化”\n\n“数字艺术与产业”等议题展开\n讨论，共同交流。"
    assert texts(text) == ["据悉，专家学者围绕“数字艺术的社会需求”“与AI一起进化”“数字艺术与产业”等议题展开讨论，共同交流。"]


def test_sentence_end_with_closing_quote_then_blank_breaks() -> None:
    text = "这为 6G 技术发展提供了一片\n沃土。”\n\n截至 2023 年底，北京学者\n居全国首位。"
    assert len(texts(text)) == 2


def test_short_sentence_ending_line_inside_full_block_ends_paragraph() -> None:
    text = (
        "据悉，展览同期举办以数字艺术为主题的研讨会，教育界、\n"
        "“数字艺术与产业”等议题展开讨论。\n"
        "该展览由中国美术家协会、浙江省文学艺术界联合会、中国\n"
        "美术学院共同主办，每两年举办一届，持续至六月三日。\n"
    )
    blocks = print_blocks(lines_of(text))
    assert [b.text[-5:] for b in blocks] == ["议题展开讨论。"[-5:], "持续至六月三日。"[-5:]]
    assert "paragraph ends: short line ends sentence" in blocks[0].joins


def test_full_width_sentence_ending_line_continues() -> None:
    text = "该训练基地可以组织数据供给方\n力通用模型和行业垂类模型训练精调。\n基地运营方北京亦庄智能城市研究院\n完善的监管机制。"
    assert len(texts(text)) == 1


def test_short_unpunctuated_lines_between_blanks_are_own_blocks() -> None:
    text = (
        "为国际科技创新中心建设注入强劲\n动力。\n\n推动6G技术发展\n\n"
        "工业和信息化部数据显示，截至今\n年 3 月底，全国已累计建成基站。"
    )
    assert texts(text) == [
        "为国际科技创新中心建设注入强劲动力。",
        "推动6G技术发展",
        "工业和信息化部数据显示，截至今年 3 月底，全国已累计建成基站。",
    ]


def test_two_line_title_joined_with_space() -> None:
    text = "未来的交通出行将更加智慧、便\n捷、安全。\n 发挥资源优势\n发展新能源产业\n\n地处柴达木盆地的德令哈市依托丰富\n的光照资源。 新华社记者 张 龙摄"
    blocks = print_blocks(lines_of(text))
    assert [b.text for b in blocks] == [
        "未来的交通出行将更加智慧、便捷、安全。",
        "发挥资源优势 发展新能源产业",
        "地处柴达木盆地的德令哈市依托丰富的光照资源。",
        "新华社记者 张 龙摄",
    ]
    assert (blocks[1].first, blocks[1].last) == (3, 4)


def test_title_and_byline_are_separate_blocks() -> None:
    text = "的企业及科研单位。\n\n北京抢抓数字经济发展先机\n本报记者 李 贞\n\n从北京开车到雄安，很\n多人会走京雄高速。"
    assert texts(text) == ["的企业及科研单位。", "北京抢抓数字经济发展先机", "本报记者 李 贞", "从北京开车到雄安，很多人会走京雄高速。"]


def test_section_label_is_own_block() -> None:
    blocks = print_blocks(lines_of("资讯速览\n\n据新华社电 日前，华为技能大赛\n落下帷幕。"))
    assert [b.joins[0] for b in blocks][:1] == ["section label"]


def test_full_line_cut_by_column_break_is_not_a_title() -> None:
    text = (
        "据悉，展览同期举办以数字艺术为主题的研讨会，教育\n与艺术界嘉宾学者围绕议题展开讨论。\n\n"
        "该展览由中国美术家协会、浙江省文学艺术界联合会\n\n共同主办，每两年举办一届。"
    )
    assert texts(text)[-1] == "该展览由中国美术家协会、浙江省文学艺术界联合会共同主办，每两年举办一届。"


def test_photo_credit_ends_caption() -> None:
    assert split_credit("图为光热电站。 新华社记者 张 龙摄") == ("图为光热电站。", "新华社记者 张 龙摄")
    assert split_credit("图为光伏（光热）产业园拍摄")[1] is None
    repeated = "作业。 新华社记者 鞠焕宗摄作业。 新华社记者 鞠焕宗摄"
    assert split_credit(repeated) == (repeated, None)  # left whole for SPEC §4.6


def test_blocks_carry_line_numbers_and_reasons() -> None:
    block = print_blocks(lines_of(COLUMN))[0]
    assert (block.first, block.last, block.blank_before) == (1, 6, False)
    assert block.joins[0] == "joined 5 wrapped lines"


# --- seed 003: paragraph exact match -------------------------------------------------


def test_seed_003_paragraphs_exact() -> None:
    blocks = print_blocks(read_lines(PRINT_SEED.with_suffix(".txt")))
    hits, total = paragraph_exact([b.text for b in blocks], gold_paragraphs(PRINT_SEED))
    assert hits / total >= 0.95, f"{hits}/{total}"


def test_seed_003_titles_bylines_captions_are_separate() -> None:
    blocks = {canonical(b.text) for b in print_blocks(read_lines(PRINT_SEED.with_suffix(".txt")))}
    for unit in ("北京抢抓数字经济发展先机", "本报记者李贞", "发挥资源优势发展新能源产业", "资讯速览",
                 "首届中国数字艺术大展聚焦“艺术+科技”", "华为ICT技能大赛亚太区决赛落幕", "新华社记者张龙摄"):
        assert canonical(unit) in blocks, unit


# --- generality: seed 003's gold re-wrapped at other column widths --------------------

_NO_LINE_START = set("，。、；：？！”’）》…")


def _wrap(paragraph: str, width: float, indent: float = 2) -> list[str]:
    """Wrap like a newspaper: first line indented, no punctuation at a line start."""
    lines, current, limit = [], "", width - indent
    for char in paragraph:
        if current and display_width(current + char) > limit and char not in _NO_LINE_START:
            lines.append(current)
            current, limit = "", width
        current += char
    return lines + [current] if current else lines


def _rewrapped_page(width: float, height: int) -> str:
    """Seed 003's gold as a print page: titles and headings between blank lines,
    paragraphs wrapped at ``width`` cells, a column break every ``height`` lines."""
    gold = json.loads(PRINT_SEED.with_suffix(".gold.json").read_text(encoding="utf-8"))
    out: list[str] = []
    filled = 0
    for article in gold["articles"]:
        if article.get("title"):
            out += ["", article["title"], ""]
            filled = 0
        for paragraph in article["body"]:
            if paragraph in article.get("headings", []):
                out += ["", paragraph, ""]
                filled = 0
                continue
            for line in _wrap(paragraph.replace(" ", ""), width):
                out.append(line)
                filled += 1
                if filled == height:
                    out.append("")
                    filled = 0
            if out[-1]:
                out.append("")
    return "\n".join(out)


@pytest.mark.parametrize("width", [10, 13, 17, 25, 36])
@pytest.mark.parametrize("height", [7, 29])
def test_rewrapped_gold_is_recovered(width: int, height: int) -> None:
    lines = lines_of(_rewrapped_page(width, height))
    assert detect_layout(lines) is Layout.PRINT
    hits, total = paragraph_exact([b.text for b in print_blocks(lines)], gold_paragraphs(PRINT_SEED))
    assert hits / total >= 0.9, f"{hits}/{total}"


def test_doctests() -> None:
    import doctest

    from cleaner import layout

    assert doctest.testmod(layout).failed == 0


# --- titles directly above text (pdftotext keeps them in their text's block) ---------


def test_title_wider_than_column_above_text_is_a_title() -> None:
    text = "郭德纲受访向伤者道歉 称艺人生存现状很悲催\n德云社多名工作人员在首\n都机场与偷拍人员发生冲\n突，将对方打伤。"
    assert texts(text) == ["郭德纲受访向伤者道歉 称艺人生存现状很悲催", "德云社多名工作人员在首都机场与偷拍人员发生冲突，将对方打伤。"]


def test_line_as_wide_as_the_text_line_above_is_no_title_across_columns() -> None:
    """A full line directly under a line of text as wide as itself, above lines
    that measure short (letter-spaced, Latin): a line of that column, not a title
    set across columns (a title is wider than any one column of its text)."""
    text = (
        "市图书馆今年新增藏书五万\n册，馆长介绍，新电子阅览\n室也将在下月向全体市民开\n放。图书馆希望读者们爱护\n"
        "图书，按时归还借阅的书。\n馆方希望读者按时归还借阅\n的 电 子 设 备 ， 比 如\nKindle、iPad 等。\n\n"
        "另据了解，区图书馆的少儿\n阅览室周末延长开放时间。"
    )
    blocks = print_blocks(lines_of(text))
    assert len(blocks) == 2 and "馆方希望读者按时归还借阅的" in "".join(blocks[0].text.split())
    off = print_blocks(lines_of(text), config=Config(layout_title_across_not_below_text=False))
    assert off[1].text == "馆方希望读者按时归还借阅" and off[1].joins == ("title across columns",)


def test_two_line_title_above_text_is_one_title() -> None:
    text = "当心选前症候群\n医师提醒健康为重要的事情和安排\n周末就是投票日，选战的温\n度在寒冷的天气里依然直\n线上升。"
    blocks = texts(text)
    assert blocks[0] == "当心选前症候群 医师提醒健康为重要的事情和安排"
    assert blocks[1].startswith("周末就是投票日")


def test_dateline_cut_by_a_wrap_is_text() -> None:
    text = "会议结束。\n\n本 报 广 州 11 月 28\n日电（记者孙磊）春节假\n期倒数计时，不少人安排\n远行。"
    assert texts(text) == ["会议结束。", "本 报 广 州 11 月 28日电（记者孙磊）春节假期倒数计时，不少人安排远行。"]


# --- reading order (issue 4: extractors read side-by-side stories out of order) ------


def test_cut_paragraph_skips_a_story_read_inside_it() -> None:
    """pdftotext reads a brief set below a column before the column's rest: the
    cut paragraph goes on at the piece that is not a story start."""
    text = (
        "阿尔法年仅 16 岁，\n因癫痫导致的心脏病去\n\n"
        "据新华社电（记者郑\n一鸣）出国旅游小心不要\n到草丛杂生处。\n\n"
        "世。她 2004 年以 9 岁的\n年龄成为全球最年轻的\n工程师。"
    )
    assert texts(text) == [
        "阿尔法年仅 16 岁，因癫痫导致的心脏病去世。她 2004 年以 9 岁的年龄成为全球最年轻的工程师。",
        "据新华社电（记者郑一鸣）出国旅游小心不要到草丛杂生处。",
    ]


def test_title_directly_above_a_dateline_is_its_own_block() -> None:
    text = "会议结束。\n\n国际视点\n本报讯（记者胡春\n燕）火星― 500 试验中\n国志愿者获荣誉称号。"
    assert texts(text)[1:] == ["国际视点", "本报讯（记者胡春燕）火星― 500 试验中国志愿者获荣誉称号。"]


def test_full_line_ending_sentence_before_a_narrower_line_ends_paragraph() -> None:
    """pdftotext drops the indent; the first line is still narrower by it."""
    text = "紅磡一個單位遭賊人\n爆竊，損失財物逾萬元。\n凌晨約 12 時，女戶\n主返回紅磡華豐街住所\n時，發現大門有被人撬過\n痕迹，報警求助。"
    assert texts(text) == ["紅磡一個單位遭賊人爆竊，損失財物逾萬元。", "凌晨約 12 時，女戶主返回紅磡華豐街住所時，發現大門有被人撬過痕迹，報警求助。"]


def test_two_line_title_directly_above_a_dateline_is_one_title() -> None:
    """pdftotext keeps a two-line brief title in the block of its dateline."""
    text = "范冰冰自称愿再加 2 千万\n悬赏助韩寒征集代笔证据\n据新华社电（记者赵\n敏）网易娱乐 1 月 17 日\n报道，作家韩寒身处风口\n浪尖。"
    blocks = texts(text)
    assert blocks[0] == "范冰冰自称愿再加 2 千万 悬赏助韩寒征集代笔证据"
    assert blocks[1].startswith("据新华社电")


def test_line_opening_with_a_dateline_is_never_a_heading() -> None:
    text = "公路计费起价减半\n本报讯（记者黄丽娟）国内首条高速公路———上\n海沪嘉高速 2012 年元旦起停止收费，而上海全市高速\n公路计费起价也跟着减半。"
    blocks = texts(text)
    assert blocks[0] == "公路计费起价减半"
    assert blocks[1].startswith("本报讯（记者黄丽娟）国内首条高速公路———上海沪嘉高速")


def test_two_line_title_above_a_byline_even_as_wide_as_the_column() -> None:
    text = "呷好顧健康\n\n瑞信德银看好恒大\n称今年目标易达成\n本报记者 罗 兰\n1 月 16 日，恒大地\n产在香港召开了 2012 年\n销售目标发布会，公布其\n2012 年销售目标。"
    blocks = texts(text)
    assert blocks[1] == "瑞信德银看好恒大 称今年目标易达成"
    assert blocks[2] == "本报记者 罗 兰"


def test_indented_first_line_in_a_font_without_punctuation_compression() -> None:
    """Full lines of 37 glyphs (punctuation set a full cell), then a first line of
    35: the paragraph breaks although no blank line or indent is left."""
    text = (
        "分院、台北市立聯合醫院忠孝院區、長榮宥宥婦產科診所、宥生婦產科診所、惠生婦\n"
        "產科診所、采新婦幼診所、張甫行婦產科診所、宏偉婦產科診所及大千綜合醫院等。\n"
        "榮登第一名的東和婦產科家庭醫學科診所院長何博基，本身是新北市醫師公會理\n"
        "事長，他認為，身為理事長，應該響應國家政策，既然決定要參與母乳政策就要做到\n"
        "最好。"
    )
    blocks = texts(text)
    assert len(blocks) == 2 and blocks[1].startswith("榮登第一名")


# --- issue 4, generated pages: titles the extractors set apart, pieces that start paragraphs


def test_title_above_a_dateline_after_another_storys_cut() -> None:
    """pdftotext reads a brief's title right after a cut column of another story:
    directly above a dateline it is a title all the same."""
    text = (
        "他做过跑堂和大厨，当\n过保安，发过小广\n\n"
        "湖南高速车流量井喷\n频发拥堵追尾事故\n新华社长沙 2 月 9 日电（记者张三）湖\n南地处中国中部地区，历来春运压\n力较大。"
    )
    blocks = texts(text)
    assert "湖南高速车流量井喷 频发拥堵追尾事故" in blocks
    assert any(b.startswith("新华社长沙") for b in blocks)


def test_title_as_wide_as_the_column_before_another_title_is_not_text() -> None:
    """A lone line as wide as the column is text cut by a column break only when
    running text follows; another lone title line says nothing of the kind."""
    text = (
        "全市今年新建公园二十\n座，绿地面积明显增加，\n市民出行更方便了。\n\n"
        "城市绿道串起公园湖泊\n\n周末骑行成为新风尚\n\n"
        "本报讯（记者王五）全\n市绿道总长已达三百公\n里，沿途设有驿站。"
    )
    blocks = texts(text)
    assert "城市绿道串起公园湖泊" in blocks and "周末骑行成为新风尚" in blocks


def test_photo_credit_wrapped_onto_the_next_line_stays_with_its_caption() -> None:
    text = "游客在公园里观赏盛开的梅花，感受早春的气息。新华社记\n者 张 三摄"
    assert texts(text) == ["游客在公园里观赏盛开的梅花，感受早春的气息。", "新华社记者 张 三摄"]


def test_line_above_an_indented_first_line_is_a_heading() -> None:
    """pdftotext drops the indent and the blank line: a line that does not end a
    sentence, directly above a first line (narrower by the indent), is no text."""
    text = "议事会解决停车难\n社区请来了规划师和\n居民一起商量停车位怎么\n划花了整整两个月时间才\n定下了方案。"
    blocks = texts(text)
    assert blocks[0] == "议事会解决停车难"
    assert blocks[1].startswith("社区请来了规划师")


def test_story_start_after_a_byline_continues_no_cut_paragraph() -> None:
    """The first paragraph after a byline starts a story: a cut paragraph read
    before it goes on elsewhere (here: nowhere on the page)."""
    text = (
        "会议还讨论了明年的工\n作重点，代表们认为应\n\n"
        "社区停车有了新办法\n本报记者 王 五\n"
        "居民们说，自从有了\n新的停车方案，晚上回家\n再也不用绕圈找车位了。"
    )
    blocks = texts(text)
    assert blocks[0] == "会议还讨论了明年的工作重点，代表们认为应"
    assert blocks[-1].startswith("居民们说")


def test_piece_opening_with_an_indented_first_line_continues_no_cut() -> None:
    """A piece whose first line is narrower than its column by the indent opens a
    paragraph; the cut paragraph is continued by the full line read after it."""
    text = (
        "专家建议，市民出门前\n应先查询空气质量，尽\n\n"
        "另据了解，全市\n已建成监测站点二十七\n个，覆盖各个城区。\n\n"
        "量减少户外活动时间，\n特别是老人和儿童。"
    )
    blocks = texts(text)
    assert blocks[0] == "专家建议，市民出门前应先查询空气质量，尽量减少户外活动时间，特别是老人和儿童。"
    assert blocks[1].startswith("另据了解")


def test_two_lines_above_a_byline_are_a_title_after_a_cut() -> None:
    """Two heading-like lines read after another story's cut, directly above a
    byline, are that story's title (not text continuing the cut)."""
    text = (
        "新建的体育馆将在明年\n春天开放，市民可以\n\n"
        "城南新区建起体育馆\n周末向市民免费开放\n本报记者 王 五\n"
        "记者从区体育局获悉，\n城南体育馆已经完工。"
    )
    blocks = print_blocks(lines_of(text))
    assert "城南新区建起体育馆 周末向市民免费开放" in [b.text for b in blocks]
    assert blocks[0].text == "新建的体育馆将在明年春天开放，市民可以"


def test_two_line_title_with_enumeration_comma_above_a_byline() -> None:
    """A title line may hold ``、``: above a byline (across a blank line) the two
    lines are a title, even when both are as wide as the column."""
    text = (
        "春节假期出游火热\n周边游、乡村游受追捧\n\n本报记者 李 四\n\n"
        "据悉，今年春节假期，\n全市共接待游客三百万\n人次，同比增长两成。"
    )
    assert texts(text)[:2] == ["春节假期出游火热 周边游、乡村游受追捧", "本报记者 李 四"]


# --- issue 4, round 3: scripts, stray titles, dropped indents measured around Latin ---


def test_a_cut_sentence_goes_on_in_the_same_script() -> None:
    """A sentence never switches between simplified and traditional characters:
    the nearer traditional piece is another story's."""
    text = (
        "城市交通部门表示，今年将\n新建十条公交线路，方便\n\n"
        "這項計劃獲得議會通過，預\n計明年開始實施各項措施。\n\n"
        "市民出行，并在主要路口增\n设站点，缩短候车时间。"
    )
    assert texts(text)[0] == "城市交通部门表示，今年将新建十条公交线路，方便市民出行，并在主要路口增设站点，缩短候车时间。"
    blind = [b.text for b in print_blocks(lines_of(text), config=Config(layout_link_other_script=0))]
    assert blind[0].endswith("方便這項計劃獲得議會通過，預計明年開始實施各項措施。")


def test_script_is_read_where_the_cut_sentence_meets_its_rest() -> None:
    """A traditional story opening with a simplified dateline (``本报讯（记者…）``) is
    mixed as a whole; its cut sentence is traditional, and so must its rest be."""
    text = (
        "本报讯（记者罗兰、陈晨）新北市\n衛生局不僅邀請餐廳大廚擬出民\n眾可以在家自己動手的年菜食譜，\n還請來營養師教導怎樣飲食最健\n\n"
        "到庭应诉，由于法律规定离婚诉\n讼夫妻双方必须到场，因此庭审\n无法进行，法院决定改期再审。\n\n"
        "康，重點是少油少鹽，並多吃新\n鮮蔬菜水果，避免暴飲暴食。"
    )
    assert texts(text)[0].endswith("教導怎樣飲食最健康，重點是少油少鹽，並多吃新鮮蔬菜水果，避免暴飲暴食。")
    # read on the whole piece, the script says nothing (the word 健康 across the break would still tell)
    whole = [b.text for b in print_blocks(lines_of(text), config=Config(layout_script_rows=100, layout_link_word=0))]
    assert whole[0].endswith("飲食最健到庭应诉，由于法律规定离婚诉讼夫妻双方必须到场，因此庭审无法进行，法院决定改期再审。")


def test_lone_line_after_a_cut_is_a_title() -> None:
    """A line without punctuation alone between blank lines right after a cut
    is a displaced title, never the cut sentence's rest (here also wider than
    the column)."""
    text = (
        "记者从市气象局获悉，本周\n全市将迎来一次降温过程\n\n"
        "春运首日铁路客流创新高同比增长两成\n\n"
        "，最低气温降至零下五度。"
    )
    assert texts(text) == ["记者从市气象局获悉，本周全市将迎来一次降温过程，最低气温降至零下五度。", "春运首日铁路客流创新高同比增长两成"]


def test_lone_line_over_a_caption_after_a_cut_is_a_title() -> None:
    """A photo's title read alone between blank lines after a cut stays apart
    from the cut paragraph and from its caption."""
    text = (
        "区里新建的图书馆将在下个\n月开放，馆内藏书约二十万\n册，市民凭身份证可免费借\n\n"
        "晨光里湖边练拳的老人\n\n"
        "清晨，市民在湖边公园里打太极拳锻炼身体，\n迎接新年的到来。新华社记者 张 三摄\n\n"
        "阅，开馆时间将另行通知。"
    )
    blocks = texts(text)
    assert blocks[0] == "区里新建的图书馆将在下个月开放，馆内藏书约二十万册，市民凭身份证可免费借阅，开馆时间将另行通知。"
    assert "晨光里湖边练拳的老人" in blocks


def test_lone_line_as_wide_as_the_column_after_a_cut_is_a_title() -> None:
    """Even as wide as the column it interrupts: a line cut at both ends with no
    punctuation at all is far less likely than a displaced title."""
    text = (
        "市民在人潮拥挤的公共场所\n停留时间过长，很可能增加\n\n"
        "疾管局再次呼吁注意卫生\n\n"
        "被其他病菌感染的机会。"
    )
    assert texts(text) == ["市民在人潮拥挤的公共场所停留时间过长，很可能增加被其他病菌感染的机会。", "疾管局再次呼吁注意卫生"]


def test_heading_as_wide_as_a_first_line_above_a_first_line() -> None:
    """An unpunctuated line directly above a paragraph's first line (indent
    dropped) is a heading even when it is as wide as a first line: as text it
    would have to end a sentence."""
    text = (
        "他在北京打工已经十几年，\n做过跑堂和大厨，发过小广\n告，蹬过三轮车送水。\n"
        "小王温柔地摸着肚皮\n他说孩子明年就出\n生了，到时候他要带着妻\n子和孩子一起回老家看望\n父母和亲戚朋友们。"
    )
    assert texts(text)[1:] == ["小王温柔地摸着肚皮", "他说孩子明年就出生了，到时候他要带着妻子和孩子一起回老家看望父母和亲戚朋友们。"]


def test_first_line_cut_by_a_column_break_still_starts_a_paragraph() -> None:
    """A line narrower than the column by the indent, cut right after by a column
    break, is a first line: the sentence-ending line above ends its paragraph."""
    text = (
        "今年全市接待的游客数量比\n去年增加了三成，收入也相\n应增长了两成，创下新高。\n"
        "中央气象台预计，明天\n\n"
        "白天到夜间，北方大部地区\n将有一次降温过程，请注意\n防寒保暖。"
    )
    assert texts(text) == [
        "今年全市接待的游客数量比去年增加了三成，收入也相应增长了两成，创下新高。",
        "中央气象台预计，明天白天到夜间，北方大部地区将有一次降温过程，请注意防寒保暖。",
    ]


def _texts_with(text: str, **options: float) -> list[str]:
    return [block.text for block in print_blocks(lines_of(text), config=Config(**options))]


def test_column_with_digits_measures_short_of_a_first_line() -> None:
    """Lines with digits measure short (justification widens the extractor's
    spaces): a plain line as wide as they are can still be a dropped-indent
    first line (here cut right after by a column break)."""
    text = (
        "据介绍，该市去年 12 月的居民消费价格指\n数同比上涨 4.2%，比 11 月回落 0.6 个百\n"
        "分点，涨幅已经连续三个月收窄，物价平稳。\n"
        "统计部门表示，食品价格的回落主要是\n\n因为蔬菜和猪肉价格下降明显，能源价格则基本持平。"
    )
    assert len(_texts_with(text)) == 2
    assert len(_texts_with(text, layout_latin_gap_cells=0.0)) == 1


def test_line_with_digits_is_not_taken_for_a_first_line() -> None:
    """A line with digits measures short too: its spaces count a little, so a
    full line with a number is not taken for an indented first line."""
    text = (
        "在本届展会上，三星、联想、宏碁等\n推出的基于英特尔处理器的三十多款\n超级本亮相，引来不少观众驻足。\n"
        "为超级本投入资金已超 30 亿美元\n英特尔预计，今年上市的超级本将超\n过七十五款，价格也会进一步下降。"
    )
    assert len(_texts_with(text)) == 1
    assert len(_texts_with(text, layout_latin_gap_first_line=0.0)) == 2


def test_short_line_stopping_mid_sentence_is_a_poor_continuation() -> None:
    """One line cut at both ends yet clearly narrower than the cut column costs
    more as the cut sentence's rest than a full line further on."""
    from cleaner.layout import _continuation_cost, _read_units, _rows

    text = (
        "记者从市气象局获悉，本周\n全市将迎来一次降温过程\n\n"
        "这是今年入冬以来的第三次。\n\n"
        "东和诊所再次夺冠了\n\n"
        "最低气温将降至零下五度。"
    )
    units = _read_units(_rows(lines_of(text)), Config())
    assert [u.para is not None for u in units] == [True] * 4
    assert _continuation_cost(units, 0, 2, Config()) > _continuation_cost(units, 0, 3, Config())  # 22 > 3
    blind = Config(layout_link_short_line=0.0)
    assert _continuation_cost(units, 0, 2, blind) < _continuation_cost(units, 0, 3, blind)


def test_short_heading_over_a_first_line_with_digits_stays_a_heading() -> None:
    """A first line with digits measures short: it is not taken for the second
    line of a title, so the short line above it stays a heading of its own."""
    text = (
        "今年全市新建了三所学校。\n\n"
        "一旦发现问题\n"
        "2019 年秋季学期起\n"
        "全市中小学将全面推行课\n"
        "后服务，家长可以自愿选\n"
        "择，学校不得强制参加。"
    )
    blocks = print_blocks(lines_of(text))
    assert [b.text for b in blocks][1:3] == ["一旦发现问题", "2019 年秋季学期起全市中小学将全面推行课后服务，家长可以自愿选择，学校不得强制参加。"]
    blind = print_blocks(lines_of(text), config=Config(layout_latin_gap_first_line=0.0))
    assert blind[1].text == "一旦发现问题 2019 年秋季学期起"  # taken for a two-line title


# --- segmentation of print blocks (cleaner/segment.py) ----------------------------

_PARK = (
    "城东湿地公园今年新栽了三万株水杉，公园管理处说，湿地公园的步道也将在五月前全部修好。",
    "管理处表示，湿地公园还将增设观鸟屋，方便市民在公园里观察候鸟。",
)
_PARK_MORE = "到了秋天，湿地公园的水杉林会变成一片金黄，管理处计划在公园举办观鸟节。"
_BRIDGE = "跨江大桥主体工程昨日合龙，施工单位介绍，大桥全长四千米，设计车速每小时八十公里，预计年底通车。"


def _roles(*texts: str) -> list[tuple[str, str]]:
    from cleaner.document import Block
    from cleaner.segment import label_print

    blocks = [Block(n, n, text, True) for n, text in enumerate(texts, 1)]
    return [(d.label.name, d.reason) for d in label_print(blocks)]


def test_short_block_between_paragraphs_of_one_story_is_a_heading() -> None:
    roles = _roles(*_PARK, "水杉林里看候鸟", _PARK_MORE)
    assert roles[2][0] == "HEADING"


def test_short_block_before_text_sharing_no_vocabulary_is_a_title() -> None:
    """A story without byline set under another: its title sits between two
    paragraphs, but the text below shares no words with the text above."""
    roles = _roles(*_PARK, "跨江大桥主体工程合龙", _BRIDGE)
    assert roles[2][0] == "TITLE"
    assert "vocabulary" in roles[2][1]


def test_subheading_after_another_storys_title_is_still_a_heading() -> None:
    """The extractor read a title of a story set beside between a paragraph and
    the subheading below it: the story goes on in the same words."""
    roles = _roles(*_PARK, "跨江大桥主体工程合龙", "水杉林里看候鸟", _PARK_MORE)
    assert [r[0] for r in roles[2:4]] == ["TITLE", "HEADING"]


def _stories(*items: tuple[str, str]) -> list[tuple[str | None, list[str]]]:
    """Segment decisions given as (label, text): each story's title and body texts."""
    from cleaner.document import Decision, Label
    from cleaner.segment import segment_print

    decisions = [Decision(n, n, text, Label[label], "test") for n, (label, text) in enumerate(items, 1)]
    stories, _ = segment_print(decisions)
    return [(s.title.text if s.title else None, [d.text for d in s.body]) for s in stories]


_CABLE = "山城缆车今日恢复运营，缆车公司表示，山城缆车每日运行十小时，游客可以乘坐缆车观赏江景。"
_CABLE_MORE = "缆车公司还表示，山城缆车票价不变，山城缆车夜间加开班次，游客乘坐缆车需要提前预约。"
_LIBRARY = "本报讯（记者李明）江北新建图书馆今日开放，图书馆藏书十万册，市民可以免费借阅图书馆的图书。"


def test_untitled_piece_joins_the_story_it_shares_words_with() -> None:
    """Another story's title (displaced) read between two pieces of one story:
    the piece under it has no title, byline or dateline of its own."""
    stories = _stories(("TITLE", "山城缆车恢复运营"), ("BODY", _CABLE), ("TITLE", "江北新建图书馆开放"), ("BODY", _CABLE_MORE), ("BODY", _LIBRARY))
    assert stories == [("山城缆车恢复运营", [_CABLE, _CABLE_MORE]), ("江北新建图书馆开放", [_LIBRARY])]


def test_untitled_piece_sharing_no_words_stays_a_story() -> None:
    stories = _stories(("TITLE", "山城缆车恢复运营"), ("BODY", _CABLE), ("TITLE", "江北新建图书馆开放"), ("BODY", _BRIDGE), ("BODY", _LIBRARY))
    assert len(stories) == 3


def test_untitled_piece_under_a_byline_stays_a_story() -> None:
    """A title and byline set after their story's text (seed 003): the text under
    the byline opens a story of its own, whatever words it shares."""
    stories = _stories(("BODY", _CABLE), ("TITLE", "山城缆车恢复运营"), ("META", "本报记者 王 明"), ("BODY", _CABLE_MORE))
    assert len(stories) == 2


def test_piece_under_a_byline_with_no_title_opens_the_story_it_shares_words_with() -> None:
    """A byline is set under its story's title: a byline with no title above it was
    read apart from the title (the extractor took the rest of the story first).
    The byline and the lede under it go to the story sharing their words, first."""
    from cleaner.document import Decision, Label
    from cleaner.segment import segment_print

    items = (("TITLE", "山城缆车夜间加开班次"), ("BODY", _CABLE_MORE), ("META", "本报记者 王 明"), ("BODY", _CABLE), ("TITLE", "江北新建图书馆开放"), ("BODY", _LIBRARY))
    assert _stories(*items) == [("山城缆车夜间加开班次", [_CABLE, _CABLE_MORE]), ("江北新建图书馆开放", [_LIBRARY])]
    stories, _ = segment_print([Decision(n, n, text, Label[label], "test") for n, (label, text) in enumerate(items, 1)])
    assert [d.text for d in stories[0].meta] == ["本报记者 王 明"]
    # a story has one byline: a story with its own does not take the piece
    assert len(_stories(*items[:1], ("META", "本报记者 李 华"), *items[1:])) == 3
    # nor is a bylined piece sharing no words with any story moved
    assert len(_stories(*items[:3], ("BODY", _BRIDGE), *items[4:])) == 3


def test_short_block_no_story_took_over_text_of_another_story_is_its_subheading() -> None:
    """A subheading read after another story's title (set beside, its title under
    its text) looks like a title; but no story takes it, and the text under it
    has no byline or dateline and goes on in the words of a story above: more of
    that story, the block its subheading."""
    items = (("TITLE", "山城缆车恢复运营"), ("BODY", _CABLE), ("BODY", _LIBRARY), ("TITLE", "江北新建图书馆开放"), ("TITLE", "江景夜色更迷人"), ("BODY", _CABLE_MORE))
    stories = _stories(*items)
    assert stories == [("山城缆车恢复运营", [_CABLE, "江景夜色更迷人", _CABLE_MORE]), ("江北新建图书馆开放", [_LIBRARY])]
    # text under such a block that shares no words with any story is a story of its own
    assert len(_stories(*items[:-1], ("BODY", _BRIDGE))) == 3


def test_photo_title_over_text_of_another_story_stays_a_title() -> None:
    """A block no story took that names a photo caption on the page is the
    photo's title (set beside a story), not a subheading of the text under it."""
    caption = "市民在山城缆车站前排队，缆车公司为游客准备了热茶。新华社记者 王 明摄"
    items = (("TITLE", "山城缆车恢复运营"), ("BODY", _CABLE), ("BODY", _LIBRARY), ("TITLE", "江北新建图书馆开放"), ("TITLE", "站前排队等候"), ("BODY", _CABLE_MORE), ("CAPTION", caption))
    stories = _stories(*items)
    assert ("站前排队等候", [caption]) in stories
    assert all("站前排队等候" not in body for _, body in stories)


def test_subheading_naming_a_stray_caption_is_the_photos_title() -> None:
    """A photo set inside a story's columns: the extractor read its title between
    the story's paragraphs, where it looks like a subheading, and its caption
    elsewhere with no title above.  The block names the caption, not the story:
    it is the photo's title."""
    from cleaner.document import Decision, Label
    from cleaner.segment import segment_print

    caption = "市民清晨在湖畔晨练迎接新春，老人们打起了太极拳。新华社记者 王 明摄"
    items = (("TITLE", "山城缆车恢复运营"), ("BODY", _CABLE), ("HEADING", "湖畔晨练迎新春"), ("BODY", _CABLE_MORE), ("TITLE", "江北新建图书馆开放"), ("BODY", _LIBRARY), ("CAPTION", caption))
    stories = _stories(*items)
    assert ("山城缆车恢复运营", [_CABLE, _CABLE_MORE]) in stories
    assert ("湖畔晨练迎新春", [caption]) in stories
    decisions = [Decision(n, n, text, Label[label], "test") for n, (label, text) in enumerate(items, 1)]
    photo = segment_print(decisions)[0][-1]
    assert photo.title is not None and "names the caption" in photo.title.reason
    # a subheading naming its own story more than the caption stays in the story
    own = "山城缆车票价不变"
    kept = _stories(*items[:2], ("HEADING", own), *items[3:6], ("CAPTION", "山城缆车站前游客排队，票价不变。新华社记者 王 明摄"))
    assert kept[0] == ("山城缆车恢复运营", [_CABLE, own, _CABLE_MORE])
    # the switch turns the rule off
    off, stray = segment_print(decisions, Config(print_photo_title_in_text=False))
    assert len(off) == 2 and [d.text for d in stray] == [caption]


def test_title_no_story_took_opens_the_text_it_names() -> None:
    """A title read apart from its story (here at the page's end): its story's text
    was glued under another story's, sharing none of its words; it opens there."""
    stories = _stories(
        ("TITLE", "湿地公园增设观鸟屋"), ("BODY", _PARK[0]), ("BODY", _PARK[1]), ("BODY", _CABLE), ("BODY", _CABLE_MORE), ("TITLE", "山城缆车恢复运营")
    )
    assert stories == [("湿地公园增设观鸟屋", list(_PARK)), ("山城缆车恢复运营", [_CABLE, _CABLE_MORE])]


def test_free_title_naming_text_of_the_same_story_splits_nothing() -> None:
    """A subheading read as a title names words the whole story shares."""
    stories = _stories(("TITLE", "湿地公园增设观鸟屋"), ("BODY", _PARK[0]), ("BODY", _PARK[1]), ("BODY", _PARK_MORE), ("TITLE", "水杉林变成一片金黄"))
    assert [len(body) for _, body in stories] == [3]


def test_stacked_titles_over_two_glued_stories_split_them() -> None:
    """Two stories set side by side: the extractor read their titles one above the
    other, then the first story's text with the second's right after it.  The
    title naming more of that text took it all; it names the text from the
    second story's lede on, the other title the text before: two stories."""
    from cleaner.document import Decision, Label
    from cleaner.segment import segment_print

    items = (("TITLE", "湿地公园新栽水杉"), ("TITLE", "山城缆车恢复运营 夜间加开班次"), ("META", "本报记者 王 明"),
             ("BODY", _PARK[0]), ("BODY", _PARK[1]), ("BODY", _CABLE), ("BODY", _CABLE_MORE))
    assert _stories(*items) == [("湿地公园新栽水杉", list(_PARK)), ("山城缆车恢复运营 夜间加开班次", [_CABLE, _CABLE_MORE])]
    decisions = [Decision(n, n, text, Label[label], "test") for n, (label, text) in enumerate(items, 1)]
    off, _ = segment_print(decisions, Config(print_title_pair_split=False, print_title_lines=False))
    assert [(s.title.text, len(s.body)) for s in off] == [("山城缆车恢复运营 夜间加开班次", 4)]  # one story, one title lost
    stories, _ = segment_print(decisions)
    assert "names the text from here on" in stories[1].body[0].reason


def test_title_and_its_second_line_naming_two_parts_of_one_story_split_nothing() -> None:
    """A title's second line read apart names a later part of the same story: the
    parts share their words, so the story stays whole, under both lines."""
    items = (("TITLE", "步道五月前修好"), ("TITLE", "秋天举办观鸟节"), ("BODY", _PARK[0]), ("BODY", _PARK_MORE))
    assert _stories(*items) == [("步道五月前修好 秋天举办观鸟节", [_PARK[0], _PARK_MORE])]


_LIBRARY_MORE = "图书馆还开设了少儿阅览室，市民可以带孩子到图书馆借阅图书。"


def test_rest_of_a_story_read_after_a_brief_goes_back_to_it() -> None:
    """A brief set inside another story's columns: the extractor read the rest of
    that story after the brief's dateline paragraph.  The rest shares no words
    with the brief and those of the story above: it goes back there."""
    stories = _stories(("TITLE", "山城缆车恢复运营"), ("BODY", _CABLE), ("TITLE", "江北新建图书馆开放"), ("BODY", _LIBRARY), ("BODY", _CABLE_MORE))
    assert stories == [("山城缆车恢复运营", [_CABLE, _CABLE_MORE]), ("江北新建图书馆开放", [_LIBRARY])]


def test_brief_keeps_its_own_paragraphs_and_text_no_story_shares() -> None:
    """More of the brief (its words) stays with it; so does text that shares no
    story's words: nothing says where else it goes."""
    items = (("TITLE", "山城缆车恢复运营"), ("BODY", _CABLE), ("TITLE", "江北新建图书馆开放"), ("BODY", _LIBRARY))
    assert _stories(*items, ("BODY", _LIBRARY_MORE))[1] == ("江北新建图书馆开放", [_LIBRARY, _LIBRARY_MORE])
    assert _stories(*items, ("BODY", _BRIDGE))[1] == ("江北新建图书馆开放", [_LIBRARY, _BRIDGE])


# --- first lines and titles told apart (generated pages, session 3) -------------------


def test_letter_spaced_first_line_above_a_full_line_is_text() -> None:
    """A line narrower than the column directly above a full line is a
    paragraph's first line when justification stretched it (letter-spaced):
    not a heading."""
    text = (
        "今年全市接待的游客数量比\n去年增加了三成，收入也相\n应增长了两成，创下新高。\n"
        "传 统 基 金 会 每 年\n发布各地区经济自由度指\n数，香港今年再次排名第\n一，新加坡紧随其后，澳\n大利亚位列第三。"
    )
    assert ["".join(t.split()) for t in texts(text)] == [
        "今年全市接待的游客数量比去年增加了三成，收入也相应增长了两成，创下新高。",
        "传统基金会每年发布各地区经济自由度指数，香港今年再次排名第一，新加坡紧随其后，澳大利亚位列第三。",
    ]


def test_two_lines_as_wide_as_the_column_between_blank_lines_are_a_title() -> None:
    """Two unpunctuated lines alone between blank lines, as wide as the column,
    are a title unless the first is narrower by the indent (a paragraph's first
    two lines cut by a column break)."""
    title = (
        "今年全市接待的游客数量比\n去年增加了三成，收入也相\n应增长了两成，创下新高。\n\n"
        "春节黄金周海南游持续火热\n出境游香港日本最受追捧\n\n"
        "今年春节黄金周期间，全\n省接待游客人数再创新高，\n旅游收入增长三成。"
    )
    assert "春节黄金周海南游持续火热 出境游香港日本最受追捧" in texts(title)
    first_lines = (
        "今年全市接待的游客数量比\n去年增加了三成，收入也相\n应增长了两成，创下新高。\n\n"
        "中央气象台预计明天白\n天到夜间北方大部地区还将\n\n"
        "有一次降温过程，请注意\n防寒保暖。"
    )
    assert texts(first_lines)[1] == "中央气象台预计明天白天到夜间北方大部地区还将有一次降温过程，请注意防寒保暖。"


def test_two_line_title_alone_after_a_cut() -> None:
    """Two unpunctuated lines alone between blank lines right after a cut are a
    displaced title, not the cut sentence's rest."""
    text = (
        "区里新建的图书馆将在下个\n月开放，馆内藏书约二十万\n册，市民凭身份证可免费借\n\n"
        "晨光里湖边练拳的老人们\n迎来新年第一个周末\n\n"
        "阅，开馆时间将另行通知。"
    )
    blocks = texts(text)
    assert blocks[0] == "区里新建的图书馆将在下个月开放，馆内藏书约二十万册，市民凭身份证可免费借阅，开馆时间将另行通知。"
    assert "晨光里湖边练拳的老人们 迎来新年第一个周末" in blocks


def test_two_lines_above_an_indented_first_line_are_a_title() -> None:
    """Two unpunctuated lines directly above a paragraph's first line are a
    title however wide: as text they would have to end a sentence."""
    text = (
        "今年全市接待的游客数量比\n去年增加了三成，收入也相\n应增长了两成，创下新高。\n"
        "北京停售十四种不合格食品\n满记甜品芒果布丁登榜\n"
        "北京市工商局网站昨\n日消息，在近期的食品安全\n监管工作中，监管部门抽检\n出多种不合格食品。"
    )
    assert "北京停售十四种不合格食品 满记甜品芒果布丁登榜" in texts(text)


def test_two_line_title_above_a_dateline_across_a_blank_line() -> None:
    """Two unpunctuated lines opening after a blank line, with a dateline after
    the next blank line, are that story's title (pdfminer sets the title box
    apart), not the rest of the cut paragraph read before them."""
    text = (
        "普通人家的孩子进幼儿园\n难，这已经不足为奇。但要\n是诸如明星家的孩子进幼\n\n"
        "梅德韦杰夫称俄将文明解\n决乌克兰减少购气量问题\n\n"
        "本报上海9月21日电（记者王军）俄罗斯天然气工业公司总裁在会晤中透露，\n乌克兰单方表示今年将减少进口天然气。"
    )
    assert "梅德韦杰夫称俄将文明解 决乌克兰减少购气量问题" in texts(text)


def test_letter_spaced_piece_can_continue_a_cut() -> None:
    """A piece whose first line is letter-spaced is not measured as an indented
    first line (justification stretched it): it may be a cut sentence's rest."""
    text = (
        "记者从市气象局获悉，本周\n全市将迎来一次降温过程，\n\n"
        "最 低 气 温 将 降 至 零\n下五度，请市民注意防寒保\n暖，出行注意交通安全。"
    )
    assert "".join(texts(text)[0].split()) == "记者从市气象局获悉，本周全市将迎来一次降温过程，最低气温将降至零下五度，请市民注意防寒保暖，出行注意交通安全。"


# --- session 3: wrapped credits, wrapped datelines, backward pieces opening mid-paragraph ---


def test_caption_ending_in_a_credit_wrapped_onto_its_last_line_is_not_cut() -> None:
    """``…。本报记者 李 贞`` ⏎ ``摄``: the caption is closed, the next piece is no rest of it."""
    text = (
        "晨間護膚的關鍵在于合理利用時間。本报记者 李 贞\n摄\n\n"
        "未来 24 小时，雨雪的范围较\n大，但强度不强。"
    )
    blocks = texts(text)
    assert blocks[-1] == "未来 24 小时，雨雪的范围较大，但强度不强。"
    assert "本报记者 李 贞摄" in " ".join(blocks[:-1]).replace("贞 摄", "贞摄")


def test_rest_of_a_dateline_wrapped_from_the_line_above_is_not_a_title() -> None:
    text = (
        "用肥皂洗手 20 秒。\n\n被告人刑期与罚金均大幅减少\n本报南京 5 月 24 日\n电（记者周婷、高远）据\n"
        "新华社鲁山 12 月 15 日电\n引起全国关注的过路费案\n15 日在河南省鲁山县人\n民法院重审。"
    )
    blocks = texts(text)
    assert "被告人刑期与罚金均大幅减少" in blocks
    assert any(b.startswith("本报南京 5 月 24 日电（记者周婷、高远）据") for b in blocks)


def test_cut_paragraph_goes_on_in_a_piece_read_before_it_that_opens_mid_paragraph() -> None:
    """pdfminer reads a story's first column after its others: the rest of the cut
    is read before it, and its first line is as wide as the lines below (no
    paragraph starts there); the next piece is set in another column width."""
    text = (
        "会议结束。\n\n力通用模型，和行业垂类\n模型训练精调，取得了好\n的效果，受到各方好评。\n\n"
        "会上，双方表示将共同合\n作，推动人工智能发展，助\n\n"
        "据了解，这是胡润研究院连续第八年发布此\n报告，今年，中国本土品牌茅台和五粮液首次\n进入榜单前十名。"
    )
    blocks = texts(text)
    assert "会上，双方表示将共同合作，推动人工智能发展，助力通用模型，和行业垂类模型训练精调，取得了好的效果，受到各方好评。" in blocks


def test_two_lines_between_blanks_above_another_first_line_are_a_title() -> None:
    """Two unpunctuated lines alone between blank lines, the first narrower than
    the second by about the indent, would read as a paragraph's first two lines
    (p01_0027_pdfminer); but the row after the blank is itself a paragraph's
    indented first line, so that paragraph would stop mid-sentence right where
    the next one starts: the two lines are a title."""
    text = (
        "調，民眾應養成定時解尿\n習慣，建議至少每隔三\n小時應起身上廁所。\n\n"
        "圣元奶粉被疑致死\n或加剧国产奶粉信任危机\n\n"
        "在这次圣元奶粉“致\n死”事件中，如果相关部\n门的调查结果真的确定圣\n元的责任问题，那么，圣\n元奶粉无疑再次加剧国产\n奶粉的信任危机。"
    )
    assert texts(text)[1] == "圣元奶粉被疑致死 或加剧国产奶粉信任危机"


def test_two_lines_between_blanks_continued_below_are_a_paragraph_start() -> None:
    """The same two lines followed after the blank by a full line of their
    column are a paragraph's first two lines cut by the extractor (pdfminer)."""
    text = (
        "調，民眾應養成定時解尿\n習慣，建議至少每隔三\n小時應起身上廁所。\n\n"
        "有不少网友对该网站\n请苍井空参加年会的用意\n\n"
        "产生质疑，探究其目的是\n为了娱乐效果还是宣传效\n果？更有网友称当各种商\n业活动都开始了。"
    )
    assert texts(text)[1] == "有不少网友对该网站请苍井空参加年会的用意产生质疑，探究其目的是为了娱乐效果还是宣传效果？更有网友称当各种商业活动都开始了。"


def test_web_blocks_rejoin_a_sentence_cut_at_a_link() -> None:
    # one text node per line: the link 运动 and the number 30 cut the sentences where no mark tells
    text = (
        "李娜领衔体坛风云人物\n"
        "2011-12-16 00:40:28 来源:\n"
        "本报讯 （记者毛磊）体坛风云人物提名奖昨天揭晓，重新归来的刘翔和法网风光无限的李娜分别领衔男女最佳\n"
        "运动\n"
        "员候选人，而刘国梁、李永波等一干名帅将角逐最佳教练称号。\n"
        "他领导的小组与另外两个医院合作，对\n"
        "30\n"
        "多例网络成瘾青少年进行了大脑磁共振成像扫描。"
    )
    blocks = web_blocks(lines_of(text))
    assert [(b.first, b.last) for b in blocks] == [(1, 1), (2, 2), (3, 5), (6, 8)]
    assert blocks[2].text.endswith("领衔男女最佳运动员候选人，而刘国梁、李永波等一干名帅将角逐最佳教练称号。")
    assert blocks[3].text == "他领导的小组与另外两个医院合作，对30多例网络成瘾青少年进行了大脑磁共振成像扫描。"


def test_web_blocks_keep_apart_what_only_looks_cut() -> None:
    lines = [
        "美元/日元纽约早盘探底回升，美国经常帐赤字创新低",  # a headline with a comma: too short
        "手机免费访问",
        "外汇网",
        "資料圖：試驗中志願者在艙內組建樂隊，王躍（左一）為鼓手。新華社發",  # a caption closed by its credit
        "火星500試驗中國志願者、中國航天員科研訓練中心教員王躍，日前獲得功勳榮譽。",
        "所有评论仅代表网友意见，凤凰网保持中立的态度和立场",  # chrome: a menu row follows
        "转发|收藏",
        "发布评论可同步到微博。",
        "很难说，事件的原因尚未公布所以难下定夺的情况",  # a poll option: the next is numbered
        "2.在你眼中，郭德纲是怎么样一个人？",
    ]
    assert all(b.first == b.last for b in web_blocks(lines_of("\n".join(lines))))


def test_web_blocks_join_a_cut_line_directly_only_on_a_page_cut_at_nodes() -> None:
    cut = "鑑於農曆新年前的周六，會有較多市民外出購物或參加聚會，荃灣綫特別於1月14日的午飯和晚"
    rest = "開始繁忙時段運作。"
    assert len(web_blocks(lines_of(f"{cut}\n{rest}"))) == 2  # one block per line: a paragraph may end so
    page = f"標題\n據介紹，\n首批試點將增設照明。\n{cut}\n{rest}"  # a line cut at a comma shows the renderer
    assert [(b.first, b.last) for b in web_blocks(lines_of(page))] == [(1, 1), (2, 3), (4, 5)]


def test_subheading_above_a_first_line_cut_by_a_column_break() -> None:
    """Two unpunctuated lines directly above a paragraph's indented first line are
    a heading also when a column break follows that first line: it is measured
    against the column the paragraph goes on in, after the break."""
    text = (
        "堅果來取代精緻油的攝\n取，但一天的堅果食用量\n仍以一份為限。\n"
        "蒟蒻乾等低熱\n量零食作替代\n金惠民舉例，夏威夷\n\n"
        "火山豆四顆、杏仁果八\n顆、開心果十五顆就相當\n於一茶匙的油脂量，過年\n吃堅果若不希望體重增\n加，別忘要適時減少烹調\n用油。"
    )
    blocks = texts(text)
    assert "蒟蒻乾等低熱 量零食作替代" in blocks
    assert any(b.startswith("金惠民舉例，夏威夷火山豆") for b in blocks)


def test_subheading_as_wide_as_lines_measured_with_compressed_punctuation() -> None:
    """A line is no full line of the column below because punctuation set half a
    cell makes the lines below measure short: the lines below agree in width only
    with punctuation a full cell (10/11/11, as set 8.5/9.5/10.5)."""
    text = (
        "猫，这一次能这样接触熊\n猫，非常兴奋”。\n"
        "并怀抱幼熊猫亲密合影\n对于这样的活动，姚\n\n"
        "明也用实际行动表示了支\n持，“我想，具体的内\n容，有饲养员，有专家，\n有科技工作者去完成，我\n们插不上手。我特别佩服\n他们。”"
    )
    blocks = texts(text)
    assert "并怀抱幼熊猫亲密合影" in blocks


# --- session 5: subheadings after a cut, columns measured by sure lines ---


def test_first_line_over_a_line_shortened_by_line_breaking_is_text() -> None:
    """A first line (narrower by the indent) over a line the line-breaking rules left
    short (``内、国际版小全张各一``, its last character carried over) is text: the column
    is measured by the lines of sure measure below, not by one with Latin letters."""
    text = (
        "邮政部门还派出两辆邮车\n在街头巷尾穿梭，向市民宣\n传这个特殊的邮票版本。\n"
        "李女士昨天买下了国\n内、国际版小全张各一\n套，以及一张未切割的海\n报 (uncutpresssheet)，虽\n然价格不菲，她觉得很值\n得。"
    )
    assert texts(text)[1].startswith("李女士昨天买下了国内、国际版小全张各一套")


@pytest.mark.parametrize(
    ("text", "heading", "paragraph", "switch", "blocks_off"),
    [
        pytest.param(
            "他们用业余时间到工地上\n给工友们表演，唱着自己\n的身份迷茫，唱着总是讨\n\n"
            "她真就是这样希望\n除了语言类和歌舞类\n节目，还有几位打工者穿\n上自己的工作服，戴着安\n全帽在红地毯上走起秀。",
            "她真就是这样希望",
            "除了语言类和歌舞类节目，还有几位打工者穿上自己的工作服，戴着安全帽在红地毯上走起秀。",
            "layout_heading_after_cut",
            1,
            id="after-a-cut",
        ),
        pytest.param(
            "龙票采用传统的烫金工艺\n制作，金龙前爪抓着一颗龙\n珠，周围有五色祥云围绕。\n"
            "龙袍上的蝙蝠寓意福\n设计师蔡先生表示，\n特意在龙袍内加插蝙蝠图\n\n案，用以象征传统文化中\n的福文化，寓意吉祥。",
            "龙袍上的蝙蝠寓意福",
            "设计师蔡先生表示，特意在龙袍内加插蝙蝠图案，用以象征传统文化中的福文化，寓意吉祥。",
            "layout_first_line_column_above",
            2,
            id="column-break-two-lines-down",
        ),
    ],
)
def test_subheading_by_a_column_break_is_a_heading(text: str, heading: str, paragraph: str, switch: str, blocks_off: int) -> None:
    """A subheading above a first line, next to a column break, is a heading; with
    its switch off the text reads as ``blocks_off`` blocks:

    * after-a-cut: a subheading moved to the top of the next column follows a cut:
      alone after the blank line and directly above a first line, it is no rest of
      the cut sentence (that would have to end a sentence there);
    * column-break-two-lines-down: a column break two lines below a first line
      leaves one line to measure the column by: the wrapped lines above the
      subheading measure it too."""
    assert texts(text)[1:] == [heading, paragraph]
    assert len(_texts_with(text, **{switch: False})) == blocks_off


def test_first_line_at_the_foot_of_a_column_is_text() -> None:
    """A heading-like line directly below a sentence end (no blank line between)
    and last before a column break, narrower than the column by the indent only,
    is the next paragraph's first line: a subheading is set off by space and never
    left at a column's foot.  The extractor reads another paragraph's start after
    the break; the first line's rest comes later."""
    text = (
        "在關心選情，熱情投入之\n餘，別忘了關心自己身體\n的健康，多休息、多運動\n才是長久之道。\n書田診所精神科主任\n\n"
        "醫師也提醒，選民\n看開票時情緒起伏大，\n應適時轉移注意力，不\n要整晚守在電視前面。\n\n"
        "江漢光表示，選舉進入最\n後倒數階段，緊繃的選情\n容易讓人失眠、焦慮，甚\n至引發身心不適。"
    )
    assert texts(text)[1] == "書田診所精神科主任江漢光表示，選舉進入最後倒數階段，緊繃的選情容易讓人失眠、焦慮，甚至引發身心不適。"
    assert "書田診所精神科主任" in _texts_with(text, layout_first_line_at_foot=False)


def test_first_line_cut_after_one_row_is_measured_in_the_column_above() -> None:
    """A paragraph cut after its first row is measured for its column by the
    paragraph above it in its run: its rest is the piece in that column, not the
    nearer piece set in a column three times as wide."""
    text = (
        "美國一項研究給運動又找\n了個好理由，常運動的人\n薪水比較多，令人羨慕。\n克里夫蘭大學柯斯堤\n\n"
        "此前，柯达已就图像预览方面的专利起诉苹果公司。在新的诉讼中，柯达指控\n"
        "苹果公司手机和平板电脑上的图像传输功能侵犯了柯达的专利，要求赔偿损失。\n\n"
        "博士分析了一萬兩千人的\n運動和薪水之間的關係，\n結果發現，常運動的人薪\n水高百分之六到九。"
    )
    assert "克里夫蘭大學柯斯堤博士分析了一萬兩千人的運動和薪水之間的關係，結果發現，常運動的人薪水高百分之六到九。" in texts(text)
    assert "克里夫蘭大學柯斯堤博士分析了一萬兩千人的運動和薪水之間的關係，結果發現，常運動的人薪水高百分之六到九。" not in _texts_with(text, layout_cut_column_above=False)


@pytest.mark.parametrize(
    ("text", "heading", "paragraph", "switch"),
    [
        pytest.param(
            "二环路沿线的东直门、三\n元桥、亮马桥、农业展览\n馆、国贸、海淀黄庄都设\n了自提点。\n\n"
            "也提高了免费送货门槛\n目前在京东商城购物\n完毕以后，已经可以选择\n来地铁站自提，用户需\n要自提时付款，支持现金\n刷卡。",
            "也提高了免费送货门槛",
            "目前在京东商城购物完毕以后，已经可以选择来地铁站自提，用户需要自提时付款，支持现金刷卡。",
            "layout_heading_half_cell_short",
            id="half-a-cell-short",
        ),
        pytest.param(
            "记者了解到，茅台酒的出厂\n价格一年内调整了两次，经\n销商的库存普遍偏紧。\n\n"
            "去年一年上涨了近 50\n周孝正：大家都知\n道，高端白酒现在已经涨\n到几千了，一般的工薪阶\n层根本喝不起这种酒。",
            "去年一年上涨了近 50",
            "周孝正：大家都知道，高端白酒现在已经涨到几千了，一般的工薪阶层根本喝不起这种酒。",
            "layout_heading_unsure_above_first_line",
            id="digits-above-first-line",
        ),
        pytest.param(
            "他们要求经营户自觉做好\n各项安全措施，熟练掌握\n消防安全知识。\n\n"
            "知道自己有了寶寶\n据 现 场 检 查 人 员 介\n绍，下一步，他们还将加\n大力度进行逐一检查，摸\n清情况，及时排除隐患。",
            "知道自己有了寶寶",
            "据 现 场 检 查 人 员 介绍，下一步，他们还将加大力度进行逐一检查，摸清情况，及时排除隐患。",
            "layout_letter_spaced_first_line",
            id="letter-spaced-first-line",
        ),
        pytest.param(
            "透析，每隔四五天就必\n須到醫院將全身的血液淨\n化一次。\n\n"
            "知道自己有了寶寶\n去年 7 月，謝煥桂\n發現自己懷孕了。對于一\n個尿毒症患者來說，懷孕\n是一件非常辛苦的事情。",
            "知道自己有了寶寶",
            "去年 7 月，謝煥桂發現自己懷孕了。對于一個尿毒症患者來說，懷孕是一件非常辛苦的事情。",
            "layout_digit_first_line_cells",
            id="first-line-with-a-number",
        ),
    ],
)
def test_subheading_above_a_first_line_is_a_heading(text: str, heading: str, paragraph: str, switch: str) -> None:
    """A subheading directly above a paragraph's first line is a heading, not text run
    on into the paragraph, with its switch on:

    * half-a-cell-short: whole characters (10 cells) in a column whose full lines
      measure 10.5 with a half-cell comma (11 cells set) are a cell short of a full line;
    * digits-above-first-line: a subheading with digits (its width unsure) above a
      sure first line — text there would have to end a sentence before it;
    * letter-spaced-first-line: pdfminer letter-spaces a first line justification
      stretched (``绍，`` could not end it); its cells, not its display width, show it
      is narrower than the column by the indent;
    * first-line-with-a-number: a first line with a number (``去年 7 月，謝煥桂``)
      measured by its cells, each space beside the number a gap, is narrower than
      the column by the indent."""
    assert texts(text)[1:] == [heading, paragraph]
    assert heading not in _texts_with(text, **{switch: False})


def test_letter_spaced_line_above_a_line_cut_before_a_number_is_text() -> None:
    """A letter-spaced line over a short line is no heading when the line after
    opens with a number: the short line stopped there because the number does not
    break, it is no indented first line."""
    text = (
        "王跃日前获得了“火星模拟\n飞行试验功勋”荣誉称号。\n"
        "火 星 ― 500 试 验 由\n俄罗斯等国发起，于\n2010 年 6 月 3 日启动，\n历时五百二十天，共有六\n名志愿者参加了试验。"
    )
    assert texts(text)[1].startswith("火 星 ― 500 试 验 由俄罗斯等国发起")


def test_letter_spaced_full_line_below_a_heading_like_line_is_text() -> None:
    """A letter-spaced line whose cells fill more than the column less the indent is
    a full line justification stretched: the unpunctuated line above it runs on."""
    text = (
        "他们要求经营户自觉做好\n各项安全措施，熟练掌握\n消防安全知识。\n\n"
        "据现场检查人员介绍各位\n经 营 户 都 有 储 存 安 全 知\n识，下一步，他们还将加\n大力度进行逐一检查，摸\n清情况，及时排除隐患。"
    )
    assert texts(text)[1].startswith("据现场检查人员介绍各位经 营 户")


def test_first_line_above_one_full_line_before_a_column_break_is_text() -> None:
    """A first line with digits (measured short by the extractor's spaces) directly
    above one full line and a column break is text when that line is as wide as the
    column the wrapped lines above it measure: a heading is followed by an indented
    first line, never by a full line that goes on the sentence."""
    text = (
        "中醫科學院擔任研究工\n作，現為中國中醫科學院\n中醫臨床基礎醫學研究所\n常務副所長。\n"
        "由 2002 年 至 2006\n年間，呂愛平在國家四大\n\n"
        "中醫藥工程研究中心之一\n的中藥固體製劑國家工程\n研究中心擔任領導，並獲\n邀擔任多間大學的訪問學\n者。"
    )
    assert texts(text)[-1].startswith("由 2002 年 至 2006年間，呂愛平在國家四大中醫藥")
    assert "由 2002 年 至 2006" in _texts_with(text, layout_first_line_break_below=False)


def test_first_line_stopped_by_a_latin_word_is_text() -> None:
    """A short line directly above a full line that opens with a Latin word is a
    paragraph's first line when that word (it does not break) would not fit after
    it on an indented line: the line stopped short, it is no heading."""
    text = (
        "级之后，这一举动就已在\n预料之中。目前其他两家\n评级机构惠誉与穆迪仍维\n持该基金的 AAA 评级。\n"
        "但标准普尔调降\nEFSF 评级消息仍令该基\n金发行的长期国债承压，\n收益率较上周明显上升。"
    )
    assert texts(text)[-1].startswith("但标准普尔调降EFSF 评级消息")
    assert "但标准普尔调降" in _texts_with(text, layout_first_line_before_word=False)


def test_full_line_below_a_sentence_end_is_measured_in_its_own_run() -> None:
    """A full line below a sentence end, in a paragraph that ends one line later, is
    measured against the lines of its own column, not against the wider column of
    the next run after the blank line: there it would look indented and split the
    paragraph at the sentence end."""
    text = (
        "记者走访发现，除了少数常用药外，多数药品并不拆开零\n"
        "卖。一位药店店长坦言，最关键的一点就是，拆零的成本\n"
        "太高。目前，有关部门并没有硬性规定哪些药品可以拆零，\n"
        "只要求药店设置拆零专柜，对医院也同样没有明确要求。\n"
        "“不过，无论是药店还是医院，大家对拆零药品都有一点天\n"
        "然的抵触心理。”\n\n"
        "研究人员对七百多名刚开始戒烟的成年人进行了为期两年的跟踪调查，结果发\n"
        "现，在戒烟者当中，有三成的人在六个月内又重新开始吸烟，而坚持下来的人\n"
        "大多得到了家人的支持和鼓励，专家因此建议戒烟者多与家人沟通交流。"
    )
    assert texts(text)[0].endswith("对医院也同样没有明确要求。“不过，无论是药店还是医院，大家对拆零药品都有一点天然的抵触心理。”")
    assert _texts_with(text, layout_first_line_own_run=False)[1].startswith("“不过，")


def test_piece_opening_mid_paragraph_continues_a_sentence_end_on_a_full_line() -> None:
    """A piece whose first line is as wide as the lines below it opens mid-paragraph;
    when no cut claims it, it continues the piece before it that ends a sentence on
    a full line of the same column: the column break fell after that sentence."""
    text = (
        "在她去世前的微博里，人\n们看到太多凌晨时分发出\n来的文字：“现在觉得生病\n才叫那个悲惨，连假都请\n不出来。”她在微博上说。\n\n"
        "这个年轻生命骤逝激发的\n社会反响颇大，谁能想到\n职业原因导致的胃溃疡，\n也能要人命。"
    )
    assert texts(text) == [
        "在她去世前的微博里，人们看到太多凌晨时分发出来的文字：“现在觉得生病才叫那个悲惨，连假都请不出来。”"
        "她在微博上说。这个年轻生命骤逝激发的社会反响颇大，谁能想到职业原因导致的胃溃疡，也能要人命。"
    ]
    assert len(_texts_with(text, layout_link_closed_full_line=False)) == 2
    assert any("column break after" in note for note in print_blocks(lines_of(text))[0].joins)


def test_first_line_short_by_a_character_moved_down_is_no_title_line() -> None:
    """A subheading over a first line that stops a character short of the indent
    because that character moved down with the comma after it (a comma may not
    start a line: ``…工作人员介`` ⏎ ``绍，服务站…``) is a heading: the first line is
    text, not the second line of a two-line title."""
    text = (
        "市民可以通过手机查询进度，\n也可以到服务窗口当面办理，\n手续比过去简便了许多。\n\n"
        "社区服务站\n据社区工作人员介\n绍，服务站每天上午九点\n开门，下午五点关门，周末\n照常开放，节假日另行通\n知。"
    )
    assert texts(text)[1:] == ["社区服务站", "据社区工作人员介绍，服务站每天上午九点开门，下午五点关门，周末照常开放，节假日另行通知。"]
    assert _texts_with(text, layout_first_line_kinsoku=False)[1] == "社区服务站 据社区工作人员介"


def test_dropped_indent_is_measured_with_full_punctuation_below_too() -> None:
    """A first line whose indent the extractor dropped, below a sentence end on a
    full line, is measured with punctuation a full cell against the lines below it
    as well as above: the line above falls a cell short of the column, the lines
    below fill it, and the first line is narrower than they by the indent."""
    text = (
        "医生收入较高，既与培养周期漫长有关，\n也是对这种职业风险的一种合理补偿。\n"
        "但与此同时，收入高的合理性并不意味\n着，“高工资”无论怎样拿，都是天然合\n"
        "理的。这就涉及“怎样拿”、“如何提高”\n的问题。"
    )
    assert texts(text) == [
        "医生收入较高，既与培养周期漫长有关，也是对这种职业风险的一种合理补偿。",
        "但与此同时，收入高的合理性并不意味着，“高工资”无论怎样拿，都是天然合理的。这就涉及“怎样拿”、“如何提高”的问题。",
    ]
    assert len(_texts_with(text, layout_first_line_full_after=False)) == 1


def test_line_with_digits_alone_above_a_full_line_after_a_break_is_text() -> None:
    """A line with digits (measured short by the extractor's spaces) alone between
    blank lines after a sentence end, whose cells fill the column less the indent,
    runs on into the full line after the break; a heading is followed by an indented
    first line, and one still is."""
    text = (
        "市卫生局提醒，节日期\n间要注意饮食卫生，少\n吃油腻食物，多喝水。\n\n"
        "自 2010 年 3 月以\n\n来，全市已有十二家医\n院开设夜间门诊，方便\n上班族下班后就医。"
    )
    assert texts(text)[1] == "自 2010 年 3 月以来，全市已有十二家医院开设夜间门诊，方便上班族下班后就医。"
    assert _texts_with(text, layout_spaced_line_cut_by_break=False)[1] == "自 2010 年 3 月以"
    heading = (
        "市卫生局提醒，节日期\n间要注意饮食卫生，少\n吃油腻食物，多喝水。\n\n"
        "2012 年四项重点\n\n  今年，市卫生局将\n继续推进医院夜间门\n诊，方便上班族就医。"
    )
    assert texts(heading)[1] == "2012 年四项重点"


def test_subheading_above_a_first_line_at_the_foot_of_a_column() -> None:
    """A subheading set directly under a paragraph's end, over the next paragraph's
    first line (narrower than the column by the indent) that a column break cuts,
    is a heading alone: the first line joins the rest of its sentence after the
    break, instead of both lines being read as one two-line title."""
    text = (
        "市民反映，近日小区门口\n的公交站台被临时撤销，\n不少老人只能步行到两站\n以外去乘车，十分不便。\n"
        "站台为何被撤销\n记者随后联系了公交\n\n"
        "集团，工作人员解释称，\n由于道路施工需要，站台\n暂时迁到北侧路口，预计\n下月底恢复原址。"
    )
    assert _texts_with(text) == [
        "市民反映，近日小区门口的公交站台被临时撤销，不少老人只能步行到两站以外去乘车，十分不便。",
        "站台为何被撤销",
        "记者随后联系了公交集团，工作人员解释称，由于道路施工需要，站台暂时迁到北侧路口，预计下月底恢复原址。",
    ]
    assert "站台为何被撤销 记者随后联系了公交" in _texts_with(text, layout_heading_over_foot_first_line=False)


def test_word_across_a_column_break_picks_the_continuation() -> None:
    """A paragraph cut mid-word (``…大家都助`` ⏎⏎) goes on in the piece that completes
    the word (``力那些…``: 助力), not in the nearer piece that only happens to follow
    it in extraction order."""
    text = (
        "在她去世前的微博里，人\n们看到太多凌晨时分发出\n来的文字：现在觉得生病\n才叫那个悲惨，大家都助\n\n"
        "通用模型研发团队的成员\n表示这一消息让人振奋。\n\n"
        "力那些年轻人度过难关，\n谁能想到职业原因导致的\n胃溃疡，也能要人命。"
    )
    assert texts(text) == [
        "在她去世前的微博里，人们看到太多凌晨时分发出来的文字：现在觉得生病才叫那个悲惨，大家都助力那些年轻人度过难关，"
        "谁能想到职业原因导致的胃溃疡，也能要人命。",
        "通用模型研发团队的成员表示这一消息让人振奋。",
    ]
    assert _texts_with(text, layout_link_word=0)[0].endswith("大家都助通用模型研发团队的成员表示这一消息让人振奋。力那些年轻人度过难关，谁能想到职业原因导致的胃溃疡，也能要人命。")
    assert "(the word 助力 runs across the break)" in print_blocks(lines_of(text))[0].joins[-1]  # the reason is shown


# the word bonus as a step of 25 at gain 3 (session 8's first rule), for comparison
_STEP_WORD_BONUS = {"layout_link_word": 25, "layout_link_word_gain": 3, "layout_link_word_slope": 1000}


def test_a_barely_common_word_does_not_outweigh_the_next_piece() -> None:
    """``…靠近小`` ⏎⏎ ``說，…`` reads as 小說, but only just (gain 3.25): the next piece
    (``傑，…``, a name's rest) stays the continuation, and the other piece its own paragraph."""
    text = (
        "二十多天後，只要靠近小\n\n"
        "傑，就能聞到異味。直到\n上週家人才發現傷口已經\n化膿。\n\n"
        "說，這件事他們承認有失\n誤，已給家屬道歉。"
    )
    assert texts(text) == [
        "二十多天後，只要靠近小傑，就能聞到異味。直到上週家人才發現傷口已經化膿。",
        "說，這件事他們承認有失誤，已給家屬道歉。",
    ]
    # as a step, the word took the piece
    assert _texts_with(text, **_STEP_WORD_BONUS)[0] == "二十多天後，只要靠近小說，這件事他們承認有失誤，已給家屬道歉。"


def test_a_strong_word_finds_a_continuation_read_before_the_cut() -> None:
    """pdfminer reads a one-line rest (``憂，…``) before the paragraph it ends: a
    strong word across the break (擔憂, gain 9.5) outweighs the cost of a piece
    read before the cut, and the next piece (``另外，…``) starts its own paragraph."""
    text = (
        "憂，擔心會影響生意。\n\n"
        "對於這項新規定，不少攤\n商表示支持，市民張曉明\n卻對禁令的執行仍不無擔\n\n"
        "另外，市府昨天也公布了\n新的交通管制措施，將從\n下週一起實施。"
    )
    assert texts(text) == [
        "對於這項新規定，不少攤商表示支持，市民張曉明卻對禁令的執行仍不無擔憂，擔心會影響生意。",
        "另外，市府昨天也公布了新的交通管制措施，將從下週一起實施。",
    ]
    assert _texts_with(text, **_STEP_WORD_BONUS)[1].endswith("卻對禁令的執行仍不無擔另外，市府昨天也公布了新的交通管制措施，將從下週一起實施。")


def test_two_first_lines_at_the_foot_of_a_column_are_text() -> None:
    """Two heading-like lines directly below a sentence end and last before a column
    break, the first narrower than the column by the indent and the second one cell
    short (its last character went on with the comma after it), are a paragraph's
    first two lines, not a two-line title: a title is set off from the text above."""
    text = (
        "据了解，本次抽查共涉及\n十二个大类，其中糕点、\n饮料和乳制品问题较多，\n市民购买时应当留意。\n"
        "本次公布的不合格产\n品名单中有多家知名企\n\n"
        "业，监管部门已责令其停\n止销售相关产品。"
    )
    assert texts(text)[-1] == "本次公布的不合格产品名单中有多家知名企业，监管部门已责令其停止销售相关产品。"
    assert "本次公布的不合格产 品名单中有多家知名企" in _texts_with(text, layout_first_lines_at_foot=False)


def test_a_cut_with_no_plausible_rest_stays_open() -> None:
    """The only piece that could end a cut sentence was read long before it and
    nothing else speaks for it: the cut stays open rather than take that text,
    which stays where it was read."""
    indented = "近年来，本市持续推\n进公交优先战略，新开通\n线路三十余条，覆盖主要\n居住区。\n\n"
    text = (
        "城市交通\n\n"
        "越来越多的市民开始选\n择绿色方式出行。\n\n"
        + indented * 6
        + "据统计，今年前十个月全\n市共有超过两百万人次"
    )
    blocks = texts(text)
    assert blocks[1] == "越来越多的市民开始选择绿色方式出行。"
    assert blocks[-1] == "据统计，今年前十个月全市共有超过两百万人次"
    linked = _texts_with(text, layout_link_max_cost=1e9)
    assert linked[-1] == "据统计，今年前十个月全市共有超过两百万人次越来越多的市民开始选择绿色方式出行。"


def test_indented_first_line_is_measured_against_the_lines_of_sure_measure() -> None:
    """A line with digits below (``1984 年 12 月 21 日 开``, of unsure width: justification
    stretched its spaces) does not hide that the first line is narrower than the
    column by the indent: the piece opens a paragraph and continues no cut."""
    from cleaner.layout import _opens_paragraph, _read_units, _rows

    piece = "沪嘉高速是国内首条\n高速公路，连接上海市区\n与卫星城嘉定，该路段于\n1984 年 12 月 21 日 开\n通。"
    units = _read_units(_rows(lines_of("会议结束。\n\n" + piece)), Config())
    assert _opens_paragraph(units[-1].para, Config())
    text = "他表示，道路收费的调整\n将惠及沿线\n\n" + piece + "\n\n居民，减轻出行负担。"
    assert texts(text)[0] == "他表示，道路收费的调整将惠及沿线居民，减轻出行负担。"


def test_a_title_line_read_apart_joins_the_title_it_belongs_to() -> None:
    """A two-line headline in a large type comes out of pdftotext as two blocks: the
    line no story took names the same story, so it is the title's other line, in
    reading order.  A section label above a title names no story and stays apart."""
    from cleaner.config import Config
    from cleaner.document import Decision, Label
    from cleaner.segment import segment_print

    assert _stories(("TITLE", "乘缆车观江景"), ("TITLE", "山城缆车今日恢复运营"), ("BODY", _CABLE), ("BODY", _CABLE_MORE))[0] == (
        "乘缆车观江景 山城缆车今日恢复运营", [_CABLE, _CABLE_MORE]
    )
    assert _stories(("TITLE", "山城缆车今日恢复运营"), ("TITLE", "乘缆车观江景"), ("BODY", _CABLE))[0][0] == "山城缆车今日恢复运营 乘缆车观江景"
    assert _stories(("TITLE", "资讯速览"), ("TITLE", "山城缆车今日恢复运营"), ("BODY", _CABLE))[0][0] == "山城缆车今日恢复运营"
    items = (("TITLE", "乘缆车观江景"), ("TITLE", "山城缆车今日恢复运营"), ("BODY", _CABLE))
    decisions = [Decision(n, n, text, Label[label], "test") for n, (label, text) in enumerate(items, 1)]
    stories, _ = segment_print(decisions, Config(print_title_lines=False))
    assert stories[0].title.text == "山城缆车今日恢复运营"


def test_explain_shows_what_segmentation_settled() -> None:
    """The decisions a page reports (``cleaner explain``) carry the reasons of
    segmentation: two title lines joined, a piece joined to the story it shares
    words with; each decision keeps its own lines and text."""
    from cleaner.document import Decision, Label
    from cleaner.segment import segment_print, settled_decisions

    items = (("TITLE", "乘缆车观江景"), ("TITLE", "山城缆车今日恢复运营"), ("BODY", _CABLE), ("TITLE", "江北新建图书馆开放"),
             ("BODY", _CABLE_MORE), ("BODY", _LIBRARY))
    decisions = [Decision(n, n, text, Label[label], "test") for n, (label, text) in enumerate(items, 1)]
    stories, _ = segment_print(decisions)
    settled = settled_decisions(decisions, stories)
    assert [(d.first, d.text) for d in settled] == [(d.first, d.text) for d in decisions]
    assert "one title" in settled[0].reason and "one title" in settled[1].reason
    assert "rest of the story at line 3" in settled[4].reason
    assert settled[2] is decisions[2]  # nothing settled: the decision itself


def test_two_line_title_with_an_enumeration_comma_is_one_title() -> None:
    """Headlines carry the enumeration comma (``新增步道、观鸟屋``), unlike the other
    marks of running text: two such lines closed by a blank line are one title."""
    text = (
        "城东湿地公园开放\n新增步道、观鸟屋\n\n"
        "城东湿地公园今年新\n栽了三万株水杉，公园管\n理处说，步道也将在五\n月前全部修好。"
    )
    assert texts(text)[0] == "城东湿地公园开放 新增步道、观鸟屋"


def test_a_title_right_above_an_untitled_story_is_its_title_if_they_share_a_word() -> None:
    """A headline may paraphrase its story: too few shared words to match it by
    content, but read right above the story, sharing one pair (山城), it is the
    story's title.  One sharing nothing stays off it."""
    from cleaner.config import Config
    from cleaner.document import Decision, Label
    from cleaner.segment import segment_print

    items = (("TITLE", "山城夜色值得一看"), ("BODY", _CABLE))
    assert _stories(*items) == [("山城夜色值得一看", [_CABLE])]
    assert _stories(("TITLE", "周末出行好去处"), ("BODY", _CABLE)) == [(None, [_CABLE])]
    decisions = [Decision(n, n, text, Label[label], "test") for n, (label, text) in enumerate(items, 1)]
    stories, _ = segment_print(decisions, Config(print_title_near_min_overlap=2.0))
    assert stories[0].title is None
    assert "right above the story" in segment_print(decisions)[0][0].title.reason


def test_a_title_line_read_far_from_its_title_joins_it() -> None:
    """pdftotext reads a headline set across columns line by line among the columns'
    text: a line no story took, read after another story, that names this story as a
    title does and no other story as much is its title's other line."""
    from cleaner.config import Config
    from cleaner.document import Decision, Label
    from cleaner.segment import segment_print

    items = (("TITLE", "山城缆车今日恢复运营"), ("BODY", _CABLE), ("TITLE", "江北新建图书馆开放"), ("BODY", _LIBRARY), ("TITLE", "缆车每日运行十小时"))
    assert _stories(*items)[0] == ("山城缆车今日恢复运营 缆车每日运行十小时", [_CABLE])
    decisions = [Decision(n, n, text, Label[label], "test") for n, (label, text) in enumerate(items, 1)]
    stories, _ = segment_print(decisions, Config(print_title_far_lines=False))
    assert stories[0].title.text in ("山城缆车今日恢复运营", "缆车每日运行十小时")
    # a title that has its two lines takes no third
    two = (("TITLE", "乘缆车观江景"), *items)
    assert _stories(*two)[0][0] == "乘缆车观江景 山城缆车今日恢复运营"


def test_a_title_right_below_an_untitled_story_is_its_title_if_it_names_no_later_one_more() -> None:
    """A brief's title set under its text (seed 003): a story with no title above
    takes the first title read right below it, if they share a word and the title
    names the story after it less."""
    stories = _stories(("BODY", _CABLE), ("TITLE", "山城夜色值得一看"), ("TITLE", "江北新建图书馆开放"), ("BODY", _LIBRARY))
    assert stories == [("山城夜色值得一看", [_CABLE]), ("江北新建图书馆开放", [_LIBRARY])]
    assert _stories(("BODY", _CABLE), ("TITLE", "山城图书馆开放"), ("BODY", _LIBRARY))[0][0] is None


def test_an_untitled_story_takes_a_headline_stacked_over_the_titled_story_before() -> None:
    """Headlines of stories set side by side come out one above the other, over the
    first story of the row, and the texts after: the second story's headline shares
    too few words to match it by content (江北 only), so only its place tells.  One
    that names the first story more stays off the second."""
    from cleaner.config import Config
    from cleaner.document import Decision, Label
    from cleaner.segment import segment_print

    items = (("TITLE", "山城缆车今日恢复运营"), ("TITLE", "江北市民有了新去处"), ("BODY", _CABLE), ("BODY", _LIBRARY))
    stories = _stories(*items)
    assert stories == [("山城缆车今日恢复运营", [_CABLE]), ("江北市民有了新去处", [_LIBRARY])]
    decisions = [Decision(n, n, text, Label[label], "test") for n, (label, text) in enumerate(items, 1)]
    assert "above the titled stories before" in segment_print(decisions)[0][1].title.reason
    off, _ = segment_print(decisions, Config(print_title_near_min_overlap=2.0))
    assert off[1].title is None
    assert _stories(("TITLE", "山城缆车今日恢复运营"), ("TITLE", "山城市民有了新去处"), ("BODY", _CABLE), ("BODY", _LIBRARY))[1][0] is None


def test_a_photo_story_takes_its_title_by_place_and_joins_its_two_lines() -> None:
    """A photo story (a title over a caption) is titled like any story: its caption
    is the text its title names."""
    caption = "图为山城缆车夜间运行，游客在缆车上观赏江景。新华社记者 李明摄"
    joined = _stories(("TITLE", "乘缆车观江景"), ("TITLE", "山城缆车夜间加开"), ("CAPTION", caption))
    assert joined == [("乘缆车观江景 山城缆车夜间加开", [caption])]


def test_stacked_titles_split_their_glued_text_when_the_lower_names_the_later_part() -> None:
    """The upper of two headlines read over a story names its first part, the lower
    the part after, but too little to match it by content (少儿, 儿阅: 2 of its 8
    bigrams): two stories, each under its own headline.  With the pair split off,
    one story, both headlines taken for one title's two lines."""
    from cleaner.config import Config
    from cleaner.document import Decision, Label
    from cleaner.segment import segment_print

    items = (("TITLE", "山城缆车今日恢复运营"), ("TITLE", "少儿阅读有了好去处"), ("BODY", _CABLE), ("BODY", _LIBRARY_MORE))
    assert _stories(*items) == [("山城缆车今日恢复运营", [_CABLE]), ("少儿阅读有了好去处", [_LIBRARY_MORE])]
    decisions = [Decision(n, n, text, Label[label], "test") for n, (label, text) in enumerate(items, 1)]
    stories, _ = segment_print(decisions)
    assert "the story's title at line 1 the text before" in stories[1].body[0].reason
    off, _ = segment_print(decisions, Config(print_title_pair_split=False))
    assert [(s.title.text if s.title else None, len(s.body)) for s in off] == [("山城缆车今日恢复运营 少儿阅读有了好去处", 2)]
