"""Lines of one page → a feature matrix: the one place shared by training and prediction.

Every non-blank line gets

* **dense features** (:data:`DENSE_NAMES`): its own shape (length, script
  shares, punctuation, list markers, URL/date/phone patterns, column gaps), its
  place on the page (relative position, distance to the longest line and to the
  densest block of long lines), repetition (the same text elsewhere on the page,
  overlap with the densest block — what makes a headline look like a headline),
  and the shape of its neighbours (the previous/next three non-blank lines, blank
  lines around it);
* **prose features** (:data:`PROSE_NAMES`): where the line sits relative to the
  page's running prose — the run of consecutive sentence lines it belongs to,
  the densest prose run (Kadane), the share of the page's prose before/after it,
  the distance to the title candidate above that run, its length relative to
  the page's median prose line.  All relative to the page, so they carry across
  sites and renderers (added after error analysis: comment sections, teaser
  snippets and footer disclaimers read like prose but lie outside the main run);
* **hashed character n-grams** (1–3 characters, :data:`N_HASH` columns): its
  words, so that chrome vocabulary (分享, 上一篇, 版权所有, 相关阅读 …) is learned
  from data instead of listed.  Text is converted to simplified script first
  (OpenCC t2s), so traditional pages share the vocabulary; ASCII digits are
  folded to ``0`` and Latin letters lower-cased so that dates and counts
  generalize.  Only the first :data:`HEAD_CHARS` and last :data:`TAIL_CHARS`
  characters of a line are hashed: chrome sits at a line's edges, and a body
  paragraph's middle adds cost without adding signal.

Why not sklearn's ``HashingVectorizer``: it builds n-grams in a Python loop
(≈2.3 ms per daniel page measured, most of the classifier's budget).  The same
idea is computed here with numpy over the page's code points (≈0.3 ms), with a
fixed multiply-xor hash that depends on nothing but this file.

Everything is vectorized per page: the page's lines are joined into one string,
turned into a code-point array, and per-line counts come from ``np.bincount``
over a line-id array; regex patterns run once over the page and are mapped back
to lines with ``np.searchsorted``.

Leading indentation is kept as a feature only relative to the page (same indent
as the longest line or not, log depth), because daniel dumps keep indentation and
``*`` markers while other inputs (the seeds) have none.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import regex

from cleaner.document import Line
from cleaner.normalize import convert_script

if TYPE_CHECKING:
    import scipy.sparse as sp

FEATURE_VERSION = 2
N_HASH = 2**18
"""Hashed n-gram columns (fixed; part of the model's feature spec; a power of 2)."""
_HASH_BITS = N_HASH.bit_length() - 1
HEAD_CHARS = 48
TAIL_CHARS = 16
BLOCK_MIN_CHARS = 30
"""A line adds (its length − this) to the densest-block score: long lines extend
the block, short ones (navigation) cut it.  30 ≈ the shortest common body
paragraph on daniel pages."""
TITLE_MAX_CHARS = 64
"""Repetition/overlap features are computed only for lines up to this length."""
PROSE_MIN_CHARS = 12
"""A line is *prose* when it has at least this many characters and reads as a
sentence (ends one, or holds a comma).  12 ≈ the shortest daniel body lines
that are not headings; navigation items and link titles rarely carry ，/。."""
PROSE_GAP_COST = 40
"""In the densest prose run, each non-prose line costs as much as 40 prose
characters: a heading or a picture caption inside the article is absorbed, a
ten-line strip of navigation between the article and a comment section is not."""
TITLE_SEARCH_LINES = 15
"""The title candidate is looked for this many lines above the prose run."""

_BOL, _EOL = 1, 2  # line-boundary pseudo characters for the n-grams

SENTENCE_END = "。！？…!?；;"
CLOSERS = "”’」』）)\"'】》"
LIST_MARKERS = "*•·>|-[【►▶◆●■□◇○»—+〉·"

_URL = regex.compile(r"https?://|www\.|\.(?:com|cn|net|org|tw|hk)\b", regex.I)
_EMAIL = regex.compile(r"[\w.-]+@[\w-]+\.[a-z]", regex.I)
# _PHONE and _DATE open with a lookahead that every match satisfies (a phone number has 7
# digits in a row, possibly after an area code; a date starts with a digit): the same
# matches, found in about 2/3 (_PHONE) and 1/2 (_DATE) of the time of a scan without it.
_PHONE = regex.compile(r"(?<!\d)(?=\d{7}|\d{3,4}-\d{7})(?:(?:\d{3,4}-)?\d{7,8}|1[3-9]\d{9})(?!\d)")
_DATE = regex.compile(r"(?=\d)(?:(?:19|20)\d\d\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2}|\d{1,2}月\d{1,2}日)")
_TIME = regex.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_GAP = regex.compile(r"[ \t\u3000\u00a0]{3,}")

# Dense features of the line itself (order is the model's contract).
OWN_NAMES = (
    "len", "log_len", "cjk_share", "latin_share", "digit_share", "punct_share", "space_share",
    "ends_sentence", "ends_colon", "log_commas", "comma_density", "n_tokens_log", "mean_token_len_log",
    "starts_marker", "ends_bracket", "n_separators", "n_gaps", "url", "email", "phone", "date", "time",
    "copyright", "has_fffd", "indent_log", "indent_same_as_longest",
)
PLACE_NAMES = (
    "rel_pos", "rel_char_pos", "to_longest_rel", "to_longest_log", "to_longest_chars",
    "len_over_max", "len_over_median", "in_block", "before_block_log", "after_block_log",
    "block_share", "page_lines_log", "page_chars_log", "blank_before", "blank_after",
    "dup_count_log", "contained_log", "block_overlap", "title_like",
)
PROSE_NAMES = (
    "prose", "prose_run_log", "prose_run_share", "prose_before_share", "prose_after_share",
    "in_prose_block", "before_prose_block_log", "after_prose_block_log", "prose_block_share",
    "to_title_cand_log", "title_cand", "len_over_prose_median",
)
NEIGHBOUR_BASE = ("log_len", "cjk_share", "punct_share", "ends_sentence", "comma_density",
                  "starts_marker", "url", "date", "n_tokens_log", "in_block", "prose", "missing")
NEIGHBOUR_OFFSETS = (-3, -2, -1, 1, 2, 3)
NEIGHBOUR_NAMES = tuple(
    f"{'prev' if k < 0 else 'next'}{abs(k)}_{name}" for k in NEIGHBOUR_OFFSETS for name in NEIGHBOUR_BASE
)
DENSE_NAMES = OWN_NAMES + PLACE_NAMES + PROSE_NAMES + NEIGHBOUR_NAMES


def feature_spec() -> dict:
    """What a model trained on these features depends on; stored in the model file."""
    spec = {
        "version": FEATURE_VERSION,
        "dense": list(DENSE_NAMES),
        "n_hash": N_HASH,
        "head_chars": HEAD_CHARS,
        "tail_chars": TAIL_CHARS,
        "block_min_chars": BLOCK_MIN_CHARS,
        "title_max_chars": TITLE_MAX_CHARS,
        "prose": [PROSE_MIN_CHARS, PROSE_GAP_COST, TITLE_SEARCH_LINES],
        "ngrams": [1, 3],
        "stacking": {"score_offsets": list(SCORE_OFFSETS), "smooth_offsets": list(SMOOTH_OFFSETS),
                     "smooth_windows": list(SMOOTH_WINDOWS), "smooth_dense": list(SMOOTH_DENSE),
                     "smooth_columns": SMOOTH_COLUMNS_VERSION},
    }
    digest = hashlib.sha256(repr(sorted(spec.items())).encode()).hexdigest()[:16]
    return {**spec, "hash": digest}


@dataclass(frozen=True)
class Ngrams:
    """Hashed n-gram rows in CSR form (the arrays of a ``scipy.sparse.csr_matrix``).

    Kept as plain arrays so that cleaning never imports scipy (~0.2 s of start-up):
    :class:`cleaner.classify.LineModel` reads them directly.
    """

    data: np.ndarray  # (nnz,) float64: 1/sqrt(n-grams of the row)
    indices: np.ndarray  # (nnz,) int32 column of each entry, sorted within a row
    indptr: np.ndarray  # (n + 1,) int32 row starts


@dataclass(frozen=True)
class Features:
    """The features of one page's non-blank lines.

    ``rows[i]`` is the index (into the input sequence) of the line described by
    row ``i`` of ``dense`` and ``ngrams``.
    """

    dense: np.ndarray  # (n, len(DENSE_NAMES)) float64
    ngrams: Ngrams  # n rows, N_HASH columns, rows L2-normalized
    rows: np.ndarray  # (n,) int

    @property
    def hashed(self) -> "sp.csr_matrix":
        """The n-grams as an (n, N_HASH) scipy CSR matrix (for training)."""
        import scipy.sparse as sp

        return sp.csr_matrix((self.ngrams.data, self.ngrams.indices, self.ngrams.indptr), shape=(len(self.rows), N_HASH))


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)


