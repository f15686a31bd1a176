"""The HTML-aware line classifier, the page-metadata merge, and its training with site-grouped CV.

    python -m cleaner.html_model train ../shared/data/daniel -o models/html_model.json.gz

How an HTML page is cleaned (``cleaner.clean_html``):

1. :func:`cleaner.html.render_page` renders the visible text into lines, each
   with DOM evidence (block tag, link text, depth, class/id words, containers).
2. :func:`featurize` puts the text features of :mod:`cleaner.features` (the
   same ones the text classifier uses) beside DOM features (:data:`DOM_NAMES`):
   link density, class/id hints, the share of the page's prose held by each of
   the line's containers, whether the line is the ``<title>``/``og:title``/
   ``<h1>`` text.
3. :class:`HtmlModel` — gradient-boosted trees over those features, then a
   smoothing stage over the neighbours' and containers' probabilities — labels
   each line body / title / other.  One line, the most title-like, becomes the
   title candidate.
4. The same stages as text input run on these first-pass labels
   (:func:`cleaner.pipeline.clean_lines`: revise → segment → fields).
5. :func:`merge_metadata` fills title and date from the page's explicit
   metadata (``<title>``, ``og:title``, ``<h1>``, meta tags and JSON-LD read by
   trafilatura, dates by htmldate) when consistent with the text, else keeps
   what the text patterns found; ``Document.field_sources`` records where each
   field came from (``cleaner explain`` shows it).

Why not trafilatura's main-content guess as a feature: running its extraction
costs more than this whole pipeline (≈ 75–120 ms per daniel page against
≈ 30 ms), and the issue requires clean_html to be at least as fast as
trafilatura's ``extract``.  Its metadata readers (``extract_metadata``,
≈ 15 ms) are used.

The model file is JSON (gzip-compressed), numbers and names only (arrays as
base64 of little-endian values, like the line model's), read with
:func:`cleaner.classify.read_model_file` and checked key by key (the tree
layout and evaluator are :class:`cleaner.classify._Trees`).  Training labels the
rendered lines by daniel's rule (:func:`label_lines`) and chooses nothing by
in-sample scores: the CV table is site-grouped (no site in both train and eval).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import regex

from cleaner import features
from cleaner.config import Config
from cleaner.document import Article, Document, Edit, Kind, Label, Line
from cleaner.heuristics import Guess
from cleaner.html import HINT_PATTERNS, Page
from cleaner.metrics import bigram_set

FORMAT = "cleaner.html_model"
FORMAT_VERSION = 2
"""2: tree arrays as base64, as in line model files (:func:`cleaner.classify.encode_arrays`)."""
DEFAULT_NAME = "html_model.json.gz"
LABELS = (Label.BODY, Label.TITLE, Label.OTHER)
HINTS = tuple(name for name, _ in HINT_PATTERNS)
TAGS = ("p", "div", "td", "li", "h1", "h2", "h3", "other")
_TAG_OF = {"p": "p", "div": "div", "td": "td", "th": "td", "li": "li", "dd": "li", "dt": "li", "h1": "h1", "h2": "h2",
           "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3"}
BOXES = 5

DOM_NAMES = (
    *(f"tag_{t}" for t in TAGS),
    "depth_log", "depth_rel", "link_density", "all_link", "chars_log", "in_list", "in_table",
    *(f"near_{h}" for h in HINTS), *(f"anc_{h}" for h in HINTS),
    *(f"box{k}_prose_share" for k in range(BOXES)),
    "box1_link_density", "box2_link_density", "box1_lines_log", "box2_lines_log",
    "in_main", "main_dist_log", "prose",
    "title_eq_head", "title_head_prefix", "title_in_head", "title_eq_og", "title_eq_h1", "title_first_eq",
    "prev_link_density", "next_link_density", "same_box_prev", "same_box_next",
)
SMOOTH_OFFSETS = (-5, -4, -3, -2, -1, 1, 2, 3, 4, 5)
SMOOTH_WINDOWS = (2, 5, 15)
SMOOTH_NAMES = (
    "p_body", "p_title", "p_other",
    *(f"{'prev' if k < 0 else 'next'}{abs(k)}_p_{c}" for k in SMOOTH_OFFSETS for c in ("body", "title")),
    *(f"win{h}_p_body" for h in SMOOTH_WINDOWS),
    *(f"box{k}_p_body" for k in range(1, 4)),
    "page_max_p_body", "rank_p_body", "page_share_body", "to_confident_log", "title_rank",
)

TITLE_MIN_P = 0.15
"""The most title-like line is a title candidate only above this probability
(site-grouped CV on daniel: 0.1–0.3 give the same title accuracy)."""
PROSE_MIN_CHARS = 10
"""A line counts as prose (for container shares) with at least this many
characters, a clause mark and under 30 % link text."""

META_MAX_CHARS = 1_000_000
"""trafilatura's metadata readers (htmldate) are skipped on pages longer than this:
they take ~1.5 s per MB; daniel's largest page is 0.9 MB."""

