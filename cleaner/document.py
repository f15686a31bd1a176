"""The data passed between stages: small typed records, nothing else.

Data flows one way: decode → lines → blocks → classify → revise → segment →
metadata → normalize → render.  Every stage takes and returns these types, and
every decision (a line kept or dropped, an edit to the text) is recorded so
that ``cleaner explain`` can show why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Label(str, Enum):
    """What a line (or block) of a page is.  The gold-label vocabulary of SPEC §3."""

    TITLE = "title"
    HEADING = "heading"
    BODY = "body"
    META = "meta"
    CAPTION = "caption"
    BOILERPLATE = "boilerplate"
    OTHER = "other"

    @property
    def in_body(self) -> bool:
        """Kept in an article body (the positive class of the line metric)."""
        return self is Label.BODY or self is Label.HEADING  # identity tests: called per line in hot loops


class Layout(str, Enum):
    WEB = "web"
    PRINT = "print"


class Kind(str, Enum):
    ARTICLE = "article"
    BRIEF = "brief"
    PHOTO = "photo"
    EMPTY = "empty"


# Line, Block and Decision: a page makes one of each per line, so each writes its own
# ``__init__`` (``init=False``).  The one ``dataclass(frozen=True)`` generates calls
# ``object.__setattr__`` once per field to get past the frozen ``__setattr__``; filling the
# new instance's ``__dict__`` in one call is the same state at half the cost (a Decision:
# 11 k → 5 k instructions).  Everything else (``==``, ``hash``, ``repr``, ``replace``, no
# assignment after creation) is still the dataclass's.


@dataclass(frozen=True, init=False)
class Line:
    """One input line: its 1-based number and its decoded text (line end removed)."""

    number: int
    text: str

    def __init__(self, number: int, text: str) -> None:
        self.__dict__.update(number=number, text=text)

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True, init=False)
class Block:
    """A run of input lines read as one unit.

    On web pages a block is one line; on print pages it is a paragraph rejoined
    from its hard-wrapped lines (``text`` is the joined text, spaces not yet
    normalized).  ``blank_before`` tells whether a blank line preceded it.
    """

    first: int
    last: int
    text: str
    blank_before: bool = False
    joins: tuple[str, ...] = ()  # why lines were joined / split (layout repair)

    def __init__(self, first: int, last: int, text: str, blank_before: bool = False, joins: tuple[str, ...] = ()) -> None:
        self.__dict__.update(first=first, last=last, text=text, blank_before=blank_before, joins=joins)


@dataclass(frozen=True, init=False)
class Decision:
    """The verdict on one block: its label, whether its text is kept, and why.

    ``probability`` is the classifier's probability of the chosen label (None for
    rule-only decisions); ``rule`` names the revision rule that overrode the
    classifier, if any.
    """

    first: int
    last: int
    text: str
    label: Label
    reason: str
    probability: float | None = None
    rule: str | None = None

    def __init__(self, first: int, last: int, text: str, label: Label, reason: str,
                 probability: float | None = None, rule: str | None = None) -> None:
        self.__dict__.update(first=first, last=last, text=text, label=label, reason=reason,
                             probability=probability, rule=rule)

    @property
    def kept(self) -> bool:
        return self.label is not Label.BOILERPLATE and self.label is not Label.OTHER


@dataclass(frozen=True)
class Fixed:
    """A text after a fixing step, with the names of the steps that changed it."""

    text: str
    steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Edit:
    """A change made to the text: which step, on which input lines, before/after."""

    step: str
    first: int
    last: int
    before: str
    after: str


@dataclass(frozen=True)
class Story:
    """One story found on a page, before its fields are read: the decisions that make it."""

    title: Decision | None
    meta: tuple[Decision, ...]
    body: tuple[Decision, ...]
    captions: tuple[Decision, ...] = ()
    column: str | None = None
    kind: Kind = Kind.ARTICLE

    @property
    def first_line(self) -> int:
        parts = [d.first for d in (self.title, *self.meta, *self.body, *self.captions) if d]
        return min(parts) if parts else 0

    @property
    def last_line(self) -> int:
        parts = [d.last for d in (self.title, *self.meta, *self.body, *self.captions) if d]
        return max(parts) if parts else 0


@dataclass
class Article:
    """One article of a page; ``to_record`` is the SPEC §2 JSONL record."""

    doc_id: str
    article_index: int = 0
    kind: Kind = Kind.ARTICLE
    title: str | None = None
    subtitle: str | None = None
    column: str | None = None
    date: str | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    dateline: str | None = None
    original_title: str | None = None
    keywords: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    first_line: int = 0
    last_line: int = 0
    reason: str | None = None  # for kind == empty: why nothing was found

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    def to_record(self) -> dict:
        record = {
            "doc_id": self.doc_id,
            "article_index": self.article_index,
            "kind": self.kind.value,
            "title": self.title,
            "subtitle": self.subtitle,
            "column": self.column,
            "date": self.date,
            "source": self.source,
            "authors": list(self.authors),
            "editors": list(self.editors),
            "dateline": self.dateline,
            "original_title": self.original_title,
            "keywords": list(self.keywords),
            "captions": list(self.captions),
            "text": self.text,
            "lines": [self.first_line, self.last_line],
        }
        if self.kind is Kind.EMPTY:
            record["reason"] = self.reason
        return record


@dataclass
class Document:
    """A cleaned page: its articles plus every decision and edit that made them."""

    doc_id: str
    layout: Layout
    articles: list[Article]
    decisions: list[Decision] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    script: str = "unknown"  # detected script of the input: simplified|traditional|mixed|unknown
    encoding: str | None = None
    field_sources: dict[str, str] = field(default_factory=dict)  # metadata field → where it came from (HTML)

    def to_records(self) -> list[dict]:
        """One record per article; a page without articles still yields one record."""
        if self.articles:
            return [a.to_record() for a in self.articles]
        empty = Article(self.doc_id, kind=Kind.EMPTY, reason="no article text found")
        return [empty.to_record()]


def error_record(doc_id: str, error: str, origin: str | None = None) -> dict:
    """The record written for an input that could not be read or cleaned."""
    record = {"doc_id": doc_id, "article_index": 0, "kind": "error", "error": error}
    if origin:
        record["origin"] = origin
    return record
