"""Reading metadata — dates, sources, bylines, editors, datelines — from raw text.

These are pure functions over one line or one paragraph.  ``segment.py`` and
``pipeline.py`` decide *where* to look (lines near a title, the first and last
paragraph of a body); this module decides *what* a piece of text holds.

They run on RAW text, before spaces are collapsed (SPEC §5): a padded name
(``本报记者 李 贞``) is rejoined here, and stray spaces never break a match.
Full-width digits are folded to ASCII first (character for character, so
offsets into the original text stay valid).

How a whole line is judged (``read_meta_line``): fixed shapes first
(``原标题:``, ``关键词``, ``栏目:``, a photo credit alone, a dateline alone), then a
field scan: dates, URLs, page chrome and slash bylines are masked, labels
(``来源``, ``作者``, ``编辑``, …) read the value that follows them, and whatever
is left — the *residue* — must be tiny.  A body sentence that merely mentions
记者 or a date leaves a long residue and is rejected: precision over recall,
because a line wrongly taken for metadata is a line of body text lost.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from cleaner import patterns as P

MAX_META_LINE = 160
"""Longer lines are never metadata lines.  The longest date/source line in the
daniel dumps (``2012年01月17日 08:38:44 新華微博 【字號：大 中 小】【打印】…``) is ~110
characters once indentation is stripped."""

MAX_RESIDUE_CHARS = 8
"""Unexplained word characters a metadata line may carry (an unlabeled portal
name plus a name: ``腾讯科技 … 郭晓峰``).  Tuned on daniel: body sentences that
mention a date or 记者 leave 20+."""

MAX_RESIDUE_TOKENS = 2

TAIL_WINDOW = 80
"""Trailing markers and photo credits are looked for in the last 80 characters
only, so a 50 MB paragraph costs no more than a short one."""

LEAD_WINDOW = 120
"""A dateline and its byline fit in the first 120 characters of a paragraph."""

_FULLWIDTH = str.maketrans("０１２３４５６７８９：－／．", "0123456789:-/.")
_FULLWIDTH_CHAR = re.compile("[０-９：－／．]")
"""Any character :data:`_FULLWIDTH` changes (a quick test: most lines have none)."""

_RESIDUE_TOKEN = re.compile(rf"[{P.HAN}A-Za-z0-9·_\-]+")
# compiled once: an ``re`` call with an f-string pattern builds and hashes the pattern text on every call
_ALL_HAN = re.compile(rf"[{P.HAN}]+")
_OUTLET_REPORTER = re.compile(rf"^(?P<outlet>.*?)(?:{P.REPORTER})(?P<rest>.+)$")


# --- records --------------------------------------------------------------------


class MetaKind(str, Enum):
    """What a metadata line holds (compares equal to its plain string value)."""

    DATELINE_SOURCE = "dateline_source"
    BYLINE = "byline"
    EDITOR = "editor"
    ORIGINAL_TITLE = "original_title"
    KEYWORDS = "keywords"
    COLUMN = "column"
    PHOTO_CREDIT = "photo_credit"

    def __str__(self) -> str:  # reasons read "metadata line (byline)", not "(MetaKind.BYLINE)"
        return self.value


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text: its ISO value and where it sits."""

    value: str
    start: int
    end: int


@dataclass(frozen=True)
class MetaLine:
    """A line judged to be metadata, with everything it states.

    ``dateline`` is set when the line is a dateline alone (``本报讯 （记者 陈鑫）``).
    """

    kind: MetaKind
    date: str | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    original_title: str | None = None
    keywords: tuple[str, ...] = ()
    column: str | None = None
    photo_credit: bool = False
    reason: str = ""
    dateline: str | None = None


@dataclass(frozen=True)
class Lead:
    """The dateline and byline that open a paragraph; ``end`` is where they stop."""

    dateline: str | None
    source: str | None
    authors: tuple[str, ...]
    end: int


@dataclass(frozen=True)
class Trailing:
    """A paragraph with its trailing markers removed, and what they said."""

    text: str
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class TitleParts:
    """A title split into its column prefix (or None) and the title proper."""

    column: str | None
    title: str


@dataclass(frozen=True)
class PhotoCredit:
    """A photo credit ending a caption: who took it, for whom, where it starts."""

    source: str | None
    authors: tuple[str, ...]
    start: int


