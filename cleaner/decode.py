"""Bytes → text: refuse binary data, find the encoding, split lines.

Chinese news dumps come as UTF-8, GB18030/GBK/GB2312, Big5 (Big5-HKSCS on Hong
Kong sites) or UTF-16 with a BOM (SPEC §1).  UTF-8 and BOMs are certain; the
hard case is GB18030 versus Big5, because GB18030 decodes almost any byte
string and GB2312 byte pairs are mostly valid Big5 pairs as well.  Both
decodings are therefore scored by how much of the result is *common* Chinese
(the most frequent Han characters and CJK punctuation): the wrong decoding
produces valid but rare characters, the right one mostly common ones.

    >>> decode_bytes("新华社北京电".encode("gbk")).encoding
    'gb18030'
    >>> decode_bytes("新華社臺北電，記者報導。".encode("big5")).encoding
    'big5'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = ["Decoded", "DecodeError", "decode_bytes", "split_lines"]


@dataclass(frozen=True)
class Decoded:
    """A decoded input: its text, the codec that read it, and how many bytes were invalid.

    ``replaced`` counts byte sequences that the codec could not read and that
    became U+FFFD: crawlers cut pages in the middle of a character, and one
    bad byte must not make a whole page unreadable (or be misread as Big5).
    """

    text: str
    encoding: str
    replaced: int = 0


class DecodeError(ValueError):
    """The input is not text in a supported encoding; the message says why, for a human."""


# Magic numbers of binary formats that end up in text folders by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "a gzip file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (DOC/XLS)"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Bytes that never occur in text: C0 controls except tab, LF, VT, FF, CR, ESC; and DEL.
_CONTROL_BYTES = bytes([*range(0x01, 0x09), 0x0E, 0x0F, *range(0x10, 0x1B), *range(0x1C, 0x20), 0x7F])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)

MAX_CONTROL_SHARE = 0.05
"""More control bytes than this (share of the sampled bytes) means binary data.
Text dumps have none or a handful (stray \\x01, \\x1a at the end of old DOS files)."""

MAX_REPLACED_SHARE = 0.01
"""A codec may fail on at most this share of the non-ASCII characters (a page cut
mid-character, one corrupt byte); more means the text is not in that encoding."""

MIN_SCORE = 0.5
"""Below this score (with at least MIN_SCORED_CHARS non-ASCII characters) the best
decoding is still not Chinese text: e.g. a run of private-use characters.  Whole
DAniEL pages and seeds score 1.3–1.9; single real lines of 20+ characters ≥ 0.6
except lines of symbols only; random valid GB18030 byte pairs up to 0.75."""
MIN_SCORED_CHARS = 20

SAMPLE_BYTES = 64 * 1024
"""Encodings are scored on the first 64 KB: enough for a sure verdict on any real
page, and it keeps a 50 MB input from being decoded three times."""

# The 500 most frequent Han characters of the seeds and the DAniEL pages (SPEC §1
# data), counted after OpenCC t2s (they cover 72% of all Han characters there),
# followed by their traditional forms from OpenCC s2t/s2tw/s2hk that differ.
_COMMON_HAN = (
    "的新人中国大一年网不有上在发是生时闻日家报会车行经市为公美女出了业台全民多电动高成机"
    "图用文小天点工能者品体最地医子产关论本作到和要视来心分评我对个博下月资以方明手自万北"
    "务部游微事元内专法股财开现将后可金度这保热与所题过病情名药票好加信科长理合区春三乐外"
    "京通重权看主选力广于道表海性前首学实物活进政感院健场频被入就更男数星费期客站提果相门"
    "推也化南讯员节查社建同应制其等服价育食片流意华康友们打身间联影告管之技无司运面正利两"
    "定安都得说记达商或证示如球房展及系平目基局气周任称总今量当次回路页标收旅血超投导版界"
    "位代起英老持还调第教条强问水交线坛息降东传研世注浪消话际因设港号转比他特军卫光并购观"
    "立登口已湾源而城让娱师百死排空疗头治书增布照你计火深件风据议字未免山凤统术播此企爱没"
    "格十组责接案指求容警改集护去规至龙售荐单少铁受凰见种爆造汽考易何别战请近变非常级速放"
    "历儿读包史防媒型花济二团马亿晚彩西检必反每式快省从创录清众质四解州参使糖然但真里张户"
    "精即环载结共只击程由再吃原做举处供步访各送库色声智白红认音曝领些谈遭给江么奖复王直林"
    "诊委双取职很脑养险才农破斯测太招获眼料志订支印低尿款李言买该岁五知营整牛走享"
    "併來個們傳價億兒內兩別創動務區參員問喫單國圖團報場壇娛學實將專對導師庫廣張強後從復愛"
    "應戰戶擊據數於時書會東條業樂標機檢權歲歷氣沒測濟灣為無熱營爲獎獲現環產當療發眾種稱節"
    "紅級組結給統經網線總聞聯聲職腦臺與舉華萬薦藥處號衆術衛衞裏裡見規視觀訂計訊記訪設診評"
    "話該認說説調談請論證議護讀變讓財責買費資質購車軍載轉農迴這進遊運過達選還醫錄鐵長門開"
    "間關際險雙電頁領頭頻題風養馬體鳳麼點龍"
)
_COMMON_PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉「」『』【】…—·　％"
_COMMON = frozenset(_COMMON_HAN + _COMMON_PUNCTUATION)

# UTF-8 is a candidate again here, for UTF-8 pages with a few corrupt bytes.
# GB18030 before Big5: on a tie (too little text to tell) mainland encodings
# are the likelier guess.  cp950 is Big5 with Microsoft's additions; big5hkscs adds the
# Hong Kong characters (it lacks a few cp950 symbols, hence both).
_CANDIDATES = ("utf-8", "gb18030", "cp950", "big5hkscs")
_CODEC_NAMES = {"cp950": "big5", "big5hkscs": "big5-hkscs"}

_LINE_END = re.compile(r"\r\n|\r|\n")


def decode_bytes(data: bytes) -> Decoded:
    """Decode an input page, or raise :class:`DecodeError` saying why it is not text.

    Order: BOM (certain) → binary checks → strict UTF-8 (the fast path: most
    inputs) → every candidate codec, scored on a sample.
    """
    if not data:
        return Decoded("", "utf-8")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_whole(data[len(bom):], codec)
    _refuse_binary(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _decode_whole(data, _best_codec(data))


def split_lines(text: str) -> list[str]:
    r"""Split on ``\n``, ``\r\n`` and ``\r`` only; a final line end opens no new line.

    ``str.splitlines`` also splits on \x0b, \x0c, \x1c–\x1e, \x85, U+2028 and
    U+2029, which occur *inside* lines of crawled text and would shift every
    line number after them.

    >>> split_lines("a\r\nb\rc\x0bd\n")
    ['a', 'b', 'c\x0bd']
    >>> split_lines("")
    []
    """
    if not text:
        return []
    # most pages end their lines with \n alone: str.split then gives the same list, without a regex scan
    lines = _LINE_END.split(text) if "\r" in text else text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def _refuse_binary(data: bytes) -> None:
    """Raise DecodeError for data that is clearly not a text page."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary data: this looks like {what}, not a text page")
    if b"\x00" in data:
        raise DecodeError(
            "binary data: contains NUL bytes (if this is UTF-16 text, save it with a byte-order mark)"
        )
    sample = data[:SAMPLE_BYTES]
    controls = len(sample.translate(None, _NOT_CONTROL))  # delete all but the controls
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise DecodeError(f"binary data: {controls / len(sample):.0%} of the first bytes are control characters")


