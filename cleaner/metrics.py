"""The metrics of SPEC §6, computed on canonical text.

Canonical text: NFKC → OpenCC t2s → delete all whitespace.  Every comparison
(body, title, paragraphs) goes through :func:`canonical`, so script, width and
spacing differences never count as errors.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from cleaner.normalize import convert_script


_WHITESPACE = regex.compile(r"\s+")


def canonical(text: str) -> str:
    """NFKC, traditional → simplified, no whitespace.

    >>> canonical("北京 ２０２４ 年\\n漢字")
    '北京2024年汉字'
    """
    text = unicodedata.normalize("NFKC", text)
    text = convert_script(text, "simplified")
    return _WHITESPACE.sub("", text)


def bigram_set(text: str) -> set[str]:
    """The distinct character bigrams of a text (for word-overlap tests between lines)."""
    return {text[i : i + 2] for i in range(len(text) - 1)}


def bigrams(text: str) -> Counter[str]:
    """Multiset of character bigrams (a one-character text is its own unigram)."""
    if len(text) == 1:
        return Counter([text])
    return Counter(text[i : i + 2] for i in range(len(text) - 1))


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @staticmethod
    def from_counts(true_positive: float, predicted: float, gold: float) -> "PRF":
        """P/R/F1 from counts; an empty prediction of an empty gold is perfect."""
        if predicted == 0 and gold == 0:
            return PRF(1.0, 1.0, 1.0)
        p = true_positive / predicted if predicted else 0.0
        r = true_positive / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return PRF(p, r, f)


def body_prf(predicted: str, gold: str) -> PRF:
    """Multiset bigram P/R/F1 between two texts, after canonicalization.

    >>> body_prf("北京欢迎你", "北京欢迎你").f1
    1.0
    >>> round(body_prf("北京欢迎", "北京欢迎你").recall, 2)
    0.75
    """
    p, g = bigrams(canonical(predicted)), bigrams(canonical(gold))
    overlap = sum((p & g).values())
    return PRF.from_counts(overlap, sum(p.values()), sum(g.values()))


def line_prf(predicted_in_body: dict[int, bool], gold_in_body: dict[int, bool]) -> tuple[int, int, int]:
    """(true positives, predicted positives, gold positives) over the gold-labeled lines."""
    tp = pred = gold = 0
    for number, is_body in gold_in_body.items():
        predicted = predicted_in_body.get(number, False)
        tp += predicted and is_body
        pred += predicted
        gold += is_body
    return tp, pred, gold


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100), as numpy's default."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def paragraph_exact(predicted: Iterable[str], gold: Iterable[str]) -> tuple[int, int]:
    """(gold paragraphs reproduced exactly, gold paragraphs), canonical comparison.

    A predicted paragraph can match one gold paragraph only (multiset).
    """
    available = Counter(canonical(p) for p in predicted)
    hits = total = 0
    for paragraph in gold:
        key = canonical(paragraph)
        total += 1
        if available[key] > 0:
            available[key] -= 1
            hits += 1
    return hits, total
