"""HTML input: decode the bytes, render the visible text into lines that carry DOM evidence.

The renderer emits one line per block-level element (paragraph, heading, list
item, table cell, div of text) — the shape of the full-page text dumps the
pipeline reads — and, beside each line, what the DOM says about it
(:class:`Evidence`): the block tag, how much of the line is link text, its
depth, class/id words of its ancestors (content, comment, nav, footer …) and
which containers it sits in.  :mod:`cleaner.html_model` turns that evidence
into features; :func:`cleaner.pipeline.clean_html` then runs the same stages as
for text input.

Parsing goes through lxml (trafilatura's parser); scripts, styles, comments,
forms' option lists and ``display:none`` elements are dropped.  The walk is
iterative, so a page nested 10,000 levels deep does not recurse.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex
from lxml import etree, html as lxml_html

from cleaner.decode import DecodeError, decode_bytes
from cleaner.document import Line

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td th thead tfoot tr ul center".split()
)
_SKIP_TAGS = frozenset("script style noscript template head title iframe object embed svg canvas select option textarea button".split())
_META_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", regex.IGNORECASE)
_XML_ENCODING = regex.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", regex.IGNORECASE)
_SPACES = regex.compile(r"[ \t\r\n\f\v\u00a0]+")
_HIDDEN = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)
_GB_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030", "gb_2312": "gb18030"}
_BIG5_ALIASES = {"big5": "big5hkscs", "big5-hkscs": "big5hkscs", "x-x-big5": "big5hkscs"}

MAX_HTML_CHARS = 2_000_000
"""Longer pages are cut here before parsing (recorded in ``Page.truncated``).  News
pages are 20–300 kB on daniel (largest 0.9 MB); a 20 MB page would take ~10 s to
render and ~20 s more in the metadata readers — a crawler must not stall on one."""
MAX_LINES = 3000
"""At most this many rendered lines are cleaned (daniel's longest page renders 482);
the rest of a page is dropped and counted in ``Page.lines_cut``."""
DEEP = 250
"""libxml2's HTML parser drops everything below depth 256 (``huge_tree`` does not lift
it): a page this deep is re-read by the flat tag stripper when that finds more text."""
MAX_CLASS_CHARS = 200
"""Only this much of a class/id attribute is read (generated pages carry kilobytes)."""

# Class/id words (and semantic tags) that hint at what a container holds.  Each
# group is one bit of Evidence.near / Evidence.inherited; the names are the
# model's feature names (html_model.HINTS).
HINT_PATTERNS: tuple[tuple[str, regex.Pattern], ...] = (
    ("content", regex.compile(r"content|article|artic|text|main|detail|story|post|entry|body|zw|cont|endtext|newstext|txt")),
    ("title", regex.compile(r"title|headline|tit\b|biaoti|hd\b|^h1")),
    ("info", regex.compile(r"info|time|date|source|author|editor|byline|meta|pubtime|from")),
    ("comment", regex.compile(r"comment|reply|discuss|pinglun|review|talk|\bpl|forum|bbs|message")),
    ("nav", regex.compile(r"nav|menu|crumb|channel|header|\bhead|top|logo|search|login|guide|position|location|path|\bdh")),
    ("footer", regex.compile(r"foot|bottom|copyright|\bcopy|\bbt\b|about|contact")),
    ("side", regex.compile(r"side|right|\bleft|aside|relat|\bxg|hot|rank|recommend|tuijian|\blist|more|links?\b|tj|\bph|extend|other")),
    ("ad", regex.compile(r"\bads?\b|ad_|_ad|advert|banner|\bgg|sponsor|promo|adv|guanggao")),
    ("share", regex.compile(r"share|fenxiang|bdshare|jiathis|tool|print|font|fav|digg|vote|mood")),
    ("page", regex.compile(r"page|pager|pagination|fanye")),
)
_TAG_HINTS = {"nav": "nav", "footer": "footer", "aside": "side", "header": "nav", "article": "content", "main": "content",
              "h1": "title", "time": "info", "form": "nav"}
HINT_BITS = {name: 1 << i for i, (name, _) in enumerate(HINT_PATTERNS)}


@dataclass(frozen=True)
class Evidence:
    """What the DOM says about one rendered line (see the module docstring).

    ``containers`` holds ids of the line's block element and of its nearest
    ancestors (innermost first, up to :data:`CONTAINER_LEVELS`): lines sharing an
    id share a container, which is how a page's main text block is found.
    """

    tag: str
    depth: int
    link_chars: int
    chars: int
    near: int  # hint bits of the block element and its parent
    inherited: int  # hint bits of every ancestor
    containers: tuple[int, ...] = ()
    in_list: bool = False
    in_table: bool = False


CONTAINER_LEVELS = 5


@dataclass
class Page:
    """A rendered page: its lines, their evidence, and what the ``<head>`` declares."""

    lines: list[Line]
    evidence: list[Evidence]
    encoding: str | None
    tree: object | None = None  # the lxml document (for metadata readers)
    head_title: str | None = None
    h1: list[str] = field(default_factory=list)
    truncated: int = 0  # characters cut off the end of an over-long page
    flat: bool = False  # read by the flat tag stripper (the DOM was too deep for lxml)
    lines_cut: int = 0  # rendered lines dropped beyond MAX_LINES
    size: int = 0  # characters of HTML parsed


def decode_html(data: bytes) -> tuple[str, str]:
    """Bytes → text using the BOM, then the declared charset, then detection.

    A declared gb2312/gbk is read as GB18030 (its superset), since pages that
    declare gb2312 routinely use GBK characters; Big5 as Big5-HKSCS likewise.

    >>> decode_html('<meta charset="gb2312"><p>镕</p>'.encode("gb18030"))[1]
    'gb18030'
    """
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        decoded = decode_bytes(data)
        return decoded.text, decoded.encoding
    head = data[:8192]
    declared = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        name = _GB_ALIASES.get(name, _BIG5_ALIASES.get(name, name))
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    decoded = decode_bytes(data)
    return decoded.text, decoded.encoding


def _hints(tag: str, attrs: str) -> int:
    bits = HINT_BITS[_TAG_HINTS[tag]] if tag in _TAG_HINTS else 0
    if attrs:
        for name, pattern in HINT_PATTERNS:
            if pattern.search(attrs):
                bits |= HINT_BITS[name]
    return bits


@dataclass
class _Open:
    """An element on the walk's stack of open elements."""

    id: int
    tag: str
    depth: int
    hints: int
    inherited: int
    link: bool
    list_: bool
    table: bool


