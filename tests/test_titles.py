"""Headline choice on web text dumps (revise.py title rules, fields.py title text).

Each page is a small synthetic dump with first-pass labels given by hand (the
classifier is not involved), so every test names the rule that must decide.
"""

from __future__ import annotations

import pytest

from cleaner.config import DEFAULT
from cleaner.document import Label, Line
from cleaner.heuristics import Guess
from cleaner.pipeline import clean_lines
from cleaner.revise import headline_piece

BODY_1 = "羊城晚报讯 面临破产危险的柯达似乎不愿就此沉沦，本周二，柯达宣布重组三个业务部门，并起诉苹果和HTC侵犯其数码影像专利。"
BODY_2 = "分析人士认为，柯达在寻找转机，也有观点认为柯达只是在为出售专利做准备，投资者对其前景仍有疑虑。"


def _clean(page: list[tuple[str, str]], *, p_title: float = 0.9):
    """Clean ``(first-pass label, text)`` lines; returns the document."""
    lines = [Line(n, text) for n, (_, text) in enumerate(page, start=1)]
    labels = {n: Label(label) for n, (label, _) in enumerate(page, start=1)}

    def first_pass(blocks, lines, config):  # noqa: ARG001 — the pipeline's first-pass signature
        return [Guess(labels[b.first], "test label", p_title if labels[b.first] is Label.TITLE else 0.9) for b in blocks]

    return clean_lines(lines, doc_id="t", config=DEFAULT.with_options(layout="web"), first_pass=first_pass)


def _decision(doc, text: str):
    return next(d for d in doc.decisions if d.text.strip() == text)


def test_pick_headline_finds_a_headline_the_first_pass_missed():
    doc = _clean([
        ("other", "首页 | 要闻 | 国际 | 财经 | 体育"),
        ("other", "人民网>>跨国公司>>正文"),
        ("other", "柯达宣布重组 起诉苹果、HTC侵犯专利"),
        ("other", "2012年01月12日14:57 来源：《羊城晚报》"),
        ("other", "打印 网摘 纠错"),
        ("body", BODY_1),
        ("body", BODY_2),
    ])
    assert doc.articles[0].title == "柯达宣布重组 起诉苹果、HTC侵犯专利"
    assert _decision(doc, "柯达宣布重组 起诉苹果、HTC侵犯专利").rule == "pick_headline"


def test_pick_headline_counts_copies_only_of_lines_about_the_story():
    # 即时新闻 is printed three times (menu, breadcrumb, channel label) but shares no word with the story
    doc = _clean([
        ("other", "即时新闻│政治│社会│财经"),
        ("other", "自由电子报 > 即时新闻"),
        ("other", "柯达重组 起诉苹果专利"),
        ("other", "即时新闻"),
        ("body", BODY_1),
        ("body", BODY_2),
    ])
    assert doc.articles[0].title == "柯达重组 起诉苹果专利"


def test_pick_headline_leaves_a_page_of_menu_words_without_title():
    doc = _clean([
        ("other", "新闻 体育 娱乐 财经"),
        ("other", "热门排行"),
        ("other", "视频专区"),
        ("body", BODY_1),
        ("body", BODY_2),
    ])
    assert doc.articles[0].title is None
    assert not any(d.label is Label.TITLE for d in doc.decisions)


def test_title_above_date_drops_a_caption_under_the_date_line():
    doc = _clean([
        ("other", "凤凰网娱乐 > 明星 > 正文"),
        ("title", "柯达宣布重组 起诉苹果侵犯专利 商界震动"),
        ("other", "2012年01月17日 00:03 来源：新快报"),
        ("other", "字号:T | T"),
        ("title", "柯达总部大楼"),
        ("body", BODY_1),
        ("body", BODY_2),
    ])
    assert doc.articles[0].title == "柯达宣布重组 起诉苹果侵犯专利 商界震动"
    caption = _decision(doc, "柯达总部大楼")
    assert caption.label is Label.OTHER and caption.rule == "title_above_date"


