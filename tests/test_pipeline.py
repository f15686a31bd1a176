"""The model-then-sanity-check first pass of the web pipeline (cleaner.pipeline._first_pass)."""

from __future__ import annotations

import pytest

from cleaner import classify, clean_text
from cleaner.classify import BLANK, LinePrediction
from cleaner.document import Label

PAGE = "\n".join([
    "首页 | 新闻 | 体育 | 财经 | 科技 | 娱乐",
    "",
    "相关新闻 固网宽频龟速 两铁选举加班车 部分客满 消费申诉多",
    "",
    "市教育局提醒报名补习班前要停看听",
    "",
    "市教育局为协助民众减少报名补习班后出现的争议，特别分析近两年来补习班消费争议的常见原因，"
    "印制宣导品十万份发送至各级学校加强宣导。民众可至教育局网站查询立案补习班的资料。",
    "",
    "转寄 列印 讨论 推荐",
])


class _Fixed:
    """A stand-in model that labels one chosen line body, one title and everything else other."""

    def __init__(self, body_line: int, title_line: int) -> None:
        self.body_line, self.title_line = body_line, title_line

    def predict(self, lines):
        out = []
        for line in lines:
            if not line.text.strip():
                out.append(BLANK)
            elif line.number == self.body_line:
                out.append(LinePrediction(Label.BODY, 0.9, 0.9, 0.05))
            elif line.number == self.title_line:
                out.append(LinePrediction(Label.TITLE, 0.8, 0.1, 0.8))
            else:
                out.append(LinePrediction(Label.OTHER, 0.9, 0.05, 0.05))
        return out


def _clean_with(monkeypatch: pytest.MonkeyPatch, model: _Fixed):
    monkeypatch.setattr(classify.LineModel, "load", classmethod(lambda cls, path=None: model))
    return clean_text(PAGE, doc_id="t")


def test_model_body_without_a_sentence_falls_back_to_the_heuristics(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _clean_with(monkeypatch, _Fixed(body_line=3, title_line=5))  # the link list as "body"
    assert len(doc.articles) == 1
    assert doc.articles[0].text.startswith("市教育局为协助民众")
    reasons = {d.first: d.reason for d in doc.decisions}
    assert reasons[7].startswith("model body has no sentence; heuristics:")
    assert "相关新闻" not in doc.articles[0].text


def test_model_body_with_a_sentence_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _clean_with(monkeypatch, _Fixed(body_line=7, title_line=5))
    assert doc.articles[0].text.startswith("市教育局为协助民众")
    assert all(not d.reason.startswith("model body has no sentence") for d in doc.decisions)
    assert doc.articles[0].title == "市教育局提醒报名补习班前要停看听"


# --- web fragments: one text node per line (get_text("\n")-style dumps) ---------------

SHATTERED = [
    "首页 | 新闻 | 财经",
    "》更多新闻",
    "国家统计局昨日发布数据显示，",
    "去年全国居民人均可支配收入",
    "增长",
    "，扣除价格因素实际增长百分之五。专家表示，收入增长与经济增长基本同步，消费潜力正在释放。",
    "",
    "（完）",
]


def test_web_fragments_join_the_line_they_continue() -> None:
    from cleaner.document import Line
    from cleaner.layout import fragment_lines, web_blocks

    lines = [Line(i, t) for i, t in enumerate(SHATTERED, start=1)]
    blocks = web_blocks(lines)
    # the line above ends with ，; then the sentence, cut with no mark, goes on after the piece 增长
    # (layout._sentence_resumes), and that piece's next line starts with ，
    assert [(b.first, b.last) for b in blocks] == [(1, 1), (2, 2), (3, 6), (8, 8)]
    assert blocks[2].text.startswith("国家统计局昨日发布数据显示，去年全国居民人均可支配收入增长，扣除")
    assert len(blocks[2].joins) == 3 and all("continues line" in j for j in blocks[2].joins)
    # 》 opens breadcrumb and menu lines on the web; a blank line always separates
    assert [(b.first, b.last) for b in web_blocks(lines, join_fragments=False)] == [(n, n) for n in (1, 2, 3, 4, 5, 6, 8)]
    read = fragment_lines(lines, blocks)  # what the model reads: one line per joined block, numbers kept
    assert [line.number for line in read] == [1, 2, 3, 7, 8]
    assert read[2].text == blocks[2].text


def test_a_shattered_sentence_is_rejoined_and_explained() -> None:
    doc = clean_text("\n".join(SHATTERED), doc_id="shattered", use_model=False)
    body = "".join(p for a in doc.articles for p in a.paragraphs)
    assert "国家统计局昨日发布数据显示，去年全国居民人均可支配收入增长，扣除价格因素" in body
    assert any(e.step == "layout" and "continues line" in e.after for e in doc.edits)


@pytest.mark.parametrize("record", ["Line", "Block", "Decision", "Guess", "LinePrediction"])
def test_hand_written_record_init_matches_its_fields(record: str) -> None:
    """The per-line records write their own ``__init__`` (one ``__dict__`` update instead of
    one ``object.__setattr__`` per field: half the cost).  Its parameters must be the
    dataclass's fields, in order and with the same defaults, and the record must still be
    frozen and compare by value, so a field added later cannot be silently left unset."""
    import dataclasses
    import inspect

    from cleaner import classify, document, heuristics

    cls = next(getattr(m, record) for m in (document, heuristics, classify) if hasattr(m, record))
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    assert [p.default for p in params] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields
    ]
    values = {f.name: (f.default if f.default is not dataclasses.MISSING else i) for i, f in enumerate(fields)}
    a, b = cls(**values), cls(**values)
    assert a == b and hash(a) == hash(b) and vars(a) == values
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(a, fields[0].name, None)
    assert dataclasses.replace(a, **{fields[0].name: -1}) != a