def _best_codec(data: bytes) -> str:
    """The codec whose decoding of a sample reads most like common Chinese."""
    sample = data[:SAMPLE_BYTES]
    best, best_score, best_chars = None, -1.0, 0
    for codec in _CANDIDATES:
        text, replaced = _decode_counting(sample, codec)
        if len(sample) == SAMPLE_BYTES and text.endswith("\ufffd"):
            replaced -= 1  # the sample cut a character in two
        non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
        if replaced > max(1, MAX_REPLACED_SHARE * non_ascii):
            continue
        score = _score(text, non_ascii)
        if score > best_score:
            best, best_score, best_chars = codec, score, non_ascii
    if best is None or (best_score < MIN_SCORE and best_chars >= MIN_SCORED_CHARS):
        raise DecodeError(
            "not text in a supported encoding (tried UTF-8, GB18030, Big5, Big5-HKSCS; "
            "UTF-16 needs a byte-order mark)"
        )
    return best


def _score(text: str, non_ascii: int) -> float:
    """Per non-ASCII character: +1 if among the most common, +1 if level-1 Han (0–2)."""
    hits = sum(map(_COMMON.__contains__, text)) + sum(map(_level1_han().__contains__, text))
    return hits / max(1, non_ascii)


@functools.cache
def _level1_han() -> frozenset[str]:
    """The "level 1" (frequent) Han characters of GB2312 and of Big5: 3,755 + 5,401.

    A second, coarser frequency signal after the short common list: the wrong
    decoding of a line lands mostly outside both level-1 sets (GBK extension
    characters, Big5 level 2, variants), the right one mostly inside.
    """
    gb = bytes(b for lead in range(0xB0, 0xD8) for trail in range(0xA1, 0xFF) for b in (lead, trail))
    big5_trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    big5 = bytes(b for lead in range(0xA4, 0xC7) for trail in big5_trails for b in (lead, trail))
    chars = gb.decode("gb2312", errors="ignore") + big5.decode("big5", errors="ignore")
    return frozenset(chars)


def _decode_whole(data: bytes, codec: str) -> Decoded:
    """Decode all of ``data``, tolerating a few bad bytes, refusing many."""
    text, replaced = _decode_counting(data, codec)
    name = _CODEC_NAMES.get(codec, codec)
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore")) if replaced else 0
    if replaced > max(1, MAX_REPLACED_SHARE * non_ascii):
        raise DecodeError(f"not valid {name}: {replaced} undecodable byte sequences")
    return Decoded(text, name, replaced)


def _decode_counting(data: bytes, codec: str) -> tuple[str, int]:
    """Decode with U+FFFD for bad bytes; return the text and how many were replaced."""
    try:
        return data.decode(codec), 0
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        return text, text.count("\ufffd")