@dataclass(frozen=True)
class _Pieces:
    """What slash-joined byline pieces say (``聯合報╱記者陳俐君／台北報導``)."""

    source: str | None
    authors: tuple[str, ...]
    dateline: str | None


# --- dates --------------------------------------------------------------------------


def fold_digits(text: str) -> str:
    """Full-width digits and date punctuation to ASCII, one character for one.

    Patterns are written for ASCII digits; keeping the length lets match
    offsets point into the original text.

    >>> fold_digits("１月１２日電")
    '1月12日電'
    """
    if not _FULLWIDTH_CHAR.search(text):  # a regex scan is much cheaper than translate() on CJK text
        return text
    return text.translate(_FULLWIDTH)


def _iso(m: re.Match[str]) -> str | None:
    """The ISO 8601 form of a DATE match, or None if the date cannot exist."""
    year = int(m["year"]) if m["year"] else int(m["roc"]) + 1911
    month, day = int(m["m1"] or m["m2"]), int(m["d1"] or m["d2"])
    if not 1990 <= year <= 2100:
        return None
    try:
        date = _dt.date(year, month, day).isoformat()
    except ValueError:
        return None
    hour, minute, second = m["h1"] or m["h2"], m["mi1"] or m["mi2"], m["s1"] or m["s2"]
    if hour is None:
        return date
    h, mi = int(hour), int(minute)
    half = (m["half1"] or m["half2"] or "").lower().replace(".", "")
    if half in ("下午", "晚上", "pm") and h < 12:
        h += 12
    elif half in ("am", "凌晨") and h == 12:
        h = 0
    if h > 23 or mi > 59 or (second is not None and int(second) > 59):
        return date
    time = f"{h:02d}:{mi:02d}" + (f":{int(second):02d}" if second is not None else "")
    return f"{date}T{time}"


def find_dates(text: str) -> list[DateMatch]:
    """Every possible date in a text, in order (impossible ones skipped).

    >>> [d.value for d in find_dates("2011-13-01 与 2011.12.09")]
    ['2011-12-09']
    """
    found = []
    for m in P.DATE.finditer(fold_digits(text)):
        value = _iso(m)
        if value:
            found.append(DateMatch(value, m.start(), m.end()))
    return found


def find_date(text: str) -> DateMatch | None:
    """The first possible date in a text, with its position.

    >>> find_date("來源：新華網 2011-12-09 19:55:00")
    DateMatch(value='2011-12-09T19:55:00', start=7, end=26)
    """
    dates = find_dates(text)
    return dates[0] if dates else None


def parse_date(text: str) -> str | None:
    """The first date of a text in ISO 8601, as precise as the text gives it.

    Pages write dates a dozen ways (年月日, dashes, slashes, dots, full-width
    digits, 上午/下午, am/pm, 民國 years); the output field wants one.  Dates
    that cannot exist (month 13, year before 1990) are not dates.

    >>> parse_date("2025年02月15日 来源: 点击:")
    '2025-02-15'
    >>> parse_date("發佈時間：2011年12月9日 下午 3:05")
    '2011-12-09T15:05'
    """
    match = find_date(text)
    return match.value if match else None


# --- names ---------------------------------------------------------------------------


def looks_like_source_name(text: str) -> bool:
    """Whether a short line is just a publisher's name (``北京日报``, ``中國時報``).

    A bare name cannot be told from a heading on its own; the caller decides by
    position (right after a date line).

    >>> looks_like_source_name("北京日报"), looks_like_source_name("北京引导6G产业超前布局")
    (True, False)
    """
    name = text.strip()
    if name in P.WIRE_AGENCIES:
        return True
    return len(name) <= 16 and bool(P.SOURCE_NAME.match(name))


def _is_name(token: str) -> bool:
    """A plausible personal name: 2–4 Han characters, or a transliteration with ·."""
    if token in P.NOT_NAMES or looks_like_source_name(token) or P.REPORT_PLACE.search(token):
        return False
    if P.ROLE_IN_NAMES.fullmatch(token) or token.endswith(P.NOT_NAME_ENDINGS):
        return False
    if "·" in token:
        return 3 <= len(token) <= 12 and all(part and _all_han(part) for part in token.split("·"))
    return 2 <= len(token) <= 4 and _all_han(token)


def _all_han(text: str) -> bool:
    return bool(_ALL_HAN.fullmatch(text))


