"""HTML input: render a page's visible text into lines, then clean it like a dump.

The renderer emits one line per block-level element (paragraph, heading, list
item, table cell, div of text), which is the shape of the full-page text dumps
the line classifier is trained on, so one pipeline serves both inputs.
Parsing goes through lxml (trafilatura's parser); scripts, styles, comments
and hidden head elements are dropped.
"""

from __future__ import annotations

import regex
from lxml import etree, html as lxml_html

from cleaner.decode import DecodeError, decode_bytes
from cleaner.document import Line

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td th thead tfoot tr ul".split()
)
_SKIP_TAGS = frozenset("script style noscript template head title iframe object embed svg canvas select option".split())
_META_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", regex.IGNORECASE)
_SPACES = regex.compile(r"[ \t\r\n\f\v\u00a0]+")
_GB_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030"}


def decode_html(data: bytes) -> tuple[str, str]:
    """Bytes → text using the BOM, then the declared charset, then detection.

    A declared gb2312/gbk is read as GB18030 (its superset), since pages that
    declare gb2312 routinely use GBK characters.
    """
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        decoded = decode_bytes(data)
        return decoded.text, decoded.encoding
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        name = _GB_ALIASES.get(name, name)
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    decoded = decode_bytes(data)
    return decoded.text, decoded.encoding


def _render(root: etree._Element) -> list[str]:
    """Visible text, one line per block element (iterative: deep pages do not recurse)."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _SPACES.sub(" ", "".join(current)).strip()
        if text:
            lines.append(text)
        current.clear()

    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            if node.tag in _BLOCK_TAGS:
                flush()
            if node.tail:
                current.append(node.tail)
            continue
        tag = node.tag if isinstance(node.tag, str) else None
        if tag is None or tag.lower() in _SKIP_TAGS:  # comments, processing instructions, scripts
            if node.tail:
                current.append(node.tail)
            continue
        if tag in _BLOCK_TAGS:
            flush()
        if node.text:
            current.append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    flush()
    return lines


def html_lines(html: str | bytes, url: str | None = None) -> tuple[list[Line], str | None]:
    """The page's visible text as numbered lines, and the encoding it was read with."""
    encoding = None
    if isinstance(html, bytes):
        html, encoding = decode_html(html)
    if not html.strip():
        return [], encoding
    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError) as error:
        raise DecodeError(f"not parseable as HTML: {error}") from error
    return [Line(i, text) for i, text in enumerate(_render(root), start=1)], encoding
