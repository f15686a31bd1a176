"""Rule-based line labels for web text dumps: the fallback when no model is used.

How it works (in the spirit of jusText and body-text extraction):

1. Each line gets a *kind* from its own shape: ``text`` (long enough and
   punctuated like prose), ``short``, ``list`` (navigation or link-list marker,
   column gaps), ``chrome`` (site furniture vocabulary: copyright, share,
   login…), or ``stop`` (a header that opens a related-articles or comments
   block).
2. Each kind gets a weight (text: +its length; everything else negative) and
   the main text is the contiguous run of lines with the largest total weight
   (maximum-sum subarray).  Short lines inside that run (subheadings, a
   speaker's name before a quote) survive because the prose around them
   outweighs them; navigation runs do not.
   A header that opens related articles or comments ends the run outright.
3. Inside the run, prose and short lines are ``body``; outside, everything is
   ``other``, except the title, chosen among the short lines just above the
   run by repetition on the page and word overlap with the body.

The output space is the trained classifier's (body / title / other), so
``revise.py`` applies the same context rules to both.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

import regex

from cleaner import metadata
from cleaner.config import DEFAULT, Config
from cleaner.document import Block, Label
from cleaner.metrics import bigram_set


class Kind(str, Enum):
    TEXT = "text"
    SHORT = "short"
    LIST = "list"
    CHROME = "chrome"
    STOP = "stop"


@dataclass(frozen=True, init=False)
class Guess:
    """A label for one block with the reason and (for the model) its probability."""

    label: Label
    reason: str
    probability: float | None = None

    def __init__(self, label: Label, reason: str, probability: float | None = None) -> None:
        # one per block: the frozen dataclass's own __init__ costs twice this (see cleaner.document.Line)
        self.__dict__.update(label=label, reason=reason, probability=probability)


# Site furniture: words that, on a short line, mark it as chrome on any site.
CHROME_WORDS = (
    "版权所有", "版權所有", "copyright", "all rights reserved", "ICP",
    "许可证", "許可證", "联系我们", "聯繫我們", "关于我们", "關於我們", "网站地图", "網站地圖",
    "广告服务", "廣告服務", "免责声明", "免責聲明", "隐私", "隱私", "登录", "登錄", "登入",
    "注册", "註冊", "分享到", "分享：", "分享:", "一键分享", "收藏", "打印", "列印", "关闭窗口",
    "關閉視窗", "字号", "字號", "返回顶部", "返回頁首", "返回首页", "上一篇", "下一篇", "上一頁",
    "下一页", "下一頁", "我要评论", "發表評論", "发表评论", "网友评论", "網友評論", "扫描二维码",
    "二维码", "微信号", "客户端", "订阅", "訂閱", "投稿", "纠错", "糾錯", "点击查看", "點擊查看",
    "您现在的位置", "您的位置", "当前位置", "當前位置", "首页 >", "首頁 >", "加入收藏",
    "设为首页", "設為首頁", "手机看新闻", "手機看新聞", "热门排行", "熱門排行", "点击排行",
)
# Headers that open a block of other articles or comments: the story is over.
STOP_HEADERS = (
    "相关文章", "相關文章", "相关新闻", "相關新聞", "相关阅读", "相關閱讀", "延伸阅读", "延伸閱讀",
    "推荐阅读", "推薦閱讀", "相关链接", "相關連結", "相关报道", "相關報導", "热点推荐", "精彩推荐",
    "更多相关", "更多資訊", "更多资讯", "友情链接", "友情鏈接", "网友评论", "網友評論", "热门评论",
)
_CHROME = regex.compile("|".join(regex.escape(w) for w in CHROME_WORDS), regex.IGNORECASE)
_STOP = regex.compile(r"^\W*(?:" + "|".join(regex.escape(w) for w in STOP_HEADERS) + r")")
_LIST_MARK = regex.compile(r"^\s*(?:[*•·●◆■□▪►>»|\-]|>>|\[\s*\]|\d{1,2}[.、]\s*\S{0,20}$)")
_SEPARATORS = regex.compile(r"\s[|｜/]\s|\s{3,}")
_WORD_RUN = regex.compile(r"(?:^|\s)[^\s，。；！？,;!?]{1,6}(?=\s|$)")  # a menu item between spaces
_CODE = regex.compile(r"<\s*/?\s*(?:script|iframe|div|a|img)\b|javascript:|\bsrc\s*=|document\.write", regex.IGNORECASE)
_NOT_CONTENT = regex.compile(r"[^\p{Han}\p{L}\p{N}]+")
"""All but letters, Han characters and digits: deleting it keeps the content in one string,
~2.5x cheaper than a ``findall`` of the content's one-character strings."""
_PROSE_PUNCT = regex.compile(r"[，。；！？、：,;!?]")
_SENTENCE_END = regex.compile(r"[。！？!?…」』”\"）)]\s*$")


_EXACT_UP_TO = 2000
"""Characters counted exactly; beyond that the count is extrapolated (a 50 MB
single-line input must not cost a list of 50 million matches)."""


def content_length(text: str) -> int:
    """Letters, Han characters and digits: what a reader counts as text.

    >>> content_length("2024年，北京 AI")
    9
    """
    if len(text) <= _EXACT_UP_TO:
        return len(_NOT_CONTENT.sub("", text))
    return len(_NOT_CONTENT.sub("", text[:_EXACT_UP_TO])) * len(text) // _EXACT_UP_TO