def _join_padded(words: list[str]) -> list[str]:
    """Rejoin single characters that letter-spacing pulled apart (``李 贞`` → ``李贞``)."""
    joined: list[str] = []
    run: list[str] = []
    for word in words + [""]:
        if len(word) == 1:
            run.append(word)
            continue
        if run:
            joined.append("".join(run))
            run = []
        if word:
            joined.append(word)
    return joined


def _name_tokens(text: str) -> list[str]:
    """Split a byline fragment (roles already cut) into candidate name tokens."""
    text = P.PHOTO_MARK.sub(" ", text)
    tokens: list[str] = []
    for part in P.NAME_SEPARATORS.split(text):
        part = P.REPORT_PLACE.sub("", part.strip(" \u3000" + P.OPEN + P.CLOSE))
        tokens.extend(_join_padded(part.split()))
    return [t.strip(P.OPEN + P.CLOSE + "：:") for t in tokens if t.strip(P.OPEN + P.CLOSE + "：:")]


def clean_names(text: str) -> tuple[str, ...]:
    """The personal names in a byline fragment, roles and outlets removed.

    Bylines mix roles (本报记者, 通讯员, 文/), outlets glued to roles
    (北京青年报记者), photo marks (鞠焕宗摄) and print padding (李 贞); the
    authors field wants the bare names.

    >>> clean_names("文/北京青年报记者 温婧")
    ('温婧',)
    >>> clean_names("新华社记者 张 龙摄")
    ('张龙',)
    >>> clean_names("记者 梁沅 通讯员 石岩")
    ('梁沅', '石岩')
    """
    text = P.ROLE_IN_NAMES.sub(" / ", fold_digits(text))
    names = [t for t in _name_tokens(text) if _is_name(t)]
    return tuple(dict.fromkeys(names))


def _only_names(text: str) -> tuple[str, ...] | None:
    """The names of a fragment if it holds nothing but roles and names, else None."""
    rest = P.ROLE_IN_NAMES.sub(" / ", fold_digits(text))
    tokens = _name_tokens(rest)
    if not tokens or not all(_is_name(t) for t in tokens):
        return None
    return tuple(dict.fromkeys(tokens))


def _only_editors(text: str) -> tuple[str, ...] | None:
    """Editor names, also accepting the Latin ids some CMSs print (``xcwang``, ``AP0018``)."""
    value = text.strip(" \u3000" + P.OPEN + P.CLOSE)
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9_.]{1,15}", value):
        return (value,)
    return _only_names(value)


def parse_keywords(text: str) -> tuple[str, ...]:
    """Keywords from a list line, split on ; ； , ， 、 and spaces, duplicates dropped.

    >>> parse_keywords("人工智能;软件业;新能源汽车")
    ('人工智能', '软件业', '新能源汽车')
    """
    words = (w.strip() for w in P.KEYWORD_SPLIT.split(text))
    return tuple(dict.fromkeys(w for w in words if w))


# --- byline pieces (聯合報╱記者陳俐君／台北報導) ------------------------------------


def _split_name_place(text: str) -> str:
    """The reporter's name in ``陳鈞凱台北``: a known place is cut, else 3 characters kept."""
    for place in sorted(P.PLACES_TW, key=len, reverse=True):
        if text.endswith(place) and len(text) - len(place) >= 2:
            return text[: -len(place)]
    return text[:3] if len(text) >= 5 else text


def _read_piece(piece: str) -> _Pieces | None:
    """What one slash-separated byline piece says, or None if it is not byline talk."""
    piece = piece.strip()
    if m := P.WIRE_REPORTER_DATELINE.match(piece):
        parts = P.NAME_SEPARATORS.split(m["rest"])
        last_name = _split_name_place(parts[-1])
        place = parts[-1][len(last_name) :]
        names = tuple(n for n in [*parts[:-1], last_name] if _is_name(n))
        return _Pieces(m["wire"], names, m["wire"] + place + piece[m.start("day") :])
    if m := P.DATELINE.match(piece):
        if m.end() == len(piece):
            return _Pieces(m["wire"], (), m["dateline"])
    if P.REPORT_PLACE.fullmatch(piece) or piece in ("即時報導", "即时报道"):
        return _Pieces(None, (), None)
    if m := _OUTLET_REPORTER.match(piece):
        name = _split_name_place(P.REPORT_PLACE.sub("", m["rest"]))
        outlet = m["outlet"] if looks_like_source_name(m["outlet"]) else None
        if _is_name(name) and (outlet or not m["outlet"]):
            return _Pieces(outlet, (name,), None)
        return None
    if looks_like_source_name(piece):
        return _Pieces(piece, (), None)
    names = P.NAME_SEPARATORS.split(piece)
    if all(_is_name(n) for n in names):
        return _Pieces(None, tuple(names), None)
    return None


