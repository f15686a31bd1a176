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


def _tail(rows: list[tuple[str, Label]]) -> list[Decision]:
    from cleaner.revise import run_to_end_tag

    blocks = [Block(i, i, text) for i, (text, _) in enumerate(rows, start=1)]
    decisions = [Decision(b.first, b.last, b.text, label, "first pass") for b, (_, label) in zip(blocks, rows)]
    run_to_end_tag(blocks, decisions, DEFAULT)
    return decisions


RANKING = [("经济体自由度排名（1-30）：", Label.OTHER), ("1、香港", Label.OTHER), ("2、新加坡", Label.OTHER),
           ("3、澳大利亚", Label.OTHER), ("其他经济体名次", Label.OTHER), ("138、中国大陆", Label.OTHER)]


def test_a_list_between_the_story_and_its_closing_tag_joins_the_body() -> None:
    for tag in ("(本文来源：网易财经 )", "(责编： 山水)", "（证券时报网快讯中心）"):
        out = _tail([(PARAGRAPH, Label.BODY)] + RANKING + [(tag, Label.OTHER), ("相关新闻", Label.OTHER)])
        assert [d.label for d in out] == [Label.BODY] * 7 + [Label.OTHER] * 2, tag
        assert out[1].rule == "run_to_end_tag"


def test_no_closing_tag_or_furniture_before_it_keeps_the_list_out() -> None:
    def labels(rows: list[tuple[str, Label]]) -> list[Label]:
        return [d.label for d in _tail(rows)]

    no_tag = [(PARAGRAPH, Label.BODY)] + RANKING + [("相关新闻", Label.OTHER), ("(本文来源：网易财经 )", Label.OTHER)]
    assert labels(no_tag) == [Label.BODY] + [Label.OTHER] * 8  # a related-articles header comes first
    links = [(PARAGRAPH, Label.BODY), ("* 香港股市盘初低开", Label.OTHER), ("* 人民币已成香港第三大货币", Label.OTHER),
             ("* 万科年末手持现金超400亿", Label.OTHER), ("(责编： 山水)", Label.OTHER)]
    assert labels(links) == [Label.BODY] + [Label.OTHER] * 4  # a link list
    short = [(PARAGRAPH, Label.BODY), ("loading...", Label.OTHER), ("(责编： 山水)", Label.OTHER)]
    assert labels(short) == [Label.BODY, Label.OTHER, Label.OTHER]  # one stray line is not a list
    picks = [(PARAGRAPH, Label.BODY)] + RANKING + [("編輯精選", Label.OTHER), ("2012年01月11日", Label.OTHER)]
    assert labels(picks) == [Label.BODY] + [Label.OTHER] * 8  # a heading and a bare date are no closing tag
    ended = [(PARAGRAPH + "（完）", Label.BODY)] + RANKING + [("(责编： 山水)", Label.OTHER)]
    assert labels(ended) == [Label.BODY] + [Label.OTHER] * 7  # the story said it was over


def _listed(rows: list[tuple[str, Label]]) -> list[Label]:
    from cleaner.revise import marked_list_after_body

    blocks = [Block(i, i, text) for i, (text, _) in enumerate(rows, start=1)]
    decisions = [Decision(b.first, b.last, b.text, label, "first pass") for b, (_, label) in zip(blocks, rows)]
    marked_list_after_body(blocks, decisions, DEFAULT)
    return [d.label for d in decisions]


TIPS = [("泡溫泉注意事項", Label.OTHER), ("★皮膚有傷口時不宜浸泡", Label.OTHER), ("★溫泉水溫不宜超過40°C", Label.OTHER),
        ("★泡溫泉過程中如有不適，應立即停止", Label.OTHER)]


def test_a_marked_list_right_after_the_story_joins_it() -> None:
    assert _listed([(PARAGRAPH, Label.BODY)] + TIPS + [("Facebook", Label.OTHER)]) == [Label.BODY] * 5 + [Label.OTHER]
    rules = [(PARAGRAPH, Label.BODY), ("(一) 蔬菜水果不能少。", Label.OTHER), ("(二) 適可而止勿貪多。", Label.OTHER),
             ("(三) 羹湯、芶芡熱量高。", Label.OTHER)]
    assert _listed(rules) == [Label.BODY] * 4


