"""Encoding detection and line splitting (cleaner.decode)."""

from __future__ import annotations

import doctest
import gzip
import io
import zipfile

import pytest

from cleaner import decode
from cleaner.decode import DecodeError, decode_bytes, split_lines

from news_texts import CANTONESE, SIMPLIFIED, TRADITIONAL  # noqa: E402  (tests/ is on sys.path)


def test_utf8_is_the_fast_path():
    assert decode_bytes(SIMPLIFIED.encode("utf-8")) == decode.Decoded(SIMPLIFIED, "utf-8")


def test_utf8_bom_is_dropped():
    decoded = decode_bytes(b"\xef\xbb\xbf" + TRADITIONAL.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (TRADITIONAL, "utf-8")


@pytest.mark.parametrize("codec", ["gbk", "gb2312", "gb18030"])
def test_simplified_in_gb_encodings(codec):
    decoded = decode_bytes(SIMPLIFIED.encode(codec))
    assert (decoded.text, decoded.encoding) == (SIMPLIFIED, "gb18030")


def test_gb18030_characters_outside_gbk():
    text = "本报记者王䶮、刘𠮷报道：" + SIMPLIFIED
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    assert decode_bytes(text.encode("gb18030")).text == text


@pytest.mark.parametrize("codec", ["big5", "cp950"])
def test_traditional_in_big5(codec):
    decoded = decode_bytes(TRADITIONAL.encode(codec))
    assert (decoded.text, decoded.encoding) == (TRADITIONAL, "big5")


def test_big5_hkscs():
    decoded = decode_bytes((CANTONESE + TRADITIONAL).encode("big5hkscs"))
    assert (decoded.text, decoded.encoding) == (CANTONESE + TRADITIONAL, "big5-hkscs")


@pytest.mark.parametrize("text", ["臺灣新聞", "颱風警報發布", "總統府今天表示"])
def test_short_big5(text):
    """Short lines are decided by the common-character scores too.

    The limit: one or two characters, or lines of symbols only (＊＊＊, ◎), are
    genuinely ambiguous and default to GB18030 (on the DAniEL pages re-encoded,
    every whole page and ~98% of 10-character snippets are decoded right).
    """
    assert decode_bytes(text.encode("big5")).text == text


@pytest.mark.parametrize("codec,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_with_bom(codec, bom):
    decoded = decode_bytes(bom + ("标题\r\n" + SIMPLIFIED).encode(codec))
    assert (decoded.text, decoded.encoding) == ("标题\r\n" + SIMPLIFIED, codec)


def test_a_few_bad_bytes_are_replaced_not_fatal():
    """A page cut mid-character must not be refused, nor misread as another encoding."""
    data = SIMPLIFIED.encode("utf-8") + "。".encode("utf-8")[:2]
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8" and decoded.replaced == 1
    assert decoded.text.startswith(SIMPLIFIED)


def test_empty_input_is_empty_text():
    assert decode_bytes(b"") == decode.Decoded("", "utf-8")
    assert split_lines("") == []


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", SIMPLIFIED)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data,words",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (_zip(), "ZIP"),
        (gzip.compress(SIMPLIFIED.encode()), "gzip"),
        (SIMPLIFIED.encode("utf-16-le"), "NUL"),  # UTF-16 without BOM
        (bytes(range(1, 32)) * 20 + SIMPLIFIED.encode(), "control"),
    ],
)
def test_binary_is_refused_with_a_clear_message(data, words):
    with pytest.raises(DecodeError, match=words) as info:
        decode_bytes(data)
    assert str(info.value).startswith("binary data")


def test_undecodable_text_is_refused():
    with pytest.raises(DecodeError, match="not text in a supported encoding"):
        decode_bytes(b"\xff\xfe\xfd"[1:] * 50 + b"\x80" * 50)


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_line_ends(end):
    text = end.join(["标题", "", SIMPLIFIED, "（完）"]) + end
    assert split_lines(text) == ["标题", "", SIMPLIFIED, "（完）"]
    assert split_lines(decode_bytes(text.encode("gbk")).text) == ["标题", "", SIMPLIFIED, "（完）"]


def test_mixed_line_ends_and_no_final_newline():
    assert split_lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"]
    assert split_lines("a\n\n") == ["a", ""]


def test_only_real_line_ends_split():
    """Form feeds, U+2028, \\x1c… occur inside crawled lines; they must not shift line numbers."""
    assert split_lines("甲\x0b乙\x0c丙\x1c丁\u2028戊\x85己\n庚") == ["甲\x0b乙\x0c丙\x1c丁\u2028戊\x85己", "庚"]


def test_doctests():
    assert doctest.testmod(decode).failed == 0