def _read_pieces(text: str) -> _Pieces | None:
    """Read slash-joined byline pieces; None unless every piece is byline talk."""
    inside = text.strip().strip(P.OPEN + P.CLOSE + " ")
    source, authors, dateline = None, [], None
    for piece in re.split(rf"[{P.SLASH}]", inside):
        read = _read_piece(piece)
        if read is None:
            return None
        source = source or read.source
        authors.extend(read.authors)
        dateline = dateline or read.dateline
    if not authors and not dateline:
        return None
    return _Pieces(source, tuple(dict.fromkeys(authors)), dateline)


# --- photo credits -------------------------------------------------------------------------


# Hints: one cheap search for a character or word every match of a pattern holds, so that the
# pattern's own search (an attempt at each position) runs only on lines that hold one.  With the
# pattern rewrites in ``patterns`` (``(?:X|)`` for ``(?:X)?``, a leading lookahead on CHROME):
# 41.65 -> 40.05 Mi/doc on the daniel dumps.
_PHOTO_HINT = re.compile("[摄攝图圖]")
"""A character every :data:`P.PHOTO_CREDIT` match holds (摄/攝 ends one shape, 摄影/攝影/图/圖 labels the other)."""


def read_photo_credit(text: str) -> PhotoCredit | None:
    """The photo credit that ends a caption (or is the whole line), if any.

    Captions end with who took the picture; the name goes to ``authors`` and
    the agency to ``source``.

    >>> read_photo_credit("业园拍摄的光热电站。 新华社记者 张 龙摄")
    PhotoCredit(source='新华社', authors=('张龙',), start=11)
    """
    text = text.rstrip()
    offset = max(0, len(text) - TAIL_WINDOW)
    folded = fold_digits(text[offset:])
    if not _PHOTO_HINT.search(folded):
        return None  # every PHOTO_CREDIT match holds one of these; skips its search at each position
    m = P.PHOTO_CREDIT.search(folded)
    if not m:
        return None
    bare = m["names"] and not (m["outlet"] or m["role"] or m["open"] or m["gap"])
    if bare:  # 他喜欢摄影 is a sentence; 鐘武達攝 needs brackets, a role or a gap
        return None
    names = _only_names(m["names"] or m["names2"])
    if not names:
        return None
    outlet = m["outlet"]
    source = outlet if outlet and outlet not in ("本报", "本報") else None
    start = m.start("credit")
    return PhotoCredit(source, names, offset + start + len(folded[start:]) - len(folded[start:].lstrip()))


# --- whole lines -----------------------------------------------------------------------


def read_meta_line(text: str) -> MetaLine | None:
    """Whether a whole line is metadata, and what it states.

    Metadata lines are short and dominated by labels, names and dates; a body
    sentence that merely mentions 记者 or a date is not one (None).

    >>> m = read_meta_line("来源:南方网  日期:2012/1/9 10:31:05   浏览次数:    我要收藏")
    >>> m.kind.value, m.source, m.date
    ('dateline_source', '南方网', '2012-01-09T10:31:05')
    >>> read_meta_line("本报记者 李 贞").authors
    ('李贞',)
    >>> read_meta_line("北京青年报记者从“互联网信息服务算法备案系统”中看到，2024年4月，…") is None
    True
    """
    line = text.strip(" \t\u3000\r\n")
    if not line or len(line) > MAX_META_LINE:
        return None
    line = fold_digits(line)
    if not P.META_HINT.search(line):
        return None  # most lines near a story: no reader below could accept it (P.META_HINT)
    return _read_whole_line(line)


@lru_cache(maxsize=2048)
def _read_whole_line(line: str) -> MetaLine | None:
    """The readers of :func:`read_meta_line`, fixed shapes first, on a stripped, folded line.

    Memoized: the pipeline asks about the same few lines of a page several times
    (``revise`` marks them, ``fields`` reads them, title rules check them), ~55 µs a
    scan; the answer depends on the text alone and a :class:`MetaLine` is immutable.
    """
    for reader in (_original_title_line, _keywords_line, _column_line, _photo_credit_line, _lead_line):
        meta = reader(line)
        if meta:
            return meta
    return _field_line(line)