def test_short_mixed_linked_or_far_lists_stay_out() -> None:
    two = [(PARAGRAPH, Label.BODY)] + TIPS[:3]
    assert _listed(two) == [Label.BODY] + [Label.OTHER] * 3  # two items are no list
    mixed = [(PARAGRAPH, Label.BODY), ("★皮膚有傷口時不宜浸泡", Label.OTHER), ("(二) 適可而止勿貪多。", Label.OTHER),
             ("① 蔬菜水果不能少。", Label.OTHER)]
    assert _listed(mixed) == [Label.BODY] + [Label.OTHER] * 3  # one item of three lists
    ranking = [(PARAGRAPH, Label.BODY)] + [(f"{n}. 热门新闻标题之{n} 评论 440 条", Label.OTHER) for n in (1, 2, 3)]
    assert _listed(ranking) == [Label.BODY] + [Label.OTHER] * 3  # a most-read ranking
    far = [(PARAGRAPH, Label.BODY), ("相关新闻", Label.OTHER)] + TIPS[1:]
    assert _listed(far) == [Label.BODY] + [Label.OTHER] * 4  # after a related-articles header
    gap = [(PARAGRAPH, Label.BODY), ("网友评论", Label.OTHER), ("热门推荐", Label.OTHER), ("编辑推荐", Label.OTHER)] + TIPS[1:]
    assert _listed(gap) == [Label.BODY] + [Label.OTHER] * 6  # three unmarked lines in between


def _apply(rule, rows: list[tuple[str, Label]]) -> list[Decision]:
    blocks = [Block(i, i, text) for i, (text, _) in enumerate(rows, start=1)]
    decisions = [Decision(b.first, b.last, b.text, label, "first pass") for b, (_, label) in zip(blocks, rows)]
    rule(blocks, decisions, DEFAULT)
    return decisions


def test_a_colon_header_or_a_more_link_at_the_story_end_is_furniture() -> None:
    for last in ("相关报道：", "上海滩爆料平台 最高奖励500元>>", "更多 新聞速報 新聞"):
        assert _edges([(PARAGRAPH, Label.BODY), (PARAGRAPH, Label.BODY), (last, Label.BODY)]) == [
            Label.BODY, Label.BODY, Label.OTHER], last
    # a paragraph that happens to run into a "更多>>" column, or ends with a colon before a quote, stays
    long_line = PARAGRAPH + "        红网短信  更多>>"
    quote = "发言人在会上表示："
    assert _edges([(PARAGRAPH, Label.BODY), (long_line, Label.BODY), (quote, Label.BODY)])[:2] == [Label.BODY] * 2
    assert _edges([(PARAGRAPH, Label.BODY), (PARAGRAPH, Label.BODY), (quote, Label.BODY)]) == [Label.BODY] * 3


def test_furniture_above_a_site_notice_is_found_once_the_notice_is_cut() -> None:
    notice = "声明：本文仅代表作者个人观点，与本网无关。未经授权不得转载。"
    rows = [(PARAGRAPH, Label.BODY), (PARAGRAPH, Label.BODY), ("上海滩爆料平台 最高奖励500元>>", Label.BODY),
            (notice, Label.BODY), (notice, Label.BODY)]
    assert _edges(rows) == [Label.BODY, Label.BODY] + [Label.OTHER] * 3


def test_a_paragraph_three_blocks_past_a_subheading_joins_the_body() -> None:
    rows = [(PARAGRAPH, Label.BODY), ("這樣做", Label.OTHER), ("點下放大", Label.OTHER), ("勿跟螢幕靠太近", Label.OTHER),
            (PARAGRAPH, Label.OTHER)]
    assert _run(rows)[-1].label is Label.BODY