def _char_classes(c: np.ndarray) -> tuple[np.ndarray, ...]:
    cjk = ((c >= 0x4E00) & (c <= 0x9FFF)) | ((c >= 0x3400) & (c <= 0x4DBF)) | ((c >= 0xF900) & (c <= 0xFAFF)) | (
        c >= 0x20000
    )
    latin = ((c | 0x20) >= 0x61) & ((c | 0x20) <= 0x7A) | ((c >= 0xFF21) & (c <= 0xFF3A)) | ((c >= 0xFF41) & (c <= 0xFF5A))
    digit = ((c >= 0x30) & (c <= 0x39)) | ((c >= 0xFF10) & (c <= 0xFF19))
    space = (c == 0x20) | (c == 0x09) | (c == 0x3000) | (c == 0xA0)
    ascii_punct = (c >= 0x21) & (c <= 0x7E) & ~latin & ~digit
    punct = (
        ascii_punct
        | ((c >= 0x3001) & (c <= 0x303F))
        | ((c >= 0xFF01) & (c <= 0xFF0F))
        | ((c >= 0xFF1A) & (c <= 0xFF20))
        | ((c >= 0xFF3B) & (c <= 0xFF40))
        | ((c >= 0xFF5B) & (c <= 0xFF65))
        | ((c >= 0x2010) & (c <= 0x206F))
        | ((c >= 0x25A0) & (c <= 0x25FF))
    )
    return cjk, latin, digit, space, punct