_CLAUSE = regex.compile(r"[，。！？；,.!?;：]")
_TITLE_SEP = regex.compile(r"\s*(?:[_|｜│–—]|\s-\s|-{1,2}|::|—)\s*")


def default_model_path() -> Path:
    here = Path(__file__).resolve().parent
    installed = here / "models" / DEFAULT_NAME
    return installed if installed.exists() else here.parent / "models" / DEFAULT_NAME


# --- page metadata -------------------------------------------------------------------


@lru_cache(maxsize=1)
def _canon():
    from cleaner.metrics import canonical

    return canonical


def canon(text: str | None) -> str:
    return _canon()(text or "")


def strip_site_name(title: str) -> str:
    """A ``<title>`` without its site-name suffix (``…_新浪网``, ``…-中新网``, ``…|联合新闻网``).

    >>> strip_site_name("北京抢抓数字经济发展先机_新浪网")
    '北京抢抓数字经济发展先机'
    >>> strip_site_name("中国经济增长6.9% - 中新网 - 财经")
    '中国经济增长6.9%'
    """
    parts = [p for p in _TITLE_SEP.split(title.strip()) if p.strip()]
    return parts[0].strip() if parts else title.strip()


@dataclass
class PageMeta:
    """What the page declares about itself (any field may be None)."""

    head_title: str | None = None
    og_title: str | None = None
    h1: tuple[str, ...] = ()
    meta_title: str | None = None  # trafilatura: meta tags / JSON-LD / its title heuristics
    date: str | None = None  # htmldate
    author: str | None = None
    sitename: str | None = None


def read_meta_tags(page: Page) -> PageMeta:
    """``<title>``, ``og:title`` and ``<h1>`` (cheap, from the parsed tree)."""
    og = None
    if page.tree is not None:
        for element in page.tree.iter("meta"):
            if (element.get("property") or element.get("name") or "").lower() in ("og:title", "twitter:title"):
                og = (element.get("content") or "").strip() or None
                if og:
                    break
    return PageMeta(page.head_title, og, tuple(page.h1))


def read_page_metadata(page: Page, url: str | None = None) -> PageMeta:
    """Meta tags plus trafilatura's title/date readers (meta tags, JSON-LD, htmldate).

    trafilatura is optional: without it only ``<title>``/``og:title``/``<h1>`` are read.
    """
    meta = read_meta_tags(page)
    if page.tree is None or page.size > META_MAX_CHARS:
        return meta
    try:
        from htmldate import find_date
        from trafilatura.metadata import examine_meta, extract_meta_json, extract_title, extract_url
        from trafilatura.settings import set_date_params
    except ImportError:
        return meta
    # The readers trafilatura's extract_metadata runs for title and date, in its
    # order, without its author/category/licence heuristics: they cost half the
    # time of a page and none of them is used here.
    try:
        found = examine_meta(page.tree)
        try:
            found = extract_meta_json(page.tree, found)
        except Exception:  # trafilatura's JSON-LD reader has known bugs
            pass
        found.title = found.title or extract_title(page.tree)
        date_params = set_date_params(False)
        date_params["url"] = found.url or extract_url(page.tree, url)
        found.date = find_date(page.tree, **date_params)
        found.clean_and_trim()  # entities, spaces and control characters, as extract_metadata ends
        meta.meta_title = (found.title or "").strip() or None
        meta.date = found.date or None
    except Exception:  # a metadata reader must never cost the page
        return meta
    return meta


# --- features ------------------------------------------------------------------------


def _box_stats(page: Page, prose: np.ndarray, chars: np.ndarray, links: np.ndarray):
    n = len(page.evidence)
    total = max(prose.sum(), 1.0)
    share = np.zeros((n, BOXES))
    link_density = np.zeros((n, 2))
    n_lines = np.zeros((n, 2))
    members: list[dict[int, list[int]]] = []
    for k in range(BOXES):
        groups: dict[int, list[int]] = {}
        for i, ev in enumerate(page.evidence):
            if len(ev.containers) > k:
                groups.setdefault(ev.containers[k], []).append(i)
        members.append(groups)
        for rows in groups.values():
            share[rows, k] = prose[rows].sum() / total
            if k in (1, 2):
                link_density[rows, k - 1] = links[rows].sum() / max(chars[rows].sum(), 1)
                n_lines[rows, k - 1] = np.log1p(len(rows))
    # The main container: the most specific one holding at least half the page's prose.
    best, best_size = None, None
    for k in range(BOXES):
        for rows in members[k].values():
            if prose[rows].sum() >= 0.5 * total and prose.sum() > 0 and (best_size is None or len(rows) < best_size):
                best, best_size = rows, len(rows)
    in_main = np.zeros(n)
    dist = np.full(n, 6.0)
    if best:
        in_main[best] = 1.0
        lo, hi = min(best), max(best)
        idx = np.arange(n)
        dist = np.log1p(np.where(idx < lo, lo - idx, np.where(idx > hi, idx - hi, 0)))
    return share, link_density, n_lines, in_main, dist, members