def test_prose_between_the_headline_and_the_body_is_its_start() -> None:
    from cleaner.revise import prose_under_headline

    links = [("推荐阅读", Label.OTHER)] + [(f"* 相关新闻标题之{n}", Label.OTHER) for n in range(6)]
    rows = [("全球首个戊肝疫苗上市", Label.TITLE), ("2012年01月12日16:47 来源：光明日报", Label.META),
            (PARAGRAPH, Label.OTHER), (PARAGRAPH[::-1], Label.OTHER)] + links + [(PARAGRAPH, Label.BODY)]
    out = _apply(prose_under_headline, rows)
    assert [d.label for d in out[2:4]] == [Label.BODY, Label.BODY] and out[2].rule == "prose_under_headline"
    assert all(d.label is Label.OTHER for d in out[4:-1])  # the box of links stays out
    # no headline above it: prose far from the body is not the story's start
    rows[0] = ("全球首个戊肝疫苗上市", Label.OTHER)
    assert [d.label for d in _apply(prose_under_headline, rows)[2:4]] == [Label.OTHER, Label.OTHER]


def test_a_signed_sentence_right_after_the_body_is_its_last_paragraph() -> None:
    from cleaner.revise import signed_last_paragraph

    def last(line: str, gap: bool = False) -> Label:
        rows = [(PARAGRAPH, Label.BODY)] + ([("返回国企红筹", Label.OTHER)] if gap else []) + [(line, Label.OTHER)]
        return _apply(signed_last_paragraph, rows)[-1].label

    for line in ("據悉蘋果普羅旺斯零售店將在今年年底或明年初開業。(曉明)", "发改委要求，在通知下发后１５日内完成签订。（ｅｗ）",
                 "李毓毅表示，希望届时参赛的市民能够达到100万人。(完)"):
        assert last(line) is Label.BODY, line
    assert last("據悉蘋果普羅旺斯零售店將在今年年底或明年初開業。(曉明)", gap=True) is Label.OTHER  # not next to it
    assert last("截至目前，微软方面仍对此报道未置可否。") is Label.OTHER  # no sign-off
    assert last("圖說：女性所穿的一般雪靴。（林宜靜攝）") is Label.OTHER  # a photo caption
    assert last("崔永元出席活动。(资料图)") is Label.OTHER


def test_the_next_numbered_item_after_a_body_item_joins_the_body() -> None:
    from cleaner.revise import next_numbered_item

    sections = [("五、春节煲电话粥", Label.HEADING), (PARAGRAPH, Label.BODY), ("六、春节里赚话费", Label.OTHER),
                (PARAGRAPH, Label.BODY)]
    out = _apply(next_numbered_item, sections)
    assert [d.label for d in out] == [Label.HEADING, Label.BODY, Label.BODY, Label.BODY]
    assert out[2].rule == "next_numbered_item"
    steps = [("2、登陆国家质检总局网站提交意见。", Label.BODY), ("3、电子邮件：gkzqyj@aqsiq.gov.cn", Label.OTHER),
             ("4、通信地址：北京市海淀区马甸东路9号", Label.OTHER), ("STEP 2", Label.BODY), ("STEP 3", Label.OTHER)]
    assert [d.label for d in _apply(next_numbered_item, steps)] == [Label.BODY] * 5


def test_numbers_out_of_sequence_across_site_text_or_in_a_site_notice_stay_out() -> None:
    from cleaner.revise import next_numbered_item

    def labels(rows: list[tuple[str, Label]]) -> list[Label]:
        return [d.label for d in _apply(next_numbered_item, rows)]

    assert labels([("一、指导思想", Label.HEADING), ("三、工作步骤", Label.OTHER)])[1] is Label.OTHER  # not the next one
    assert labels([("1、香港", Label.BODY), ("二、北京", Label.OTHER)])[1] is Label.OTHER  # another numbering
    ranking = [("1、香港", Label.BODY), ("热门排行", Label.OTHER), ("2、美国大选最新民调", Label.OTHER)]
    assert labels(ranking)[2] is Label.OTHER  # site text in between
    terms = [("1、本网所有内容的版权均属于作者。", Label.BODY), ("2、已经本网授权使用作品的，应在授权范围内使用。", Label.OTHER)]
    assert labels(terms)[1] is Label.OTHER  # a site's numbered terms of use
    links = [("1、香港", Label.BODY), ("2、>>更多精彩", Label.OTHER)]
    assert labels(links)[1] is Label.OTHER
