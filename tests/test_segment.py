"""Print-page segmentation into stories (cleaner/segment.py)."""

from __future__ import annotations

from cleaner.config import DEFAULT
from cleaner.document import Decision, Label
from cleaner.segment import _topic_words, segment_print


_FOG = "受大雾影响，山东境内多条高速公路今晨实行交通管制，潍坊、寿光两地的收费站暂停放行，交警部门提醒司机出行前查询路况。"
_FOG_MORE = "截至目前，寿光北、寿光东入口仍然封闭，潍坊方向的车辆需要绕行国道，恢复时间待定。"
_READERS = "本报讯（记者李明）江北新建图书馆今日开放，图书馆藏书十万册，目前市民可以免费借阅，需要提前预约的读者可以在网上办理。"


def test_topic_words_weigh_rare_words_and_read_any_spacing_or_script() -> None:
    words = _topic_words(_FOG_MORE, 6.0)
    assert words["寿光"] > words["封闭"] > words["时间"] > 0  # a place names the topic more than 时间
    assert "寿" not in words and "北" not in words  # one-character words name no topic
    assert _topic_words("我们的问题", 6.0)["我们"] < 0.5 < _topic_words("我们的问题", 6.0)["问题"]  # 我们 names no topic
    assert _topic_words("寿 光 入 口", 6.0) == _topic_words("壽光入口", 6.0) == _topic_words("寿光入口", 6.0)
    assert set(_topic_words("HTC 在 2012 年", 6.0)) == {"htc"}  # Latin runs count, digits do not


def test_loose_piece_joins_the_story_sharing_its_topic_words() -> None:
    """A displaced title left a story's second piece apart.  It shares as few
    character pairs with its story (寿光, 潍坊 and 目前, 需要 alike) as with the brief
    after it, 0.07 of its pairs with each, but its rare words only with its story."""
    items = (("TITLE", "大雾致山东多条高速封闭"), ("BODY", _FOG), ("TITLE", "江北新建图书馆开放"), ("BODY", _FOG_MORE), ("BODY", _READERS))
    decisions = [Decision(n, n, text, Label[label], "test") for n, (label, text) in enumerate(items, 1)]

    stories, _ = segment_print(decisions, DEFAULT)
    assert [[d.text for d in s.body] for s in stories] == [[_FOG, _FOG_MORE], [_READERS]]
    assert "topic words" in stories[0].body[1].reason

    stories, _ = segment_print(decisions, DEFAULT.with_options(print_piece_words=False))
    assert len(stories) == 3  # by character pairs, it stays a story of its own