def dom_features(page: Page, meta: PageMeta) -> tuple[np.ndarray, list]:
    """(n, len(DOM_NAMES)) DOM features of the page's rendered lines, and the container groups."""
    ev = page.evidence
    n = len(ev)
    x = np.zeros((n, len(DOM_NAMES)))
    if n == 0:
        return x, []
    col = {name: i for i, name in enumerate(DOM_NAMES)}
    chars = np.array([e.chars for e in ev], dtype=float)
    links = np.array([e.link_chars for e in ev], dtype=float)
    depth = np.array([e.depth for e in ev], dtype=float)
    density = links / np.maximum(chars, 1)
    texts = [line.text for line in page.lines]
    prose = np.array(
        [c if c >= PROSE_MIN_CHARS and d < 0.3 and _CLAUSE.search(t) else 0.0 for c, d, t in zip(chars, density, texts)]
    )
    for i, e in enumerate(ev):
        x[i, col[f"tag_{_TAG_OF.get(e.tag, 'other')}"]] = 1.0
        for j, h in enumerate(HINTS):
            x[i, col[f"near_{h}"]] = (e.near >> j) & 1
            x[i, col[f"anc_{h}"]] = (e.inherited >> j) & 1
        x[i, col["in_list"]] = e.in_list
        x[i, col["in_table"]] = e.in_table
    x[:, col["depth_log"]] = np.log1p(depth)
    x[:, col["depth_rel"]] = depth / max(depth.max(), 1)
    x[:, col["link_density"]] = density
    x[:, col["all_link"]] = density >= 0.95
    x[:, col["chars_log"]] = np.log1p(chars)
    x[:, col["prose"]] = prose > 0
    share, box_links, box_lines, in_main, dist, members = _box_stats(page, prose, chars, links)
    for k in range(BOXES):
        x[:, col[f"box{k}_prose_share"]] = share[:, k]
    x[:, col["box1_link_density"]], x[:, col["box2_link_density"]] = box_links[:, 0], box_links[:, 1]
    x[:, col["box1_lines_log"]], x[:, col["box2_lines_log"]] = box_lines[:, 0], box_lines[:, 1]
    x[:, col["in_main"]], x[:, col["main_dist_log"]] = in_main, dist
    # Title evidence: the line against what the page says its title is.
    head = canon(meta.head_title)
    og = canon(meta.og_title)
    h1 = {canon(h) for h in meta.h1}
    seen_head = False
    for i, t in enumerate(texts):
        if chars[i] > 120:
            continue
        c = canon(t)
        if len(c) < 4:
            continue
        if head:
            x[i, col["title_eq_head"]] = c == head or c == canon(strip_site_name(meta.head_title or ""))
            x[i, col["title_head_prefix"]] = len(c) / len(head) if head.startswith(c) else 0.0
            x[i, col["title_in_head"]] = len(c) / len(head) if c in head else 0.0
            if x[i, col["title_head_prefix"]] > 0.3 and not seen_head:
                x[i, col["title_first_eq"]] = 1.0
                seen_head = True
        x[i, col["title_eq_og"]] = bool(og) and c == og
        x[i, col["title_eq_h1"]] = c in h1
    x[1:, col["prev_link_density"]] = density[:-1]
    x[:-1, col["next_link_density"]] = density[1:]
    box1 = [e.containers[1] if len(e.containers) > 1 else -i - 1 for i, e in enumerate(ev)]
    for i in range(1, n):
        same = float(box1[i] == box1[i - 1])
        x[i, col["same_box_prev"]] = same
        x[i - 1, col["same_box_next"]] = same
    return x, members


def featurize(page: Page, meta: PageMeta, dense_names: Sequence[str]) -> tuple[np.ndarray, list]:
    """Text features (the named columns of :func:`cleaner.features.featurize`) + DOM features."""
    n = len(page.lines)
    text = features.featurize(page.lines)
    if len(text.rows) != n:  # rendered lines are never blank, but be exact
        dense = np.zeros((n, text.dense.shape[1]))
        dense[text.rows] = text.dense
    else:
        dense = text.dense
    index = {name: i for i, name in enumerate(features.DENSE_NAMES)}
    missing = [name for name in dense_names if name not in index]
    if missing:
        raise ModelError(f"text features {missing[:3]} are gone from cleaner.features; retrain the HTML model")
    dom, members = dom_features(page, meta)
    return np.hstack([dense[:, [index[name] for name in dense_names]], dom]), members


def _window_mean(x: np.ndarray, half: int) -> np.ndarray:
    csum = np.concatenate([[0.0], np.cumsum(x)])
    idx = np.arange(len(x))
    lo, hi = np.maximum(idx - half, 0), np.minimum(idx + half + 1, len(x))
    return (csum[hi] - csum[lo]) / (hi - lo)