def line_kind(text: str, config: Config = DEFAULT) -> tuple[Kind, str]:
    """The kind of one line from its own shape, and why.

    >>> line_kind("版权所有 © 2011 新华网")[0].value
    'chrome'
    >>> line_kind("  * 广州塔奥的斯电梯急停")[0].value
    'list'
    >>> line_kind("今年以来，DeepSeek持续火爆，“万事万物问AI”成为年轻人的生活方式。")[0].value
    'text'
    """
    stripped = text.strip()
    n = content_length(stripped)
    if n <= config.stop_max_chars and _STOP.search(stripped):
        return Kind.STOP, "opens a related-articles or comments block"
    prose = len(_PROSE_PUNCT.findall(stripped))
    is_prose = n >= config.text_min_chars and (prose >= 1 or n >= config.text_unpunctuated_chars)
    if _CODE.search(stripped):
        return Kind.CHROME, "markup or script code"
    chrome = _CHROME.findall(stripped)
    if chrome and (not is_prose or n < config.chrome_max_chars or len(set(chrome)) >= 2):
        return Kind.CHROME, f"site furniture word {chrome[0]!r}"
    if _LIST_MARK.match(text) and not (is_prose and _SENTENCE_END.search(stripped)):
        return Kind.LIST, "list or navigation marker"
    if len(_SEPARATORS.findall(stripped)) >= 2:
        return Kind.LIST, "menu separators or column gaps"
    if len(_WORD_RUN.findall(stripped)) >= config.menu_min_items and prose <= 1:
        return Kind.LIST, "a row of short menu items"
    if is_prose:
        return Kind.TEXT, "prose"
    return Kind.SHORT, "short line"


def _weight(kind: Kind, text: str, config: Config) -> float:
    if kind is Kind.TEXT:
        return float(content_length(text))
    if kind is Kind.SHORT:
        return -config.short_penalty
    if kind is Kind.LIST:
        return -max(config.list_penalty, content_length(text))
    if kind is Kind.CHROME:
        return -config.chrome_penalty
    return -math.inf  # a related-articles header: the main run never crosses it


def main_run(weights: Sequence[float]) -> tuple[int, int] | None:
    """Indices (first, last) of the contiguous run with the largest positive sum.

    >>> main_run([-5, 3, 4, -1, 6, -20, 8])
    (1, 4)
    >>> main_run([-1, -2]) is None
    True
    """
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += w
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def core_text(text: str) -> str:
    """The letters, Han characters and digits of a text, nothing else."""
    return _NOT_CONTENT.sub("", text)


def headline_score(shared: float, copies: int, distance: int, config: Config) -> float:
    """How much a short line above the body looks like its headline: the share of its
    character pairs found in the body start, its copies elsewhere on the page (at most
    2 count), and the lines between it and the body.  Used by :func:`pick_title` and by
    ``revise.pick_headline`` (the same evidence after the model)."""
    return (config.headline_shared_weight * shared + config.headline_copy_weight * min(copies, 2)
            - config.headline_distance_cost * distance)


def _title_score(core: str, index: int, start: int, texts: Sequence[str], body_bigrams: set[str], config: Config) -> float:
    grams = bigram_set(core)
    overlap = len(grams & body_bigrams) / len(grams) if grams else 0.0
    repeated = sum(1 for j, other in enumerate(texts) if j != index and core and core in other)
    return headline_score(overlap, repeated, start - index, config)


def pick_title(texts: Sequence[str], kinds: Sequence[Kind], start: int, end: int, config: Config) -> int | None:
    """Index of the headline among the short lines just above the main run."""
    body = ""
    for i in range(start, end + 1):
        body += core_text(texts[i][: config.title_body_window])
        if len(body) >= config.title_body_window:
            break
    body_bigrams = bigram_set(body[: config.title_body_window])
    best, best_index = config.title_min_score, None
    for i in range(max(0, start - config.title_lookback), start):
        if len(texts[i]) > 3 * config.title_max_chars:
            continue
        core = core_text(texts[i])
        if kinds[i] not in (Kind.SHORT, Kind.TEXT) or not config.title_min_chars <= len(core) <= config.title_max_chars:
            continue
        if regex.search(r"[。，；]", texts[i]) or metadata.read_meta_line(texts[i]) is not None:
            continue
        score = _title_score(core, i, start, texts, body_bigrams, config)
        if score > best:
            best, best_index = score, i
    return best_index


def guess_lines(blocks: Sequence[Block], config: Config = DEFAULT) -> list[Guess]:
    """Label every block body / title / other with the rules above."""
    texts = [b.text for b in blocks]
    kinds_reasons = [line_kind(t, config) for t in texts]
    kinds = [k for k, _ in kinds_reasons]
    span = main_run([_weight(k, t, config) for k, t in zip(kinds, texts)])
    if span is None:
        return [Guess(Label.OTHER, f"{k.value}: {r}; no run of prose on the page") for k, r in kinds_reasons]
    start, end = span
    title = pick_title(texts, kinds, start, end, config)
    title_core = core_text(texts[title]) if title is not None else None
    guesses = []
    for i, (kind, reason) in enumerate(kinds_reasons):
        if start <= i <= end and kind in (Kind.TEXT, Kind.SHORT):
            guesses.append(Guess(Label.BODY, f"{kind.value} inside the main run of prose"))
        elif title_core and i < start and len(title_core) <= len(texts[i]) <= 3 * len(title_core) + 20 and core_text(texts[i]) == title_core:
            guesses.append(Guess(Label.TITLE, "headline: short line above the body sharing its words"))
        elif start <= i <= end:
            guesses.append(Guess(Label.OTHER, f"{kind.value} inside the text: {reason}"))
        else:
            guesses.append(Guess(Label.OTHER, f"outside the main run of prose ({kind.value}: {reason})"))
    return guesses
