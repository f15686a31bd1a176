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

import regex

from cleaner.config import DEFAULT, Config
from cleaner.document import Block, Decision, Label
from cleaner.heuristics import Guess, content_length
from cleaner import metadata

_SENTENCE_END = regex.compile(r"[。！？!?…；;：:]\s*[”’」』）)]?\s*$")
_CONTENT = regex.compile(r"[\p{Han}\p{L}\p{N}]+")
_END_MARK = regex.compile(r"[（(]\s*完\s*[）)]\s*$")

Rule = Callable[[Sequence[Block], list[Decision], Config], None]


def _core(text: str) -> str:
    return "".join(_CONTENT.findall(text))


_IN_BODY = frozenset((Label.BODY, Label.HEADING))
"""The labels for which ``Label.in_body`` holds, as a set: a membership test is cheaper
than the property call in the per-line loops of the rules below."""


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
    titles = [i for i, d in enumerate(decisions) if d.label is Label.TITLE and i < body[0]]
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
        if decisions[i].label is Label.BODY and i not in edges:
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
        if decisions[i - 1].label is Label.META and decisions[i].label not in _IN_BODY:
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
    titles = [i for i in range(first) if decisions[i].label is Label.TITLE]
    if not titles:
        return
    for i in range(titles[-1] + 1, first):
        text = blocks[i].text.strip()
        if decisions[i].label is Label.META or not text:
            continue
        n = content_length(text)
        if 2 <= n <= config.column_max_chars and not regex.search(r"[\p{P}\p{S}\d]", text):
            _set(decisions, i, Label.META, "column_after_title", "short label between headline and body")


def single_title(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """Only lines above the body can be its headline; a repeat of it is the same title."""
    body = _body_indices(decisions)
    titles = [i for i, d in enumerate(decisions) if d.label is Label.TITLE]
    if not titles:
        return
    first_body = body[0] if body else len(decisions)
    above = [i for i in titles if i < first_body]
    keep = _core(blocks[above[-1]].text) if above else None
    for i in titles:
        if i > first_body or _core(blocks[i].text) != keep:
            _set(decisions, i, Label.OTHER, "single_title", "a second headline candidate; one title per story")


def stop_after_end_marker(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """``(完)`` ends the story: body lines after a break following it are something else."""
    body = _body_indices(decisions)
    for n, i in enumerate(body):
        if _END_MARK.search(blocks[i].text):
            for j in body[n + 1 :]:
                _set(decisions, j, Label.OTHER, "stop_after_end_marker", "after the story's end marker (完)")
            return


def mark_headings(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """A short unpunctuated body line followed by more body is a subheading."""
    body = _body_indices(decisions)
    for n, i in enumerate(body[:-1]):
        text = blocks[i].text.strip()
        if decisions[i].label is not Label.BODY or _SENTENCE_END.search(text):
            continue
        if content_length(text) <= config.heading_max_chars and not regex.search(r"[，。；,;]", text):
            _set(decisions, i, Label.HEADING, "mark_headings", "short unpunctuated line inside the body")


_CLAUSE_MARKS = regex.compile(r"[，。；！？]")
_HAN = regex.compile(r"\p{Han}")
_LIST_ITEM = regex.compile(r"^\s*(?:[*•·・●◆■□▪►>»|\-①-⑳]|\d{1,2}[.、)）])")


def _is_prose(text: str, config: Config) -> bool:
    """Sentences, not a list item, a link or markup: the shape of a paragraph on any site."""
    if content_length(text) < config.prose_min_chars or "。" not in text or len(_CLAUSE_MARKS.findall(text)) < 2:
        return False
    if _LIST_ITEM.match(text):
        return False
    core = "".join(text.split())
    return len(_HAN.findall(core)) >= config.prose_min_han_share * len(core)


def prose_next_to_body(blocks: Sequence[Block], decisions: list[Decision], config: Config) -> None:
    """A paragraph of prose a few blocks from the body is part of it (a classifier miss).

    Repeats until nothing changes, so a run of paragraphs joins from its body end.
    """
    changed = True
    while changed:
        changed = False
        for i, d in enumerate(decisions):
            if d.label is not Label.OTHER or not _is_prose(blocks[i].text, config):
                continue
            near = range(max(0, i - config.prose_reach), min(len(decisions), i + config.prose_reach + 1))
            if any(decisions[j].label in _IN_BODY for j in near if j != i):
                _set(decisions, i, Label.BODY, "prose_next_to_body", "a paragraph of prose next to the body")
                changed = True


RULES: tuple[Rule, ...] = (
    prose_next_to_body,
    stop_after_end_marker,
    mark_metadata,
    single_title,
    source_after_date,
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