def smoothing_inputs(dom: np.ndarray, probs: np.ndarray, members: list) -> np.ndarray:
    """Second-stage input: the line's and its neighbours' first-stage probabilities,
    windowed and per-container means of p(body), page summaries, and the DOM features."""
    n = len(probs)
    p_body = probs[:, 0]
    cols = [probs, features.shifted(probs[:, :2], SMOOTH_OFFSETS)]
    cols += [_window_mean(p_body, h)[:, None] for h in SMOOTH_WINDOWS]
    for k in range(1, 4):
        box = np.zeros(n)
        for rows in members[k].values() if k < len(members) else ():
            box[rows] = p_body[rows].mean()
        cols.append(box[:, None])
    hits = np.flatnonzero(p_body >= 0.5)
    idx = np.arange(n)
    if len(hits):
        pos = np.searchsorted(hits, idx)
        before = np.where(pos > 0, idx - hits[np.maximum(pos - 1, 0)], 10**6)
        after = np.where(pos < len(hits), hits[np.minimum(pos, len(hits) - 1)] - idx, 10**6)
        to_confident = np.minimum(np.log1p(np.minimum(before, after)), 5.0)
    else:
        to_confident = np.full(n, 5.0)
    rank = np.argsort(np.argsort(-p_body, kind="stable"), kind="stable") / max(n - 1, 1)
    title_rank = np.argsort(np.argsort(-probs[:, 1], kind="stable"), kind="stable")
    cols += [
        np.full((n, 1), p_body.max() if n else 0.0), rank[:, None],
        np.full((n, 1), float((p_body > 0.5).mean()) if n else 0.0),
        to_confident[:, None], np.minimum(title_rank, 10)[:, None],
    ]
    return np.hstack(cols + [dom])


# --- the model -----------------------------------------------------------------------


class ModelError(ValueError):
    """An HTML model file that cannot be used."""


TOP_KEYS = {"format", "format_version", "labels", "text_features", "dom_features", "smooth_features",
            "sklearn_version", "training", "trees", "smooth"}


class HtmlModel:
    """A loaded HTML line model (trees, then smoothing trees)."""

    def __init__(self, raw: dict):
        from cleaner import classify

        if not isinstance(raw, dict) or set(raw) != TOP_KEYS:
            got = sorted(raw) if isinstance(raw, dict) else type(raw).__name__
            raise ModelError(f"not an HTML model: keys {got}")
        if raw["format"] != FORMAT or raw["format_version"] != FORMAT_VERSION:
            raise ModelError(f"unsupported model format {raw['format']!r} v{raw['format_version']!r}")
        if raw["labels"] != [label.value for label in LABELS]:
            raise ModelError(f"model labels {raw['labels']!r} do not match")
        if raw["dom_features"] != list(DOM_NAMES) or raw["smooth_features"] != list(SMOOTH_NAMES):
            raise ModelError("the model was trained on other DOM features; retrain it")
        names = raw["text_features"]
        if not isinstance(names, list) or not all(isinstance(s, str) for s in names):
            raise ModelError("text_features: expected a list of names")
        missing = [s for s in names if s not in features.DENSE_NAMES]
        if missing:
            raise ModelError(f"text features {missing[:3]} are gone from cleaner.features; retrain the HTML model")
        try:
            classify._plain(raw["training"], "training")
            self.trees = classify._Trees(raw["trees"], "trees")
            self.smooth = classify._Trees(raw["smooth"], "smooth") if raw["smooth"] is not None else None
        except classify.ModelError as exc:
            raise ModelError(str(exc)) from None
        self.text_features = tuple(names)
        self.training = raw["training"]

    @classmethod
    def load(cls, path: Path | str | None = None) -> "HtmlModel":
        """Load a model file (JSON or gzip JSON; anything else is refused); None = the shipped one."""
        if path is None:
            return _default_model()
        from cleaner import classify

        try:
            return cls(classify.read_model_file(Path(path)))
        except classify.ModelError as exc:
            raise ModelError(str(exc)) from None

    def probabilities(self, page: Page, meta: PageMeta) -> np.ndarray:
        """(n, 3) probabilities of (body, title, other) for every rendered line."""
        if not page.lines:
            return np.zeros((0, 3))
        x, members = featurize(page, meta, self.text_features)
        probs = self.trees.probabilities(x)
        if self.smooth is not None:
            dom = x[:, len(self.text_features):]
            probs = self.smooth.probabilities(smoothing_inputs(dom, probs, members))
        return probs


@lru_cache(maxsize=1)
def _default_model() -> HtmlModel:
    path = default_model_path()
    if not path.exists():
        raise FileNotFoundError(f"no shipped HTML model at {path}; train one with `python -m cleaner.html_model train`")
    return HtmlModel.load(path)


def guesses_from(probs: np.ndarray) -> list[Guess]:
    """First-pass labels: body where p(body) wins; the single most title-like line is the title."""
    out = []
    title = int(probs[:, 1].argmax()) if len(probs) else -1
    if title >= 0 and probs[title, 1] < TITLE_MIN_P:
        title = -1
    for i, p in enumerate(probs.tolist()):
        if i == title and p[0] < 0.5:
            out.append(Guess(Label.TITLE, "html model: most title-like line", p[1]))
        elif p[0] >= max(p[1], p[2]):
            out.append(Guess(Label.BODY, "html model: body", p[0]))
        else:
            out.append(Guess(Label.OTHER, "html model: other", p[2] if p[2] >= p[1] else p[1]))
    return out


