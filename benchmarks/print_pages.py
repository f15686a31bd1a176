"""Generate realistic print-layout test pages (GitHub issue 4).

Real article bodies and titles (the daniel gold files, read in place) are
typeset as newspaper pages — several stories per page in narrow justified
columns — into a PDF with reportlab and a CJK TrueType font, and the text is
extracted back with the tools people use: poppler's ``pdftotext`` (default
reading-order mode) and pdfminer.six (``extract_text``).  Each page becomes
two labeled samples (SPEC §3, ``layout: "print"``, articles only)::

    OUT/p0000_pdftotext.txt  OUT/p0000_pdftotext.gold.json
    OUT/p0000_pdfminer.txt   OUT/p0000_pdfminer.gold.json
    OUT/p0000.pdf            (kept with --keep-pdf)

A page holds 2–6 stories: a main story (sometimes with subheadings — short
phrases of their own taken from a sentence the page does not print, as real
subheadings are, never the opening clause of the paragraph below — and a
byline ``本报记者 X X``; a subheading wider than its column is broken into
two balanced lines and is kept with the text it introduces, never left at
the foot of a column), wire briefs opening with a dateline
(``据新华社电（记者 XX）``, ``本报讯（记者 XX）``) sometimes grouped under a
section label (``资讯速览``), and photo stories (a title over a caption that
ends in ``新华社记者 X X摄``).  Stories are rectangles on an 8-column
grid, filled left to right in bands: a story takes only the columns its text fills and the next story is
set beside it; a title spans exactly its story's columns (or less), in one
line or two broken like a headline (at the space of a two-part title, else
in the middle); a brief's title is sometimes placed under its body (a displaced title).  Line breaking follows the CJK
rules (no closing punctuation at a line start, no opening one at a line end),
lines are justified, first lines indented two cells.

Everything is decided by ``random.Random(seed)``: the same seed gives the
same pages.  Generated pages are test data: do not commit them.

Usage::

    python benchmarks/print_pages.py OUT_DIR --pages 60 --seed 0

Needs: ``reportlab`` and ``pdfminer.six`` (PyPI), ``pdftotext``
(Debian ``poppler-utils``) and a CJK TrueType font (Debian
``fonts-wqy-zenhei``; ``--font`` for another ``.ttf``/``.ttc``).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
DANIEL = ROOT.parent / "shared" / "data" / "daniel"
FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
)
EXTRACTORS = ("pdftotext", "pdfminer")

# Invented reporter names (2 characters are padded in bylines: ``李 贞``).
NAMES_2 = ("李贞", "王军", "张龙", "陈晨", "刘洋", "赵敏", "孙磊", "周婷", "吴昊", "何静", "高远", "罗兰")
NAMES_3 = ("杨晓东", "黄丽娟", "马志强", "胡春燕", "郑一鸣", "谢文涛", "韩雪梅", "唐海波")
SECTIONS = ("资讯速览", "国际视点", "新闻速递", "要闻简报", "环球走笔", "经济观察")
PLACES = ("北京", "上海", "广州", "成都", "武汉", "西安", "杭州", "南京")

_CLAUSE = regex.compile(r"[，。；！？,;!?：:]")
_SENTENCE_END = regex.compile(r"[。！？][”’」』）]?$")
_BAD_TITLE = regex.compile(r"[-_|｜【】\[\]（）()<>《》/\\·…]|\d{4}|网|图")
_LEAD = regex.compile(r"^.{0,30}(?:电|電|讯|訊|消息)\s*[（(]|记者|記者|通讯员|通訊員|编者按|編者按|原标题|原標題|摘要|导读|導讀|^\W")
"""A paragraph opening like a lead (a dateline, a byline, an editor's note) in
either script is no middle paragraph: on the page it would read as a new story."""
_URL = regex.compile(r"https?:|www\.|\.com|\.cn")
_NO_START = set("，。、；：？！”’）》」』…—%,.;:?!)")
_NO_END = set("“‘（《「『(")
_ASCII_TOKEN = regex.compile(r"[A-Za-z0-9][A-Za-z0-9.%+\-/:~～]{0,9}|……|——|.", regex.S)
"""A Latin/digit run is one unbreakable token, cut every 10 characters so that
no token is wider than a column (an overflowing token bridges the gutter and
makes the extractors merge two columns).  A range (``5~10``) is one run: a
typesetter never breaks it, nor starts a line with the dash (GB/T 15834)."""
_SUBSTITUTES = {"•": "·", "‧": "·", "・": "·"}
"""A character the font cannot draw is printed as this one when the font has it
(``阿列克谢•米勒`` → ``阿列克谢·米勒``, as Chinese papers set foreign names): the gold
holds what the page shows."""


# --- source texts -----------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One daniel article usable on a page: a clean title and clean paragraphs."""

    title: str
    paragraphs: tuple[str, ...]


def _drawable(text: str, glyphs: set[int] | None) -> str | None:
    """``text`` as the font prints it: undrawable characters replaced by their
    :data:`_SUBSTITUTES` when the font has those; None when any other character
    cannot be drawn (the page would not show what the gold says)."""
    if glyphs is None:
        return text
    text = "".join(_SUBSTITUTES.get(c, c) if ord(c) not in glyphs and ord(_SUBSTITUTES.get(c, c)) in glyphs else c for c in text)
    return text if all(c.isspace() or ord(c) in glyphs for c in text) else None


def font_glyphs(font: Path) -> set[int]:
    """The code points the font (its first face, as drawn) has a glyph for."""
    from reportlab.pdfbase.ttfonts import TTFont

    index = {"subfontIndex": 0} if font.suffix.lower() == ".ttc" else {}
    return set(TTFont("probe", str(font), **index).face.charToGlyph)


def _clean_paragraph(text: str, glyphs: set[int] | None = None) -> str | None:
    text = regex.sub(r"\s+", "", text)
    if "\ufffd" in text:  # mojibake in the source: the page cannot print it, the gold would keep it
        return None
    text = _drawable(text, glyphs)
    if text is None:
        return None
    if not (20 <= len(text) <= 320) or _URL.search(text) or _LEAD.search(text[:40]):
        return None
    if not _SENTENCE_END.search(text) or not regex.search(r"\p{Han}", text):
        return None
    return text


def _clean_title(text: str | None, glyphs: set[int] | None = None) -> str | None:
    if not text:
        return None
    text = _drawable(regex.sub(r"\s+", " ", text).strip(), glyphs)
    if text is None:
        return None
    n = len(text.replace(" ", ""))
    if not (5 <= n <= 24) or "\ufffd" in text or _CLAUSE.search(text) or _BAD_TITLE.search(text) or "“" in text or "”" in text:
        return None
    if text.count(" ") > 1:
        return None
    return text


def load_sources(folder: Path = DANIEL, glyphs: set[int] | None = None) -> list[Source]:
    """Daniel gold articles with a usable title and at least two clean paragraphs
    (printable in a font with ``glyphs``, when given: :func:`_drawable`)."""
    sources = []
    for path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for article in gold.get("articles", ()):
            title = _clean_title(article.get("title"), glyphs)
            paragraphs = [p for p in (_clean_paragraph(b, glyphs) for b in article.get("body", ())) if p]
            if title and len(paragraphs) >= 2:
                sources.append(Source(title, tuple(dict.fromkeys(paragraphs))))
    return sources


# --- stories ----------------------------------------------------------------------


@dataclass
class Story:
    kind: str  # article | brief | photo
    title: str
    paragraphs: list[str]  # gold body (subheadings included)
    headings: set[int] = field(default_factory=set)  # indexes of subheading paragraphs
    authors: list[str] = field(default_factory=list)
    byline: str | None = None
    dateline: str | None = None
    column: str | None = None
    credit: str | None = None  # photo stories: the credit after the caption
    title_after: bool = False  # displaced: the title is set under the body

    def gold(self) -> dict:
        return {
            "title": self.title,
            "body": self.paragraphs,
            "authors": self.authors,
            "kind": self.kind,
            "dateline": self.dateline,
            "column": self.column,
        }


def _padded(name: str) -> str:
    return " ".join(name) if len(name) == 2 else name


_PHRASE_SPLIT = regex.compile(r"[，。；：！？、“”‘’（）《》「」『』]")


def _phrases(paragraphs: list[str] | tuple[str, ...], *, skip_first: bool) -> list[str]:
    """Clause-long phrases (5–12 Han/Latin/digit characters) of the paragraphs;
    ``skip_first`` leaves out each paragraph's opening clause."""
    out = []
    for p in paragraphs:
        clauses = _PHRASE_SPLIT.split(p)[1 if skip_first else 0 :]
        out += [c for c in (regex.sub(r"[^\p{Han}A-Za-z0-9]", "", c) for c in clauses) if 5 <= len(c) <= 12]
    return out


def _subheading(source: Source, printed: list[str], paragraph: str, rng: random.Random) -> str | None:
    """A subheading: a short independent phrase on the story's topic.

    Real People's Daily subheadings are short phrases of their own (``关税下调难抑涨价潮``),
    never a copy of the opening clause of the paragraph they introduce.  Taken from
    a sentence of the source article the page does not print, else from inside
    (not the start) of another printed paragraph of the story."""
    spare = _phrases(source.paragraphs[len(printed) :], skip_first=False)
    if not spare:
        spare = _phrases([p for p in printed if p != paragraph], skip_first=True)
    spare = [h for h in spare if h not in paragraph[:20]]
    return rng.choice(spare) if spare else None


def make_main(source: Source, rng: random.Random) -> Story:
    paragraphs = list(source.paragraphs[: rng.randint(3, 9)])
    body: list[str] = []
    headings: set[int] = set()
    with_headings = rng.random() < 0.5 and len(paragraphs) >= 4
    for i, p in enumerate(paragraphs):
        heading = _subheading(source, paragraphs, p, rng) if with_headings and i >= 2 and rng.random() < 0.35 else None
        if heading and heading not in body and (not body or len(body) - 1 not in headings):
            headings.add(len(body))
            body.append(heading)
        body.append(p)
    names = rng.sample(NAMES_2 + NAMES_3, rng.choice((1, 1, 2)))
    story = Story("article", source.title, body, headings)
    if rng.random() < 0.8:
        story.authors = names
        story.byline = "本报记者 " + "  ".join(_padded(n) for n in names)
    return story


def make_brief(source: Source, rng: random.Random) -> Story:
    body = list(source.paragraphs[: rng.randint(1, 3)])
    names = rng.sample(NAMES_2 + NAMES_3, rng.choice((1, 1, 2)))
    reporters = "、".join(names)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    dateline = rng.choice(("据新华社电", "本报讯", f"新华社{rng.choice(PLACES)}{month}月{day}日电", f"本报{rng.choice(PLACES)}{month}月{day}日电"))
    body[0] = f"{dateline}（记者{reporters}）{body[0]}"
    return Story("brief", source.title, body, authors=names, dateline=dateline)


def make_photo(source: Source, rng: random.Random) -> Story:
    """A photo story: the title over a caption (the paragraph closest to the title)."""
    title = set(zip(source.title, source.title[1:]))
    caption = max(source.paragraphs, key=lambda p: (len(title & set(zip(p, p[1:]))), -len(p)))
    name = rng.choice(NAMES_2 + NAMES_3)
    credit = f"{rng.choice(('新华社记者', '本报记者'))} {_padded(name)}摄"
    return Story("photo", source.title, [caption], authors=[name], credit=credit)


def make_page(sources: list[Source], rng: random.Random) -> list[Story]:
    """2–6 stories: usually a main story, then briefs and photo stories."""
    n = rng.randint(2, 6)
    picked = rng.sample(sources, n)
    stories: list[Story] = []
    if rng.random() < 0.85:
        stories.append(make_main(picked[0], rng))
    else:
        stories.append(make_brief(picked[0], rng))
    for source in picked[1:]:
        roll = rng.random()
        stories.append(make_photo(source, rng) if roll < 0.2 else make_brief(source, rng) if roll < 0.8 else make_main(source, rng))
    briefs = [s for s in stories if s.kind == "brief"]
    if len(briefs) >= 2 and rng.random() < 0.5:
        label = rng.choice(SECTIONS)
        for s in briefs:
            s.column = label
    for s in briefs:
        s.title_after = rng.random() < 0.2
    return stories


# --- typesetting ------------------------------------------------------------------


def _strip_spaces(line: list[str]) -> list[str]:
    while line and line[-1] == " ":
        line.pop()
    return line


@dataclass
class Setter:
    """Line breaking and drawing in one CJK font (widths in points)."""

    font: str
    canvas: object = None

    def width(self, token: str, size: float) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(token, self.font, size)

    @staticmethod
    def tokens(text: str) -> list[str]:
        return _ASCII_TOKEN.findall(text)

    def _gap(self, left: str, right: str, size: float) -> float:
        """Extra space between a CJK character and a Latin/digit token (¼ em)."""
        if not left or not right:
            return 0.0
        if left.isascii() != right.isascii() and not left.isspace() and not right.isspace():
            if left[-1] in _NO_END or right[0] in _NO_START or left[-1] in _NO_START:
                return 0.0
            return size / 4
        return 0.0

    def natural(self, tokens: list[str], size: float) -> float:
        total = sum(self.width(t, size) for t in tokens)
        return total + sum(self._gap(a, b, size) for a, b in zip(tokens, tokens[1:]))

    def break_lines(self, text: str, width: float, size: float, indent: float = 0.0) -> list[list[str]]:
        """Greedy CJK line breaking with the kinsoku rules."""
        tokens = self.tokens(text)
        lines: list[list[str]] = []
        line: list[str] = []
        avail = width - indent
        for token in tokens:
            if line and self.natural(line + [token], size) > avail + 0.01:
                carry: list[str] = []
                if token[0] in _NO_START and len(line) > 2:  # no closing punctuation at a line start
                    carry = [line.pop()]
                while len(line) > 2 and line[-1][-1] in _NO_END:  # no opening one at a line end
                    carry.insert(0, line.pop())
                lines.append(_strip_spaces(line))
                line, avail = carry, width
            if token == " " and not line:
                continue
            line.append(token)
        if line:
            lines.append(_strip_spaces(line))
        return lines

    def draw(self, x: float, y: float, tokens: list[str], size: float, width: float | None) -> None:
        """Draw one line at (x, y); justified to ``width`` when given."""
        c = self.canvas
        c.setFont(self.font, size)
        widths = [self.width(t, size) for t in tokens]
        gaps = [self._gap(a, b, size) for a, b in zip(tokens, tokens[1:])] + [0.0]
        extra = 0.0
        if width is not None and len(tokens) > 1:
            extra = max(0.0, (width - sum(widths) - sum(gaps)) / (len(tokens) - 1))
        for token, w, gap in zip(tokens, widths, gaps):
            c.drawString(x, y, token)
            x += w + gap + extra


@dataclass
class Item:
    """A laid-out line: position (top-down y), tokens, size, justify width."""

    x: float
    y: float
    tokens: list[str]
    size: float
    justify: float | None = None


@dataclass
class Box:
    """Laid-out lines of one story (or label) relative to its top-left corner."""

    width: float
    height: float
    items: list[Item] = field(default_factory=list)
    rects: list[tuple[float, float, float, float]] = field(default_factory=list)  # photos


BODY = 9.0  # body type size in points; one CJK cell
GUTTER = 2 * BODY
UNIT = 11 * BODY  # one column of the page grid
LEADING = 1.45
SIDE_BY_SIDE = 0.45  # share of bands that hold two stories side by side


def _body_lines(setter: Setter, story: Story, col: float, size: float) -> list[tuple[list[str], bool, str]]:
    """(tokens, justified, kind) for every line of the story's body."""
    out: list[tuple[list[str], bool, str]] = []
    for i, paragraph in enumerate(story.paragraphs):
        if i in story.headings:
            out.append(([], False, "space"))
            for line in _heading_lines(setter, paragraph, col, size):
                out.append((line, False, "heading"))
            continue
        lines = setter.break_lines(paragraph, col, size, indent=2 * size)
        for n, line in enumerate(lines):
            out.append((line, n < len(lines) - 1, "first" if n == 0 else "text"))
    return out


def _heading_lines(setter: Setter, heading: str, width: float, size: float) -> list[list[str]]:
    """A subheading in one line, or in two balanced lines when it is wider than
    its column (an editor never leaves one character of a subheading alone on a
    line, as plain line breaking would: ``她建议有关部门从机制入`` ⏎ ``手``)."""
    tokens = setter.tokens(heading)
    if setter.natural(tokens, size) <= width:
        return [tokens]
    half = (len(tokens) + 1) // 2
    return [tokens[:half], tokens[half:]]


def _title_lines(setter: Setter, title: str, width: float, size: float, rng: random.Random) -> list[list[str]]:
    """A title in one line, or two broken where an editor breaks them.

    Real headlines are never wrapped like text (a lone last character, a word
    cut in two): a two-part title (``主题 副题``) is broken at its space, any
    other is set in one line when it fits, else broken in the middle into two
    balanced lines.  Returns more than two lines only when even that does not fit."""
    fits = lambda t: setter.natural(setter.tokens(t), size) <= width  # noqa: E731
    parts = title.split(" ")
    if len(parts) == 2 and all(map(fits, parts)) and (rng.random() < 0.6 or not fits(title.replace(" ", "　"))):
        return [setter.tokens(p) for p in parts]
    whole = title.replace(" ", "　")
    if fits(whole):
        return [setter.tokens(whole)]
    half = (len(whole) + 1) // 2
    halves = [whole[:half].strip("　"), whole[half:].strip("　")]
    if all(map(fits, halves)):
        return [setter.tokens(h) for h in halves]
    return setter.break_lines(whole, width, size)


def _grid_width(units: int) -> float:
    """Width in points of ``units`` columns of the page grid (gutters included)."""
    return units * UNIT + (units - 1) * GUTTER


def _grid_units(width: float) -> int:
    """How many grid columns a box ``width`` points wide takes."""
    return round((width + GUTTER) / (UNIT + GUTTER))


def _columns(lines: list[tuple[list[str], bool, str]], k: int) -> list[list[tuple[list[str], bool, str]]]:
    """The body lines cut into ``k`` columns of (nearly) equal length.  A subheading
    is kept with the text it introduces, as typesetters do: a column never ends
    with a subheading (it moves to the top of the next column)."""
    per_col = -(-len(lines) // k)
    columns, start = [], 0
    for c in range(k):
        end = len(lines) if c == k - 1 else min(len(lines), start + per_col)
        while c < k - 1 and start < end - 1 and lines[end - 1][2] in ("heading", "space"):
            end -= 1
        columns.append(lines[start:end])
        start = end
    return columns


def layout_story(setter: Setter, story: Story, slot: float, rng: random.Random) -> Box:
    """Set one story into at most ``slot`` points: a rectangle on the column grid.

    The body is set first so that the story takes only the grid columns its
    text fills (a column holds at least 6 lines); the title spans exactly the
    story's columns (or is wrapped narrower, never wider), as on a real page."""
    y = 0.0
    title_size = BODY * rng.choice((1.3, 1.6, 2.0, 2.4)) if story.kind != "brief" else BODY * rng.choice((1.2, 1.4))
    if story.kind == "photo":
        width = slot
    else:
        # Columns follow the page grid: each is 1–3 grid units wide (11–36 cells).
        units = _grid_units(slot)
        per_column = rng.choice([m for m in (1, 2, 3) if units % m == 0])
        col = _grid_width(per_column)
        lines = _body_lines(setter, story, col, BODY)
        k = max(1, min(units // per_column, len(lines) // 6))  # a column holds at least 6 lines
        width = k * col + (k - 1) * GUTTER
    box = Box(width, 0.0)

    def put_title() -> None:
        nonlocal y, title_size
        span = width if rng.random() < 0.7 else min(width, max(10 * title_size, width * 0.6))
        lines = _title_lines(setter, story.title, span, title_size, rng)
        while len(lines) > 2:  # titles take one or two lines
            title_size *= 0.85
            lines = _title_lines(setter, story.title, width, title_size, rng)
        centered = rng.random() < 0.5
        for line in lines:
            y += title_size * 1.3
            offset = (width - setter.natural(line, title_size)) / 2 if centered else 0.0
            box.items.append(Item(max(0.0, offset), y, line, title_size))
        y += BODY * 0.6

    if not story.title_after:
        put_title()
    if story.byline:
        y += BODY * 1.4
        box.items.append(Item(BODY * 2, y, setter.tokens(story.byline), BODY))
        y += BODY * 0.6
    if story.kind == "photo":
        photo_h = BODY * rng.randint(8, 16)
        box.rects.append((0.0, y + BODY * 0.5, width, photo_h))
        y += photo_h + BODY * 0.8
        caption_size = BODY * 0.9
        line_w = min(width, 36 * caption_size)  # a caption line holds at most 36 characters
        text = f"{story.paragraphs[0]}　{story.credit}" if rng.random() < 0.7 else story.paragraphs[0] + story.credit
        lines = setter.break_lines(text, line_w, caption_size, indent=2 * caption_size)
        for n, line in enumerate(lines):
            y += caption_size * LEADING
            x = 2 * caption_size if n == 0 else 0.0
            box.items.append(Item(x, y, line, caption_size, line_w - x if n < len(lines) - 1 else None))
        box.height = y + BODY
        return box
    top = y
    bottom = y
    for c, chunk in enumerate(_columns(lines, k)):
        y = top
        x0 = c * (col + GUTTER)
        while chunk and chunk[0][2] == "space":
            chunk = chunk[1:]
        for tokens, justified, kind in chunk:
            y += BODY * LEADING
            if kind == "space":
                continue
            if kind == "heading":
                x = x0 + (col - setter.natural(tokens, BODY)) / 2
                box.items.append(Item(x, y, tokens, BODY))
            elif kind == "first":
                box.items.append(Item(x0 + 2 * BODY, y, tokens, BODY, col - 2 * BODY if justified else None))
            else:
                box.items.append(Item(x0, y, tokens, BODY, col if justified else None))
        bottom = max(bottom, y)
    y = bottom + BODY * 0.6
    if story.title_after:
        put_title()
    box.height = y + BODY
    return box


def layout_label(setter: Setter, label: str, slot: float) -> Box:
    size = BODY * 1.2
    box = Box(slot, size * 2.2)
    box.items.append(Item(0.0, size * 1.4, setter.tokens(label), size))
    box.rects.append((0.0, size * 1.8, slot, 0.8))
    return box


def layout_page(setter: Setter, stories: list[Story], rng: random.Random) -> tuple[list[tuple[float, float, Box]], float, float]:
    """Place story boxes on the page grid: bands from top to bottom, each filled
    left to right.  A band's first story sometimes gets only part of the width
    (side by side); whenever a story leaves at least 3 grid columns free, the
    next story is set beside it rather than leaving the band empty."""
    grid = 8
    page_w = _grid_width(grid)
    placed: list[tuple[float, float, Box]] = []
    y = 0.0
    queue = list(stories)
    labelled = False
    while queue:
        band_h = 0.0
        used = 0
        first = True
        while queue and grid - used >= 3:
            story = queue.pop(0)
            free = grid - used
            if story.kind == "photo":
                units = rng.randint(min(4, free), free)
            elif first and len(queue) > 0 and rng.random() < SIDE_BY_SIDE:
                units = rng.randint(3, 5)
            else:
                units = free
            x = used * (UNIT + GUTTER)
            width = _grid_width(units)
            top = y
            if story.column and not labelled:
                label = layout_label(setter, story.column, width)
                placed.append((x, top, label))
                top += label.height
                labelled = True
            box = layout_story(setter, story, width, rng)
            placed.append((x, top, box))
            band_h = max(band_h, top - y + box.height)
            used += _grid_units(box.width)
            first = False
        y += band_h + BODY
    return placed, page_w, y


def render_pdf(path: Path, stories: list[Story], font_path: Path, rng: random.Random) -> None:
    from reportlab.lib.colors import Color
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    name = "CJK"
    if name not in pdfmetrics.getRegisteredFontNames():
        index = {"subfontIndex": 0} if font_path.suffix.lower() == ".ttc" else {}
        pdfmetrics.registerFont(TTFont(name, str(font_path), **index))
    setter = Setter(name)
    placed, page_w, page_h = layout_page(setter, stories, rng)
    margin = 36.0
    c = canvas.Canvas(str(path), pagesize=(page_w + 2 * margin, page_h + 2 * margin), invariant=1)
    setter.canvas = c
    top = page_h + margin
    for x0, y0, box in placed:
        c.setFillColor(Color(0.8, 0.8, 0.8))
        for rx, ry, rw, rh in box.rects:
            c.rect(margin + x0 + rx, top - y0 - ry - rh, rw, rh, stroke=0, fill=1)
        c.setFillColor(Color(0, 0, 0))
        for item in box.items:
            setter.draw(margin + x0 + item.x, top - y0 - item.y, item.tokens, item.size, item.justify)
    c.showPage()
    c.save()


# --- extraction -------------------------------------------------------------------


def extract(pdf: Path, tool: str) -> str:
    """The page's text as ``pdftotext`` (default mode) or pdfminer.six gives it."""
    if tool == "pdftotext":
        done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
        return done.stdout.decode("utf-8")
    from pdfminer.high_level import extract_text

    return extract_text(str(pdf))


def find_font() -> Path | None:
    return next((p for p in FONT_CANDIDATES if p.exists()), None)


def missing_tools(font: Path | None = None) -> list[str]:
    """What is missing to generate pages (empty list = ready)."""
    missing = []
    for module in ("reportlab", "pdfminer"):
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    if shutil.which("pdftotext") is None:
        missing.append("pdftotext")
    if (font or find_font()) is None:
        missing.append("CJK font (fonts-wqy-zenhei)")
    return missing


def generate(out: Path, pages: int, seed: int = 0, *, font: Path | None = None, sources_dir: Path = DANIEL, keep_pdf: bool = False) -> list[Path]:
    """Write ``pages`` pages × both extractors as labeled samples into ``out``."""
    font = font or find_font()
    if font is None:
        raise SystemExit("no CJK TrueType font found (apt-get install fonts-wqy-zenhei, or --font)")
    sources = load_sources(sources_dir, font_glyphs(font))
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(pages):
        rng = random.Random(f"{seed}:{n}")
        stories = make_page(sources, rng)
        name = f"p{seed:02d}_{n:04d}"
        pdf = out / f"{name}.pdf"
        render_pdf(pdf, stories, font, rng)
        gold_articles = [s.gold() for s in stories]
        for tool in EXTRACTORS:
            sample = f"{name}_{tool}"
            (out / f"{sample}.txt").write_text(extract(pdf, tool), encoding="utf-8")
            gold = {"file": f"{sample}.txt", "layout": "print", "source": {"generator": "benchmarks/print_pages.py", "seed": seed, "page": n, "extractor": tool}, "articles": gold_articles, "captions": []}
            (out / f"{sample}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
            written.append(out / f"{sample}.gold.json")
        if not keep_pdf:
            pdf.unlink()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="output folder for the labeled samples")
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--font", type=Path, default=None, help="CJK .ttf/.ttc (default: WenQuanYi Zen Hei)")
    parser.add_argument("--sources", type=Path, default=DANIEL, help="folder of daniel *.gold.json")
    parser.add_argument("--keep-pdf", action="store_true")
    args = parser.parse_args(argv)
    missing = missing_tools(args.font)
    if missing:
        print("missing: " + ", ".join(missing), file=sys.stderr)
        return 2
    written = generate(args.out, args.pages, args.seed, font=args.font, sources_dir=args.sources, keep_pdf=args.keep_pdf)
    print(f"wrote {len(written)} samples ({args.pages} pages × {len(EXTRACTORS)} extractors) to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