def test_no_field_headline_refuses_a_byline_and_a_dateline():
    doc = _clean([
        ("other", "当前位置：新闻中心 >> 今日必读 >> 柯达宣布重组 起诉苹果侵犯专利"),
        ("title", "作者：林宜静 文字大小：【大】【中】【小】"),
        ("title", "大陆新闻组北京17日电"),
        ("body", BODY_1),
        ("body", BODY_2),
    ])
    for text in ("作者：林宜静 文字大小：【大】【中】【小】", "大陆新闻组北京17日电"):
        d = _decision(doc, text)
        assert d.label is not Label.TITLE and d.rule == "no_field_headline"
    assert doc.articles[0].title != "作者：林宜静 文字大小：【大】【中】【小】"


def test_headline_atop_body_takes_a_repeated_headline_out_of_the_text():
    doc = _clean([
        ("other", "当前位置：新闻中心首页 >> 今日必读 >> 柯达宣布重组 起诉苹果侵犯专利 [友善列印]"),
        ("other", "本报站内搜寻 网页搜寻"),
        ("body", "柯达宣布重组 起诉苹果侵犯专利"),
        ("body", BODY_1),
        ("body", BODY_2),
    ])
    assert doc.articles[0].title == "柯达宣布重组 起诉苹果侵犯专利"
    assert _decision(doc, "柯达宣布重组 起诉苹果侵犯专利").rule == "headline_atop_body"
    assert not doc.articles[0].paragraphs[0].startswith("柯达宣布重组")


def test_headline_atop_body_needs_a_copy_on_the_page():
    doc = _clean([
        ("other", "首页 | 要闻 | 国际"),
        ("body", "柯达的三个难题"),
        ("body", BODY_1),
        ("body", BODY_2),
    ])
    assert doc.articles[0].title is None


def test_title_on_a_line_with_another_column_keeps_the_headline_only():
    doc = _clean([
        ("other", "您当前的位置 ：每日新闻 > 财经 > 正文"),
        ("title", "* 柯达宣布重组 起诉苹果侵犯专利" + " " * 40 + "论坛热帖"),
        ("body", BODY_1),
        ("body", BODY_2),
    ])
    assert doc.articles[0].title == "柯达宣布重组 起诉苹果侵犯专利"
    assert any(e.step == "headline_piece" for e in doc.edits)


@pytest.mark.parametrize(
    "line, headline",
    [
        ("* 寒冬裡如何保持水嫩肌膚 醫師來教你", "寒冬裡如何保持水嫩肌膚 醫師來教你"),
        ("半月谈：甘肃卫生系统现象调查" + " " * 30 + "论坛热帖", "半月谈：甘肃卫生系统现象调查"),
        ("新聞           產官學研合作 打造全球華人最大醫療雲", "產官學研合作 打造全球華人最大醫療雲"),
        ("柯达宣布重组 起诉苹果、HTC侵犯专利", "柯达宣布重组 起诉苹果、HTC侵犯专利"),  # single spaces stay
        ("衞 生 署 呼 籲 停 服", "衞 生 署 呼 籲 停 服"),
        ("■人均基本公共衛生服務經費", "■人均基本公共衛生服務經費"),  # a glued mark is not a bullet
    ],
)
def test_headline_piece(line, headline):
    assert headline_piece(line) == headline


def test_an_outlet_name_is_not_the_headline():
    # one text node per line: the site's name under the headline, taken for a title by the first pass
    doc = _clean([
        ("other", "外汇 >> 汇市直播 >> 正文"),
        ("other", "柯达宣布重组 起诉苹果、HTC侵犯专利"),
        ("other", "手机免费访问"),
        ("title", "外汇网"),
        ("other", "2012年01月12日14:57"),
        ("body", BODY_1),
        ("body", BODY_2),
    ])
    assert _decision(doc, "外汇网").rule == "no_field_headline"
    assert doc.articles[0].title == "柯达宣布重组 起诉苹果、HTC侵犯专利"


def test_single_title_keeps_the_copy_nearest_the_body():
    # the breadcrumb's last item repeats the headline with its own mark in front
    doc = _clean([
        ("other", "uho優活健康網"),
        ("title", "〉柯达宣布重组 起诉苹果侵犯专利"),
        ("title", "》柯达宣布重组 起诉苹果侵犯专利"),
        ("other", "日期：2012.01.12"),
        ("body", BODY_1),
        ("body", BODY_2),
    ])
    assert doc.articles[0].title == "》柯达宣布重组 起诉苹果侵犯专利"
    assert _decision(doc, "〉柯达宣布重组 起诉苹果侵犯专利").rule == "single_title"