# --- one page through the pipeline ----------------------------------------------------


def clean_page(page: Page, *, model: HtmlModel | None, meta: PageMeta, doc_id: str, config: Config) -> Document:
    """A rendered page through the shared stages (revise → segment → fields), then the metadata merge."""
    from cleaner.pipeline import clean_lines

    if config.layout == "auto":
        config = config.with_options(layout="web")  # rendered HTML is never hard-wrapped print text
    first_pass = None
    if model is not None and page.lines:
        guesses = guesses_from(model.probabilities(page, meta))
        by_number = {line.number: g for line, g in zip(page.lines, guesses)}

        def first_pass(blocks, lines, config):  # noqa: ARG001 — the pipeline's first-pass signature
            return [by_number[b.first] for b in blocks]

    document = clean_lines(page.lines, doc_id=doc_id, config=config, encoding=page.encoding, first_pass=first_pass)
    last = page.lines[-1].number if page.lines else 0
    if page.truncated:
        document.edits.append(Edit("html_truncated", last, last, "", f"page cut at {page.size} characters ({page.truncated} more not read)"))
    if page.lines_cut:
        document.edits.append(Edit("html_lines_cut", last, last, "", f"{page.lines_cut} rendered lines after line {last} not cleaned"))
    if page.flat:
        document.edits.append(Edit("html_flat", 1, last, "", "DOM deeper than lxml can hold: text read by tag stripping"))
    merge_metadata(document, page, meta, config)
    return document


def _title_line(document: Document) -> str | None:
    for d in document.decisions:
        if d.label is Label.TITLE:
            return d.text
    return None


_BRACKET_TAG = regex.compile(r"^[【\[［〔(（][^】\]］〕)）]{1,12}[】\]］〕)）]$")
_NAV_SPLIT = regex.compile(r"[\s|｜>＞»›/／\\,，、·•]+")
CHANNEL_MAX = 4
"""A trailing space-separated word this short may be a channel name (``标题 上海_新闻中心_网``)."""
SITE_NAME_MAX = 20
SITE_NAME_MAX_SHARED = 0.25
TITLE_ABOVE_MAX = 60
TITLE_ABOVE_LOOKBACK = 6
TITLE_ABOVE_MIN_SHARED = 0.3


def _linked_words(page: Page) -> set[str]:
    """Canonical words of link-bearing lines (navigation bars, breadcrumbs)."""
    words: set[str] = set()
    for line, ev in zip(page.lines, page.evidence):
        if ev.link_chars:
            words.update(canon(w) for w in _NAV_SPLIT.split(line.text) if w)
    return words


def _rendered_title(page: Page, stripped: str) -> str | None:
    """A rendered line carrying the site-stripped ``<title>``, when the ``<title>`` also
    carries a channel word (``标题 上海`` where ``上海`` is a navigation/breadcrumb entry)
    or the line a bracketed column tag (``【记者即时播报】标题``).

    The channel word is dropped only when it is a whole entry of a link-bearing line.
    """
    variants = [canon(stripped)]
    head, _, last = stripped.strip().rpartition(" ")
    if head.strip() and 0 < len(canon(last)) <= CHANNEL_MAX and canon(last) in _linked_words(page):
        variants.append(canon(head))
    for variant in variants[1:]:
        for l in page.lines:
            if canon(l.text) == variant:
                return l.text
    for variant in variants:
        if len(variant) < 6:
            continue
        for l in page.lines:
            text = canon(l.text)
            if text.endswith(variant) and _BRACKET_TAG.match(text[: -len(variant)]):
                return l.text
    return None


def _site_name_only(title: str, body: str) -> bool:
    """A declared title that is only the site's name: short, one part (no ``A - B``
    split), and hardly a character pair in common with the article's body (a headline
    shares most of its pairs with its story; a site name only by chance)."""
    text = canon(title)
    if len(text) < 2 or len(text) > SITE_NAME_MAX or len([p for p in _TITLE_SEP.split(title) if p.strip()]) > 1:
        return False
    pairs = bigram_set(text)
    return len(pairs & bigram_set(canon(body))) / len(pairs) < SITE_NAME_MAX_SHARED


def _line_above_body(document: Document, page: Page, body: str) -> str | None:
    """The link-free, title-sized line among the few just above the first body line that
    shares the largest part of its character pairs with the body (nearest wins ties)."""
    first = next((d.first for d in document.decisions if d.label is Label.BODY), None)
    if first is None:
        return None
    body_pairs = bigram_set(canon(body))
    best, best_share = None, TITLE_ABOVE_MIN_SHARED
    for line, ev in zip(page.lines, page.evidence):
        if not first - TITLE_ABOVE_LOOKBACK <= line.number < first or ev.link_chars:
            continue
        decision = next((d for d in document.decisions if d.first <= line.number <= d.last), None)
        if decision is not None and decision.label in (Label.BODY, Label.META):
            continue
        text = canon(line.text)
        if not 4 <= len(text) <= TITLE_ABOVE_MAX or "。" in text[:-1]:
            continue
        pairs = bigram_set(text)
        share = len(pairs & body_pairs) / len(pairs)
        if share >= best_share:
            best, best_share = line.text, share
    return best