CHAR_CLASSES = ("other", "cjk", "latin", "digit", "space", "punct", "comma", "separator",
                "copyright", "replacement", "newline")
"""One class per character, for per-line counts.  The five classes of :func:`_char_classes`
do not overlap; ``comma`` and ``separator`` are the punctuation that is counted on its
own (so ``punct`` counts are punct + comma + separator), ``copyright`` is ©,
``replacement`` U+FFFD and ``newline`` the line separator of the joined page."""
_COMMAS = "，,、；;"
_SEPARATORS = "|｜/"


@lru_cache(maxsize=1)
def _class_table() -> np.ndarray:
    """``table[min(code, 0x20000)]`` is the index in :data:`CHAR_CLASSES` of a character.

    A per-page lookup plus one ``np.bincount`` replaces a dozen masks and counts;
    the classes are still defined once, by :func:`_char_classes` (every code at or
    above 0x20000 is CJK, which the last entry holds).
    """
    codes = np.arange(0x20001)
    table = np.zeros(len(codes), dtype=np.int64)
    for name, mask in zip(("cjk", "latin", "digit", "space", "punct"), _char_classes(codes)):
        table[mask] = CHAR_CLASSES.index(name)
    for name, chars in (("comma", _COMMAS), ("separator", _SEPARATORS), ("copyright", "\u00a9"),
                        ("replacement", "\ufffd"), ("newline", "\n")):
        table[[ord(ch) for ch in chars]] = CHAR_CLASSES.index(name)
    return table


@lru_cache(maxsize=32)
def _table(chars: str) -> np.ndarray:
    """A lookup table over the BMP: ``table[code]`` is True for the given characters."""
    table = np.zeros(0x10000, dtype=bool)
    table[[ord(ch) for ch in chars if ord(ch) < 0xFFFF]] = True
    return table


def _in_set(c: np.ndarray, chars: str) -> np.ndarray:
    return _table(chars)[np.minimum(c, 0xFFFF)]


def _line_of(starts: np.ndarray, positions: list[int]) -> np.ndarray:
    return np.searchsorted(starts, np.asarray(positions, dtype=np.int64), side="right") - 1