def _original_title_line(line: str) -> MetaLine | None:
    m = P.ORIGINAL_TITLE.match(line)
    if not m:
        return None
    return MetaLine(MetaKind.ORIGINAL_TITLE, original_title=m["title"], reason="原标题 label")


def _keywords_line(line: str) -> MetaLine | None:
    m = P.KEYWORDS.match(line)
    if not m or m["bare"]:
        return None
    words = parse_keywords(m["list"] or "")
    if any(len(w) > 20 or re.search(r"[。！？]", w) for w in words):
        return None
    reason = "keyword list" if words else "keyword header (list follows)"
    return MetaLine(MetaKind.KEYWORDS, keywords=words, reason=reason)


def _column_line(line: str) -> MetaLine | None:
    m = P.COLUMN_FIELD.match(line)
    return MetaLine(MetaKind.COLUMN, column=m["column"], reason="column label") if m else None


def _photo_credit_line(line: str) -> MetaLine | None:
    credit = read_photo_credit(line)
    if not credit or credit.start != 0:
        return None
    return MetaLine(
        MetaKind.PHOTO_CREDIT, source=credit.source, authors=credit.authors, photo_credit=True,
        reason="photo credit alone",
    )


def _lead_line(line: str) -> MetaLine | None:
    """A dateline standing alone on its line (``本报讯 （记者 陈鑫）``)."""
    lead = read_lead(line)
    if not lead or line[lead.end :].strip():
        return None
    kind = MetaKind.BYLINE if lead.authors else MetaKind.DATELINE_SOURCE
    return MetaLine(kind, source=lead.source, authors=lead.authors, dateline=lead.dateline, reason="dateline alone")


_URL_HINT = re.compile(r"[./]")
"""A character every :data:`P.URL` match holds (``://``, ``www.``, a dot before the domain)."""

_BYLINE_HINT = re.compile(rf"[{P.SLASH}【\[]")
"""A character every :data:`P.BYLINE_PIECES` match holds (a slash between pieces, or the bracket of one)."""

_LABEL_HINT = re.compile(P.alternation(
    P.EDITOR_ROLES + P.SOURCE_LABELS + P.DATE_LABELS + P.COLUMN_LABELS + P.KEYWORD_LABELS
    + P.REPORTER_ROLES + P.OTHER_ROLES + P.SLASH_ROLES
))
"""A word every :data:`P.LABEL` match holds: the label of each of its groups (an outlet before a role is optional)."""


@dataclass
class _Scan:
    """Mutable working state of one field scan (private to ``_field_line``)."""

    masked: str
    date: str | None = None
    source: str | None = None
    dateline: str | None = None
    column: str | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    fields: int = 0

    def mask(self, start: int, end: int) -> None:
        self.masked = self.masked[:start] + " " * (end - start) + self.masked[end:]


def _field_line(line: str) -> MetaLine | None:
    """The field scan: mask what is understood, then judge by what is left."""
    scan = _Scan(line)
    _mask_dates(scan)
    if _URL_HINT.search(scan.masked):  # lines without one: URL's search at each position skipped
        for m in P.URL.finditer(scan.masked):
            scan.mask(m.start(), m.end())
    for m in P.CHROME.finditer(scan.masked):
        scan.mask(m.start(), m.end())
    _mask_byline_pieces(scan)
    _read_labels(scan)
    if not (scan.date or scan.fields):
        return None  # decided before the residue scan below, which only matters for a line with a date or field
    residue = _RESIDUE_TOKEN.findall(scan.masked)
    unknown = [t for t in residue if not t.isdigit()]
    if scan.source is None:
        sources = [t for t in unknown if looks_like_source_name(t)]
        if sources:
            scan.source = sources[0]
            unknown = [t for t in unknown if t != sources[0]]
    if len(unknown) > MAX_RESIDUE_TOKENS or sum(map(len, unknown)) > MAX_RESIDUE_CHARS:
        return None
    return _meta_from_scan(scan, unknown)


def _mask_dates(scan: _Scan) -> None:
    for match in find_dates(scan.masked):
        scan.date = scan.date or match.value
        scan.mask(match.start, match.end)


