"""Context rules applied after the first-pass labels (model or heuristics).

The first pass labels each line on its own evidence as body / title / other.
These rules then look at neighbours, jusText-style.  Each rule is small,
named, and records itself in ``Decision.rule`` when it changes a label, so
``cleaner explain`` shows which rule overrode the classifier and why.

Order matters and is fixed: metadata first (so a date line is never taken for
a heading), then the headline, then headings inside the body.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

import regex

from cleaner.config import DEFAULT, Config
from cleaner.document import Block, Decision, Label
from cleaner.heuristics import Guess, Kind, content_length, core_text, headline_score, line_kind
from cleaner.layout import ends_sentence
from cleaner.metrics import bigram_set
from cleaner import metadata
from cleaner import patterns as P

_SENTENCE_END = regex.compile(r"[。！？!?…；;：:]\s*[”’」』）)]?\s*$")
_MORE_LINK = regex.compile(r">>|^\s*更多|更多.{0,6}$")
"""A pointer to more of the site (``更多新闻``, ``报名抽奖>>``): a link, not a line of the story."""
_END_MARK = regex.compile(r"[（(]\s*完\s*[）)]\s*$")
_BULLET = regex.compile(r"^[*•·]\s+")
_CLAUSE = regex.compile(r"[。，；]")
_FIELD_LABEL = regex.compile(
    rf"^\s*(?:{P.REPORTER}|{P.EDITOR}|{P.alternation(P.OTHER_ROLES)}|{P.alternation(P.SOURCE_LABELS)}"
    rf"|{P.alternation(P.DATE_LABELS)})\s*[:：︰]"
)
_DATELINE_ONLY = regex.compile(r"(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日\s*(?:专电|專電|电|電)\s*$")
_LETTER_SPACED = regex.compile(r"^\S(?:\s\S)+$")
_PUNCT_OR_DIGIT = regex.compile(r"[\p{P}\p{S}\d]")
_CLAUSE_OR_COMMA = regex.compile(r"[，。；,;]")
_TITLE_RULES = frozenset(("no_field_headline", "title_above_date", "single_title"))
"""Rules that turn a first-pass title down."""

Rule = Callable[[Sequence[Block], list[Decision], Config], None]



_IN_BODY = frozenset((Label.BODY, Label.HEADING))
"""The labels for which ``Label.in_body`` holds, as a set: a membership test is cheaper
than the property call in the per-line loops of the rules below."""
_BODY, _TITLE, _META, _OTHER = Label.BODY, Label.TITLE, Label.META, Label.OTHER
"""The labels the per-block loops below compare with, read once: on Python 3.11 every
``Label.X`` goes through the enum metaclass's ``__getattr__`` hook (~0.5 k instructions),
and a page's loops read ~1,000 of them."""


def _body_indices(decisions: Sequence[Decision]) -> list[int]:
    return [i for i, d in enumerate(decisions) if d.label in _IN_BODY]


def _set(decisions: list[Decision], i: int, label: Label, rule: str, reason: str) -> None:
    old = decisions[i]
    if old.label is label:
        return
    decisions[i] = Decision(old.first, old.last, old.text, label, reason, old.probability, rule)


def story_span(decisions: Sequence[Decision]) -> tuple[int, int] | None:
    """From the first title or body block to the last body block."""
    body = _body_indices(decisions)
    if not body:
        return None
    titles = [i for i, d in enumerate(decisions) if d.label is _TITLE and i < body[0]]
    return (titles[0] if titles else body[0]), body[-1]


