"""Print-layout detection and repair (SPEC §1 "print layout", §5).

Text extracted from a newspaper PDF is hard-wrapped every 10–36 characters and
interrupted by blank lines wherever a column or text box ends — often in the
middle of a sentence (``…共同合作，助`` ⏎⏎ ``力通用模型…``).  Titles, bylines,
section labels and photo credits sit between the paragraphs, sometimes after
the body they belong to.

Detection (:func:`guess_layout`) looks at the shape of the page: a print page
is mostly lines of column width (8–40 CJK cells) that stop mid-sentence yet
carry clause punctuation inside — the fingerprint of a wrapped paragraph.  Web
dumps have long one-paragraph lines, and their short lines are menus, link
lists and titles, which carry no clause punctuation.  A page with no line
wider than a column at all needs a smaller wrapped share (short paragraphs in
narrow columns end many lines with a sentence end).

Repair (:func:`print_blocks`) reads the non-blank lines top to bottom:

1. **Standalone units first.**  A line is a byline (``本报记者 李 贞``), a
   photo credit on its own line, or a heading/title: short, no clause
   punctuation, starting a unit (after a sentence end, a credit, another
   standalone unit or the page start) and ending one (before a blank line,
   a byline, the page end — or directly above text when clearly narrower
   than the column, or directly above a dateline).  Two such lines in a row
   are one title, joined with a space (``发挥资源优势 发展新能源产业``), also
   when they sit directly above a dateline or a byline (whatever their
   width), or open after a blank line and sit above one across a blank line.  A line opening with a dateline is never a title, nor is the rest of a dateline
   wrapped from the line above (``本报南京 5 月 24 日`` ⏎ ``电（记者…）据``).  Directly above
   a dateline or a byline a heading-like line is a title even when it does
   not start a unit (the extractor read it right after another story's cut);
   so is a line that does not end a sentence directly above a paragraph's
   indented first line (it cannot be text of either paragraph; also alone after
   a blank line right after a cut: a subheading moved to the top of the next
   column), also when a column break follows that first line (measured then against the column
   after the break, which must open with running text).  Whether such a line
   is as wide as a full line (so text) is judged by the punctuation measure
   under which the lines below agree in width.  Two
   heading-like lines directly above a byline are a title when the first
   opens after a blank line; two lines before a byline or a dateline (across
   a blank line) are a title even when as wide as the column or holding a
   ``、``.  A heading-like line alone between blank lines right after a
   line cut mid-sentence is a displaced title or heading (as text it would be
   a whole column line with no punctuation at all); so are two such lines
   alone between blank lines, unless the first is narrower than the second by
   the indent (a paragraph's first two lines, cut by a column break).  Two
   heading-like lines directly above a paragraph's indented first line are a
   title however wide (a letter-spaced first line, or one with digits, is measured
   by its cells: justification stretched it, but a full line's cells fill more
   than the column less the indent when the next line opens with a Han
   character), and so are two lines as wide as the column between
   blank lines unless they read as a first line over a full one.  A line
   narrower than the column directly above text is not a heading when the
   line below is a full line and it is as wide as the column less the indent
   or letter-spaced (justification stretched it): it is a first line; so is a
   line directly below a sentence end and last before a blank line when as wide
   as the column above or narrower by the indent only (a subheading is set off
   by space and never left at a column's foot).  A line alone between blank lines
   after a sentence end is a first line, not a heading, when, of unsure measure,
   its cells fill the column less the indent and a full line of running text
   follows the break.  A photo
   credit wrapped from the line above (``…。新华社记`` ⏎ ``者 张 龙摄``) stays
   in its caption.
2. **Paragraph breaks.**  Between two text lines the paragraph continues
   unless the first line ends a sentence (``。！？…`` optionally followed by
   closing quotes/brackets) *and* one of: a blank line follows (sentence end
   + blank = paragraph break), the next line is indented, or the line is
   clearly narrower than its column (a short last line).  A blank line after
   an unfinished sentence is a column break: the paragraph continues where
   rule 4 finds its rest.  A line
   ending in ``”`` without sentence punctuation never ends a paragraph.
   With no blank line and no indentation (pdftotext drops both), a full line
   ending a sentence still ends the paragraph when the next line is narrower
   than the column by the indent (counting punctuation as a full cell, so a
   justified line with much punctuation is not mistaken for an indented one;
   and counting the extractor's spaces beside Latin letters and digits, which
   justification widens, so such lines do not measure short), also when a
   column break follows that first line.
3. **Credits end captions.**  A line ending in a photo credit
   (``… 新华社记者 张 龙摄``) ends its block; the credit becomes its own block.
4. **Reading order.**  A paragraph that stops mid-sentence at a blank line or
   at a standalone unit (a displaced heading or title) is a *cut*; where it
   goes on is chosen among the pieces of text that open after a blank line or
   a standalone unit (:func:`_link_continuations`): not one opening with a
   dateline, following a byline or opening with an indented first line (a
   story or paragraph start), preferably the nearest following piece set in the
   same column width and the same script (simplified / traditional, read where
   the two would meet; a piece cut after its first row is measured with the
   paragraph above it in its run), not one
   short line stopping mid-sentence, one opening with punctuation no line starts with, and a
   piece read *before* the cut only when nothing after fits (pdfminer reads
   some stories' last column first) — less unlikely when that piece surely
   opens mid-paragraph (its first line as wide as the lines below it: a
   paragraph's first line is indented).  A common word across the break (the
   cut's last characters and the piece's first: ``…，助`` ⏎⏎ ``力通用模型…``, read
   from a word list by :mod:`cleaner.lexicon`) outweighs the order in which the
   pieces were read, the more the likelier the word.  A caption ending in a photo credit
   wrapped onto its last line (``…。本报记者 李 贞`` ⏎ ``摄``) is not cut.  The blocks are returned in the repaired
   reading order: the continuation and the rest of its run of text follow the
   cut paragraph.  Extractors read stories set side by side or below a column
   out of order (``…心脏病去`` ⏎⏎ ``据新华社电…`` ⏎⏎ … ``世。她…``).

Column width is estimated locally (the widest of the nearest wrapped lines of
the same run, else of nearby runs) because one page mixes 11-cell and
30-cell columns.  Widths are counted in CJK cells: a Han character is 1,
CJK punctuation and ASCII ½ (:func:`display_width`).  A lone unpunctuated
line that is as wide as its column is running text cut by a column break
rather than a title when the line after the break is a full line of running
text (a title is followed by an indented first line, another title line, a
dateline, or text in a wider column).

Every Block carries ``joins``: short reasons for each decision, shown by
``cleaner explain``.  Spacing is *not* normalized here (SPEC §4 is a later
stage) except at joins: nothing between CJK, one space between two
Latin/digit tokens.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import regex

from cleaner import lexicon, patterns
from cleaner.config import DEFAULT, Config
from cleaner.document import Block, Layout, Line
from cleaner.heuristics import content_length
from cleaner.normalize import detect_script

# --- character classes and patterns -----------------------------------------

_SENTENCE_END = "。！？…!?"
_CLOSERS = "”’」』）)》"
_CLAUSE_PUNCT = regex.compile(r"[，。；！？：,;]")
"""Punctuation that separates clauses: a heading never contains it."""
_WRAP_PUNCT = regex.compile(r"[，、；。“”：（）《》]")
"""Punctuation found inside wrapped body text (used for detection only)."""
_INNER_MARKS = "，。；：（）"
_INNER_PUNCT = regex.compile(f"[{_INNER_MARKS}、]")
"""Punctuation of running text that titles rarely carry (quotes and 《》 they do)."""
_TITLE_INNER_PUNCT = regex.compile(f"[{_INNER_MARKS}]")
"""The same but for the enumeration comma, which two-line headlines do carry
(``柯达宣布重组`` ⏎ ``起诉苹果、HTC 侵犯专利``)."""
_WHITESPACE = " \t\u3000\u00a0"
_HALF_CELL_PUNCT = set("，。、；：？！“”‘’（）《》〈〉「」『』【】〔〕")
_HALF_CELL_RE = regex.compile("[" + regex.escape("".join(sorted(_HALF_CELL_PUNCT))) + "]")
_WIDE_CHARS = regex.compile(r"[\p{ea=W}\p{ea=F}\p{ea=A}]")
_SPACE_CHARS = regex.compile(r"\s")
_LIST_MARKER = regex.compile(r"^[*•·・▪►>\-]+\s*")
_LATIN_DIGIT_END = regex.compile(r"[A-Za-z0-9]$")
_LATIN_DIGIT_START = regex.compile(r"^[A-Za-z0-9]")
_ASCII_ALNUM = regex.compile(r"[A-Za-z0-9]")
_LEADING_WORD = regex.compile(r"[A-Za-z0-9][A-Za-z0-9.%-]*")
"""A Latin word or number opening a line: it does not break across lines."""
_LETTER_SPACED_ROW = regex.compile(r"^\S(?: \S)+$")
"""A row of single characters each set apart by one space (``据 现 场 检 查 人 员 介``):
pdfminer's reading of a line justification stretched.  Its characters (its cells)
measure it surely (a lone digit's half cell near enough), its display width does not."""
_HAN_START = regex.compile(r"^\p{Han}")
_LATIN_LETTER = regex.compile(r"[A-Za-z]")
_LATIN_GAP = regex.compile(r"(?<=[A-Za-z0-9%])\s(?=\S)|(?<=\S)\s(?=[A-Za-z0-9])")
_NO_LINE_START = set("，。、；：？！”’）》」』…%")
"""Characters typesetters never put at a line start: a piece of text opening
with one is the rest of a cut sentence."""

_NAME = r"[\p{Han}·]{1,4}"
_NAMES = rf"{_NAME}(?:\s+{_NAME}){{0,5}}"
_AGENCY = r"(?:本报|新华社|中新社|人民日报|人民视觉|视觉中国|光明日报|经济日报)"
_BYLINE = regex.compile(
    rf"^(?:{_AGENCY}(?:驻\p{{Han}}{{1,6}})?)?(?:特约|实习|见习)?(?:记者|通讯员|评论员)(?:\s*{_NAMES})?"
    rf"(?:\s+(?:特约|实习|见习)?(?:记者|通讯员)\s*{_NAMES})*$"
    rf"|^(?:文|图|文\s*/\s*图|文图)\s*[/／：:]\s*{_NAMES}$"
)
"""A byline line: ``本报记者 李 贞``, ``新华社记者 张三 通讯员 李四``, ``文/王五``."""
_CREDIT = regex.compile(
    rf"(?:{_AGENCY}?(?:特约|实习)?(?:记者|通讯员)\s*{_NAMES}\s*摄(?:影)?"
    rf"|{_AGENCY}发(?:\s*[（(]?\s*{_NAMES}\s*摄\s*[）)]?)?"
    rf"|[（(]\s*{_AGENCY}发\s*[）)]"
    rf"|(?<=^|\s){_NAMES}\s*(?:摄|供图))$"
)
"""A photo credit at the end of a caption: ``新华社记者 张 龙摄``, ``新华社发``,
``… 张三摄`` (a bare name only after a space: ``产业园拍摄`` is no credit)."""
_JUMP = regex.compile(r"^[（(](?:[上下]转|转自|接)第?\s*\S{1,3}\s*版[）)]$")
"""A continuation marker (``（下转第二版）``): ends a unit, is its own block."""


# --- small text predicates ---------------------------------------------------


def display_width(text: str) -> float:
    """Width of a line in CJK cells, as a newspaper column measures it.

    A Han character is 1 cell; CJK punctuation is ½ (typesetters compress it:
    ``照明灯杆、智能融雪除冰、`` fills the same 11-cell column as
    ``多出行者对这条智慧公路``); ASCII letters and digits are ½; spaces are 0
    (the extractor's spaces around digits and inside letter-spaced runs are
    not in the column).  ``……`` and ``——`` keep their full 2 cells.

    >>> display_width("北京 2024"), display_width("营。它拥有敏锐的“五官”、")
    (4.0, 11.0)
    """
    # Counted with three regex scans instead of a Python loop over characters:
    # this runs on every line of every page for layout detection.
    visible = len(text) - len(_SPACE_CHARS.findall(text))
    wide = len(_WIDE_CHARS.findall(text))  # includes the half-cell punctuation (all East Asian wide)
    half = len(_HALF_CELL_RE.findall(text))
    return (wide - half) + 0.5 * half + 0.5 * (visible - wide)


_WIDTH_CLASSES = (_SPACE_CHARS, _WIDE_CHARS, _HALF_CELL_RE)
"""The character classes of :func:`display_width`: bit ``k`` of a :func:`_bmp_width_table` entry."""


@lru_cache(maxsize=1)
def _bmp_width_table() -> np.ndarray:
    """The character classes of :func:`display_width` as one lookup table over the BMP:
    bit 0 space, bit 1 wide, bit 2 half-cell, each found by running its regex over
    every BMP character.  One table: one gather per page instead of three."""
    bmp = "".join(map(chr, range(0x10000)))
    table = np.zeros(0x10000, dtype=np.intp)
    for bit, pattern in enumerate(_WIDTH_CLASSES):
        # each class matches single characters: blanking the matches to U+0000 keeps every
        # position, and U+0000 itself is in none of the classes
        hit = np.frombuffer(pattern.sub("\x00", bmp).encode("utf-32-le", "surrogatepass"), dtype=np.uint32) == 0
        hit[0] = False
        table[hit] |= 1 << bit
    return table


def display_widths(texts: Sequence[str]) -> list[float]:
    """:func:`display_width` of every line of a page, the same numbers computed at once.

    Layout detection measures every line of every page; counting the character
    classes with lookup tables over the page's code points is several times
    faster than three regex scans per line.  A page with characters beyond the
    BMP (rare) takes the per-line path.
    """
    if not texts:
        return []
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    codes = np.frombuffer("\n".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if len(codes) and int(codes.max()) >= 0x10000:
        return [display_width(t) for t in texts]
    line_id = np.repeat(np.arange(len(texts)), lengths + 1)[: len(codes)]
    classes = _bmp_width_table()[codes]
    classes[np.cumsum(lengths + 1)[:-1] - 1] = 0  # the "\n" joining the lines is in no line
    # count each line's characters per class combination (8 of them), then sum the combinations holding each bit
    combos = np.bincount(line_id * 8 + classes, minlength=8 * len(texts)).reshape(len(texts), 8)
    has_bit = (np.arange(8)[:, None] >> np.arange(len(_WIDTH_CLASSES))) & 1  # (combination, class)
    space, wide, half = (combos @ has_bit).T

    visible = lengths - space
    return ((wide - half) + 0.5 * half + 0.5 * (visible - wide)).tolist()  # as display_width computes it


def ends_sentence(text: str) -> bool:
    """True if the text ends a sentence: ``。！？…`` then optional closers.

    A closing quote alone (``“与AI一起进化”``) does not end a sentence.

    >>> ends_sentence("这为 6G 技术发展提供了一片沃土。”"), ends_sentence("“与AI一起进化”")
    (True, False)
    """
    stripped = text.rstrip(_WHITESPACE).rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def is_byline(text: str) -> bool:
    """A reporter line such as ``本报记者 李 贞``: metadata, never body text.

    >>> is_byline("本报记者 李 贞"), is_byline("记者表示，今年…")
    (True, False)
    """
    return len(text) <= 40 and bool(_BYLINE.match(text))


def split_credit(text: str) -> tuple[str, str | None]:
    """Split a trailing photo credit off a caption: (caption, credit or None).

    The credit is split only when it stands after a sentence end or a space
    and occurs once (a line repeating itself, ``X 摄X 摄``, is left whole for
    the repeat removal of SPEC §4.6).

    >>> split_credit("图为光热电站。 新华社记者 张 龙摄")
    ('图为光热电站。', '新华社记者 张 龙摄')
    """
    match = _CREDIT.search(text)
    if not match:
        return text, None
    caption, credit = text[: match.start()].rstrip(_WHITESPACE), match.group(0).strip()
    delimited = match.group(0)[0] in "（(" or text[match.start() - 1] in _WHITESPACE
    if caption and not (caption[-1] in _SENTENCE_END + _CLOSERS or delimited):
        return text, None
    if text.count(credit) > 1:
        return text, None
    return caption, credit


def is_heading_like(text: str, config: Config = DEFAULT) -> bool:
    """Short, no clause punctuation, not ending a sentence: could be a title.

    Whether it *is* one depends on its neighbours (:func:`_standalone_role`).

    >>> is_heading_like("推动6G技术发展"), is_heading_like("力通用模型和行业垂类模型训练精调。")
    (True, False)
    """
    return (
        1 < len(text)
        and display_width(text) <= config.layout_heading_max_width
        and not _CLAUSE_PUNCT.search(text)
        and text[-1] not in "、—-"
        and not is_byline(text)
    )


def join_wrapped(left: str, right: str) -> str:
    """Join two wrapped pieces: one space between Latin/digit tokens, else nothing.

    >>> join_wrapped("小米 SU7", "Ultra 发布"), join_wrapped("共同合作，助", "力通用模型")
    ('小米 SU7 Ultra 发布', '共同合作，助力通用模型')
    """
    if _LATIN_DIGIT_END.search(left) and _LATIN_DIGIT_START.search(right):
        return f"{left} {right}"
    return left + right


def _quote(text: str, tail: bool = True) -> str:
    """A short excerpt of a line for a join reason: its last (or first) 3 characters."""
    return repr(text[-3:] if tail else text[:3])


# --- layout detection ----------------------------------------------------------


@dataclass(frozen=True)
class LayoutGuess:
    """The layout of a page and the evidence for it (shown by ``cleaner explain``).

    One record instead of a ``detect_layout`` / ``layout_reason`` pair: the
    evidence is computed once and the reason can never disagree with the verdict.
    """

    layout: Layout
    reason: str
    wrapped_share: float = 0.0
    long_share: float = 0.0
    lines: int = 0


def _is_wrapped_line(text: str, width: float, config: Config) -> bool:
    """A line that looks cut by a hard wrap: column width, stops mid-sentence,
    yet has clause punctuation inside (so it is running text, not a menu or title)."""
    low, high = config.layout_wrap_width
    if not low <= width <= high:  # the cheap test first
        return False
    if _LIST_MARKER.match(text):
        return False
    return (
        not ends_sentence(text)
        and text[-1] not in "：:"
        and bool(_WRAP_PUNCT.search(text[:-1]))
    )


def _all_column_lines(widths: Sequence[float], wrapped: float, config: Config) -> bool:
    """Print by the second route: no line is wider than a column and a good share
    is hard-wrapped.  A web page always has paragraph lines wider than any column
    (every daniel page has some over 40 cells); a print page of short paragraphs
    in narrow columns has many lines ending a sentence, so its wrapped share alone
    can stay under :attr:`Config.layout_min_wrapped_share`."""
    widest = max(widths)
    return widest <= config.layout_wrap_width[1] and wrapped >= config.layout_min_wrapped_share_narrow


def guess_layout(lines: Sequence[Line], *, config: Config = DEFAULT) -> LayoutGuess:
    """PRINT when most lines are hard-wrapped running text, else WEB, with why."""
    texts = [line.text.strip(_WHITESPACE) for line in lines if line.text.strip()]  # = not line.blank, without the property call
    if len(texts) < config.layout_min_lines:
        return LayoutGuess(Layout.WEB, f"web: only {len(texts)} non-blank lines", lines=len(texts))
    widths = display_widths(texts)
    low, high = config.layout_wrap_width  # the cheap width test of _is_wrapped_line first: most lines fail it
    wrapped = sum(1 for t, w in zip(texts, widths) if low <= w <= high and _is_wrapped_line(t, w, config)) / len(texts)
    long = sum(w > config.layout_long_width for w in widths) / len(texts)
    evidence = f"{wrapped:.0%} of {len(texts)} lines hard-wrapped mid-sentence, {long:.0%} long lines"
    if wrapped >= config.layout_min_wrapped_share and long <= config.layout_max_long_share:
        layout = Layout.PRINT
    elif _all_column_lines(widths, wrapped, config):
        layout, evidence = Layout.PRINT, evidence + ", no line wider than a column"
    else:
        layout = Layout.WEB
    return LayoutGuess(layout, f"{layout.value}: {evidence}", wrapped, long, len(texts))


def detect_layout(lines: Sequence[Line], *, config: Config = DEFAULT) -> Layout:
    """PRINT for hard-wrapped newspaper text, else WEB (see :func:`guess_layout`)."""
    return guess_layout(lines, config=config).layout


# --- web layout -------------------------------------------------------------------


_OPEN_END = frozenset("，、；（「『“‘(")
"""A web line ending in one of these stops mid-sentence: what follows it continues it."""
_CLOSED_START = frozenset("，、；。！？）」』”’,;!?)")
"""A web line starting with one of these continues the line above.  Narrower than
:data:`_NO_LINE_START`: on web pages ``》``/``〉`` open breadcrumb and menu lines."""


_OPEN_CLAUSE = regex.compile(r"[，；,;]")
"""A clause mark: a line holding one has started a sentence (``、`` also separates the items
of a tag list)."""
_UNIT_START = regex.compile(r"^\W{0,2}[\p{L}\p{N}]{1,6}\s*[:：︰／/╱]|^\s*\d{1,2}\s*[.、．)）]|^\s*[【\[(（]\s*\d{1,2}\s*[】\])）]|^\s*[★☆●◆■□▲△►▶◎○]")
"""A line opening with a field label (``免责声明：``, ``記者／``) or an item number (``2.``):
a unit of its own."""
_COLUMN_GAP = regex.compile(r"\S\s{3,}\S")
_LINE_BULLET = regex.compile(r"^[*•·・▪►>»\-]")


def _cut_sentence(text: str, config: Config) -> bool:
    """A line that stops inside a sentence it has started: at least ``config.web_cut_min_chars``
    letters/digits with a clause mark, ending in a letter or Han (a date, a time, a number ends
    a field line), and not a list row, several page columns side by side or a photo caption
    closed by its credit (``…新华社发``)."""
    return (text[-1].isalpha() and _OPEN_CLAUSE.search(text) is not None  # isalpha: \p{L}, Han included
            and content_length(text) >= config.web_cut_min_chars
            and not _LINE_BULLET.match(text) and not _COLUMN_GAP.search(text) and not _CREDIT.search(text)
            and not _UNIT_START.match(text))


def _sentence_resumes(texts: Sequence[str], i: int, config: Config, at_once: bool) -> int | None:
    """Do the lines from ``texts[i]`` on finish a sentence cut above them?  Up to
    ``config.web_cut_max_pieces`` short pieces (a link, a bold run, a number: at most
    ``config.web_cut_piece_chars`` letters/digits, no sentence end), then a line that ends the
    sentence or, after a piece, is cut again.  With ``at_once`` (a page cut at inline
    elements, :func:`_cut_at_nodes`) the sentence may go on with no piece between.
    Returns the index of the line that finishes it, or None."""
    for n, text in enumerate(texts[i : i + config.web_cut_max_pieces + 1]):
        if not text or _UNIT_START.match(text):
            return None
        if (n or at_once) and ends_sentence(text) or n and _cut_sentence(text, config):
            return i + n
        letters = content_length(text)
        if n == config.web_cut_max_pieces or letters > config.web_cut_piece_chars:
            return None
        if (not letters and not _CLAUSE_ONLY.match(text)) or _MENU_BAR.search(text):
            return None  # a bullet (·) or a menu row (转发|收藏), not a piece of the sentence
    return None


_CLAUSE_ONLY = regex.compile(r"^[，、；,;]+$")
_MENU_BAR = regex.compile(r"[|｜│]")


def _cut_at_nodes(texts: Sequence[str], config: Config) -> bool:
    """Does the page show a renderer that cuts lines at inline elements?  At least
    ``config.web_cut_evidence`` lines start with a clause or closing mark or follow a line
    ending in a clause mark or an opening bracket."""
    seen = 0
    for above, text in zip(texts, texts[1:]):
        if above and text and (text[0] in _CLOSED_START or above[-1] in _OPEN_END):
            seen += 1
            if seen >= config.web_cut_evidence:
                return True
    return False


def web_blocks(lines: Sequence[Line], *, join_fragments: bool = True, config: Config = DEFAULT) -> list[Block]:
    """Web layout: every non-blank line is one block, stripped of surrounding space.

    With ``join_fragments``, a line that cannot stand alone joins the line right
    above it (no blank line between): it starts with a clause or closing mark
    (``，``, ``。``, ``）`` …: :data:`_CLOSED_START`), or the line above ends in a
    clause mark or an opening bracket (:data:`_OPEN_END`).  Renderers that put every
    text node on a line of its own (``get_text("\\n")``) cut sentences at each link
    and bold run; a dump drawn one block per line almost never meets either case
    (21 pairs on the 386 daniel dumps, every one inside a single gold label; 829 on
    the same pages drawn one text node per line: ``benchmarks/renderers.py``).

    Such a renderer also cuts a sentence where no mark tells: ``…提名奖昨天揭晓，…领衔男女最佳``
    ⏎ ``运动`` ⏎ ``员候选人，…称号。``.  A block that has started a sentence and stops inside it
    (:func:`_cut_sentence`) takes the lines below it when they finish it: a few short pieces
    and then a line that ends the sentence (or is cut again): :func:`_sentence_resumes`.
    """
    blocks: list[Block] = []
    blank_before = False
    texts = [line.text.strip(_WHITESPACE) if line.text.strip() else "" for line in lines]
    cuts: bool | None = None  # _cut_at_nodes, read when first needed (most pages never need it)
    resumed = -1  # the line that finishes the sentence being rejoined
    for k, line in enumerate(lines):
        text = texts[k]
        if not text:
            blank_before = True
            continue
        last = blocks[-1] if blocks else None
        if (join_fragments and last is not None and k > resumed and not blank_before and last.last == line.number - 1
                and _cut_sentence(last.text, config)):
            if cuts is None:
                cuts = _cut_at_nodes(texts, config)
            resumed = _sentence_resumes(texts, k, config, cuts) or -1
        if (join_fragments and last is not None and not blank_before and last.last == line.number - 1
                and (text[0] in _CLOSED_START or last.text[-1] in _OPEN_END or k <= resumed)):
            reason = f"line {line.number} continues line {last.last}: {_quote(last.text)}|{_quote(text, tail=False)}"
            blocks[-1] = Block(last.first, line.number, join_wrapped(last.text, text), last.blank_before, (*last.joins, reason))
        else:
            blocks.append(Block(line.number, line.number, text, blank_before))
        blank_before = False
    return blocks


def fragment_lines(lines: Sequence[Line], blocks: Sequence[Block]) -> list[Line]:
    """``lines`` with each joined block's fragments replaced by one line (the block's
    text, under its first line's number): what the line model reads."""
    joined = {b.first: b for b in blocks if b.last > b.first}
    if not joined:
        return list(lines)
    inside = {n for b in joined.values() for n in range(b.first + 1, b.last + 1)}
    return [Line(line.number, joined[line.number].text) if line.number in joined else line
            for line in lines if line.number not in inside]


# --- print layout: rows --------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    """A non-blank input line as print repair sees it."""

    number: int
    text: str  # stripped of surrounding whitespace
    gap_before: bool  # a blank line (or the page start) precedes it
    blank_before: bool  # a blank line precedes it (Block.blank_before)
    indented: bool  # the raw line starts with whitespace (an extraction artifact / indent)
    run: int  # index of the run of consecutive non-blank lines it belongs to
    width: float
    index: int  # position among the rows


def _rows(lines: Sequence[Line]) -> list[_Row]:
    """The non-blank lines with their gap, indent, run and width."""
    rows: list[_Row] = []
    gap, blank, run = True, False, -1
    for line in lines:
        if line.blank:
            gap = blank = True
            continue
        run += gap
        text = line.text.strip(_WHITESPACE)
        indented = line.text[:1] in _WHITESPACE
        rows.append(_Row(line.number, text, gap, blank, indented, run, display_width(text), len(rows)))
        gap = blank = False
    return rows


def _is_wrap_row(row: _Row) -> bool:
    """A row that fills its column: running text (clause punctuation inside)
    that does not end a sentence.  Headings have no such punctuation."""
    return not ends_sentence(row.text) and bool(_CLAUSE_PUNCT.search(row.text) or "、" in row.text)


def _measurable_wrap(row: _Row) -> bool:
    """A row that fills its column and whose width in cells is sure (:func:`_measure_unsure`)."""
    return _is_wrap_row(row) and not _measure_unsure(row.text)


def _column_width(rows: Sequence[_Row], i: int, *, before: bool = True, after: bool = True, full_punct: bool = False,
                  other_runs: bool = True) -> float | None:
    """Estimated column width at row ``i``: the widest of the three nearest
    wrapped rows of the same run (preceding rows first), else (with ``other_runs``)
    of rows up to 6 away.

    Estimated locally because one page mixes columns of 11 and 30 cells; the
    preceding rows come first because the text before a column break is
    usually set in the same column width.
    """
    run = rows[i].run
    wraps_before = [r for r in reversed(rows[max(0, i - 6) : i]) if _is_wrap_row(r)]
    wraps_after = [r for r in rows[i + 1 : i + 7] if _is_wrap_row(r)]
    candidates = [
        [r for r in wraps_before if r.run == run] if before else [],
        [r for r in wraps_after if r.run == run] if after else [],
        wraps_before if before and other_runs else [],
        wraps_after if after and other_runs else [],
    ]
    for nearest in candidates:
        if nearest:
            return max(_full_punct_width(r.text) if full_punct else r.width for r in nearest[:3])
    return None


def _spaced_column_width(rows: Sequence[_Row], i: int, config: Config) -> float | None:
    """The column width at row ``i`` (the widest of the three nearest wrapped
    rows before it in its run) with each of the extractor's spaces beside Latin
    letters and digits counted as ``config.layout_latin_gap_cells``:
    justification sets such lines with wider gaps, so they measure short."""
    run = rows[i].run
    near = [r for r in reversed(rows[max(0, i - 6) : i]) if _is_wrap_row(r) and r.run == run][:3]
    if not near:
        return None
    return max(r.width + config.layout_latin_gap_cells * len(_LATIN_GAP.findall(r.text)) for r in near)


def _fills_column(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """Row ``i`` is as wide as a line of its column, an indented first line
    included.  Titles are usually narrower, or wider (set across columns)."""
    width = _column_width(rows, i)
    if width is None:
        return False
    low = min(width - config.layout_indent_cells - 0.5, config.layout_short_line_ratio * width)
    return low <= rows[i].width <= width + 1


def _cut_by_column_break(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """Row ``i``, alone between blank lines, is running text cut by a column
    break, not a heading: it fills its column and either has inner punctuation
    (``该展览由…、中国美术学院`` ⏎⏎ ``共同主办，…``) or the line after the break
    is a full line (a heading is followed by an indented first line).  Never
    when text set in a wider column follows (a title over that text)."""
    if not _fills_column(rows, i, config):
        return False
    width = _column_width(rows, i)
    nxt = rows[i + 1] if i + 1 < len(rows) else None
    if nxt is not None and _opens_with_dateline(rows, nxt.index):
        return False  # a story starts after the break: the row cannot run on into it
    if width is not None and nxt is not None and nxt.width > width + config.layout_column_tolerance and _is_text_row(rows, nxt.index):
        return False  # text in a wider column follows: a title set over it
    if _INNER_PUNCT.search(rows[i].text):
        return True
    return (
        width is not None
        and nxt is not None
        and width - 1 <= nxt.width
        and _is_text_row(rows, nxt.index)
    )


def _is_text_row(rows: Sequence[_Row], i: int) -> bool:
    """Row ``i`` is running text rather than another title line: it has clause
    punctuation, or more text follows it directly (not a byline: the two lines
    above a byline are a title)."""
    if _CLAUSE_PUNCT.search(rows[i].text):
        return True
    nxt = i + 1
    return nxt < len(rows) and not rows[nxt].gap_before and not is_byline(rows[nxt].text) and not _byline_next(rows, nxt)


def _ends_unit(text: str) -> bool:
    """The text closes whatever unit it belongs to (sentence, credit, jump marker)."""
    return ends_sentence(text) or bool(_CREDIT.search(text)) or bool(_JUMP.match(text))


# --- print layout: standalone units -------------------------------------------------


def _starts_unit(rows: Sequence[_Row], i: int, prev_standalone: bool, config: Config) -> bool:
    """Row ``i`` can begin a title: page start, after a finished unit, or after a
    blank line when clearly narrower than the column it interrupts."""
    if i == 0 or prev_standalone or _ends_unit(rows[i - 1].text):
        return True
    width = _column_width(rows, i - 1, after=False)
    return rows[i].gap_before and width is not None and rows[i].width <= config.layout_heading_ratio * width


def _alone_after_cut(rows: Sequence[_Row], i: int, prev_standalone: bool) -> bool:
    """Row ``i`` (heading-like) stands alone between blank lines right after a
    line cut mid-sentence.  As text it would be one line of a column cut at
    both ends, with no punctuation at all; on generated pages such a line is a
    displaced title or subheading 27 times in 28 (seeds 0 and 1, both
    extractors; the exception follows a letter-spaced line)."""
    if i == 0 or prev_standalone or _ends_unit(rows[i - 1].text):
        return False
    return rows[i].gap_before and (i + 1 == len(rows) or rows[i + 1].gap_before)


def _two_lines_alone_after_cut(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """Rows ``i`` and ``i + 1`` stand alone between blank lines after a line cut
    mid-sentence, both heading-like, without a punctuation mark, and not read as
    a paragraph's first two lines (:func:`_indented_above`): a displaced
    two-line title, as :func:`_alone_after_cut` finds one-line ones."""
    nxt = i + 1
    if not rows[i].gap_before or nxt >= len(rows) or rows[nxt].gap_before or not _closes_title(rows, nxt):
        return False
    if not is_heading_like(rows[nxt].text, config) or any(_INNER_PUNCT.search(rows[j].text) for j in (i, nxt)):
        return False
    return not _indented_above(rows, i, config) or _first_line_next(rows, nxt, config)


def _first_line_at_column_foot(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """Row ``i``, directly below a line ending a sentence (no blank line between)
    and last before a blank line, is the next paragraph's first line cut by a
    column break (``…身體的健康。`` ⏎ ``書田診所精神科主任`` ⏎⏎): it is as wide as a
    line of the column above, narrower by the indent only or not at all, or of
    unsure measure (:func:`_measure_unsure`).  A subheading or title is set off
    from the text above by space, and a subheading is never left at a column's foot."""
    if not config.layout_first_line_at_foot or i == 0 or rows[i].gap_before or not ends_sentence(rows[i - 1].text):
        return False
    if _measure_unsure(rows[i].text):
        return True
    for full_punct, measure in zip((False, True), _ROW_MEASURES):
        width = _column_width(rows, i, after=False, full_punct=full_punct)
        own = measure(rows[i])
        if width is not None and (_short_by_indent(own, width, config) or width - 0.5 <= own <= width + 1):
            return True
    return False


def _first_lines_at_column_foot(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """Rows ``i`` and ``i + 1``, directly below a line ending a sentence (no blank line
    between) and the last before a blank line, are the next paragraph's first two lines
    cut by a column break, as :func:`_first_line_at_column_foot` finds one: row ``i`` is
    narrower than the column above by the indent and row ``i + 1`` as wide as it, or one
    cell short (a character kept with the punctuation mark after it went on to the next
    column: ``本次北京市工商局公`` ⏎ ``布的不合格的食品名单`` ⏎⏎ ``中，…`` in an 11-cell column),
    as set or with every punctuation mark a full cell.  A two-line title is set off
    from the text above by space."""
    nxt = i + 1
    if not config.layout_first_lines_at_foot or i == 0 or nxt >= len(rows) or rows[i].gap_before or rows[nxt].gap_before:
        return False
    if not ends_sentence(rows[i - 1].text) or not _closes_title(rows, nxt) or any(_measure_unsure(rows[j].text) for j in (i, nxt)):
        return False
    for full_punct, measure in zip((False, True), _ROW_MEASURES):
        width = _column_width(rows, i, after=False, full_punct=full_punct, other_runs=False)
        if width is not None and _short_by_indent(measure(rows[i]), width, config) and width - 1.5 <= measure(rows[nxt]) <= width + 0.5:
            return True
    return False


def _spaced_line_cut_by_column_break(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """Row ``i``, alone between blank lines and of unsure measure (letter-spaced,
    digits, Latin: ``自 2009 年 10 月以`` ⏎⏎ ``來，政大停止捕狗而以``), is a first
    or full line cut by a column break, as :func:`_cut_by_column_break` finds rows
    of sure measure: its cells (:func:`_spaced_cells`) fill the column less the
    indent or more, and the line after the break is a full line of running text in
    that column (a heading is followed by an indented first line): a wrapped row as
    wide as the column (as set, when of sure measure) or, of unsure measure, with
    more cells than an indented line holds."""
    if not config.layout_spaced_line_cut_by_break or not _measure_unsure(rows[i].text):
        return False
    if i == 0 or i + 1 >= len(rows) or not rows[i + 1].gap_before or _opens_with_dateline(rows, i + 1):
        return False
    if not ends_sentence(rows[i - 1].text):
        return False  # a first line follows a paragraph's end (after a cut, a line alone is a heading)
    width = _column_width(rows, i)
    nxt = rows[i + 1]
    if width is None or not width - config.layout_indent_cells - 1.0 <= _spaced_cells(rows[i].text, config) <= width + 1:
        return False
    if not _is_wrap_row(nxt) or nxt.width > width + config.layout_column_tolerance:
        return False
    if _measure_unsure(nxt.text):
        return _spaced_cells(nxt.text, config) > width - config.layout_indent_cells
    return nxt.width >= width - 0.5


def _closes_title(rows: Sequence[_Row], i: int) -> bool:
    """After row ``i`` comes a blank line, the page end or a byline."""
    return i + 1 == len(rows) or rows[i + 1].gap_before or is_byline(rows[i + 1].text)


def _narrow_above_text(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """Row ``i`` sits directly above text and is clearly narrower than that
    column, and does not read as that text's indented first line
    (:func:`_first_line_above_full_line`)."""
    width = _column_width(rows, i + 1, before=False) if i + 1 < len(rows) else None
    return width is not None and rows[i].width <= config.layout_heading_ratio * width and not _first_line_above_full_line(rows, i, config)


def _first_line_above_full_line(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """Row ``i`` reads as a paragraph's first line: the row below it is a full
    line of its column (a subheading or title is followed by an indented first
    line or another title line), and row ``i`` is either as wide as the column
    less the indent or of unsure measure (letter-spaced, Latin or digits:
    justification stretched it, ``传 统 基 金 会`` ⏎ ``（ HeritageFo undation ）``).
    Measured as set and with punctuation as a full cell (:func:`_full_punct_width`)."""
    if _story_start_next(rows, i + 1):
        return False  # (two lines above a byline or a dateline are a title)
    above: list[_Row] = []
    if _width_below(rows, i) is None:
        # A column break two lines down (``由 2002 年 至 2006`` ⏎ ``年間，呂愛平在國家四大``
        # ⏎⏎): the one line below is measured against the wrapped lines just above
        # row i in its run (a paragraph goes on in the column of the one before it).
        if not config.layout_first_line_break_below or i == 0 or i + 2 >= len(rows) or rows[i + 1].gap_before:
            return False
        above = [r for r in rows[max(0, i - 4) : i] if r.run == rows[i - 1].run and not ends_sentence(r.text) and not _measure_unsure(r.text)]
        if not above or not _measurable_wrap(rows[i + 1]) or ends_sentence(rows[i].text):
            return False
        below = [rows[i + 1]]
    else:
        below = [r for r in rows[i + 1 : i + 4] if r.run == rows[i + 1].run]
    gaps = config.layout_latin_gap_cells * len(_LATIN_GAP.findall(below[0].text))
    for measure in _ROW_MEASURES:
        width = max(measure(r) for r in below + above)
        if measure(below[0]) + gaps < width - 0.5:
            continue  # the row below is not a full line
        if _measure_unsure(rows[i].text) or _short_by_indent(measure(rows[i]), width, config):
            return True
        if config.layout_first_line_before_word and _stopped_by_word(measure(rows[i]), below[0].text, width, config):
            return True
    return False


def _stopped_by_word(own: float, below: str, width: float, config: Config) -> bool:
    """A first line ``own`` cells wide stops short because the Latin word or number
    opening the line below (``但标准普尔调降`` ⏎ ``EFSF 评级消息仍令该基``) does not
    break and would not fit after it (with its gap) on a line indented by
    ``layout_indent_cells``."""
    word = _LEADING_WORD.match(below)
    room = width - config.layout_indent_cells + 0.5
    return word is not None and own <= room < own + display_width(word.group()) + config.layout_latin_gap_cells


def _indented_above(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """Row ``i`` is narrower than the row below it by about the indent, however
    punctuation is set, or the row below is of unsure measure (letter-spaced,
    Latin or digits: it may be a full line justification stretched): the two
    read as a paragraph's first two lines."""
    below = rows[i + 1]
    if _measure_unsure(below.text):
        return True
    for measure in _ROW_MEASURES:
        if _short_by_indent(measure(rows[i]), measure(below), config):
            return True
    return False


def _first_line_next(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """The row after row ``i`` (across a blank line too) is a paragraph's first
    line: narrower by the indent, however punctuation is set, than the full lines
    directly below it, of sure measure and not ending a sentence.  Two lines
    above it cannot be a paragraph's first two lines (:func:`_indented_above`):
    that paragraph would stop mid-sentence where the next one starts."""
    k = i + 1
    if k + 2 >= len(rows) or rows[k + 1].gap_before or rows[k + 2].gap_before:
        return False
    if ends_sentence(rows[k].text) or _measure_unsure(rows[k].text):
        return False
    below = [r for r in rows[k + 1 : k + 4] if r.run == rows[k].run and not r.gap_before]
    return all(
        measure(rows[k]) <= max(measure(r) for r in below) - config.layout_indent_cells + 0.5
        for measure in _ROW_MEASURES
    )


def _cut_dateline(rows: Sequence[_Row], i: int) -> bool:
    """Row ``i`` is the start of a dateline wrapped onto the next row
    (``本报武汉 2 月 5 日`` ⏎ ``电（记者李贞）…``): text, not a title."""
    if i + 1 >= len(rows) or rows[i + 1].gap_before:
        return False
    head = "".join(rows[i].text.split())
    match = patterns.DATELINE.match(head + "".join(rows[i + 1].text.split()))
    return match is not None and match.end() > len(head)


def _above_dateline(rows: Sequence[_Row], i: int) -> bool:
    """Row ``i`` sits directly above a story's dateline (``本报讯（记者…``): a title
    or section label that the extractor kept in the block of its text."""
    if i + 1 >= len(rows) or rows[i + 1].gap_before:
        return False
    below = rows[i + 1 : i + 3]
    head = "".join("".join(r.text.split()) for r in below if r is below[0] or not r.gap_before)
    return bool(patterns.DATELINE.match(head))


def _above_byline(rows: Sequence[_Row], i: int) -> bool:
    """Row ``i`` is directly followed by a byline: a byline follows a title, never
    a line of running text (whatever its width: a title over one narrow column
    can be as wide as that column)."""
    return i + 1 < len(rows) and not rows[i + 1].gap_before and is_byline(rows[i + 1].text)


def _byline_next(rows: Sequence[_Row], i: int) -> bool:
    """The row after row ``i`` (across a blank line too) is a byline: the two
    lines above a byline are a title, not the last lines of a column (even with
    a ``、`` inside: ``春节黄金周海南游火热`` ⏎ ``出境游香港、日本受追捧``)."""
    return i + 1 < len(rows) and is_byline(rows[i + 1].text)


def _story_start_next(rows: Sequence[_Row], i: int) -> bool:
    """The row after row ``i`` (across a blank line too) is a byline or opens a
    dateline (``本 报 讯 （ 记 者 杨 晓`` ⏎ ``东、王军）…``): what comes before it
    is a title, not the last lines of another column."""
    if _byline_next(rows, i):
        return True
    below = rows[i + 1 : i + 3]
    head = "".join("".join(r.text.split()) for r in below if r is below[0] or not r.gap_before)
    return bool(head) and bool(patterns.DATELINE.match(head))


def _opens_with_dateline(rows: Sequence[_Row], i: int) -> bool:
    """Row ``i`` begins with a dateline (``本报讯（记者黄丽娟）国内首条…``): the first
    line of a story's text, never a title, however short and unpunctuated."""
    return bool(patterns.DATELINE.match("".join(rows[i].text.split())))


def _two_lines_above_dateline(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """Rows ``i`` and ``i + 1`` are a two-line title the extractor kept directly
    above its story's dateline (``范冰冰自称愿再加 2 千万`` ⏎ ``悬赏助韩寒征集代笔证据``
    ⏎ ``据新华社电（记者…``): both heading-like, no running-text punctuation, the
    first longer than a section label."""
    nxt = i + 1
    if nxt >= len(rows) or rows[nxt].gap_before or len(rows[i].text) <= config.layout_label_max_chars:
        return False
    if not is_heading_like(rows[nxt].text, config) or _opens_with_dateline(rows, nxt):
        return False
    if any(_INNER_PUNCT.search(rows[j].text) for j in (i, nxt)):
        return False
    return _above_dateline(rows, nxt) or (rows[i].gap_before and _story_start_next(rows, nxt))


def _two_lines_above_byline(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """Rows ``i`` and ``i + 1`` are a two-line title directly above a byline
    (``北京停售 14 种不合格食品`` ⏎ ``满记甜品芒果布丁登榜`` ⏎ ``本报记者 高 远``), the
    first read after a blank line (the extractor may put it right after another
    story's cut): both heading-like, no running-text punctuation."""
    nxt = i + 1
    if not rows[i].gap_before or nxt >= len(rows) or rows[nxt].gap_before:
        return False
    if not is_heading_like(rows[nxt].text, config) or _opens_with_dateline(rows, nxt):
        return False
    return not any(_INNER_PUNCT.search(rows[j].text) for j in (i, nxt)) and _above_byline(rows, nxt)


def _width_below(rows: Sequence[_Row], i: int) -> float | None:
    """The column width of the text directly below row ``i``: the widest of the
    next three rows of that run (None unless at least two rows of text follow
    directly: one short line says nothing about the column)."""
    if i + 2 >= len(rows) or rows[i + 1].gap_before or rows[i + 2].gap_before:
        return None
    run = rows[i + 1].run
    return max(r.width for r in rows[i + 1 : i + 4] if r.run == run)


def _wider_above_text(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """Row ``i`` sits directly above text and is clearly wider than that column:
    a title set across the columns of its story."""
    if _INNER_PUNCT.search(rows[i].text):
        return False
    width = _width_below(rows, i)
    return width is not None and rows[i].width > width + config.layout_title_overhang


def _as_wide_as_text_above(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """Row ``i`` follows a line of text directly (no blank line between) and is as
    wide as it (justified lines are column ±1 cell): a line of that column, however
    narrow the lines below measure (letter-spaced, Latin: ``柯达希望两家公司停止销`` ⏎
    ``售 相 关 产 品 ， 比 如``).  A title set across columns is wider than the
    text of any one column."""
    if i == 0 or rows[i].gap_before or is_heading_like(rows[i - 1].text, config):
        return False
    return abs(rows[i - 1].width - rows[i].width) <= 1


def _measure_unsure(text: str) -> bool:
    """Latin letters, digits or letter-spacing (``崔 答 应 了``) make a line's
    measure unsure: justification stretched it, so it measures short."""
    return bool(_ASCII_ALNUM.search(text) or _SPACE_CHARS.search(text))


def _above_first_line(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """Row ``i`` (not ending a sentence) sits directly above the indented first
    line of a paragraph: it cannot be text of that paragraph, nor of one before
    it (that would end a sentence), so it is a title or heading however wide.
    The indent is measured against the column below, as in :func:`_narrow_first_line`
    (pdftotext drops the indent itself); when a column break follows the first line
    (``蒟蒻乾等低熱`` ⏎ ``量零食作替代`` ⏎ ``金惠民舉例，夏威夷`` ⏎⏎ ``火山豆…``), against the
    wrapped lines after the break, the first line narrower by the indent exactly
    (a line of another column is no measure).  Row ``i`` as wide as a full line
    is judged only under the measures the lines below agree on (:func:`_agreeing_measures`).
    The column is measured by the lines below of sure measure; when fewer than two
    (a column break two lines down), by the wrapped lines above row ``i`` too."""
    nxt = i + 1
    if nxt + 2 >= len(rows) or rows[nxt].gap_before:
        return False
    # A letter-spaced first line (``据 现 场 检 查 人 员 介``) or one with digits but no
    # Latin is measured by its cells (:func:`_spaced_first_line`); other rows of unsure
    # measure say nothing.
    spaced = _spaced_first_line(rows, nxt, config)
    if ends_sentence(rows[nxt].text) or (_measure_unsure(rows[nxt].text) and not spaced):
        return False
    if _measure_unsure(rows[i].text):
        # Row i's own measure is unsure (``去年一年上涨了近 50`` ⏎ ``周孝正：大家都知``): only a
        # sure first line below decides, and a line before a Latin word or number is no
        # sure first line (it may stop short because that word does not break:
        # ``火 星 ― 500 试 验 由`` ⏎ ``俄罗斯等国发起，于`` ⏎ ``2010 年 6 月…``).
        if not config.layout_heading_unsure_above_first_line or _ASCII_ALNUM.match(rows[nxt + 1].text):
            return False
    if rows[nxt + 2].gap_before and (rows[nxt + 1].gap_before or not config.layout_first_line_column_above):
        return False
    if rows[nxt + 1].gap_before:
        # A column break right after the first line: it is measured against the
        # column the paragraph goes on in (the run after the break).
        if not config.layout_first_line_at_break or not _CLAUSE_PUNCT.search(rows[nxt].text):
            return False
        # Measured by the wrapped lines of sure measure among its first ones; that
        # run must open with running text (a wrapped line, or one as wide as them).
        below = [r for r in rows[nxt + 1 : nxt + 6] if r.run == rows[nxt + 1].run and _measurable_wrap(r)][:3]
        if len(below) < 2:
            return False
        opening = rows[nxt + 1]
        if not _is_wrap_row(opening) and _full_punct_width(opening.text) < max(_full_punct_width(r.text) for r in below) - 0.5:
            return False
    else:
        below = [r for r in rows[nxt + 1 : nxt + 4] if r.run == rows[nxt].run and not r.gap_before]
        # Lines with Latin, digits or letter-spacing say nothing sure of the column
        # (``(uncutpresssheet)，虽`` measures wide with punctuation a full cell).
        sure = [r for r in below if not _measure_unsure(r.text)]
        if config.layout_first_line_column_above and len(sure) < 2:
            # Too few of them below (a column break two lines down): the wrapped lines
            # just above row i in its run measure the column too (a subheading is set
            # in the column of the text around it).
            sure += [r for r in rows[max(0, i - 3) : i] if r.run == rows[i].run and _measurable_wrap(r)]
        if spaced and not sure:
            return False  # a first line measured by its cells needs a column of sure measure
        below = sure or below
    agreeing = _agreeing_measures(below, config)
    for measure in _ROW_MEASURES:
        width = max(measure(r) for r in below)
        if spaced and _spaced_cells(rows[nxt].text, config) > width - config.layout_indent_cells:
            return False  # its cells would not fit an indented line: a stretched full line
        if not spaced and measure(rows[nxt]) > width - config.layout_indent_cells + 0.5:
            return False
        if rows[nxt + 1].gap_before and not _short_by_indent(measure(rows[nxt]), width, config):
            return False  # across a break, narrower than the lines after it by the indent exactly (not another column)
        own = measure(rows[i])
        # Half a cell short is short (``layout_heading_half_cell_short``): a row of whole
        # characters under lines that measure 10.5 with a half-cell comma is a cell short
        # of the 11 they fill (``也提高了免费送货门槛`` ⏎ ``目前在京东商城购物`` ⏎ ``完毕以后，…``).
        full = own > width - 0.5 if config.layout_heading_half_cell_short else own >= width - 0.5
        if measure in agreeing and full and own <= width + config.layout_title_overhang:
            return False  # row i is as wide as a full line of that column: text
        # (As wide as a first line is no objection: text there would have to end a
        # sentence before the first line below, and row i has no punctuation.)
    return True


def _spaced_first_line(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """Row ``i`` is letter-spaced (:data:`_LETTER_SPACED_ROW`) or holds digits but no
    Latin letters (``layout_digit_first_line_cells``), and the row after it,
    directly below, opens with a Han character.  Justification stretches a line when
    the next character may not end it (``介`` ⏎ ``绍，…``: a comma never starts a
    line, so ``绍，`` moves down): the line falls short of its measure by less than
    that character and its punctuation.  With punctuation a full cell, a full line's
    cells then exceed the column less two cells, an indented first line's do not: its
    cell count tells which it is, where its display width (stretched) does not."""
    if not config.layout_letter_spaced_first_line or i + 1 >= len(rows) or rows[i + 1].gap_before:
        return False
    text = rows[i].text
    digits_only = config.layout_digit_first_line_cells and _measure_unsure(text) and not _LATIN_LETTER.search(text)
    spaced = _LETTER_SPACED_ROW.match(text) or digits_only
    return bool(spaced) and bool(_HAN_START.match(rows[i + 1].text))


def _spaced_cells(text: str, config: Config) -> float:
    """The cells a line of unsure measure fills at least: its characters with
    punctuation a full cell, and each extractor space beside a digit counted as
    ``layout_latin_gap_first_line`` (typesetters set CJK apart from digits), as
    :func:`_narrow_first_line` measures a first-line candidate."""
    return _full_punct_width(text) + config.layout_latin_gap_first_line * len(_LATIN_GAP.findall(text))


def _agreeing_measures(below: Sequence[_Row], config: Config) -> tuple:
    """The row measures (:data:`_ROW_MEASURES`) under which the wrapped lines of sure
    measure in ``below`` are equally wide (within ``layout_column_tolerance``), as
    the full lines of one justified column are: the way this page sets punctuation.
    All of them when fewer than two such lines, or none agree (nothing to tell by)."""
    sure = [r for r in below if _measurable_wrap(r)]
    if len(sure) < 2 or not config.layout_measure_by_agreement:
        return _ROW_MEASURES
    agreeing = tuple(m for m in _ROW_MEASURES if max(map(m, sure)) - min(map(m, sure)) <= config.layout_column_tolerance)
    return agreeing or _ROW_MEASURES


def _title_above_text(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """Rows ``i`` and ``i + 1`` are a two-line title directly above text: both
    heading-like, and one of them clearly wider or narrower than the column below."""
    nxt = i + 1
    if nxt + 1 >= len(rows) or rows[nxt].gap_before or rows[nxt + 1].gap_before:
        return False
    if not is_heading_like(rows[nxt].text, config) or _cut_dateline(rows, nxt):
        return False
    if any(_INNER_PUNCT.search(rows[j].text) for j in (i, nxt)):
        return False
    width = _width_below(rows, nxt)
    # Latin or digits measure short (the extractor's spaces count 0): their gaps count a little, as in _narrow_first_line.
    second = rows[nxt].width + config.layout_latin_gap_first_line * len(_LATIN_GAP.findall(rows[nxt].text))
    pushed = _pushed_down(rows[nxt + 1].text) if config.layout_first_line_kinsoku else 0.0
    if width is None or width - config.layout_indent_cells - 0.5 - pushed <= second <= width + 1:
        return False  # the second line is as wide as the text below (or as its indented first line): it is text
    return any(
        rows[j].width > width + config.layout_title_overhang or rows[j].width <= config.layout_heading_ratio * width
        for j in (i, nxt)
    )


def _pushed_down(below: str) -> float:
    """The cells a line falls short by because the first character of the line
    ``below`` moved down with the punctuation after it, which may not start a line
    (``京东商城介绍页面`` ⏎ ``称，地铁自提…``: ``称`` would fit, ``，`` would not): that
    character's width, else 0."""
    if len(below) < 2 or below[1] not in _NO_LINE_START or below[0] in _NO_LINE_START or _HALF_CELL_RE.match(below[0]):
        return 0.0
    return display_width(below[0])


def _two_lines_above_first_line(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """Rows ``i`` and ``i + 1``, both heading-like and without a punctuation mark,
    sit directly above a paragraph's indented first line (:func:`_above_first_line`):
    neither can be text (that would end a sentence before the first line), so
    they are a two-line title however wide."""
    nxt = i + 1
    if nxt >= len(rows) or rows[nxt].gap_before or not is_heading_like(rows[nxt].text, config):
        return False
    return not any(_INNER_PUNCT.search(rows[j].text) for j in (i, nxt)) and _above_first_line(rows, nxt, config)


def _heading_over_first_line_at_foot(rows: Sequence[_Row], i: int, config: Config) -> bool:
    """Row ``i``, after a line ending a sentence, sits directly above the last line
    before a column break, and that line is a paragraph's first line: narrower than
    the column above by the indent (however punctuation is set), not ending a
    sentence, and the line after the break goes on as running text in that column
    (``…约为 1.6 亿美元。`` ⏎ ``柯达分为三个部门`` ⏎ ``柯达在昨日的声明中`` ⏎⏎ ``称，上个月…``).
    Row ``i`` is then a subheading, not a two-line title's first line: a title's
    second line is not indented, and a title is followed by its story (a dateline,
    a wider column, another title), not by the rest of a sentence.  Only without a
    blank line above row ``i``: set off by one, it may be the title of another story
    the extractor read next (kept as a two-line title)."""
    nxt = i + 1
    if not config.layout_heading_over_foot_first_line or i == 0 or nxt + 1 >= len(rows):
        return False
    if rows[i].gap_before or rows[nxt].gap_before or not rows[nxt + 1].gap_before or not ends_sentence(rows[i - 1].text):
        return False
    if ends_sentence(rows[nxt].text) or _story_start_next(rows, nxt):
        return False
    if _INNER_PUNCT.search(rows[i].text) or _measure_unsure(rows[nxt].text):
        return False  # (letter-spaced, Latin or digits: a stretched full line measures short too)
    widths = [_column_width(rows, i, after=False, full_punct=full_punct) for full_punct in (False, True)]  # as _ROW_MEASURES
    if None in widths or not all(_short_by_indent(measure(rows[nxt]), w, config) for measure, w in zip(_ROW_MEASURES, widths)):
        return False
    after, width = rows[nxt + 1], widths[0]
    if rows[i].width > width:
        return False  # wider than the column: a title set across columns
    # (the line after the break as wide as a line of the column above, or a cell less)
    return _is_wrap_row(after) and width - 1 <= after.width <= width + config.layout_column_tolerance


def _credit_wrapped(rows: Sequence[_Row], i: int) -> bool:
    """Row ``i`` is the tail of a photo credit wrapped from the line above
    (``…審慎考慮。新华社记`` ⏎ ``者 张 龙摄``): part of the caption, not a credit alone."""
    if i == 0 or rows[i].gap_before:
        return False
    prev = rows[i - 1].text
    match = _CREDIT.search(join_wrapped(prev, rows[i].text))
    return match is not None and match.start() < len(prev)


def _standalone_role(rows: Sequence[_Row], i: int, prev_standalone: bool, config: Config) -> str | None:
    """What row ``i`` is when it is not running text: byline, credit, jump, label, heading, title."""
    text = rows[i].text
    if _credit_wrapped(rows, i):
        return None
    if is_byline(text):
        return "byline"
    if _JUMP.match(text):
        return "continuation marker"
    if _CREDIT.fullmatch(text) and len(text) <= 20:
        return "photo credit"
    if not is_heading_like(text, config) or _opens_with_dateline(rows, i):
        return None
    if i > 0 and not rows[i].gap_before and _cut_dateline(rows, i - 1):
        return None  # the rest of a dateline wrapped from the row above (``本报南京 5 月 24 日`` ⏎ ``电（记者…）据``)
    # Directly above a story's dateline a heading-like line is a title whatever
    # comes before it: the extractor may read it right after another story's cut.
    if _above_dateline(rows, i):
        return "title above a dateline"
    if _cut_dateline(rows, i):
        return None
    if _two_lines_above_dateline(rows, i, config):
        return "title"  # first line of a two-line title directly above a dateline
    if _above_byline(rows, i):
        return "title above a byline"  # whatever comes before: a byline follows a title
    if _two_lines_above_byline(rows, i, config):
        return "title"  # first line of a two-line title directly above a byline
    if _alone_after_cut(rows, i, prev_standalone):
        return "heading alone after a cut"
    if not _starts_unit(rows, i, prev_standalone, config):
        if _two_lines_alone_after_cut(rows, i, config):
            return "title"  # first line of a two-line title read after another story's cut
        if config.layout_heading_after_cut and rows[i].gap_before and _above_first_line(rows, i, config):
            # Alone after a blank line right after a cut, directly above a first line: as
            # the cut's rest it would have to end a sentence there (a subheading moved to
            # the top of the next column: ``…唱着总是讨`` ⏎⏎ ``她真就是这样希望`` ⏎ ``除了…``).
            return "heading above a first line after a cut"
        return None
    if _closes_title(rows, i):
        if _cut_by_column_break(rows, i, config) or _first_line_at_column_foot(rows, i, config):
            return None
        if _spaced_line_cut_by_column_break(rows, i, config):
            return None
        return "section label" if len(text) <= config.layout_label_max_chars else "heading"
    if _heading_over_first_line_at_foot(rows, i, config):
        return "heading above a first line at a column's foot"
    nxt = i + 1
    if (
        is_heading_like(rows[nxt].text, config)
        and not rows[nxt].gap_before
        and _closes_title(rows, nxt)
        and not (_fills_column(rows, i, config) and _fills_column(rows, nxt, config) and not _story_start_next(rows, nxt) and _indented_above(rows, i, config) and not (rows[i].gap_before and _first_line_next(rows, nxt, config)))
        and not _first_lines_at_column_foot(rows, i, config)
        and (not any(_TITLE_INNER_PUNCT.search(rows[j].text) for j in (i, nxt)) or _story_start_next(rows, nxt))
    ):
        return "title"  # first line of a two-line title
    if _title_above_text(rows, i, config):
        return "title"  # first line of a two-line title directly above text
    if _two_lines_above_first_line(rows, i, config):
        return "title"  # first line of a two-line title directly above a paragraph's first line
    if _above_first_line(rows, i, config):
        return "title across columns" if _wider_above_text(rows, i, config) else "heading"
    if _narrow_above_text(rows, i, config):
        return "heading"
    if _wider_above_text(rows, i, config) and not (config.layout_title_across_not_below_text and _as_wide_as_text_above(rows, i, config)):
        return "title across columns"  # one line (only "title" groups two lines)
    return None


# --- print layout: paragraph breaks -------------------------------------------------


def _paragraph_break(rows: Sequence[_Row], i: int, config: Config) -> str | None:
    """Why a new paragraph starts at text row ``i`` (None = the paragraph continues)."""
    prev, row = rows[i - 1], rows[i]
    if not ends_sentence(prev.text):
        return None
    if row.gap_before:
        return "paragraph ends: sentence end before blank line"
    if row.indented:
        return "paragraph ends: sentence end, next line indented"
    width = _column_width(rows, i - 1)
    if width is not None and prev.width < config.layout_short_line_ratio * width:
        return "paragraph ends: short line ends sentence"
    if width is not None and _narrow_first_line(rows, i, width, config):
        return "paragraph ends: sentence end, next line narrower by an indent"
    return None


def _full_punct_width(text: str) -> float:
    """Width with CJK punctuation counted as a full cell (fonts that do not
    compress punctuation set it so): the widest a line can measure.

    >>> _full_punct_width("室」，由婦產科、小兒科")
    11.0
    """
    return display_width(text) + 0.5 * len(_HALF_CELL_RE.findall(text))


_ROW_MEASURES = (lambda r: r.width, lambda r: _full_punct_width(r.text))
"""A row's width two ways: as set, and with every punctuation mark a full cell
(extractors and typesetters disagree on punctuation; a test that must hold
"however punctuation is set" holds under both)."""


def _short_by_indent(own: float, full: float, config: Config) -> bool:
    """``own`` is narrower than a full line ``full`` by about the paragraph indent."""
    return full - config.layout_indent_cells - 1.0 <= own <= full - config.layout_indent_cells + 0.5


def _first_and_below(para: _Paragraph) -> tuple[_Row, list[_Row]]:
    """A piece's first row and up to three rows below it to measure its column by (a last
    row that ends a sentence may be short, so it is left out)."""
    return para.rows[0], [r for r in para.rows[1:4] if r is not para.rows[-1] or not ends_sentence(r.text)]


def _narrow_first_line(rows: Sequence[_Row], i: int, width: float, config: Config) -> bool:
    """Row ``i`` is an indented first line whose indent the extractor dropped
    (pdftotext): narrower than the column by the indent however punctuation
    is set, and not ending a sentence (a one-line tail is the previous
    paragraph's last line, and says nothing).  A column break may follow it:
    a line cut there is a full line of its column, or a first line."""
    row = rows[i]
    if ends_sentence(row.text) or i + 1 >= len(rows):
        return False
    # A first line with Latin or digits measures short too: its gaps count a little.
    own = _spaced_cells(row.text, config)
    # The column is measured on both sides of the break: lines with Latin or
    # digits measure short (the extractor's spaces count 0), so the widest wins.
    # Below row i only its own run measures it (``layout_first_line_own_run``): a
    # paragraph ending a line or two later is followed by another column.
    after = _column_width(rows, i, before=False, other_runs=not config.layout_first_line_own_run)
    width = max(width, after) if after is not None and rows[i + 1].run == row.run else width
    if own <= width - config.layout_indent_cells + 0.5:
        return True
    # Both measured as a font without punctuation compression sets them: a full
    # line of ``…诊所、…医院等。`` is 37 cells there, an indented first line 35.
    full = _column_width(rows, i - 1, full_punct=True)
    if config.layout_first_line_full_after and full is not None and rows[i + 1].run == row.run:
        # Measured on both sides of the row too, as the column as set above.
        full_after = _column_width(rows, i, before=False, full_punct=True, other_runs=not config.layout_first_line_own_run)
        full = max(full, full_after) if full_after is not None else full
    if full is not None and own <= full - config.layout_indent_cells + 0.5:
        return True
    if _ASCII_ALNUM.search(row.text):
        return False  # only a first line measured sure against a column measured short
    spaced = _spaced_column_width(rows, i - 1, config)
    return spaced is not None and row.width <= spaced - config.layout_indent_cells + 0.5


def _continue_reason(rows: Sequence[_Row], i: int) -> str | None:
    """The note recorded when text row ``i`` continues the paragraph across something."""
    prev, row = rows[i - 1], rows[i]
    if row.gap_before:
        return f"column break after {_quote(prev.text)} continued"
    if ends_sentence(prev.text):
        return f"full-width line ending {_quote(prev.text)} continued"
    return None


@dataclass
class _Paragraph:
    """A paragraph (or a piece of one cut by a column break) rebuilt from wrapped rows."""

    rows: list[_Row]
    notes: list[str]
    after_break: bool = False  # opens right after a blank line or a standalone unit
    after_byline: bool = False  # opens right after a byline: a story's first paragraph
    ending: str | None = None  # why the paragraph ended (a join note)

    @property
    def text(self) -> str:
        text = ""
        for row in self.rows:
            text = join_wrapped(text, row.text) if text else row.text
        return text

    @property
    def open_end(self) -> bool:
        """It stops mid-sentence: its text goes on somewhere else on the page.  A
        caption ending in a photo credit wrapped onto its last line (``…时间。本报记者
        李 贞`` ⏎ ``摄``) is closed."""
        return not (_ends_unit(self.rows[-1].text) or self.credit_wrapped)

    @property
    def credit_wrapped(self) -> bool:
        """It ends in a photo credit wrapped onto its last line (``…本报记者 李 贞`` ⏎ ``摄``)."""
        return len(self.rows) > 1 and bool(_CREDIT.search(join_wrapped(self.rows[-2].text, self.rows[-1].text)))

    def absorb(self, other: "_Paragraph", word: str | None = None) -> None:
        """Append the continuation ``other`` (found by :func:`_link_continuations`;
        ``word``: the word across the break that counted for the link)."""
        last = self.rows[-1]
        across = f" (the word {word} runs across the break)" if word else ""
        self.notes.append(f"column break after {_quote(last.text)} continued at line {other.rows[0].number}{across}")
        self.rows += other.rows
        self.notes += other.notes
        self.ending = other.ending

    def to_blocks(self) -> list[Block]:
        """The paragraph as a block (plus a credit block when it ends in one)."""
        notes = list(self.notes)
        if len(self.rows) > 1:
            notes.insert(0, f"joined {len(self.rows)} wrapped lines")
        if self.ending:
            notes.append(self.ending)
        first, last = self.rows[0], self.rows[-1]
        caption, credit = split_credit(self.text)
        if credit is None or not caption:
            return [Block(first.number, last.number, self.text, first.blank_before, tuple(notes))]
        notes.append("caption ends: photo credit split off")
        return [
            Block(first.number, last.number, caption, first.blank_before, tuple(notes)),
            Block(last.number, last.number, credit, False, ("photo credit",)),
        ]


@dataclass
class _Unit:
    """One item of the page in extraction order: a paragraph or a standalone block."""

    fragment: int  # index of the run between blank lines it starts in
    para: _Paragraph | None = None
    block: Block | None = None


def _standalone_block(rows: Sequence[_Row], group: list[int], role: str) -> Block:
    """A title, heading, byline, label or credit as its own block."""
    text = " ".join(rows[j].text for j in group)
    note = f"{role}: two lines joined with a space" if len(group) > 1 else role
    return Block(rows[group[0]].number, rows[group[-1]].number, text, rows[group[0]].blank_before, (note,))


def _read_units(rows: Sequence[_Row], config: Config) -> list[_Unit]:
    """Read the rows top to bottom into paragraphs and standalone units.

    A paragraph that stops mid-sentence at a blank line or a standalone unit is
    left open: where it goes on is decided by :func:`_link_continuations`."""
    units: list[_Unit] = []
    para: _Paragraph | None = None
    prev_standalone = False
    prev_role: str | None = None
    fragment = -1
    i = 0
    while i < len(rows):
        fragment += rows[i].gap_before
        role = _standalone_role(rows, i, prev_standalone, config)
        if role is not None:
            group = [i, i + 1] if role == "title" else [i]
            if para is not None:
                para.ending = f"paragraph ends: {role} follows" if not para.open_end else None
                para = None
            units.append(_Unit(fragment, block=_standalone_block(rows, group, role)))
            prev_standalone, prev_role, i = True, role, group[-1] + 1
            continue
        if para is not None:
            ending = _paragraph_break(rows, i, config)
            if ending is not None or (rows[i].gap_before and para.open_end):
                para.ending = ending
                para = None
            else:
                note = _continue_reason(rows, i)
                para.notes += [note] if note else []
                para.rows.append(rows[i])
        if para is None:
            para = _Paragraph([rows[i]], [], after_break=prev_standalone or rows[i].gap_before, after_byline=prev_role == "byline")
            units.append(_Unit(fragment, para=para))
        if split_credit(rows[i].text)[1] is not None or para.credit_wrapped:
            para = None
        prev_standalone, prev_role = False, None
        i += 1
    return units


# --- print layout: reading order ----------------------------------------------------


def _paragraph_column(para: _Paragraph, *, at_end: bool, full_punct: bool = False) -> float | None:
    """The width of the column where a paragraph piece is cut (at its end) or
    resumes (at its start): the widest of its three rows there — justified
    lines fill the column, only a first line (indented) or a last line is
    narrower.  None for a one-row piece: one row says nothing sure.

    The rows at the cut are measured rather than the whole piece because a
    story may go on in a column of another width (seed 003).  ``full_punct``
    counts CJK punctuation as a full cell, as fonts without punctuation
    compression set it."""
    if len(para.rows) < 2:
        return None
    near = para.rows[-3:] if at_end else para.rows[:3]
    measure = _ROW_MEASURES[full_punct]
    return max(measure(r) for r in near)


def _opens_story(para: _Paragraph) -> bool:
    """The piece opens with a dateline (``本报北京 1 月 5 日`` ⏎ ``电（记者…``): a story
    start, never the continuation of another paragraph."""
    head = "".join("".join(r.text.split()) for r in para.rows[:2])
    return bool(patterns.DATELINE.match(head))


def _opens_paragraph(para: _Paragraph, config: Config) -> bool:
    """The piece opens with an indented first line: narrower than the lines
    below it by the indent (a short last line not counted), however punctuation is set (the indent itself is
    dropped by the extractors).  A paragraph starts there, so it continues no
    cut sentence.  Lines with Latin, digits or letter-spacing are not measured
    (their width in cells is unsure: justification stretched them); the lines of
    sure measure below tell the column."""
    first, below = _first_and_below(para)
    below = [r for r in below if not _measure_unsure(r.text)]
    if not below or ends_sentence(first.text) or _measure_unsure(first.text):
        return False
    for measure in _ROW_MEASURES:
        widths = [measure(r) for r in below]
        if max(widths) - min(widths) > config.layout_column_tolerance:
            return False  # the lines below change column (seed 003): no measure
        if measure(first) > max(widths) - config.layout_indent_cells + 0.5:
            return False
    return True


def _may_continue(para: _Paragraph, config: Config) -> bool:
    """The piece can be the rest of a cut paragraph: it opens after a blank line
    or a standalone unit, not with a dateline (a story start), and its first row
    fits a column (seed 003's repeated caption line is 60 cells wide)."""
    return (
        para.after_break
        and not para.after_byline
        and not _opens_story(para)
        and not _opens_paragraph(para, config)
        and para.rows[0].width <= config.layout_wrap_width[1]
    )


def _open_start(para: _Paragraph, config: Config) -> bool:
    """The piece surely opens mid-paragraph: its first line is as wide as the lines
    below it (within ½ cell) however punctuation is set, all of them measured sure
    (no Latin, digits or letter-spacing) and in one column.  A paragraph's first
    line is indented, so such a piece is the rest of some cut paragraph (generated
    pages, seeds 0–2: 1107 of 1148 such candidate pieces are, 1 is a paragraph start)."""
    first, below = _first_and_below(para)
    if not below or any(_measure_unsure(r.text) for r in [first, *below]):
        return False
    for measure in _ROW_MEASURES:
        widths = [measure(r) for r in below]
        if max(widths) - min(widths) > config.layout_column_tolerance or measure(first) < max(widths) - 0.5:
            return False
    return True


def _other_column(left: _Paragraph, right: _Paragraph, config: Config) -> bool:
    """The two pieces are set in columns of clearly different widths, however
    punctuation is set (a story keeps its column width from column to column)."""
    for full in (False, True):
        a = _paragraph_column(left, at_end=True, full_punct=full)
        b = _paragraph_column(right, at_end=False, full_punct=full)
        if a is None or b is None or abs(a - b) <= config.layout_column_tolerance:
            return False
    return True


def _other_script(left: _Paragraph, right: _Paragraph, config: Config) -> bool:
    """One piece is in simplified characters, the other in traditional: a
    sentence never switches script, so they are pieces of different stories
    (a page may set a Hong Kong or Taiwan story beside mainland ones).  Pieces
    with too few telling characters (``unknown``) or mixed ones say nothing.
    Each piece is read where the two would meet, the last rows of the cut and
    the first rows of the rest (``config.layout_script_rows``): a story may open
    with a dateline in the other script (``本报讯（记者…）不少民眾…``), and it is the
    cut sentence that must not switch."""
    n = config.layout_script_rows
    scripts = {detect_script("".join(r.text for r in left.rows[-n:])), detect_script("".join(r.text for r in right.rows[:n]))}
    return scripts == {"simplified", "traditional"}


def _short_open_line(line: _Paragraph, cut: _Paragraph, config: Config) -> bool:
    """``line`` is one line that stops mid-sentence yet is clearly narrower than
    the column where ``cut`` is cut: the rest of a cut paragraph opens with a
    full line, and a line cut again by a column break fills its column, so
    such a line is a title or heading the reading rules could not place, not
    the rest (``…第三次。`` ⏎⏎ ``东和诊所再次夺冠了`` ⏎⏎, cut in an 11-cell column)."""
    if len(line.rows) != 1 or not line.open_end:
        return False
    for full, measure in zip((False, True), _ROW_MEASURES):
        width = _paragraph_column(cut, at_end=True, full_punct=full)
        if width is None or measure(line.rows[0]) >= width - config.layout_column_tolerance:
            return False
    return True


def _cut_piece(units: Sequence[_Unit], k: int, config: Config) -> _Paragraph:
    """The paragraph cut at unit ``k`` as its column is measured: a one-row piece
    (a first line cut by a column break: ``…水比較多。`` ⏎ ``克里夫蘭大學「柯斯`` ⏎⏎)
    with the rows of the paragraph directly above it in its run, set in the same
    column (one row alone says nothing of the column)."""
    para = units[k].para
    above = units[k - 1].para if k > 0 else None
    if not config.layout_cut_column_above or len(para.rows) > 1 or above is None or above.rows[-1].run != para.rows[0].run:
        return para
    return _Paragraph(above.rows[-2:] + para.rows, [])


def _continuation_cost(units: Sequence[_Unit], k: int, c: int, config: Config, cut: _Paragraph | None = None) -> float:
    """How unlikely piece ``c`` continues the paragraph cut at piece ``k`` (``cut``:
    that paragraph as :func:`_cut_piece` measures it, passed in when known): the
    distance in extraction order, more for a piece read before the cut, for
    one set in another column width or in the other script, for one short line
    stopping mid-sentence; less when it opens with punctuation that cannot
    start a paragraph (``”，``)."""
    cost = float(abs(c - k)) + (config.layout_link_backward if c < k else 0.0)
    cut = _cut_piece(units, k, config) if cut is None else cut
    if _other_column(cut, units[c].para, config):
        cost += config.layout_link_other_column
    if _other_script(cut, units[c].para, config):
        cost += config.layout_link_other_script
    if _short_open_line(units[c].para, cut, config):
        cost += config.layout_link_short_line
    if units[c].para.rows[0].text[:1] in _NO_LINE_START:
        cost -= config.layout_link_punct_start
    if c < k and config.layout_link_open_start and _open_start(units[c].para, config):
        cost -= config.layout_link_open_start
    if config.layout_link_word:
        cost -= _word_bonus(lexicon.join_gain(cut.rows[-1].text, units[c].para.rows[0].text), config)
    return cost


def _word_bonus(gain: float, config: Config) -> float:
    """What a word across the junction (``lexicon.join_gain``) takes off a link's cost:
    nothing below ``layout_link_word_gain``, then ``layout_link_word_slope`` per unit of
    gain, at most ``layout_link_word``.  Graded, because a barely common word across a
    cut (``…靠近小`` ⏎⏎ ``說，…``: 小說, where the next piece ``傑，…`` is the name's rest)
    must not outweigh the layout, while a long or frequent one (``…不無擔`` ⏎⏎ ``憂，…``)
    outweighs even the cost of a piece read before the cut."""
    return max(0.0, min(config.layout_link_word, config.layout_link_word_slope * (gain - config.layout_link_word_gain)))


def _link_continuations(units: Sequence[_Unit], config: Config) -> dict[int, int]:
    """Where each paragraph cut mid-sentence goes on: unit index → unit index.

    Extractors read stories that sit side by side or below a column out of
    order, so the next piece of text is not always the continuation.  Every
    (cut, piece) pair gets a cost (:func:`_continuation_cost`), and pairs are
    linked cheapest first, each cut and piece once, never in a loop, none costing
    more than ``config.layout_link_max_cost`` (a cut with no plausible rest stays
    open rather than take another story's text).  A piece
    opening with a dateline starts a story and continues nothing.  Then a piece
    left unclaimed that surely opens mid-paragraph (:func:`_open_start`) continues
    the piece just before it when that one ends a sentence on a full line of the
    same column (:func:`_closed_at_full_line`, ``layout_link_closed_full_line``):
    its paragraph was cut right after a sentence.
    """
    paras = [k for k, u in enumerate(units) if u.para is not None]
    ends = [k for k in paras if units[k].para.open_end]
    starts = [k for k in paras if _may_continue(units[k].para, config)]
    window = config.layout_link_window  # keeps the pairs O(pieces × window) on long inputs
    cuts = {k: _cut_piece(units, k, config) for k in ends}
    costs = ((_continuation_cost(units, k, c, config, cuts[k]), k, c) for k in ends for c in starts if c != k and abs(c - k) <= window)
    pairs = sorted(pair for pair in costs if pair[0] <= config.layout_link_max_cost)
    links: dict[int, int] = {}
    claimed: set[int] = set()
    for _, k, c in pairs:
        if k not in links and c not in claimed and not _reaches(links, c, k):
            links[k] = c
            claimed.add(c)
    if config.layout_link_closed_full_line:
        for k in paras:
            c = k + 1
            if c >= len(units) or c in claimed or c not in starts or _reaches(links, c, k):
                continue
            if _closed_at_full_line(units[k].para) and _open_start(units[c].para, config) and not _other_column(units[k].para, units[c].para, config):
                links[k] = c
                claimed.add(c)
    return links


def _closed_at_full_line(para: _Paragraph) -> bool:
    """The piece ends a sentence on a last line of sure measure as wide as the lines
    above it (within ½ cell, however punctuation is set): a column break may have cut
    its paragraph right after that sentence (``…連假都請不出來。”`` ⏎⏎
    ``這個年輕生命驟逝激發的`` …), or the paragraph ends there; the piece after the
    break tells which (:func:`_open_start`)."""
    last = para.rows[-1]
    if para.open_end or len(para.rows) < 2 or not ends_sentence(last.text) or _measure_unsure(last.text):
        return False
    for full, measure in zip((False, True), _ROW_MEASURES):
        width = _paragraph_column(para, at_end=True, full_punct=full)
        if width is None or measure(last) < width - 0.5:
            return False
    return True


def _reaches(links: dict[int, int], start: int, target: int) -> bool:
    """Following links from ``start`` arrives at ``target`` (a link back would loop)."""
    seen = set()
    while start in links and start not in seen:
        seen.add(start)
        start = links[start]
        if start == target:
            return True
    return False


def _reading_order(units: Sequence[_Unit], links: dict[int, int], words: dict[int, str]) -> list[Block]:
    """The blocks in repaired reading order: a cut paragraph is joined with its
    continuation, and the rest of the continuation's run of text follows it
    (``words``: cut unit → the word across its break, named in the join note)."""
    targets = set(links.values())
    done: set[int] = set()
    blocks: list[Block] = []

    def read(k: int, para: _Paragraph | None, nested: bool, word: str | None = None) -> _Paragraph | None:
        """Read unit ``k`` (and, for a continuation, the rest of its run, ``word``
        being the word across the break into it); returns the paragraph still open
        at the end."""
        j = k
        while j < len(units) and j not in done and (j == k or nested and units[j].fragment == units[k].fragment and j not in targets):
            done.add(j)
            unit = units[j]
            if unit.block is not None:
                blocks.extend(para.to_blocks() if para else [])
                blocks.append(unit.block)
                para = None
            elif para is not None and j == k and nested:
                para.absorb(unit.para, word)
            else:
                blocks.extend(para.to_blocks() if para else [])
                para = _Paragraph(list(unit.para.rows), list(unit.para.notes), unit.para.after_break, unit.para.after_byline, unit.para.ending)
            if j in links and links[j] not in done:
                para = read(links[j], para, True, words.get(j))
            j += 1
        return para

    for k in range(len(units)):
        if k not in done and k not in targets:
            rest = read(k, None, False)
            blocks.extend(rest.to_blocks() if rest else [])
    for k in range(len(units)):  # a continuation whose paragraph was never read (a link loop)
        if k not in done:
            rest = read(k, None, False)
            blocks.extend(rest.to_blocks() if rest else [])
    return blocks


def print_blocks(lines: Sequence[Line], *, config: Config = DEFAULT) -> list[Block]:
    """Print layout repair (SPEC §5): rejoin wrapped lines into paragraphs, set
    titles, headings, bylines, labels and credits apart, and restore the reading
    order of paragraphs cut by column breaks.  See the module docstring."""
    rows = _rows(lines)
    units = _read_units(rows, config)
    links = _link_continuations(units, config)
    return _reading_order(units, links, _link_words(units, links, config))


def _link_words(units: Sequence[_Unit], links: dict[int, int], config: Config) -> dict[int, str]:
    """Cut unit → the word across its break, for the links the word bonus counted in
    (:func:`_word_bonus`), so that the join note says why."""
    words: dict[int, str] = {}
    if not config.layout_link_word:
        return words
    for k, c in links.items():
        before, after = units[k].para.rows[-1].text, units[c].para.rows[0].text
        if _word_bonus(lexicon.join_gain(before, after), config) > 0:
            word = lexicon.crossing_word(before, after)
            if word:
                words[k] = word
    return words
