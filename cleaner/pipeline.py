"""The stage list, readable top to bottom.

    decode → lines → layout (blocks) → label (model or heuristics) → revise
           → segment → fields (metadata, then normalization) → Document

Every stage records what it decided: labels with reasons in
``Document.decisions``, text changes in ``Document.edits``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cleaner import layout as layout_stage
from cleaner.config import DEFAULT, Config
from cleaner.decode import decode_bytes, split_lines
from cleaner.document import Block, Decision, Document, Edit, Label, Layout, Line
from cleaner.fields import attach_captions, build_article
from cleaner.heuristics import Guess, guess_lines
from cleaner.normalize import detect_script
from cleaner.revise import revise
from cleaner.segment import label_print, segment_print, segment_web, settled_decisions


def _config(config: Config | None, options: dict) -> Config:
    return (config or DEFAULT).with_options(**options) if options else (config or DEFAULT)


def _choose_layout(lines: Sequence[Line], config: Config) -> Layout:
    if config.layout != "auto":
        return Layout(config.layout)
    return layout_stage.guess_layout(lines, config=config).layout


_FULL_STOPS = frozenset("。！？!?")


def _has_sentence(blocks: Sequence[Block], guesses: Sequence[Guess]) -> bool:
    """Does any block labelled body hold a full stop?"""
    body = Label.BODY  # read once: each ``Label.X`` goes through the enum metaclass's __getattr__ hook
    return any(g.label is body and not _FULL_STOPS.isdisjoint(b.text) for b, g in zip(blocks, guesses))


_CLASSIFIER_REASONS = {label: f"classifier: {label.value}" for label in Label}
"""The reason of a model label, built once: ``Label.value`` is an enum property lookup."""


def _first_pass(blocks: Sequence[Block], lines: Sequence[Line], config: Config) -> list[Guess]:
    """Model labels when a model is used, else the heuristic rules.

    A news story has at least one sentence.  When the model's body holds no full
    stop (it took a link list or a menu line for the story) while the heuristics
    find a body that does, the heuristics' labels are used for the page and every
    reason says so — a sanity check, not a second model: under site-grouped CV it
    changed 3 of 386 daniel pages, each from body F1 ≈ 0 to ≥ 0.97, and no other.
    """
    if not config.use_model:
        return guess_lines(blocks, config)
    from cleaner.classify import LineModel  # the model is loaded lazily, once

    model = LineModel.load(config.model)
    predictions = model.predict(lines)
    by_line = dict(zip([line.number for line in lines], predictions))
    guesses = []
    for block in blocks:
        p = by_line[block.first]
        guesses.append(Guess(p.label, _CLASSIFIER_REASONS[p.label], p.probability))
    if not _has_sentence(blocks, guesses):
        fallback = guess_lines(blocks, config)
        if _has_sentence(blocks, fallback):
            return [Guess(h.label, f"model body has no sentence; heuristics: {h.reason}") for h in fallback]
    return guesses


def _layout_edits(blocks: Sequence[Block]) -> list[Edit]:
    return [Edit("layout", b.first, b.last, "", "; ".join(b.joins)) for b in blocks if b.joins]


def clean_lines(lines: Sequence[Line], *, doc_id: str, config: Config, encoding: str | None = None,
                first_pass: Callable[[Sequence[Block], Sequence[Line], Config], list[Guess]] | None = None) -> Document:
    """Clean a page given as decoded lines (the core every entry point shares).

    ``first_pass`` replaces the text classifier's labels (HTML input brings its own, from DOM evidence).
    """
    layout = _choose_layout(lines, config)
    edits: list[Edit] = []
    stray: list[Decision] = []
    if layout is Layout.PRINT:
        blocks = layout_stage.print_blocks(lines, config=config)
        decisions = label_print(blocks, config)
        stories, stray = segment_print(decisions, config)
        decisions = settled_decisions(decisions, stories)
    else:
        # HTML lines are DOM blocks, never cut at a link or a bold run: only text is rejoined
        blocks = layout_stage.web_blocks(lines, join_fragments=first_pass is None, config=config)
        read = layout_stage.fragment_lines(lines, blocks)  # the lines themselves when none were joined
        decisions = revise(blocks, (first_pass or _first_pass)(blocks, read, config), config)
        stories = segment_web(decisions)
    edits.extend(_layout_edits(blocks))
    articles = [build_article(story, doc_id, i, config, edits) for i, story in enumerate(stories)]
    articles = [a for a in articles if a.paragraphs]
    for i, article in enumerate(articles):
        article.article_index = i
    attach_captions(articles, stray, config, edits)
    sample = "".join([line.text for line in lines[:400]])
    return Document(doc_id, layout, articles, decisions, edits, detect_script(sample), encoding)


def clean_text(text: str | bytes, *, doc_id: str = "doc", config: Config | None = None, **options: object) -> Document:
    """Clean one page given as text (or undecoded bytes): the library entry point.

    Options are :class:`~cleaner.config.Config` fields (``layout="print"``,
    ``script="simplified"``, ``use_model=False``, ``fix_spaces=False`` …).
    Raises :class:`cleaner.decode.DecodeError` for binary or undecodable bytes.
    """
    config = _config(config, options)
    decoded = decode_bytes(text) if isinstance(text, bytes) else None
    lines = [Line(i, t) for i, t in enumerate(split_lines(decoded.text if decoded else text), start=1)]
    return clean_lines(lines, doc_id=doc_id, config=config, encoding=decoded.encoding if decoded else None)


_WARM_UP_PAGE = "\n".join([
    "首页 > 新闻 > 国内",
    "示例标题：城市公园开放夜间活动",
    "2024年05月06日 08:30  来源：示例日报",
    "本报记者 王明",
    "本报讯 市园林局近日发布通知，五月起部分城市公园延长开放时间，市民晚间可入园散步。",
    "据介绍，首批试点公园将增设照明和安保人员，并根据客流情况调整开放安排。",
    "（完）",
    "责任编辑：李华",
    "版权所有 © 2024 示例网 | 关于我们 | 联系我们",
])
"""A small news-shaped page (written for this purpose) that goes through every
stage: cleaning it loads the model, the OpenCC tables and the common patterns."""


def warm_up(config: Config | None = None) -> None:
    """Do what the first page of a process would pay for (~0.4 s: imports, the model,
    script tables, compiled patterns), so a batch can report it apart from its speed."""
    clean_text(_WARM_UP_PAGE, doc_id="warm-up", config=config)


def clean_html(html: str | bytes, url: str | None = None, *, doc_id: str = "doc", config: Config | None = None, **options: object) -> Document:
    """Clean one HTML page: its visible text goes through the same stages."""
    from cleaner import html_model
    from cleaner.html import render_page

    config = _config(config, options)
    page = render_page(html, url=url)
    model = html_model.HtmlModel.load() if config.use_model else None
    meta = html_model.read_page_metadata(page, url)
    return html_model.clean_page(page, model=model, meta=meta, doc_id=doc_id, config=config)