def mark_metadata(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """Date, source, byline, editor, keyword lines around the story are metadata.

    They are read for the record and never leak into the body.  Only lines
    from a few lines above the story to a few lines below it are considered:
    a date in a related-articles list further down is not this story's date.
    """
    span = story_span(decisions)
    if span is None:
        return
    lo = max(0, span[0] - config.meta_window_before)
    hi = min(len(blocks), span[1] + 1 + config.meta_window_after)
    body = _body_indices(decisions)
    edges = set(body[: config.meta_body_edge] + body[-config.meta_body_edge :])
    keywords_next = False
    for i in range(lo, hi):
        if decisions[i].label is _BODY and i not in edges:
            continue  # deep inside the text: prose, not a date or byline line
        text = blocks[i].text
        if keywords_next and len(metadata.parse_keywords(text)) >= 2:
            _set(decisions, i, Label.META, "metadata", "keyword list after its header")
            keywords_next = False
            continue
        meta = metadata.read_meta_line(text)
        if meta is None:
            keywords_next = False
            continue
        keywords_next = meta.kind == "keywords" and not meta.keywords
        _set(decisions, i, Label.META, "metadata", f"metadata line ({meta.kind}): {meta.reason}")


def source_after_date(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """A bare outlet name right under the date line (``北京日报``) is the source."""
    for i in range(1, len(blocks)):
        if decisions[i - 1].label is _META and decisions[i].label not in _IN_BODY:
            if metadata.looks_like_source_name(blocks[i].text):
                _set(decisions, i, Label.META, "source_after_date", "outlet name under the date line")


def column_after_title(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """A very short label between the headline and the body is the column name.

    Portals print the column (``财经观察``) between the headline block and the
    text; it is neither body nor navigation.
    """
    body = _body_indices(decisions)
    if not body:
        return
    first = body[0]
    titles = [i for i in range(first) if decisions[i].label is _TITLE]
    if not titles:
        return
    for i in range(titles[-1] + 1, first):
        text = blocks[i].text.strip()
        if decisions[i].label is _META or not text or decisions[i].rule in _TITLE_RULES:
            continue  # a headline candidate turned down (a caption, a subtitle) is not a column
        n = content_length(text)
        if 2 <= n <= config.column_max_chars and not _PUNCT_OR_DIGIT.search(text):
            _set(decisions, i, Label.META, "column_after_title", "short label between headline and body")


@lru_cache(maxsize=4)
def _column_gap(spaces: int) -> regex.Pattern:
    """The run of spaces that separates page columns on one line, compiled once per
    ``Config.headline_gap_spaces`` value (a config holds one; 4 covers any tuning run):
    ``regex.split`` with a pattern string looks it up in regex's cache on every call."""
    return regex.compile(rf"\s{{{spaces},}}")


def headline_piece(text: str, config: Config = DEFAULT) -> str:
    """The part of a line that can be a headline.

    A page dump often runs the headline into another page column on the same
    line, separated by a wide run of spaces (``标题      论坛热帖``): the headline
    is the longest piece.  A list bullet in front of it is not part of it.

    >>> headline_piece("* 寒冬裡如何保持水嫩肌膚 醫師來教你")
    '寒冬裡如何保持水嫩肌膚 醫師來教你'
    >>> headline_piece("新聞           產官學研合作 打造全球華人最大醫療雲")
    '產官學研合作 打造全球華人最大醫療雲'
    """
    pieces = [p for p in _column_gap(config.headline_gap_spaces).split(text.strip()) if p]
    return _BULLET.sub("", max(pieces, key=content_length)) if pieces else ""


def _not_headline(piece: str) -> str | None:
    """Why a short line cannot be a headline, or None: it opens with a field label
    (``作者：``, ``来源：``), is a bare dateline (``…北京17日電``) or a bare outlet name
    (``外汇网``, ``21世纪网``: the site's or the source's name, printed next to the headline
    and the date; :func:`cleaner.metadata.looks_like_source_name`)."""
    if _FIELD_LABEL.match(piece):
        return "opens with a field label"
    if _DATELINE_ONLY.search(piece) and content_length(piece) <= 20:
        return "a dateline"
    if "的" not in piece and metadata.looks_like_source_name(piece):  # 网络新闻联播的微博 is a phrase
        return "an outlet name"
    return None


def _headline_shaped(piece: str, config: Config) -> bool:
    """Short, without clause punctuation, not a menu, chrome or metadata line."""
    if not config.headline_min_chars <= content_length(piece) <= config.headline_max_chars:
        return False
    if _CLAUSE.search(piece) or _not_headline(piece) or metadata.read_meta_line(piece) is not None:
        return False
    if metadata.find_date(piece) is not None:  # the page's date line, not a headline
        return False
    squeezed = piece.replace(" ", "") if _LETTER_SPACED.match(piece) else piece  # 衞 生 署 呼 籲
    return line_kind(squeezed, config)[0] in (Kind.SHORT, Kind.TEXT)


def no_field_headline(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """A line that opens with a field label (``作者：…``) or is a bare dateline is not a headline."""
    for i, d in enumerate(decisions):
        if d.label is _TITLE:
            why = _not_headline(headline_piece(blocks[i].text, config))
            if why:
                _set(decisions, i, Label.OTHER, "no_field_headline", f"not a headline: {why}")


def _dated(text: str) -> bool:
    meta = metadata.read_meta_line(text)
    return meta is not None and meta.date is not None


def title_above_date(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """A title line under the story's date line is a caption or subtitle, when another is above it.

    Pages print the headline, then the date and source, then the text.  When the
    first pass calls lines on both sides of that date line a title, the ones
    between the date line and the body are a photo caption, a subtitle or a
    document title quoted by the story.
    """
    body = _body_indices(decisions)
    if not body:
        return
    first = body[0]
    dated = [i for i in range(first) if decisions[i].label is _META and _dated(blocks[i].text)]
    titles = [i for i in range(first) if decisions[i].label is _TITLE]
    if not dated or not titles:
        return
    date_line = dated[-1]
    if any(i < date_line for i in titles):
        for i in titles:
            if i > date_line:
                _set(decisions, i, Label.OTHER, "title_above_date", "title-like line under the date line; the headline is above it")


def single_title(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """Only lines above the body can be its headline, the nearest one; a repeat of it higher up
    (the breadcrumb's last item, ``〉母嬰親善…``) is not the headline line."""
    body = _body_indices(decisions)
    titles = [i for i, d in enumerate(decisions) if d.label is _TITLE]
    if not titles:
        return
    first_body = body[0] if body else len(decisions)
    above = [i for i in titles if i < first_body]
    keep = core_text(blocks[above[-1]].text) if above else None
    for i in titles:
        if i > first_body or core_text(blocks[i].text) != keep:
            _set(decisions, i, Label.OTHER, "single_title", "a second headline candidate; one title per story")
        elif i != above[-1]:
            _set(decisions, i, Label.OTHER, "single_title", "a copy of the headline above it (breadcrumb, page title)")


def pick_headline(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """With no title above the body, the headline is the best short line just above it.

    The first pass often misses the headline on a site it was not trained on.
    Each line above the body shaped like a headline gets a score from evidence
    that carries across sites: it shares words with the start of the story
    (character pairs), it is printed again on the page (page-title line,
    breadcrumb, related list), and it sits close above the body.  The best line
    from ``headline_min_score`` up is the headline.
    """
    body = _body_indices(decisions)
    if not body or any(d.label is _TITLE for d in decisions[: body[0]]):
        return
    first = body[0]
    text = ""
    for i in body:
        text += core_text(blocks[i].text)
        if len(text) >= config.headline_body_window:
            break
    body_grams = bigram_set(text[: config.headline_body_window])
    cores: list[str] | None = None
    best, best_score, why = None, config.headline_min_score, ""
    for i in range(first - 1, max(-1, first - 1 - config.headline_lookback), -1):
        if decisions[i].label is not _OTHER:
            continue
        piece = headline_piece(blocks[i].text, config)
        if not _headline_shaped(piece, config):
            continue
        core = core_text(piece)
        grams = bigram_set(core)
        shared = len(grams & body_grams) / len(grams) if grams else 0.0
        if cores is None:
            cores = [core_text(b.text) for b in blocks]
        # copies count only for a line about the story: menu words recur on every page
        copies = sum(1 for j, other in enumerate(cores) if j != i and core in other) if shared else 0
        score = headline_score(shared, copies, first - i, config)
        if score > best_score:
            best, best_score = i, score
            why = f"{shared:.0%} of its word pairs in the body start, {copies} copies on the page, {first - i} lines above the body"
    if best is not None:
        _set(decisions, best, Label.TITLE, "pick_headline", f"headline above the body: {why} (score {best_score:.1f})")


def headline_atop_body(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """With still no title, a headline-shaped first body line printed again above it is the headline.

    Some pages set the headline in the text column, right above the first
    paragraph, so the first pass reads it as body (or a subheading).  It is the
    headline when it is short and unpunctuated like one, prose follows it, and
    the page repeats it above (breadcrumb, page-title line).
    """
    body = _body_indices(decisions)
    if len(body) < 2 or any(d.label is _TITLE for d in decisions[: body[0]]):
        return
    first, second = body[0], body[1]
    piece = headline_piece(blocks[first].text, config)
    if not _headline_shaped(piece, config) or decisions[second].label is not _BODY:
        return
    core = core_text(piece)
    copies = sum(1 for b in blocks[:first] if core in core_text(b.text))
    if copies:
        _set(decisions, first, Label.TITLE, "headline_atop_body",
             f"headline-shaped first body line, printed {copies} time(s) above it")


_NOTICE = regex.compile(
    r"免[责責]聲明|免责声明|^\W{0,3}\w{0,6}(?:声明|聲明|申明)[：:]|版[权權]均?(?:属|屬|归|歸)"
    r"|未[经經].{0,12}授[权權]|不得[转轉][载載]|[转轉][载載].{0,12}(?:不代表|目的)"
    r"|凡(?:本网|本網|注明|註明|標注|标注)|Facebook\s*[专專][页頁]|[诚誠][邀].{0,10}投稿"
)
"""A site's legal or promotional notice: disclaimer, copyright and re-posting terms, a call to follow
the site or to send in stories.  Written the same way on every page of a site, never part of a story."""


def trim_story_edges(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """Site text at the story's ends is not story.

    * A site notice among the last ``config.edge_blocks`` body blocks ends the story:
      it and the body blocks after it are other.  Disclaimers and re-posting terms
      are sentences, so the model often keeps them (the notice of a site it never
      saw is new vocabulary).
    * A first or last body block without a sentence end that the heuristics call
      site furniture (share / print / login words, a pager, a menu row, a
      related-articles header: :func:`cleaner.heuristics.line_kind`) is other.
      A related-articles header is furniture even when it ends with a colon
      (``相关报道：``), and so is a short line that points to more of the site
      (``更多 新聞速報``, ``…最高奖励500元>>``: :data:`_MORE_LINK`).  The edges are
      read after the notice is cut, so the furniture above a notice is found too.

    If nothing of the story is left, the page's longest paragraph (and the prose
    next to it, :func:`prose_next_to_body`) is the story.

    Under site-grouped CV on daniel: 50 wrong body lines out, 11 right ones
    (10 of them one disclaimer text that the gold keeps on some pages of a site
    and drops on others).  The colon header, the link pointer and the edges after
    the notice: 7 pages of 4 sites better, none worse.
    """
    body = _body_indices(decisions)
    edge = config.edge_blocks
    tail = body[-edge:]
    hit = next((i for i in tail if _NOTICE.search(blocks[i].text)), None)
    if hit is not None:
        for i in tail:
            if i >= hit:
                _set(decisions, i, Label.OTHER, "trim_story_edges", "site notice after the story")
    # site furniture (share / print / login / pager / menu row / related-articles header) at either
    # end, once the notice and what follows it are gone
    rest = _body_indices(decisions) if hit is not None else body
    for i in sorted(set(rest[:edge] + rest[-edge:])):
        text = blocks[i].text.strip()
        if decisions[i].label not in _IN_BODY or ends_sentence(text):
            continue
        kind, why = line_kind(text, config)
        if kind is Kind.STOP or (not _SENTENCE_END.search(text) and kind in (Kind.CHROME, Kind.LIST)):
            _set(decisions, i, Label.OTHER, "trim_story_edges", f"site furniture at the story's edge: {why}")
        elif kind is Kind.SHORT and _MORE_LINK.search(text):
            _set(decisions, i, Label.OTHER, "trim_story_edges", "site furniture at the story's edge: a link to more of the site")
    if body and not _body_indices(decisions):
        # the first pass took site text for the story: a page has one, its longest paragraph is in it
        prose = [i for i, b in enumerate(blocks) if _is_prose(b.text, config) and not _NOTICE.search(b.text)]
        if prose:
            best = max(prose, key=lambda i: content_length(blocks[i].text))
            _set(decisions, best, Label.BODY, "trim_story_edges", "the story was only site text: its longest paragraph")
            prose_next_to_body(blocks, decisions, config)


def stop_after_end_marker(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """``(完)`` ends the story: body lines after a break following it are something else."""
    body = _body_indices(decisions)
    for n, i in enumerate(body):
        if _END_MARK.search(blocks[i].text):
            for j in body[n + 1 :]:
                _set(decisions, j, Label.OTHER, "stop_after_end_marker", "after the story's end marker (完)")
            return


_ATTRIBUTION = regex.compile(r"^[（(](?=[^（）()]*\p{Han}{2})[^（）()，。]{2,16}[）)]$")
"""A whole line that is a parenthesised name or outlet: the story's closing tag (``（王齐波）``)."""
_LINK_ROW = regex.compile(r"^\s*[*•·．》>»\[［]|" + _MORE_LINK.pattern)
"""A row of a link list or a pointer to more of the site: a list bullet, a bracketed link, ``更多>>``."""
_NUMBERED = regex.compile(r"^\s*\d{1,3}\s*[.、)）]")
"""A numbered row (``12、巴林``): an item of a list in the story, though ``line_kind`` calls it a list line."""
_FIELD_SHAPE = regex.compile(r"[:：︰]|^[(（\[【［]")
"""A closing tag is a labelled field (``责编：``) or bracketed (``(陈巍 编辑)``): ``編輯精選`` is a heading."""
_END_TAG_KINDS = frozenset((metadata.MetaKind.EDITOR, metadata.MetaKind.DATELINE_SOURCE))


def _end_tag(text: str, kind: Kind) -> bool:
    """The line that closes a story: a site notice, a parenthesised attribution, or an editor or
    source field (``(责编：山水)``, ``(本文来源：网易财经)``) naming someone: a bare date is not one.
    ``kind``: the line's :func:`~cleaner.heuristics.line_kind`, which the caller needs too."""
    text = text.strip()
    if _NOTICE.search(text):
        return True
    if kind is Kind.CHROME:  # (点击查看)
        return False
    if _ATTRIBUTION.match(text):
        return True
    meta = metadata.read_meta_line(text)
    return (meta is not None and meta.kind in _END_TAG_KINDS and bool(meta.source or meta.editors)
            and _FIELD_SHAPE.search(text) is not None)


def _open_story_end(blocks: Sequence[Block], decisions: Sequence[Decision]) -> int | None:
    """The story's last body block, when the story may go on after it (no ``(完)``): where
    the two rules that read past the story start."""
    body = _body_indices(decisions)
    if not body or _END_MARK.search(blocks[body[-1]].text):
        return None
    return body[-1]


_LIST_MARKS = tuple(
    regex.compile(p)
    for p in (
        r"^\s*[★☆●◆◇■□▲△►▶◎○]",  # a symbol bullet (not the * • · of link lists)
        r"^\s*[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]",  # (一)
        r"^\s*[（(]\s*\d{1,2}\s*[）)]",  # (1)
        r"^\s*[①-⑳]",
        r"^\s*[一二三四五六七八九十]{1,3}\s*[、．]",  # 一、
        r"^\s*\d{1,2}\s*[、．]",  # 1、
    )
)
"""The marks that open the items of a list in a story, one family each: an item's family is the
first that matches.  ``1.`` is left out: on daniel every run of three or more ``1.`` rows is a
most-read or related-articles ranking (about 40 runs, none of them story)."""


def _list_mark(text: str) -> int | None:
    for n, pattern in enumerate(_LIST_MARKS):
        if pattern.match(text):
            return n
    return None


def marked_list_after_body(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """A list whose items open with the same mark (★ / (一) / ① / 1、) right after the body is story.

    Tips, rules and steps that close a story (``★皮膚有傷口時不宜浸泡`` …) are short and often
    without a sentence end, so the first pass leaves them out; no site writes its furniture as
    ★ or (一) rows.  Reading on from the last body block past at most ``config.list_max_gap``
    unmarked lines at a time (a list's own heading, an item's second line), until site
    furniture, a related-articles header, a link-list row (``*`` / ``•`` / ``·``), a closing tag
    or a line already labelled: when at least ``config.list_min_items`` items share one mark,
    every line up to the last of them joins the body.  Nothing happens after an end marker.
    """
    last = _open_story_end(blocks, decisions)
    if last is None:
        return
    items: dict[int, list[int]] = {}
    gap = 0
    for i in range(last + 1, len(blocks)):
        text = blocks[i].text
        if decisions[i].label is not _OTHER or _LINK_ROW.search(text):
            break
        kind = line_kind(text, config)[0]
        if _end_tag(text, kind):
            break
        mark = _list_mark(text)
        if mark is None:
            if kind in (Kind.CHROME, Kind.STOP):
                break
            gap += 1
            if gap > config.list_max_gap:
                break
            continue
        gap = 0
        items.setdefault(mark, []).append(i)
    rows = max(items.values(), key=len, default=[])
    if len(rows) < config.list_min_items:
        return
    for i in range(last + 1, rows[-1] + 1):
        _set(decisions, i, Label.BODY, "marked_list_after_body", "a marked list right after the story")


def run_to_end_tag(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """Lines between the last body block and the story's closing tag are story.

    Tables, rankings and lists that close a story (``1、香港`` …, a table of test
    results) have no sentence, so the first pass leaves them out; the editor or
    source field, the site notice or the parenthesised attribution that closes the
    story comes after them.  Reading on from the last body block, for at most
    ``config.tail_max_blocks`` blocks, until site furniture, a related-articles
    header, a link-list row, a menu row or a line already labelled: the lines up
    to the last closing tag seen join the body, when there are at least
    ``config.tail_min_blocks`` of them (the tags stay as they are).  Nothing
    happens after an end marker ``(完)``.
    """
    last = _open_story_end(blocks, decisions)
    if last is None:
        return
    run: list[int] = []
    seen: list[int] = []
    for i in range(last + 1, min(len(blocks), last + 1 + config.tail_max_blocks)):
        text = blocks[i].text
        kind = line_kind(text, config)[0]
        if _end_tag(text, kind):
            run = list(seen)  # the story runs at least to this tag
            continue
        if decisions[i].label is not _OTHER or _LINK_ROW.search(text):
            break
        if kind in (Kind.CHROME, Kind.STOP) or (kind is Kind.LIST and not _NUMBERED.match(text)):
            break  # site furniture, a related-articles header, a menu row (a numbered row is a list item)
        seen.append(i)
    if len(run) < config.tail_min_blocks:
        return
    for i in run:
        _set(decisions, i, Label.BODY, "run_to_end_tag", "between the body and the story's closing tag")


def mark_headings(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """A short unpunctuated body line followed by more body is a subheading."""
    body = _body_indices(decisions)
    for n, i in enumerate(body[:-1]):
        text = blocks[i].text.strip()
        if decisions[i].label is not _BODY or _SENTENCE_END.search(text):
            continue
        if content_length(text) <= config.heading_max_chars and not _CLAUSE_OR_COMMA.search(text):
            _set(decisions, i, Label.HEADING, "mark_headings", "short unpunctuated line inside the body")


_CLAUSE_MARKS = regex.compile(r"[，。；！？]")
_HAN = regex.compile(r"\p{Han}")
_LIST_ITEM = regex.compile(r"^\s*(?:[*•·・●◆■□▪►>»|\-①-⑳]|\d{1,2}[.、)）])")


def _is_prose(text: str, config: Config) -> bool:
    """Sentences, not a list item, a link or markup: the shape of a paragraph on any site."""
    if "。" not in text or len(text) < config.prose_min_chars:  # cheap tests first: most lines stop here
        return False
    if content_length(text) < config.prose_min_chars or len(_CLAUSE_MARKS.findall(text)) < 2:
        return False
    if _LIST_ITEM.match(text):
        return False
    core = "".join(text.split())
    return len(_HAN.findall(core)) >= config.prose_min_han_share * len(core)


def prose_next_to_body(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """A paragraph of prose a few blocks from the body is part of it (a classifier miss).

    Repeats until nothing changes, so a run of paragraphs joins from its body end.
    """
    waiting = [i for i, d in enumerate(decisions) if d.label is _OTHER and _is_prose(blocks[i].text, config)]
    changed = True
    while changed and waiting:
        changed = False
        for i in list(waiting):
            near = range(max(0, i - config.prose_reach), min(len(decisions), i + config.prose_reach + 1))
            if any(decisions[j].label in _IN_BODY for j in near if j != i):
                _set(decisions, i, Label.BODY, "prose_next_to_body", "a paragraph of prose next to the body")
                waiting.remove(i)
                changed = True


def prose_under_headline(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """Prose between the headline and the body is the story's beginning.

    A story starts under its headline.  Portals put a box of their own (``推荐阅读`` and a
    list of links, a photo strip, a second column) into the text after its first paragraphs;
    the first pass then keeps the part after the box and drops the start, which is too far
    from the body for :func:`prose_next_to_body`.  Every paragraph of prose (:func:`_is_prose`:
    sentences, not a list item or markup) between the page's headline and the first body block
    joins the body; a site notice does not.  Runs after the headline rules, so the headline
    is the one the page will report.

    Site-grouped CV on daniel (five cached fold models): 6 pages of 4 sites better, none worse.
    """
    body = _body_indices(decisions)
    if not body:
        return
    titles = [i for i in range(body[0]) if decisions[i].label is _TITLE]
    if not titles:
        return
    for i in range(titles[-1] + 1, body[0]):
        text = blocks[i].text
        if decisions[i].label is _OTHER and _is_prose(text, config) and not _NOTICE.search(text):
            _set(decisions, i, Label.BODY, "prose_under_headline", "a paragraph of prose between the headline and the body")


_CAPTION_START = regex.compile(r"^\W{0,2}(?:图|圖)\s*(?:说|說|为|為|片|：|:)")
"""A photo caption's opening (``圖說：``, ``图为``, ``图片：``)."""
_SIGNED = regex.compile(
    r"[。！？!?]\s*[”’」』]?\s*[（(]\s*(?:完|(?![^（）()]*[图圖摄攝])[^（）()\s，。]{1,6})\s*[）)]\s*$")
"""A sentence signed off the way a story's last paragraph is: the end marker or the writer's or
editor's short tag in brackets right after the full stop (``…開業。(曉明)``, ``…签订。（ｅｗ）``,
``…100万人。(完)``).  A photo credit (``（林宜靜攝）``) or picture tag (``(资料图)``) is not one."""


def signed_last_paragraph(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """The line right after the body that ends with a sign-off is the story's last paragraph.

    The first pass often drops a story's short last paragraph: it sits next to the page
    footer and is too short for :func:`prose_next_to_body`.  When that line closes with the
    story's sign-off (:data:`_SIGNED`) it is the story's, on any site.  Only the next block
    after the last body block (after :func:`trim_story_edges` cut site text off the end), and
    not a photo caption.  A bare short sentence is not enough: joining every short closing
    sentence fixed 10 lines and broke 11.

    Site-grouped CV on daniel (five cached fold models): 4 pages of 4 sites better, none worse.
    """
    last = _open_story_end(blocks, decisions)
    if last is None or last + 1 >= len(blocks):
        return
    i = last + 1
    text = blocks[i].text.strip()
    if (decisions[i].label is _OTHER and _SIGNED.search(text) and not _CAPTION_START.match(text)
            and metadata.read_photo_credit(text) is None):
        _set(decisions, i, Label.BODY, "signed_last_paragraph", "a sentence with the story's sign-off right after the body")

_CN_DIGITS = {c: n for n, c in enumerate("一二三四五六七八九", 1)}
_ITEM_NUMBER = regex.compile(
    r"^\s*(?P<pre>第|[（(]|(?i:step)\s*)?(?P<num>\d{1,3}|[一二三四五六七八九十]{1,3}|[①-⑳])"
    r"(?P<post>\s*[、．.）)章条條节節部]|\s+(?=\S)|\s*$)"
)
"""A line that opens with an item number: ``六、``, ``3、``, ``(2)``, ``②``, ``第一章``, ``STEP 3``."""
_ITEM_START = frozenset("第（(sS0123456789一二三四五六七八九十①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
"""The first character of such a line (block text is stripped): a set test spares the
pattern on nearly every line of a page."""


def _numeral(text: str) -> int | None:
    if len(text) == 1 and "①" <= text <= "⑳":
        return ord(text) - ord("①") + 1
    if text.isascii() and text.isdigit():
        return int(text)
    if "十" in text:  # 十 / 十二 / 二十 / 二十三
        tens, _, ones = text.partition("十")
        if (tens and tens not in _CN_DIGITS) or (ones and ones not in _CN_DIGITS):
            return None
        return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS.get(text) if len(text) == 1 else None


def _item_number(text: str) -> tuple[tuple[str, str, str], int] | None:
    """The numbering family (prefix, numeral script, closing mark) and value of an item's number."""
    m = _ITEM_NUMBER.match(text)
    if m is None:
        return None
    value = _numeral(m["num"])
    if value is None:
        return None
    script = "circled" if "①" <= m["num"][0] <= "⑳" else ("arabic" if m["num"].isascii() else "han")
    return ((m["pre"] or "").strip().lower(), script, m["post"].strip()), value


def next_numbered_item(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """The item numbered next after a body item is story too (``五、`` in the body, ``六、`` left out).

    A story's numbered sections and steps (``五、春节煲电话粥`` … ``六、春节里赚话费``, ``2、登陆…``
    ``3、电子邮件：…``, ``STEP 2`` ``STEP 3``) are short and often without a sentence end, so the
    first pass drops some of them while it keeps their siblings.  A line left out that opens with
    the number right after the one of the nearest earlier line of the same numbering (same prefix,
    numeral script and closing mark), when that line is body and every line between them is body
    too, joins the body; read in page order, so a run of dropped items joins one by one.  Nothing
    happens after an end marker ``(完)`` or a site notice (a site's terms of use are numbered too),
    and a link row (``2、>>更多``) stays out.  Runs after :func:`trim_story_edges`, so the notice
    is cut before the story grows.

    Site-grouped CV on daniel (five cached fold models): 3 pages of 3 sites better, none worse;
    line F1 0.9348 → 0.9352 macro, 0.9397 → 0.9404 pooled, p10 0.9216 → 0.9251.
    """
    items = [(i, item) for i, b in enumerate(blocks) if b.text[:1] in _ITEM_START and (item := _item_number(b.text))]
    if len(items) < 2:
        return  # most pages: no numbering, nothing to read
    stop: int | None = None  # the first end marker or site notice, found when first needed
    last: dict[tuple[str, str, str], tuple[int, int]] = {}  # numbering → (block, number) of its latest item
    for i, (family, value) in items:
        before = last.get(family)
        last[family] = (i, value)
        if (before is None or before[1] != value - 1 or decisions[i].label is not _OTHER
                or any(decisions[j].label not in _IN_BODY for j in range(before[0], i))):
            continue
        if stop is None:
            stop = next((j for j, b in enumerate(blocks) if (decisions[j].label in _IN_BODY and _END_MARK.search(b.text))
                         or _NOTICE.search(b.text)), len(blocks))
        if i >= stop:
            return  # the story ends before it: a site's numbered terms of use are no story
        if not _LINK_ROW.search(blocks[i].text):
            _set(decisions, i, Label.BODY, "next_numbered_item", "the next numbered item after one in the body")


RULES: tuple[Rule, ...] = (
    prose_next_to_body,
    stop_after_end_marker,
    marked_list_after_body,
    run_to_end_tag,
    mark_metadata,
    trim_story_edges,
    signed_last_paragraph,
    next_numbered_item,
    source_after_date,
    no_field_headline,
    title_above_date,
    single_title,
    pick_headline,
    headline_atop_body,
    prose_under_headline,
    column_after_title,
    mark_headings,
)


def revise(blocks: Sequence[Block], guesses: Sequence[Guess], config: Config = DEFAULT) -> list[Decision]:
    """Turn first-pass guesses into decisions and apply every rule in order."""
    decisions = [
        Decision(b.first, b.last, b.text, g.label, g.reason, g.probability) for b, g in zip(blocks, guesses)
    ]
    for rule in RULES:
        rule(blocks, decisions, config)
    return decisions