def merge_metadata(document: Document, page: Page, meta: PageMeta, config: Config) -> None:
    """Title and date: explicit page metadata when consistent with the text, else text patterns.

    Title order: a rendered line that the page's ``<title>``/``og:title``/``<h1>``
    confirms (the classifier's title line, or the line equal to the site-stripped
    ``<title>``, or — :func:`_rendered_title` — the line it matches once a navigation
    channel word is dropped or a bracketed column tag allowed); then the classifier's
    title line alone; then the site-stripped ``<title>``/``og:title`` unless it is only
    the site's name (:func:`_site_name_only`), in which case the line just above the
    body that shares most of its words (:func:`_line_above_body`); the text patterns'
    choice stays only when none exists.
    """
    from cleaner.normalize import normalize

    if not document.articles:
        reason = "the HTML page has no visible text" if not page.lines else "no line of the page was classified as article text"
        document.articles.append(Article(document.doc_id, kind=Kind.EMPTY, reason=reason))
        return
    article = document.articles[0]
    sources = document.field_sources
    head = canon(meta.head_title)
    confirmed = {c for c in (head, canon(meta.og_title), canon(meta.meta_title), *map(canon, meta.h1)) if c}
    stripped = strip_site_name(meta.head_title) if meta.head_title else None
    chosen, source = None, None
    line = _title_line(document)
    declared = meta.og_title or stripped
    rendered = _rendered_title(page, stripped) if stripped else None
    if line and (canon(line) in confirmed or (head and head.startswith(canon(line)))):
        chosen, source = line, "html: title line confirmed by <title>/og:title/<h1>"
    elif stripped and any(canon(l.text) == canon(stripped) for l in page.lines):
        chosen, source = stripped, "html: <title> without site name, also a rendered line"
    elif rendered:
        chosen, source = rendered, "html: rendered line matching <title> without site and channel names"
    elif line:
        chosen, source = line, "html model: title line"
    elif declared and not _site_name_only(declared, article.text):
        chosen, source = declared, "page metadata: og:title / <title>"
    elif (above := _line_above_body(document, page, article.text)):
        chosen, source = above, "html: line above the body sharing its words (<title> is only the site name)"
    elif declared:
        chosen, source = declared, "page metadata: og:title / <title>"
    if chosen:
        article.title = normalize(chosen.strip(), config).text or article.title
        sources["title"] = source
    elif article.title:
        sources["title"] = "text patterns"
    if article.date:
        sources["date"] = "text patterns"
    elif meta.date:
        article.date = meta.date
        sources["date"] = "page metadata (htmldate)"
    if article.authors:
        sources["authors"] = "text patterns"


# --- training: labels, data, fit, site-grouped CV --------------------------------------

CLASS_OF = {Label.BODY: 0, Label.TITLE: 1, Label.OTHER: 2}
COVER_N = 6
"""daniel's README: a line is body when ≥ 80 % of its canonical characters are in
the gold (contained, or covered by character 6-grams of the gold)."""
COVER_MIN = 0.8


def label_lines(texts: Sequence[str], gold_title: str | None, gold_body: Sequence[str]) -> list[Label]:
    """Label rendered lines against the gold by the rule of daniel's README.

    ``title``: canonical text equals the gold headline.  ``body``: at least 80 % of
    its canonical characters are covered by the gold body (the whole line contained
    in it, or character 6-grams that occur in it); a line under 6 canonical
    characters only when it is a whole gold paragraph, or occurs in the gold and sits
    between body lines.  Everything else is ``other``.

    >>> label_lines(["首页", "标题", "第一段正文内容在这里。", "评论"], "标题", ["第一段正文内容在这里。"])
    [<Label.OTHER: 'other'>, <Label.TITLE: 'title'>, <Label.BODY: 'body'>, <Label.OTHER: 'other'>]
    """
    title = canon(gold_title)
    paragraphs = {canon(p) for p in gold_body}
    body = "".join(canon(p) for p in gold_body)
    grams = {body[i: i + COVER_N] for i in range(len(body) - COVER_N + 1)}
    labels: list[Label] = []
    short: list[int] = []
    for i, text in enumerate(texts):
        c = canon(text)
        if not c:
            labels.append(Label.OTHER)
        elif title and c == title:
            labels.append(Label.TITLE)
        elif len(c) < COVER_N:
            labels.append(Label.BODY if c in paragraphs else Label.OTHER)
            if c in body and c not in paragraphs:
                short.append(i)
        elif c in body:
            labels.append(Label.BODY)
        else:
            covered = np.zeros(len(c), dtype=bool)
            for j in range(len(c) - COVER_N + 1):
                if c[j: j + COVER_N] in grams:
                    covered[j: j + COVER_N] = True
            labels.append(Label.BODY if covered.mean() >= COVER_MIN else Label.OTHER)
    for i in short:  # a short gold piece between two body lines
        before = any(l is Label.BODY for l in labels[max(0, i - 2): i])
        after = any(l is Label.BODY for l in labels[i + 1: i + 3])
        if before and after:
            labels[i] = Label.BODY
    return labels