def _median(a: np.ndarray) -> float:
    """``float(np.median(a))`` for a non-empty 1-d float array, by one sort (np.median's
    overhead is most of its cost on a page's hundred lines); same value, ties included."""
    s = np.sort(a)
    mid = len(s) // 2
    return float(s[mid]) if len(s) % 2 else float((s[mid - 1] + s[mid]) / 2)


def _pattern_counts(pattern: regex.Pattern, text: str, starts: np.ndarray, n: int) -> np.ndarray:
    hits = [m.start() for m in pattern.finditer(text)]
    if not hits:
        return np.zeros(n)
    return np.bincount(_line_of(starts, hits), minlength=n).astype(float)


def _gap_counts(space: np.ndarray, line_id: np.ndarray, n: int) -> np.ndarray:
    """Per line, the runs of 3+ spaces: what ``_pattern_counts(_GAP, …)`` counts, read off the
    space mask (the ``space`` class is exactly _GAP's characters) instead of a regex scan."""
    edges = np.flatnonzero(np.diff(np.concatenate([[0], space.view(np.int8), [0]])))  # run starts, run ends
    run_start, run_end = edges[0::2], edges[1::2]
    long = run_start[run_end - run_start >= 3]
    if not len(long):
        return np.zeros(n)
    return np.bincount(line_id[long], minlength=n).astype(float)


def _densest_block(lengths: np.ndarray) -> tuple[int, int]:
    """[first, last] non-blank line indices of the maximum-sum run of (length − BLOCK_MIN_CHARS)."""
    return _max_run(lengths - BLOCK_MIN_CHARS, int(np.argmax(lengths)))


def _max_run(gains: np.ndarray, fallback: int) -> tuple[int, int]:
    """[first, last] indices of the maximum-sum contiguous run of ``gains`` (Kadane, vectorized).

    With prefix sums P, the best run ending at j starts after the last minimum of
    P[0..j]; the first j with the largest P[j+1] − min P[0..j] ends the best run.
    Ties resolve as the sequential Kadane that restarts on a run sum ≤ 0 does.
    """
    if len(gains) == 0:
        return fallback, fallback
    prefix = np.concatenate([[0.0], np.cumsum(gains, dtype=float)])
    low = np.minimum.accumulate(prefix[:-1])
    last = int(np.argmax(prefix[1:] - low))
    first = int(np.flatnonzero(prefix[: last + 1] == low[last])[-1])
    return first, last


def _sorted_unique(a: np.ndarray) -> np.ndarray:
    """``np.unique`` by sorting (numpy's hash-based unique is slower on these sizes)."""
    a = np.sort(a)
    return a[np.concatenate([[True], a[1:] != a[:-1]])] if len(a) else a


def _isin_sorted(a: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    if not len(sorted_set):
        return np.zeros(len(a), dtype=bool)
    pos = np.minimum(np.searchsorted(sorted_set, a), len(sorted_set) - 1)
    return sorted_set[pos] == a


def _hash_ngrams(c: np.ndarray, line_id: np.ndarray, keep: np.ndarray, n_rows: int) -> Ngrams:
    """Binary char 1–3-gram presence per line, L2-normalized rows, N_HASH columns."""
    c = c.copy()
    digit = (c >= 0x30) & (c <= 0x39)
    c[digit] = 0x30
    upper = (c >= 0x41) & (c <= 0x5A)
    c[upper] += 0x20
    c = c.astype(np.uint64)
    rows_all, cols_all = [], []
    m = len(c)
    mult = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))
    # Shared by the 1-, 2- and 3-grams, so computed once: each character times its
    # position's multiplier, and "character k after this one is kept and on its line".
    mixed = [c * mult[k] for k in range(3)]
    kept_after = {k: keep[k:] & (line_id[k:] == line_id[:-k]) for k in (1, 2)}
    for n in (1, 2, 3):
        if m < n:
            break
        size = m - n + 1
        valid = keep[:size].copy()
        h = np.full(size, np.uint64(n), dtype=np.uint64)
        for k in range(n):
            if k:
                valid &= kept_after[k][:size]
            h ^= mixed[k][k : size + k]
            h *= np.uint64(0xFF51AFD7ED558CCD)
            h ^= h >> np.uint64(29)
        if n == 1:  # unigrams of the boundary markers alone say nothing
            valid &= c[: m] > _EOL
        rows_all.append(line_id[: m - n + 1][valid])
        cols_all.append((h[valid] & np.uint64(N_HASH - 1)).astype(np.int64))  # = h % N_HASH (a power of 2), without a division
    keys = _sorted_unique(np.concatenate(rows_all) * N_HASH + np.concatenate(cols_all))  # sorted, deduplicated
    rows, cols = keys >> _HASH_BITS, keys & (N_HASH - 1)  # = divmod by N_HASH (a power of 2), ~8x faster than // and %
    per_row = np.bincount(rows, minlength=n_rows)
    indptr = np.concatenate([[0], np.cumsum(per_row)])
    data = np.repeat(1.0 / np.sqrt(np.maximum(per_row, 1)), per_row)
    # int32 indices: what scipy would convert them to anyway, without its conversion cost
    return Ngrams(data, cols.astype(np.int32), indptr.astype(np.int32))