def _render(root: etree._Element) -> tuple[list[str], list[Evidence], int]:
    """Visible text, one line per block element, with its evidence, and the tree's
    depth (iterative walk)."""
    lines: list[str] = []
    evidence: list[Evidence] = []
    parts: list[str] = []
    link_parts: list[str] = []
    opened: list[_Open] = []
    blocks: list[int] = []  # indices into ``opened`` of the open block elements

    def flush() -> None:
        text = _SPACES.sub(" ", "".join(parts)).strip()
        if text:
            block = opened[blocks[-1]] if blocks else (opened[-1] if opened else None)
            chars = len(text.replace(" ", ""))
            link = min(chars, len("".join(link_parts).replace(" ", "").replace("\n", "").replace("\t", "")))
            if block is None:
                evidence.append(Evidence("?", 0, link, chars, 0, 0))
            else:
                at = blocks[-1] if blocks else len(opened) - 1
                parent = opened[at - 1] if at > 0 else None
                chain = tuple(o.id for o in opened[max(0, at - CONTAINER_LEVELS + 1): at + 1][::-1])
                evidence.append(
                    Evidence(block.tag, block.depth, link, chars, block.hints | (parent.hints if parent else 0),
                             block.inherited, chain, block.list_, block.table)
                )
            lines.append(text)
        parts.clear()
        link_parts.clear()

    def add(text: str, in_link: bool) -> None:
        parts.append(text)
        if in_link:
            link_parts.append(text.strip())

    counter = deepest = 0
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            state = opened[-1]
            if state.tag in _BLOCK_TAGS:
                flush()
                blocks.pop()
            opened.pop()
            if node.tail:
                add(node.tail, bool(opened) and opened[-1].link)
            continue
        tag = node.tag.lower() if isinstance(node.tag, str) else None
        hidden = tag is not None and _HIDDEN.search(node.get("style") or "") is not None
        if tag is None or tag in _SKIP_TAGS or hidden:  # comments, processing instructions, scripts
            if node.tail:
                add(node.tail, bool(opened) and opened[-1].link)
            continue
        if tag in _BLOCK_TAGS:
            flush()
        parent = opened[-1] if opened else None
        attrs = ((node.get("class") or "") + " " + (node.get("id") or ""))[:MAX_CLASS_CHARS].lower().strip()
        own = _hints(tag, attrs)
        counter += 1
        state = _Open(
            counter, tag, len(opened), own, own | (parent.inherited if parent else 0),
            tag == "a" or bool(parent and parent.link),
            tag in ("li", "ul", "ol", "dl", "dd", "dt") or bool(parent and parent.list_),
            tag in ("td", "th", "table") or bool(parent and parent.table),
        )
        opened.append(state)
        deepest = max(deepest, state.depth)
        if tag in _BLOCK_TAGS:
            blocks.append(len(opened) - 1)
        if node.text:
            add(node.text, state.link)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    flush()
    return lines, evidence, deepest