@dataclass
class TrainPage:
    """One labeled page, rendered and featurized once."""

    name: str
    site: str
    page: Page
    meta: PageMeta
    x: np.ndarray  # text + DOM features
    members: list
    y: np.ndarray
    gold_title: str | None
    gold_body: str


def load_pages(samples, log=None) -> list["TrainPage"]:
    """Render, read metadata, label and featurize every sample with an HTML page."""
    from cleaner.html import render_page

    names = list(features.DENSE_NAMES)
    pages = []
    t0 = time.time()
    for s in sorted(samples, key=lambda s: s.name):
        if s.html_path is None or not s.articles:
            continue
        page = render_page(s.html_path.read_bytes())
        meta = read_page_metadata(page)
        page.tree = None  # keep memory flat: the tree was only needed for metadata
        if not page.lines:
            continue
        article = s.articles[0]
        labels = label_lines([l.text for l in page.lines], article.title, [p for a in s.articles for p in a.body])
        x, members = featurize(page, meta, names)
        y = np.array([CLASS_OF[label] for label in labels], dtype=np.int64)
        pages.append(TrainPage(s.name, s.site, page, meta, x, members, y, article.title, s.gold_body))
    if log:
        log(f"{len(pages)} pages rendered and featurized in {time.time() - t0:.0f}s")
    return pages


TREE_ITER = 150
SMOOTH_ITER = 80
INNER_FOLDS = 4


def _folds(pages: Sequence[TrainPage], k: int):
    from sklearn.model_selection import GroupKFold

    sites = [p.site for p in pages]
    k = min(k, len(set(sites)))
    if k < 2:
        return []
    return list(GroupKFold(n_splits=k).split(np.zeros(len(pages)), groups=sites))


def _fit(x: np.ndarray, y: np.ndarray, n_iter: int, seed: int) -> dict:
    from cleaner.train import fit_trees

    return fit_trees(x, y, n_iter, seed)


def _n_text(pages) -> int:
    return len(features.DENSE_NAMES)


def train(pages: Sequence[TrainPage], *, seed: int = 0, inner_folds: int = INNER_FOLDS, smooth: bool = True) -> dict:
    """Trees on all pages; the smoothing stage on out-of-fold tree probabilities (site-grouped)."""
    import sklearn
    from cleaner import classify

    x = np.vstack([p.x for p in pages])
    y = np.concatenate([p.y for p in pages])
    trees = _fit(x, y, TREE_ITER, seed)
    smooth_section = None
    if smooth:
        probs: list[np.ndarray | None] = [None] * len(pages)
        folds = _folds(pages, inner_folds)
        for train_idx, eval_idx in folds:
            inner = _fit(np.vstack([pages[i].x for i in train_idx]), np.concatenate([pages[i].y for i in train_idx]),
                         TREE_ITER, seed)
            evaluator = classify._Trees(inner, "trees")
            for i in eval_idx:
                probs[i] = evaluator.probabilities(pages[i].x)
        if not folds:
            evaluator = classify._Trees(trees, "trees")
            probs = [evaluator.probabilities(p.x) for p in pages]
        n_text = _n_text(pages)
        sx = np.vstack([smoothing_inputs(p.x[:, n_text:], pr, p.members) for p, pr in zip(pages, probs)])
        smooth_section = _fit(sx, y, SMOOTH_ITER, seed)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "labels": [label.value for label in LABELS],
        "text_features": list(features.DENSE_NAMES),
        "dom_features": list(DOM_NAMES),
        "smooth_features": list(SMOOTH_NAMES),
        "sklearn_version": sklearn.__version__,
        "training": {"pages": len(pages), "sites": len({p.site for p in pages}), "seed": seed,
                     "lines": int(len(y)), "tree_iter": TREE_ITER, "smooth_iter": SMOOTH_ITER if smooth else 0},
        "trees": trees,
        "smooth": smooth_section,
    }


@dataclass
class PageScore:
    name: str
    site: str
    fold: int
    body_f1: float
    title_ok: bool
    title: str | None


def evaluate_page(model: HtmlModel | None, tp: TrainPage, fold: int, config: Config) -> PageScore:
    """clean_html's result on one page (everything after rendering), scored against the gold."""
    from cleaner.metrics import body_prf

    document = clean_page(tp.page, model=model, meta=tp.meta, doc_id=tp.name, config=config)
    articles = [a for a in document.articles if a.kind is not Kind.EMPTY]
    body = "\n".join(a.text for a in articles)
    title = articles[0].title if articles else None
    ok = bool(tp.gold_title) and canon(title) == canon(tp.gold_title)
    return PageScore(tp.name, tp.site, fold, body_prf(body, tp.gold_body).f1, ok, title)