def featurize(lines: Sequence[Line]) -> Features:
    """Feature matrices for the non-blank lines of one page (see the module docstring)."""
    raw = [line.text for line in lines]
    raw_stripped = [t.strip() for t in raw]  # stripped once, used for rows, blanks and texts
    rows = np.array([i for i, t in enumerate(raw_stripped) if t], dtype=np.int64)
    n = len(rows)
    if n == 0:
        empty = Ngrams(np.zeros(0), np.zeros(0, dtype=np.int32), np.zeros(1, dtype=np.int32))
        return Features(np.zeros((0, len(DENSE_NAMES))), empty, rows)

    stripped = [raw_stripped[i] for i in rows.tolist()]
    indent = np.array([len(raw[i]) - len(raw[i].lstrip()) for i in rows.tolist()], dtype=float)
    page = convert_script("\n".join(stripped), "simplified")
    texts = page.split("\n")
    if len(texts) != n:  # OpenCC never changes line count; keep the original if it ever does
        page, texts = "\n".join(stripped), stripped
    lengths_all = np.array([len(t) for t in texts], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lengths_all + 1)[:-1]])

    c = _codes(page)
    line_id = np.repeat(np.arange(n), lengths_all + 1)[: len(c)]
    char_class = _class_table()[np.minimum(c, 0x20000)]
    k = len(CHAR_CLASSES)
    class_counts = np.bincount(line_id * k + char_class, minlength=n * k).reshape(n, k).astype(float)

    def per_line(name: str) -> np.ndarray:
        """How many characters of each line are in class ``name`` (float, as the features are)."""
        return class_counts[:, CHAR_CLASSES.index(name)]

    space = char_class == CHAR_CLASSES.index("space")
    length = np.maximum(lengths_all - per_line("space"), 0.0)
    safe = np.maximum(length, 1.0)
    ends = starts + lengths_all - 1
    last = c[np.maximum(ends, 0)]
    before_last = c[np.maximum(ends - 1, 0)]
    ends_sentence = _in_set(last, SENTENCE_END) | (_in_set(last, CLOSERS) & _in_set(before_last, SENTENCE_END))
    first = c[starts.clip(max=len(c) - 1)]
    commas = per_line("comma")
    gaps = _gap_counts(space, line_id, n)
    inner_space_runs = np.bincount(line_id, weights=(space & ~np.concatenate([[False], space[:-1]])).astype(float), minlength=n)
    n_tokens = inner_space_runs + 1
    longest = int(np.argmax(length))
    indent_same = (indent == indent[longest]).astype(float)

    own = np.column_stack([
        np.minimum(length, 500) / 100,
        np.log1p(length),
        per_line("cjk") / safe,
        per_line("latin") / safe,
        per_line("digit") / safe,
        (per_line("punct") + per_line("comma") + per_line("separator")) / safe,
        per_line("space") / safe,
        ends_sentence.astype(float),
        _in_set(last, ":：").astype(float),
        np.log1p(commas),
        commas / safe * 10,
        np.log1p(n_tokens),
        np.log1p(length / n_tokens),
        _in_set(first, LIST_MARKERS).astype(float),
        _in_set(last, "]】>》»").astype(float),
        np.log1p(per_line("separator")),
        np.log1p(gaps),
        np.minimum(_pattern_counts(_URL, page, starts, n), 3),
        np.minimum(_pattern_counts(_EMAIL, page, starts, n), 3) if "@" in page else np.zeros(n),  # skip the slow scan
        np.minimum(_pattern_counts(_PHONE, page, starts, n), 3),
        np.minimum(_pattern_counts(_DATE, page, starts, n), 3),
        np.minimum(_pattern_counts(_TIME, page, starts, n), 3),
        per_line("copyright") > 0,
        per_line("replacement") > 0,
        np.log1p(np.minimum(indent, 64)),
        indent_same,
    ]).astype(float)

    # --- place -------------------------------------------------------------
    idx = np.arange(n, dtype=float)
    total = max(float(length.sum()), 1.0)
    cum = np.cumsum(length) - length
    block_first, block_last = _densest_block(length)
    in_block = (idx >= block_first) & (idx <= block_last)
    before_block = np.maximum(block_first - idx, 0)
    after_block = np.maximum(idx - block_last, 0)
    raw_blank = np.array([not t for t in raw_stripped], dtype=bool)
    blank_before = ((rows > 0) & raw_blank[np.maximum(rows - 1, 0)]).astype(float)
    blank_after = ((rows + 1 < len(raw)) & raw_blank[np.minimum(rows + 1, len(raw) - 1)]).astype(float)

    # repetition and title-likeness (short lines only)
    counts = Counter(texts)
    dup = np.array([counts[t] - 1 for t in texts], dtype=float)
    short = (length >= 2) & (length <= TITLE_MAX_CHARS)
    contained = np.zeros(n)
    occurrences: dict[str, int] = {}  # repeated lines (menus) are counted once
    for i in np.flatnonzero(short).tolist():
        if texts[i] not in occurrences:
            occurrences[texts[i]] = page.count(texts[i])
        contained[i] = occurrences[texts[i]] - 1 - dup[i]
    block_mask = (line_id >= block_first) & (line_id <= block_last)
    big = c[:-1] * 0x110000 + c[1:]
    big_line = line_id[:-1]
    big_ok = (line_id[1:] == big_line) & ~space[:-1] & ~space[1:]
    block_bigrams = _sorted_unique(big[big_ok & block_mask[:-1]])
    outside = np.flatnonzero(big_ok & ~block_mask[:-1])  # only pairs outside the block can hit: look up just those
    hit = np.zeros(len(big), dtype=bool)
    hit[outside] = _isin_sorted(big[outside], block_bigrams)
    n_big = np.bincount(big_line[big_ok], minlength=n).astype(float)
    overlap = np.bincount(big_line[hit], minlength=n) / np.maximum(n_big, 1.0)
    overlap[~short] = 0.0
    title_like = short & (length >= 5) & ~ends_sentence & (overlap >= 0.5)

    place = np.column_stack([
        idx / max(n - 1, 1),
        cum / total,
        (idx - longest) / n,
        np.sign(idx - longest) * np.log1p(np.abs(idx - longest)),
        (cum - cum[longest]) / total,
        length / max(float(length.max()), 1.0),
        length / max(_median(length), 1.0),
        in_block.astype(float),
        np.log1p(before_block),
        np.log1p(after_block),
        np.full(n, float(length[block_first : block_last + 1].sum()) / total),
        np.full(n, np.log1p(n)),
        np.full(n, np.log1p(total)),
        blank_before,
        blank_after,
        np.log1p(dup),
        np.log1p(np.maximum(contained, 0)),
        overlap,
        title_like.astype(float),
    ]).astype(float)

    prose_cols, prose = _prose_features(length, ends_sentence, commas, title_like, idx)

    # --- neighbours ---------------------------------------------------------
    base = np.column_stack([own[:, OWN_NAMES.index(nm)] for nm in NEIGHBOUR_BASE[:9]]
                           + [in_block.astype(float), prose.astype(float)])
    neigh = np.zeros((n, len(NEIGHBOUR_OFFSETS), len(NEIGHBOUR_BASE)))  # per offset: base columns, then "missing"
    neigh[:, :, :-1] = shifted(base, NEIGHBOUR_OFFSETS).reshape(n, len(NEIGHBOUR_OFFSETS), -1)
    src = np.arange(n)[:, None] + np.array(NEIGHBOUR_OFFSETS)
    neigh[:, :, -1] = (src < 0) | (src >= n)
    neigh = neigh.reshape(n, -1)

    dense = np.hstack([own, place, prose_cols, neigh])

    # The n-gram text: each line framed by BOL … EOL.  Line i (page offset starts[i])
    # moves right by i + 1 (the BOLs and EOLs before it and its own BOL), so its
    # newline lands on its EOL slot; the last line's EOL closes the array.
    at = np.arange(len(c))
    pos = at - starts[line_id]
    from_end = (starts + lengths_all)[line_id] - at
    framed = np.full(len(c) + n + 1, _EOL, dtype=c.dtype)
    framed[at + line_id + 1] = np.where(c == 10, _EOL, c)
    framed[starts + np.arange(n)] = _BOL
    framed_keep = np.ones(len(framed), dtype=bool)
    framed_keep[at + line_id + 1] = (pos < HEAD_CHARS) | (from_end <= TAIL_CHARS)  # a newline (EOL) is always kept
    framed_line = np.repeat(np.arange(n), lengths_all + 2)
    return Features(dense, _hash_ngrams(framed, framed_line, framed_keep, n), rows)


