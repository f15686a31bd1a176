"""Story → Article: read the metadata fields, then normalize the text.

Metadata is read from the raw lines, before spaces are collapsed (SPEC §5:
``本报记者 李 贞`` must give ``李贞``, not be mangled first).  Then every
paragraph, the title and the captions are normalized (SPEC §4), and each
change is recorded as an :class:`~cleaner.document.Edit`.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner import metadata
from cleaner.config import DEFAULT, Config
import regex

from cleaner.document import Article, Decision, Edit, Kind, Story
from cleaner.metrics import bigrams, canonical
from cleaner.normalize import normalize
from cleaner.revise import headline_piece


# A photo story's caption ends with its credit: ``新华社记者 张 龙摄``.
_PHOTO_CREDIT = regex.compile(
    r"\s*(?P<agency>新华社|中新社|本报|人民网|央视网)?(?:特约)?(?:记者|通讯员|摄影记者)?\s*"
    r"(?P<names>(?:\p{Han}\s?){2,4}(?:[、，\s]+(?:\p{Han}\s?){2,4})*)\s*摄\s*$"
)


def _add(names: list[str], new: Sequence[str]) -> None:
    for name in new:
        if name and name not in names:
            names.append(name)


def _normalized(text: str, first: int, last: int, config: Config, edits: list[Edit]) -> str:
    fixed = normalize(text, config)
    for step in fixed.steps:
        edits.append(Edit(step, first, last, text, fixed.text))
    return fixed.text


def _read_meta_lines(article: Article, meta: Sequence[Decision], config: Config) -> None:
    for d in meta:
        line = metadata.read_meta_line(d.text)
        if line is None:
            keywords = metadata.parse_keywords(d.text)
            if len(keywords) >= 2:
                article.keywords = article.keywords or list(keywords)
            elif metadata.looks_like_source_name(d.text):
                article.source = article.source or d.text.strip()
            elif d.rule == "column_after_title":
                article.column = article.column or d.text.strip()
            continue
        article.date = article.date or line.date
        article.source = article.source or line.source
        _add(article.authors, line.authors)
        _add(article.editors, line.editors)
        article.original_title = article.original_title or line.original_title
        if line.keywords:
            article.keywords = article.keywords or list(line.keywords)
        article.column = article.column or line.column


def _read_title(article: Article, story: Story, config: Config, edits: list[Edit]) -> None:
    if story.title is None:
        return
    raw = story.title.text.strip()
    text = headline_piece(raw, config)
    if text != raw:  # a bullet, or another page column on the headline's line
        edits.append(Edit("headline_piece", story.title.first, story.title.last, raw, text))
    split = metadata.split_column(text)
    if split.column:
        article.column = article.column or split.column
    article.title = _normalized(split.title, story.title.first, story.title.last, config, edits) or None


def _body(article: Article, story: Story, config: Config, edits: list[Edit]) -> None:
    for n, d in enumerate(story.body):
        text = d.text.strip()
        if n == 0:
            lead = metadata.read_lead(text) or metadata.read_lead("".join(text[:80].split()))
            if lead is not None:
                article.dateline = article.dateline or lead.dateline
                article.source = article.source or lead.source
                _add(article.authors, lead.authors)
        trailing = metadata.strip_trailing_markers(text) if config.strip_markers else None
        if trailing is not None and trailing.removed:
            edits.append(Edit("strip_markers", d.first, d.last, text, trailing.text))
            _add(article.authors, trailing.authors)
            _add(article.editors, trailing.editors)
            text = trailing.text
        credit = _PHOTO_CREDIT.search(text) if story.kind is Kind.PHOTO else None
        if credit is not None:
            edits.append(Edit("photo_credit", d.first, d.last, text, text[: credit.start()]))
            _add(article.authors, metadata.clean_names(credit.group("names")))
            article.source = article.source or credit.group("agency")
            text = text[: credit.start()]
        text = _normalized(text, d.first, d.last, config, edits)
        if text:
            article.paragraphs.append(text)


def build_article(story: Story, doc_id: str, index: int, config: Config = DEFAULT, edits: list[Edit] | None = None) -> Article:
    """The SPEC §2 article for one story; edits made are appended to ``edits``."""
    edits = edits if edits is not None else []
    article = Article(doc_id, index, kind=story.kind, column=story.column)
    article.first_line, article.last_line = story.first_line, story.last_line
    _read_meta_lines(article, story.meta, config)
    _read_title(article, story, config, edits)
    _body(article, story, config, edits)
    for d in story.captions:
        article.captions.append(_normalized(d.text.strip(), d.first, d.last, config, edits))
    return article


def attach_captions(articles: Sequence[Article], captions: Sequence[Decision], config: Config, edits: list[Edit]) -> None:
    """Photo captions with no photo title go to the article they talk about most.

    Word overlap decides; with no overlap at all the page's first article (the
    lead story, which newspaper photos usually illustrate) takes them.
    """
    if not articles:
        return
    for d in captions:
        text = _normalized(d.text.strip(), d.first, d.last, config, edits)
        grams = bigrams(canonical(text))
        best, best_score = articles[0], 0.0
        for article in articles:
            body = bigrams(canonical(article.text))
            score = sum((grams & body).values()) / max(1, sum(grams.values()))
            if score > best_score:
                best, best_score = article, score
        if text not in best.captions:
            best.captions.append(text)
            best.first_line = min(best.first_line, d.first)
            best.last_line = max(best.last_line, d.last)
