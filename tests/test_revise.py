"""Revision rules that correct the first pass from the neighbours (cleaner.revise)."""

from __future__ import annotations

from cleaner.config import DEFAULT
from cleaner.document import Block, Decision, Label
from cleaner.revise import prose_next_to_body

PARAGRAPH = "标普继周五下调欧元区九个国家评级之后，周一又将欧洲金融稳定基金的评级下调一级。市场对此反应平淡，欧元兑美元小幅走低，交易员仍在观望。"


def _run(rows: list[tuple[str, Label]]) -> list[Decision]:
    blocks = [Block(i, i, text) for i, (text, _) in enumerate(rows, start=1)]
    decisions = [Decision(b.first, b.last, b.text, label, "first pass") for b, (_, label) in zip(blocks, rows)]
    prose_next_to_body(blocks, decisions, DEFAULT)
    return decisions


def test_a_dropped_paragraph_next_to_the_body_joins_it() -> None:
    out = _run([("首页 > 财经 > 正文", Label.OTHER), (PARAGRAPH, Label.OTHER), (PARAGRAPH[::-1], Label.BODY),
                (PARAGRAPH, Label.OTHER)])
    assert [d.label for d in out] == [Label.OTHER, Label.BODY, Label.BODY, Label.BODY]
    assert out[1].rule == "prose_next_to_body" and out[3].rule == "prose_next_to_body"


def test_a_run_of_paragraphs_joins_one_after_the_other() -> None:
    rows = [(PARAGRAPH, Label.BODY)] + [(PARAGRAPH, Label.OTHER)] * 6
    assert all(d.label is Label.BODY for d in _run(rows))


def test_lists_links_markup_and_far_lines_stay_out() -> None:
    out = _run([
        (PARAGRAPH, Label.BODY),
        ("• " + PARAGRAPH, Label.OTHER),  # a list item (a disclaimer's point, a related link)
        ("<li><a href=\"/a/1.html\">" + PARAGRAPH + "</a></li>" + "x" * 200, Label.OTHER),  # markup
        ("分享到：微博 微信 QQ空间 豆瓣 人人网", Label.OTHER),  # no sentence
        ("更多精彩内容 请点击进入", Label.OTHER),
        ("", Label.OTHER),
        (PARAGRAPH, Label.OTHER),  # five blocks away from the body
    ])
    assert [d.label for d in out] == [Label.BODY] + [Label.OTHER] * 6


def _edges(rows: list[tuple[str, Label]]) -> list[Label]:
    from cleaner.revise import trim_story_edges

    blocks = [Block(i, i, text) for i, (text, _) in enumerate(rows, start=1)]
    decisions = [Decision(b.first, b.last, b.text, label, "first pass") for b, (_, label) in zip(blocks, rows)]
    trim_story_edges(blocks, decisions, DEFAULT)
    return [d.label for d in decisions]


def test_a_site_notice_after_the_story_is_not_story() -> None:
    notice = "免责声明：本文仅代表作者个人观点，与本网无关。其原创性以及文中陈述文字和内容未经本站证实。"
    assert _edges([(PARAGRAPH, Label.BODY), (PARAGRAPH, Label.BODY), (notice, Label.BODY)]) == [
        Label.BODY, Label.BODY, Label.OTHER]
    # the same words inside the story are the story's
    story = "外交部发言人在声明中表示，未经授权的报道不代表官方立场。"
    assert _edges([(PARAGRAPH, Label.BODY), (story, Label.BODY), (PARAGRAPH, Label.BODY),
                   (PARAGRAPH, Label.BODY)]) == [Label.BODY] * 4


def test_site_furniture_at_the_story_edges_is_not_story() -> None:
    rows = [("调整字体︰ 大 中 小", Label.BODY), (PARAGRAPH, Label.BODY), (PARAGRAPH, Label.BODY),
            ("0 人参与 0 条评论打印转发", Label.BODY)]
    assert _edges(rows) == [Label.OTHER, Label.BODY, Label.BODY, Label.OTHER]