def _prose_features(length: np.ndarray, ends_sentence: np.ndarray, commas: np.ndarray,
                    title_like: np.ndarray, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where a line sits relative to the page's running prose (:data:`PROSE_NAMES`).

    Body text is the page's longest stretch of sentences; comments, teasers and
    sidebars are prose too, but shorter and cut off from it by chrome.  Every
    value is relative to the page (shares, log distances), so it carries across
    sites whatever their absolute line lengths.
    """
    n = len(length)
    prose = (length >= PROSE_MIN_CHARS) & (ends_sentence | (commas >= 1))
    prose_chars = np.where(prose, length, 0.0)
    total = max(float(prose_chars.sum()), 1.0)
    run_id = np.cumsum(np.concatenate([[1], (prose[1:] != prose[:-1]).astype(int)]))
    run_lines = np.bincount(run_id, weights=prose.astype(float))[run_id]
    run_chars = np.bincount(run_id, weights=prose_chars)[run_id]
    before = np.cumsum(prose_chars) - prose_chars
    first, last = _max_run(np.where(prose, length, -float(PROSE_GAP_COST)), int(np.argmax(prose_chars)))
    in_block = (idx >= first) & (idx <= last)
    above = np.flatnonzero(title_like[max(0, first - TITLE_SEARCH_LINES) : first])
    title = max(0, first - TITLE_SEARCH_LINES) + int(above[-1]) if len(above) else max(first - 1, 0)
    to_title = idx - title
    median = _median(length[prose]) if prose.any() else _median(length)
    cols = np.column_stack([
        prose.astype(float),
        np.log1p(run_lines),
        run_chars / total,
        before / total,
        (total - before - prose_chars) / total if prose.any() else np.zeros(n),
        in_block.astype(float),
        np.log1p(np.maximum(first - idx, 0)),
        np.log1p(np.maximum(idx - last, 0)),
        np.full(n, float(prose_chars[first : last + 1].sum()) / total),
        np.sign(to_title) * np.log1p(np.abs(to_title)),
        (idx == title).astype(float),
        length / max(median, 1.0),
    ])
    return cols, prose


# --- features of first-pass scores (stacking and smoothing stages) -------------

SMOOTH_COLUMNS_VERSION = 2
"""Bumped whenever :func:`smoothing_inputs` gains or changes a column."""
SCORE_OFFSETS = (-3, -2, -1, 1, 2, 3)
SMOOTH_OFFSETS = (-5, -4, -3, -2, -1, 1, 2, 3, 4, 5)
SMOOTH_WINDOWS = (2, 5, 10)
SMOOTH_DENSE = ("log_len", "ends_sentence", "rel_pos", "in_block", "title_like", "punct_share",
                "prose", "in_prose_block", "prose_run_log", "to_title_cand_log")


_SMOOTH_DENSE_COLUMNS = [DENSE_NAMES.index(name) for name in SMOOTH_DENSE]  # looked up once, not per page
_LOG_LEN_COLUMN = DENSE_NAMES.index("log_len")


def shifted(values: np.ndarray, offsets: Sequence[int], fill: float = 0.0) -> np.ndarray:
    """Columns of ``values`` (n, k) taken from the rows ``offsets`` away (``fill`` past the page's ends)."""
    n, k = values.shape
    out = np.full((n, k * len(offsets)), fill, dtype=float)
    for j, off in enumerate(offsets):
        if abs(off) >= n:
            continue
        if off > 0:
            out[: n - off, j * k : (j + 1) * k] = values[off:]
        else:
            out[-off:, j * k : (j + 1) * k] = values[: n + off]
    return out


def stacked_inputs(dense: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Tree-stage input: the dense features plus the linear stage's scores of the line and its neighbours."""
    return np.hstack([dense, scores, shifted(scores, SCORE_OFFSETS)])


def _window_mean(x: np.ndarray, half: int) -> np.ndarray:
    csum = np.concatenate([[0.0], np.cumsum(x)])
    idx = np.arange(len(x))
    lo, hi = np.maximum(idx - half, 0), np.minimum(idx + half + 1, len(x))
    return (csum[hi] - csum[lo]) / (hi - lo)


def smoothing_inputs(dense: np.ndarray, probs: np.ndarray) -> np.ndarray:
    """Smoothing-stage input: first-pass probabilities (body, title, other) of the line, of its
    neighbours, windowed means of p(body) around it, page-level summaries, and a few dense features.

    This is jusText's "revise each label from its neighbours", learned instead of hand-set.
    """
    n = len(probs)
    p_body = probs[:, 0]
    cols = [probs, shifted(probs[:, :2], SMOOTH_OFFSETS, fill=0.0)]
    cols += [_window_mean(p_body, h)[:, None] for h in SMOOTH_WINDOWS]
    order = np.argsort(np.argsort(-p_body, kind="stable"), kind="stable")
    best = int(np.argmax(p_body)) if n else 0
    top = max(float(p_body.max()), 1e-9) if n else 1.0
    cols += [
        np.full((n, 1), p_body.max() if n else 0.0),
        (p_body / top)[:, None],  # per-page normalization: a one-paragraph story's only
        (p_body >= top)[:, None].astype(float),  # paragraph may score 0.35 and still be its best line
        (order / max(n - 1, 1))[:, None],
        np.full((n, 1), float((p_body > 0.5).mean()) if n else 0.0),
        (np.sign(np.arange(n) - best) * np.log1p(np.abs(np.arange(n) - best)))[:, None],
        # distance to the nearest confident body line before / after
        _distance_to_confident(p_body)[:, None],
        _main_region(p_body, dense[:, _LOG_LEN_COLUMN]),
    ]
    cols.append(dense[:, _SMOOTH_DENSE_COLUMNS])
    return np.hstack(cols)


def _main_region(p_body: np.ndarray, log_len: np.ndarray) -> np.ndarray:
    """Where a line sits relative to the page's main body region, by first-pass scores.

    The region is the run of lines maximizing the sum of (p(body) − 0.5) weighted
    by log length: the article as the first pass sees it.  Columns: inside it,
    log lines before / after it, the share of the page's body mass it holds, and
    the body mass before / after the line.  A comment section or a teaser list
    below the article scores high line by line but lies outside the region.
    """
    n = len(p_body)
    if n == 0:
        return np.zeros((0, 6))
    gains = (p_body - 0.5) * (1.0 + log_len)
    first, last = _max_run(gains, int(np.argmax(p_body)))
    idx = np.arange(n)
    mass = p_body * (1.0 + log_len)
    total = max(float(mass.sum()), 1e-9)
    before = np.cumsum(mass) - mass
    return np.column_stack([
        ((idx >= first) & (idx <= last)).astype(float),
        np.log1p(np.maximum(first - idx, 0)),
        np.log1p(np.maximum(idx - last, 0)),
        np.full(n, float(mass[first : last + 1].sum()) / total),
        before / total,
        (total - before - mass) / total,
    ])


def _distance_to_confident(p_body: np.ndarray, threshold: float = 0.5) -> np.ndarray:
    """log(1 + lines to the nearest line with p(body) ≥ threshold), 5.0 when there is none."""
    hits = np.flatnonzero(p_body >= threshold)
    if len(hits) == 0:
        return np.full(len(p_body), 5.0)
    idx = np.arange(len(p_body))
    pos = np.searchsorted(hits, idx)
    before = np.where(pos > 0, idx - hits[np.maximum(pos - 1, 0)], 10**6)
    after = np.where(pos < len(hits), hits[np.minimum(pos, len(hits) - 1)] - idx, 10**6)
    return np.minimum(np.log1p(np.minimum(before, after)), 5.0)