def _mask_byline_pieces(scan: _Scan) -> None:
    if not _BYLINE_HINT.search(scan.masked):
        return  # most lines: BYLINE_PIECES's search at each position skipped
    for m in P.BYLINE_PIECES.finditer(scan.masked):
        pieces = _read_pieces(m.group())
        if pieces is None:
            continue
        scan.source = scan.source or pieces.source
        scan.authors += tuple(a for a in pieces.authors if a not in scan.authors)
        scan.dateline = scan.dateline or pieces.dateline
        scan.fields += 1
        scan.mask(m.start(), m.end())


_VALUE_END = re.compile(rf"\s{{2,}}|[|｜{P.OPEN}{P.CLOSE}]")
_SOURCE_VALUE = re.compile(
    rf"""\s* 《? (?P<value> [A-Za-z][A-Za-z.&'-]*(?:\ [A-Za-z][A-Za-z.&'-]*)*
                        | [^\s|｜,，。;；:：、《》{P.OPEN}{P.CLOSE}]{{1,20}} ) 》?
        (?: \s* [(（] [^)）]{{1,8}} [)）] )?
        (?= \s | $ | [|｜{P.OPEN}{P.CLOSE}] )""",
    re.VERBOSE,
)


def _read_labels(scan: _Scan) -> None:
    """Read the value after each label; valid fields are masked, invalid ones left as residue."""
    if not _LABEL_HINT.search(scan.masked):
        return  # about half the lines: LABEL's search at each position skipped
    labels = list(P.LABEL.finditer(scan.masked))
    for i, m in enumerate(labels):
        region_end = labels[i + 1].start() if i + 1 < len(labels) else len(scan.masked)
        region = scan.masked[m.end() : region_end]
        used = _read_field(scan, m.lastgroup or "", region)
        if used is not None:
            scan.fields += 1
            scan.mask(m.start(), m.end() + used)


def _read_field(scan: _Scan, kind: str, region: str) -> int | None:
    """Store one field's value; return how many characters of ``region`` it used (None = invalid)."""
    if kind in ("source", "column"):
        m = _SOURCE_VALUE.match(region)
        if not m or not region[: m.start("value")].strip() == "":
            return 0 if kind == "source" else None
        value = m["value"].strip("：:，,。")
        if kind == "column":
            scan.column = scan.column or value
        elif value and value not in P.NOT_NAMES:
            scan.source = scan.source or value
        return m.end()
    if kind == "datelabel":
        return 0
    if kind == "keywords":
        end = _VALUE_END.search(region)
        value = region[: end.start()] if end else region
        scan.keywords += parse_keywords(value)
        return len(value)
    end = _VALUE_END.search(region)
    value = region[: end.start()] if end else region
    if not value.strip():
        return 0
    names = _only_editors(value) if kind == "editor" else _only_names(value)
    if names is None:
        return None
    if kind == "editor":
        scan.editors += tuple(n for n in names if n not in scan.editors)
    else:
        scan.authors += tuple(n for n in names if n not in scan.authors)
    return len(value)


def _meta_from_scan(scan: _Scan, unknown: list[str]) -> MetaLine:
    if scan.date or scan.source or scan.dateline:
        kind = MetaKind.DATELINE_SOURCE
    elif scan.authors:
        kind = MetaKind.BYLINE
    elif scan.editors:
        kind = MetaKind.EDITOR
    elif scan.column:
        kind = MetaKind.COLUMN
    else:
        kind = MetaKind.DATELINE_SOURCE
    reason = f"{scan.fields} field(s)" + (" + date" if scan.date else "")
    if unknown:
        reason += f"; residue {' '.join(unknown)}"
    return MetaLine(
        kind, date=scan.date, source=scan.source, authors=scan.authors, editors=scan.editors,
        column=scan.column, keywords=scan.keywords, reason=reason, dateline=scan.dateline,
    )


# --- paragraph leads --------------------------------------------------------------------


def read_lead(text: str) -> Lead | None:
    """The dateline and byline that open a body paragraph, if it opens with one.

    Wire stories start ``新华社北京12月9日电（记者 XX）``; the paragraph stays in the
    body, but its dateline, agency and reporters belong in the metadata.

    >>> read_lead("中新社北京2月14日电 (王梦瑶)DeepSeek带火了…")
    Lead(dateline='中新社北京2月14日电', source='中新社', authors=('王梦瑶',), end=17)
    >>> read_lead("据新华社电 （记者陶方伟、叶平凡） 日前，…").authors
    ('陶方伟', '叶平凡')
    """
    folded = fold_digits(text[:LEAD_WINDOW])
    m = P.DATELINE.match(folded)
    if m:
        source = m["wire"] or (m["outlet"] if m["outlet"] and looks_like_source_name(m["outlet"]) else None)
        if m["outlet"] and not source:
            return None
        authors, end = _lead_byline(folded, m.end())
        return Lead(_squeeze(m["dateline"]), source, authors, end)
    return _bracket_lead(folded)