_FLAT_DROP = regex.compile(r"<(script|style|noscript|template|head|title|textarea)\b.*?</\1\s*>|<!--.*?-->", regex.I | regex.S)
_FLAT_BREAK = regex.compile(r"<(?:/?(?:%s)\b)[^>]*>" % "|".join(sorted(_BLOCK_TAGS)), regex.I)
_FLAT_TAG = regex.compile(r"<[^>]*>")


def _render_flat(html: str) -> list[str]:
    """Visible text by tag stripping: a line break at every block tag.

    The fallback for trees libxml2 cannot hold (nesting deeper than 256).

    >>> _render_flat("<div><div><p>甲&amp;乙</p><script>x()</script>丙</div></div>")
    ['甲&乙', '丙']
    """
    import html as html_lib

    text = _FLAT_BREAK.sub("\n", _FLAT_DROP.sub(" ", html))
    text = html_lib.unescape(_FLAT_TAG.sub("", text))
    return [line for line in (_SPACES.sub(" ", part).strip() for part in text.split("\n")) if line]


def _head(root: etree._Element) -> tuple[str | None, list[str]]:
    """The ``<title>`` text and the texts of the ``<h1>`` elements."""
    title = None
    for element in root.iter("title"):
        title = _SPACES.sub(" ", element.text_content() or "").strip() or None
        break
    h1 = []
    for element in root.iter("h1"):
        text = _SPACES.sub(" ", element.text_content() or "").strip()
        if text:
            h1.append(text)
        if len(h1) >= 5:
            break
    return title, h1


def _parse(html: str) -> etree._Element | None:
    try:
        return lxml_html.document_fromstring(html)
    except etree.ParserError:
        return None  # "Document is empty": no element at all
    except ValueError as error:  # e.g. an XML declaration in a str
        if "encoding declaration" in str(error):
            return lxml_html.document_fromstring(html.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
        raise DecodeError(f"not parseable as HTML: {error}") from error


def render_page(html: str | bytes, url: str | None = None) -> Page:
    """Decode, parse and render a page (raises DecodeError for binary data)."""
    encoding = None
    if isinstance(html, bytes):
        html, encoding = decode_html(html)
    truncated = max(0, len(html) - MAX_HTML_CHARS)
    if truncated:
        html = html[:MAX_HTML_CHARS]
    if "\x00" in html:
        html = html.replace("\x00", "")
    if not html.strip():
        return Page([], [], encoding, truncated=truncated)
    root = _parse(html)
    texts, evidence, deepest = _render(root) if root is not None else ([], [], DEEP)
    flat = False
    if deepest >= DEEP:
        flat_texts = _render_flat(html)
        if sum(map(len, flat_texts)) > 1.2 * sum(map(len, texts)):
            texts, evidence, flat = flat_texts, [Evidence("?", 0, 0, len(t), 0, 0) for t in flat_texts], True
    title, h1 = _head(root) if root is not None else (None, [])
    lines_cut = max(0, len(texts) - MAX_LINES)
    lines = [Line(i, text) for i, text in enumerate(texts[:MAX_LINES], start=1)]
    return Page(lines, evidence[:MAX_LINES], encoding, root, title, h1, truncated, flat, lines_cut, len(html))


def html_lines(html: str | bytes, url: str | None = None) -> tuple[list[Line], str | None]:
    """The page's visible text as numbered lines, and the encoding it was read with."""
    page = render_page(html, url)
    return page.lines, page.encoding