def cross_validate(pages: Sequence[TrainPage], folds: int = 5, *, seed: int = 0, log=None,
                   save_dir: Path | None = None) -> list[PageScore]:
    """Outer site-grouped K-fold: train without the fold's sites, run clean_page on the fold.

    With ``save_dir``, each fold's model is written there with ``folds.json`` (site →
    fold), so that ``cleaner bench`` can run the ``cleaner-html-cv`` system: clean_html
    with, for every page, the model that never saw its site.
    """
    import json

    scores: list[PageScore] = []
    config = Config()
    site_fold: dict[str, int] = {}
    for k, (train_idx, eval_idx) in enumerate(_folds(pages, folds)):
        t0 = time.time()
        raw = train([pages[i] for i in train_idx], seed=seed)
        model = HtmlModel(raw)
        if save_dir is not None:
            save_dir.mkdir(parents=True, exist_ok=True)
            write_model(raw, save_dir / f"fold{k}.json.gz")
            site_fold.update({pages[i].site: k for i in eval_idx})
            (save_dir / "folds.json").write_text(json.dumps(site_fold, sort_keys=True, indent=1), encoding="utf-8")
        fold_scores = [evaluate_page(model, pages[i], k, config) for i in eval_idx]
        scores.extend(fold_scores)
        if log:
            log(f"  fold {k}: {format_row(fold_scores)}  ({time.time() - t0:.0f}s)")
    return scores


def summary(scores: Sequence[PageScore]) -> dict[str, float]:
    from cleaner.metrics import percentile

    f1 = [s.body_f1 for s in scores]
    titled = [s for s in scores if s is not None]
    return {
        "pages": len(scores),
        "sites": len({s.site for s in scores}),
        "body_f1_mean": float(np.mean(f1)) if f1 else float("nan"),
        "body_f1_p10": percentile(f1, 10) if f1 else float("nan"),
        "title_acc": float(np.mean([s.title_ok for s in titled])) if titled else float("nan"),
    }


def format_row(scores: Sequence[PageScore]) -> str:
    s = summary(scores)
    return (f"pages={s['pages']} sites={s['sites']} body_F1_mean={s['body_f1_mean']:.4f} "
            f"body_F1_p10={s['body_f1_p10']:.4f} title_acc={s['title_acc']:.4f}")


def cv_table(scores: Sequence[PageScore]) -> str:
    rows = ["| fold | pages | sites | body F1 mean | body F1 p10 | title acc |", "|---|---|---|---|---|---|"]
    for k in sorted({s.fold for s in scores}) + ["all"]:
        part = [s for s in scores if k == "all" or s.fold == k]
        m = summary(part)
        rows.append(f"| {k} | {m['pages']} | {m['sites']} | {m['body_f1_mean']:.4f} | {m['body_f1_p10']:.4f} | {m['title_acc']:.4f} |")
    return "\n".join(rows)


CV_MODELS_ENV = "CLEANER_HTML_CV_MODELS"


@lru_cache(maxsize=16)
def cv_model(folder: str, site: str) -> HtmlModel:
    """The fold model (written by ``train --cv-models``) whose training never saw ``site``."""
    import json

    site_fold = json.loads((Path(folder) / "folds.json").read_text(encoding="utf-8"))
    if site not in site_fold:
        raise KeyError(f"site {site!r} is in no CV fold of {folder}")
    return HtmlModel.load(Path(folder) / f"fold{site_fold[site]}.json.gz")


def write_model(model: dict, out: Path) -> None:
    from cleaner.train import write_model as write

    write(model, out)


def main(argv: Sequence[str] | None = None) -> None:
    import argparse
    import json

    from cleaner.samples import load_samples

    parser = argparse.ArgumentParser(prog="python -m cleaner.html_model", description="Train the HTML line model.")
    sub = parser.add_subparsers(dest="command", required=True)
    tr = sub.add_parser("train", help="site-grouped CV of clean_html, then train on all pages and write the model")
    tr.add_argument("data_dirs", nargs="+", type=Path)
    tr.add_argument("-o", "--out", type=Path, required=True)
    tr.add_argument("--folds", type=int, default=5)
    tr.add_argument("--seed", type=int, default=0)
    tr.add_argument("--scores", type=Path, help="write per-page CV scores (JSON)")
    tr.add_argument("--cv-models", type=Path, help="write each fold's model + folds.json here (for `cleaner bench`'s cleaner-html-cv)")
    args = parser.parse_args(argv)
    log = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731
    pages = load_pages(load_samples(*args.data_dirs), log=log)
    log(f"{len(pages)} pages from {len({p.site for p in pages})} sites; {sum(len(p.y) for p in pages)} lines")
    scores = cross_validate(pages, args.folds, seed=args.seed, log=log, save_dir=args.cv_models) if args.folds >= 2 else []
    if scores:
        print(cv_table(scores))
        if args.scores:
            args.scores.write_text(json.dumps([s.__dict__ for s in scores], ensure_ascii=False, indent=1), encoding="utf-8")
    model = train(pages, seed=args.seed)
    write_model(model, args.out)
    log(f"wrote {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