def _squeeze(text: str) -> str:
    """Drop the stray spaces of print layout inside a dateline (``2 月 14 日``)."""
    return re.sub(r"\s+", "", text)


def _lead_byline(text: str, start: int) -> tuple[tuple[str, ...], int]:
    """The byline right after a dateline: its names and where it ends."""
    m = P.LEAD_BYLINE.match(text, start)
    if not m:
        return (), start
    names = _only_names(m["paren"] or m["bare"])
    if not names:
        return (), start
    return names, m.end()


def _bracket_lead(text: str) -> Lead | None:
    """A lead wholly in brackets: ``(中央社記者陳鈞凱台北9日電)``."""
    m = P.BRACKET_LEAD.match(text)
    if not m:
        return None
    pieces = _read_pieces(m["inside"])
    if pieces is None or not pieces.dateline:
        return None
    return Lead(pieces.dateline, pieces.source or _wire_of(pieces.dateline), pieces.authors, m.end())


def _wire_of(dateline: str) -> str | None:
    m = re.match(P.WIRE, dateline)
    return m.group() if m else None


# --- paragraph ends (SPEC §4.7) ----------------------------------------------------------


def strip_trailing_markers(text: str) -> Trailing:
    """Remove ``(完)`` and a trailing ``(曹政)`` author tag or ``(责任编辑：XX)``.

    These markers are not text (SPEC §4.7); the names move to metadata.
    Parentheses that belong to the sentence (``(人民币，下同)``) stay.

    >>> strip_trailing_markers("支持规模与支持力度不断加码。(曹政)")
    Trailing(text='支持规模与支持力度不断加码。', authors=('曹政',), editors=(), removed=('(曹政)',))
    """
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    removed: list[str] = []
    while True:
        cut = max(0, len(text) - TAIL_WINDOW)
        if m := P.END_MARK.search(text, cut):
            removed.insert(0, m.group().strip())
            text = text[: m.start()].rstrip()
            continue
        tag = _trailing_tag(text)
        if tag is None:
            break
        start, names, is_editor = tag
        removed.insert(0, text[start:].strip())
        text = text[:start].rstrip()
        if is_editor:
            editors = names + editors
        else:
            authors = names + authors
    return Trailing(text, authors, editors, tuple(removed))


def _trailing_tag(text: str) -> tuple[int, tuple[str, ...], bool] | None:
    """The start, names and editor-ness of a trailing (name) tag, or None."""
    m = P.TRAILING_TAG.search(text, max(0, len(text) - TAIL_WINDOW))
    if not m:
        return None
    start = m.start() + 1
    inside = fold_digits(m["inside"])
    if ed := P.EDITOR_TAG.match(inside):
        names = _only_editors(ed["names"])
        return (start, names, True) if names else None
    if m["before"] not in P.SENTENCE_END and not text[: m.start() + 1].rstrip().endswith(tuple(P.SENTENCE_END)):
        return None
    names = _only_names(inside)
    if not names or len(re.sub(r"\W", "", inside)) > 16:
        return None
    return start, names, False


# --- titles --------------------------------------------------------------------------------


def split_column(title: str) -> TitleParts:
    """Split a column prefix off a title: ``(经济观察)中国多地…`` → column 经济观察.

    Sites prefix titles with their column in brackets or before 丨; the title
    field wants the title alone.  Media tags (``【组图】``) are not columns.

    >>> split_column("(经济观察)中国多地竞相打造“人工智能之城”")
    TitleParts(column='经济观察', title='中国多地竞相打造“人工智能之城”')
    """
    m = P.COLUMN_PREFIX.match(title)
    if not m:
        return TitleParts(None, title)
    column = m["column"] or m["column2"]
    if column in P.MEDIA_TAGS or len(column) < 2 or column.isdigit():
        return TitleParts(None, title)
    return TitleParts(column, m["title"])
