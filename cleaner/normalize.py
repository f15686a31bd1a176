"""Normalization of one paragraph of Chinese news text (SPEC §4).

Each fix is a small ``str -> str`` function that does one thing and says why;
:func:`normalize` runs them in a fixed order and reports which ones changed
the text::

    strip_invisible   NFC happens first (always, step name "nfc"); then BOM,
                      zero-width and control characters are deleted
    fix_width         full-width letters and digits → half-width
    fix_punctuation   half-width , ; : ? ! ( ) next to Chinese → full-width
    fix_spaces        the spacing rules of SPEC §4.4
    convert_script    OpenCC t2s / s2t, only when ``config.script`` asks
    collapse_repeat   "XX" on one line → "X"

The order matters: widths are fixed before punctuation (``ＡＩ,`` must be seen
as Latin), punctuation before spaces (a converted ``（`` lets its neighbouring
spaces go), spaces before repeats (the two copies of a caption often differ
only in spacing or script).  When a step that can expose new work changed
the text, the sequence runs again (at most :data:`_MAX_PASSES` times), so
``normalize`` is idempotent; each step is also idempotent on its own.

Vocabulary used below:

* *Han* — a Chinese character, ``\\p{Han}`` (includes 〇 and 々).
* *CJK punctuation* — full-width punctuation (``，。、；：？！（）《》「」【】…``);
  always hugs its neighbours, so a space next to it is an artefact.
* *Shared punctuation* — ``“ ” ‘ ’ … — ·``: used by Chinese *and* by English
  text, so a space next to one is deleted only when Chinese is on one side
  (``“ 大 脑 ”`` → ``“大脑”`` but ``he said “hello” twice`` is kept).

Newlines are kept: the functions work on one paragraph, and on a text of
several paragraphs each line is treated on its own (``\\r\\n`` and ``\\r``
become ``\\n``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from cleaner.config import DEFAULT, Config
from cleaner.document import Fixed

if TYPE_CHECKING:
    import numpy as np  # imported where used: the text stages need no numpy

__all__ = [
    "collapse_repeat",
    "convert_script",
    "detect_script",
    "fix_punctuation",
    "fix_spaces",
    "fix_width",
    "normalize",
    "strip_invisible",
]

# --- character classes (bodies of [...] classes) ------------------------------

# The code points of \p{Han} (Unicode 15.1) as ranges, with the few unassigned
# gaps inside the blocks filled: the stdlib ``re`` runs the space rules 3-4x
# faster than the ``regex`` module (measured on data/daniel).
_HAN = (
    "\u2e80-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufad9"
    "\U00016fe2\U00016fe3\U00016ff0-\U00016ff6\U00020000-\U0003ffff"
)
_CJK_PUNCT = (
    r"\u3001-\u3003\u3008-\u3011\u3014-\u301f\u3030"  # 、。〃〈〉《》「」『』【】〔〕…
    r"\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"  # ！（），：；？［］｛｝｢｣､･…
    r"\ufe10-\ufe19\ufe30-\ufe4f"  # vertical and compatibility forms
)
_SHARED_PUNCT = r"\u201c\u201d\u2018\u2019\u2026\u2014\u2015\u00b7\u2027"  # “”‘’…—―·‧
_OPENING_PUNCT = r"\u201c\u2018\u3008\u300a\u300c\u300e\u3010\u3014\u3016\uff08\uff3b\uff5b"
_LATIN_OR_DIGIT = "0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\uff21-\uff3a\uff41-\uff5a"
_UNIT = r"%\u2030\u2103\u00b0"  # % ‰ ℃ °: end a number ("60% 的" → "60%的")
# Space-like characters other than " " (tab, NBSP, en/em spaces, U+3000 …).
_SPACE_LIKE = r"\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"

# --- strip_invisible ----------------------------------------------------------

_LINE_END = re.compile(r"\r\n?")
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0/C1 controls except \t and \n (\r handled above)
    r"\u00ad"  # soft hyphen
    r"\u200b-\u200f"  # zero-width space/non-joiner/joiner, LRM, RLM
    r"\u202a-\u202e\u2060-\u2064\u2066-\u2069"  # bidi embeddings, word joiner, invisible operators
    r"\ufeff]+"  # BOM / zero-width no-break space
)


def strip_invisible(text: str) -> str:
    """Delete BOM, zero-width, bidi and control characters; unify line ends.

    Crawled pages carry these inside words (a zero-width space between two
    characters of a name, a BOM at the start of each concatenated file).  They
    are invisible, so a reader never meant a space there: they are deleted,
    not turned into spaces.  Tabs and newlines are kept (the space rules deal
    with tabs); ``\\r\\n`` and ``\\r`` become ``\\n``.

    >>> strip_invisible("\\ufeff北京\\u200b新闻\\x07网")
    '北京新闻网'
    """
    if "\r" in text:
        text = _LINE_END.sub("\n", text)
    return _INVISIBLE.sub("", text)


# --- fix_width ----------------------------------------------------------------

_WIDTH_TABLE = {
    code: code - 0xFEE0
    for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B), 0xFF05)
}
_FULL_WIDTH_ALNUM = re.compile(r"[\uff05\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_FULL_WIDTH_DECIMAL_POINT = re.compile(r"(?<=[0-9])\uff0e(?=[0-9])")


def fix_width(text: str) -> str:
    """Full-width letters and digits (and ``％``) → half-width.

    Chinese input methods type ``ＡＩ２０２４`` when left in full-width mode;
    readers see the same word as ``AI2024``, and search and dedup should too.
    Full-width *punctuation* is the correct form in Chinese and stays, except
    a ``．`` between two digits, which is a decimal point (``１．２`` → ``1.2``).

    >>> fix_width("ＡＩ２０２４年增长１．２％，ＧＤＰ")
    'AI2024年增长1.2%，GDP'
    """
    if not _FULL_WIDTH_ALNUM.search(text):
        return text
    text = text.translate(_WIDTH_TABLE)
    return _FULL_WIDTH_DECIMAL_POINT.sub(".", text)


# --- fix_punctuation ----------------------------------------------------------

_HALF_MARKS = ",;:?!"
_TO_FULL_WIDTH = str.maketrans(",;:?!()", "，；：？！（）")
_ANY_HALF_PUNCT = re.compile(r"[,;:?!()]")
# Innermost bracket pairs, either width, e.g. "(王梦瑶)" or "（记者…)".
_BRACKET_PAIR = re.compile(r"[(（][^()（）\n]*[)）]")
_HAN_CHAR = re.compile(f"[{_HAN}]")
_MARK_RUN = rf"[{_HALF_MARKS}](?:[ {_SPACE_LIKE}]*[{_HALF_MARKS}])*"
# A run of marks (",", "?!", ", ;") whose nearest non-space neighbour is Chinese:
# on the left Han or any CJK punctuation (group "left", kept as it is), on the
# right Han or an opening one.
_MARKS_BY_CJK = re.compile(
    rf"(?P<left>[{_HAN}{_CJK_PUNCT}{_SHARED_PUNCT}][ {_SPACE_LIKE}]*)(?P<run>{_MARK_RUN})"
    rf"|(?P<run_before>{_MARK_RUN})(?=[ {_SPACE_LIKE}]*[{_HAN}{_OPENING_PUNCT}])"
)
_HAN_BEFORE = re.compile(rf"[{_HAN}][ {_SPACE_LIKE}]*\Z")
_HAN_AFTER = re.compile(rf"[ {_SPACE_LIKE}]*[{_HAN}]")


def _marks(match: re.Match) -> str:
    if match["left"] is not None:
        return match["left"] + match["run"].translate(_TO_FULL_WIDTH)
    return match["run_before"].translate(_TO_FULL_WIDTH)


def _bracket_pair(match: re.Match) -> str:
    pair = match[0]
    if "(" not in pair and ")" not in pair:
        return pair
    text, start, end = match.string, match.start(), match.end()
    if (
        _HAN_CHAR.search(pair)
        or _HAN_BEFORE.search(text, max(0, start - 64), start)
        or _HAN_AFTER.match(text, end)
    ):
        return pair.translate(_TO_FULL_WIDTH)
    return pair


def fix_punctuation(text: str) -> str:
    """Half-width ``, ; : ? ! ( )`` used in Chinese text → ``，；：？！（）``.

    Web text and OCR mix ASCII punctuation into Chinese sentences.  A mark is
    converted when its nearest non-space neighbour is Chinese (Han on either
    side, or CJK punctuation before it), so marks inside numbers and Latin
    text (``1,000``, ``10:30``, ``GPT-4.0 (beta)``) never change.  Brackets
    are converted as a pair, when their content or an outside neighbour is
    Han, so ``(`` and ``)`` never end up in different widths.

    >>> fix_punctuation("中新社北京2月14日电 (王梦瑶)据悉,价格为1,000元:GPT-4.0 (beta)")
    '中新社北京2月14日电 （王梦瑶）据悉，价格为1,000元：GPT-4.0 (beta)'
    """
    if not _ANY_HALF_PUNCT.search(text):
        return text
    if "(" in text or ")" in text:
        text = _BRACKET_PAIR.sub(_bracket_pair, text)
    return _MARKS_BY_CJK.sub(_marks, text)


# --- fix_spaces ---------------------------------------------------------------

_ANY_SPACE = re.compile(rf"[ {_SPACE_LIKE}]")
_OTHER_SPACE = re.compile(rf"[{_SPACE_LIKE}]")
_SPACE_RUN = re.compile(r"  +")
_SPACE_AT_LINE_EDGE = re.compile(r"^ | $", re.MULTILINE)
# Every pattern starts with the space itself and looks around it: the engine then
# only stops at spaces, which makes these rules several times faster.
# 1. Between two Han when either is a single character — one whose other
#    neighbour is a space, punctuation or the line's edge, not Han, digit or
#    Latin (a letter-spaced run): "实 现 实 时" → "实现实时", "李 贞" → "李贞",
#    "。大 数" → "。大数"; "目标 新质" and "280斤 穿衣" keep their space.
_WORD = f"{_HAN}{_LATIN_OR_DIGIT}"
_SPACE_LETTER_SPACED = re.compile(
    rf" (?:(?<![{_WORD}][{_HAN}] )(?<=[{_HAN}] )(?=[{_HAN}])|(?<=[{_HAN}] )(?=[{_HAN}](?![{_WORD}])))"
)
# 2. Local rules, each decided by the space's two neighbours alone:
#    next to CJK punctuation ("据新华社电 （记者…） 日前" → "据新华社电（记者…）日前");
#    next to shared punctuation with Chinese across the space ("“ 大" → "“大",
#    "”…… 借" → "”……借"); between Han and a digit or Latin letter ("2024 年" →
#    "2024年", "AI 芯片" → "AI芯片", also "60% 的" → "60%的").
_CHINESE_OR_PUNCT = f"{_HAN}{_CJK_PUNCT}{_SHARED_PUNCT}"
_SPACE_LOCAL = re.compile(
    rf" (?:(?=[{_CJK_PUNCT}])|(?<=[{_CJK_PUNCT}] )"
    rf"|(?<=[{_CHINESE_OR_PUNCT}] )(?=[{_SHARED_PUNCT}])|(?<=[{_SHARED_PUNCT}] )(?=[{_CHINESE_OR_PUNCT}])"
    rf"|(?<=[{_HAN}] )(?=[{_LATIN_OR_DIGIT}])|(?<=[{_LATIN_OR_DIGIT}{_UNIT}] )(?=[{_HAN}]))"
)
# 3. Next to shared punctuation whose other side is Chinese: "AI “大脑”" → "AI“大脑”"
#    (runs after 2, which can make that other side Chinese).
_SPACE_BY_SHARED_PUNCT_OF_CHINESE = re.compile(
    rf" (?:(?=[{_SHARED_PUNCT}][{_CHINESE_OR_PUNCT}])|(?<=[{_CHINESE_OR_PUNCT}][{_SHARED_PUNCT}] ))"
)


def fix_spaces(text: str) -> str:
    """Delete the spaces Chinese typography does not have; keep meaningful ones.

    Chinese is written without spaces, but PDF extraction letter-spaces
    justified lines (``实 现 实 时``), pads names (``李 贞``) and puts spaces
    around numbers and Latin words (``2024 年``, ``AI 芯片``); web pages add
    spaces around punctuation.  Those spaces are deleted.  Kept, as one space:
    spaces between two multi-character Chinese phrases (a clause break in a
    headline), between Latin words (``AI PC``) and between numbers.  Tabs,
    NBSP and U+3000 count as spaces; leading and trailing ones are dropped.

    >>> fix_spaces("\\u3000\\u30002024 年，实 现 实 时 通 讯 的 AI 芯片 “ 大 脑 ”")
    '2024年，实现实时通讯的AI芯片“大脑”'
    >>> fix_spaces("人工智能产业提前完成三年目标  新质生产力成北京发展新动能")
    '人工智能产业提前完成三年目标 新质生产力成北京发展新动能'
    """
    if not _ANY_SPACE.search(text):
        return text
    text = _OTHER_SPACE.sub(" ", text)
    text = _SPACE_RUN.sub(" ", text)
    text = _SPACE_AT_LINE_EDGE.sub("", text)
    if " " not in text:
        return text
    # The order matters.  Letter-spacing is judged first, on the text as
    # printed ("AI 芯 片子": 芯 stands alone); the later rules only ever join
    # a Han character to a non-Han one, which cannot make a kept space
    # deletable.  Rule 3 needs rule 2 done.  One pass is a fixed point.
    text = _SPACE_LETTER_SPACED.sub("", text)
    text = _SPACE_LOCAL.sub("", text)
    return _SPACE_BY_SHARED_PUNCT_OF_CHINESE.sub("", text)


# --- collapse_repeat ----------------------------------------------------------

_MAX_GAP = 8  # whitespace characters allowed between the two copies


def _once(line: str, min_chars: int) -> str | None:
    """The X of a line that is X + whitespace + X, or None."""
    size = len(line)
    for gap in range(size % 2, min(_MAX_GAP, size) + 1, 2):
        half = (size - gap) // 2
        if half < min_chars:
            break
        if (not gap or line[half : half + gap].isspace()) and line[:half] == line[half + gap :]:
            return line[:half]
    return None


def _short_unit_repeated(line: str, min_chars: int) -> bool:
    """Whether ``line`` is a unit shorter than ``min_chars`` repeated (``哈哈哈哈``)."""
    size = len(line)
    return any(size % unit == 0 and line == line[:unit] * (size // unit) for unit in range(1, min_chars))


def _collapse_line(line: str, min_chars: int) -> str:
    stripped = line.strip()
    while len(stripped) >= 2 * min_chars and not _short_unit_repeated(stripped, min_chars):
        once = _once(stripped, min_chars)
        if once is None or len(once.replace(" ", "")) < min_chars:
            break
        stripped = once.strip()
        line = stripped
    return line


def collapse_repeat(text: str, *, min_chars: int = 4) -> str:
    """A line that is some text X twice (``XX`` or ``X X``) → ``X``.

    Pages and PDFs duplicate photo captions and titles on one line
    (``…作业。 新华社记者 鞠焕宗摄…作业。 新华社记者 鞠焕宗摄``).  Only copies of
    at least ``min_chars`` characters count, and a line that is a short unit
    repeated (``哈哈哈哈``, ``……``) is left alone: that repetition is meant.

    >>> collapse_repeat("环卫车在开发区作业。 新华社记者 鞠焕宗摄环卫车在开发区作业。 新华社记者 鞠焕宗摄")
    '环卫车在开发区作业。 新华社记者 鞠焕宗摄'
    >>> collapse_repeat("哈哈")
    '哈哈'
    """
    if len(text) < 2 * min_chars:
        return text
    if "\n" in text:
        return "\n".join(_collapse_line(line, min_chars) for line in text.split("\n"))
    return _collapse_line(text, min_chars)


# --- script -------------------------------------------------------------------

_OPENCC_CONFIGS = ("t2s", "s2t", "hk2s", "tw2s")
_SCRIPT_TARGETS = {"simplified": "t2s", "traditional": "s2t"}
# detect_script: a text is "mixed" when its minority script has at least this
# share of the script-specific characters.  Single-script pages are never all
# pure: s2t changes characters traditional text also uses (台, 只, 里, 干 map
# one-to-many) and t2s some that simplified text keeps (乾, 著 in names).  On
# the 386 data/daniel pages (215 simplified, 171 traditional) the minority
# share was at most 0.11 (a Taiwan medical site), median 0.
_MIXED_MINORITY_SHARE = 0.2


@lru_cache(maxsize=None)
def _converter(config: str):
    """The OpenCC converter for ``config``, created on first use (it loads dictionaries)."""
    import opencc

    return opencc.OpenCC(config)


def convert_script(text: str, target: str) -> str:
    """Convert Chinese script with OpenCC.

    ``target`` is ``keep``, ``simplified`` (OpenCC ``t2s``), ``traditional``
    (``s2t``) or an OpenCC config name (``t2s``, ``s2t``, ``hk2s``, ``tw2s``).
    Corpora mix mainland, Hong Kong and Taiwan sources; one script makes
    them searchable and comparable.

    >>> convert_script("國際新聞報導", "simplified")
    '国际新闻报导'
    """
    if target == "keep" or not text:
        return text
    config = _SCRIPT_TARGETS.get(target, target)
    if config not in _OPENCC_CONFIGS:
        choices = ", ".join(("keep", *_SCRIPT_TARGETS, *_OPENCC_CONFIGS))
        raise ValueError(f"unknown script target {target!r}; use one of {choices}")
    return _converter(config).convert(text)


@lru_cache(maxsize=1)
def _script_tables() -> np.ndarray:
    """(3, 0x40001) bool, by code point (all above 0x3FFFF share the last entry): Han (the
    ``_HAN`` class), traditional-only (t2s changes it) and simplified-only (s2t changes it).

    The script-only characters are found once by converting the CJK block character by
    character: detection is then table lookups, not two OpenCC passes per page (and
    not regex scans: a negated ``[^{_HAN}]`` class cost ~240 instructions a character).
    """
    import numpy as np

    tables = np.zeros((3, 0x40001), dtype=bool)
    every = np.arange(0x40000, dtype=np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    marked = _HAN_CHAR.sub("\U0010ffff", every)  # each Han character replaced by one above the table
    tables[0, :-1] = np.frombuffer(marked.encode("utf-32-le", "surrogatepass"), dtype=np.uint32) == 0x10FFFF
    chars = [chr(c) for c in range(0x4E00, 0xA000)]
    for row, config in zip(tables[1:], ("t2s", "s2t")):
        converted = _converter(config).convert("\n".join(chars)).split("\n")
        assert len(converted) == len(chars), "OpenCC changed the number of lines"
        row[[ord(c) for c, new in zip(chars, converted) if new != c]] = True
    return tables


_SCRIPT_SAMPLE = 800
"""Han characters looked at: a page's script is clear long before its end (on
the 386 daniel pages the first 800 give the same answer as the whole page)."""


def _han_codes(text: str, is_han: np.ndarray) -> np.ndarray:
    """The code points of the Han characters of ``text``, in order."""
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    codes = np.minimum(codes, len(is_han) - 1)
    return codes[is_han[codes]]


def detect_script(text: str) -> str:
    """``simplified``, ``traditional``, ``mixed`` or ``unknown`` (no telling characters).

    Counts the Han characters that OpenCC ``t2s`` changes (traditional-only)
    and those ``s2t`` changes (simplified-only).  Characters common to both
    scripts (``北京人``) say nothing; a text with none of the others is
    ``unknown``.  The smaller count must stay below a fifth of the two
    together, or the text is ``mixed``.

    >>> detect_script("國際新聞報導"), detect_script("国际新闻报道"), detect_script("北京")
    ('traditional', 'simplified', 'unknown')
    """
    # Only the first _SCRIPT_SAMPLE Han characters count: read them from a growing
    # prefix rather than the whole text (the same characters; pages run to 400 lines).
    is_han, traditional_only, simplified_only = _script_tables()
    end = 4 * _SCRIPT_SAMPLE
    han = _han_codes(text[:end], is_han)
    while len(han) < _SCRIPT_SAMPLE and end < len(text):
        end *= 4
        han = _han_codes(text[:end], is_han)
    han = han[:_SCRIPT_SAMPLE]
    traditional = int(traditional_only[han].sum())
    simplified = int(simplified_only[han].sum())
    total = traditional + simplified
    if total == 0:
        return "unknown"
    if traditional < _MIXED_MINORITY_SHARE * total:
        return "simplified"
    if simplified < _MIXED_MINORITY_SHARE * total:
        return "traditional"
    return "mixed"


# --- normalize ----------------------------------------------------------------

_MAX_PASSES = 4
# Steps after which the sequence must run again.  The first five steps only
# delete or replace characters in place, and one pass of them is a fixed point
# (tests/test_normalize.py checks this property on random text).  These two can
# expose new work: a converted character can make two copies of a caption equal,
# and a collapsed copy loses the neighbour its spacing was decided against.
_RERUN_AFTER = frozenset({"convert_script", "collapse_repeat"})


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _steps(config: Config):
    """The (name, function) pairs ``config`` switches on, in their fixed order."""
    return _switched_steps(config.strip_invisible, config.fix_width, config.fix_punctuation,
                           config.fix_spaces, config.script, config.dedupe_repeats)


@lru_cache(maxsize=16)
def _switched_steps(strip: bool, width: bool, punctuation: bool, spaces: bool, script: str, dedupe: bool):
    """:func:`_steps`, cached on the six switches it reads rather than on the whole
    Config: hashing a Config (all its fields) cost more than normalizing a short line."""
    steps = [("nfc", _nfc)]
    if strip:
        steps.append(("strip_invisible", strip_invisible))
    if width:
        steps.append(("fix_width", fix_width))
    if punctuation:
        steps.append(("fix_punctuation", fix_punctuation))
    if spaces:
        steps.append(("fix_spaces", fix_spaces))
    if script != "keep":
        steps.append(("convert_script", lambda text: convert_script(text, script)))
    if dedupe:
        steps.append(("collapse_repeat", collapse_repeat))
    return tuple(steps)


def normalize(text: str, config: Config = DEFAULT) -> Fixed:
    """Run the SPEC §4 steps on one paragraph; return the text and the steps that changed it.

    The steps run in a fixed order; when a step that can expose new work
    (:data:`_RERUN_AFTER`) changed the text, the sequence runs again, until
    nothing changes.  So ``normalize(normalize(x).text)`` changes nothing.

    >>> normalize("\\u3000\\u3000据新华社电 (记者 李 贞) ＡＩ 芯片产值达 2500 亿元")
    Fixed(text='据新华社电（记者李贞）AI芯片产值达2500亿元', steps=('fix_width', 'fix_punctuation', 'fix_spaces'))
    """
    steps: list[str] = []
    switched_on = _steps(config)
    for _ in range(_MAX_PASSES):
        rerun = False
        for name, step in switched_on:
            fixed = step(text)
            if fixed != text:
                text = fixed
                rerun = rerun or name in _RERUN_AFTER
                if name not in steps:
                    steps.append(name)
        if not rerun:
            break
    return Fixed(text, tuple(steps))
