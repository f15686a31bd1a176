"""The trained line classifier: load a model file, label a page's lines body / title / other.

The model has three stages, each fed by the one before (trained by ``cleaner.train``):

1. **linear** — multinomial logistic regression over the hashed character
   n-grams and the standardized dense features of :mod:`cleaner.features`.
   It carries the vocabulary (分享, 上一篇, 责任编辑 …).
2. **trees** — gradient-boosted trees over the dense features plus the linear
   scores of the line and of its three neighbours on each side (stacking).
3. **smooth** — gradient-boosted trees over the trees' probabilities of the line
   and of its five neighbours on each side, windowed means and page summaries:
   the neighbour revision step of jusText, learned.  A stage may be absent
   (``null`` in the file); the last present stage gives the probabilities.

Labels are the argmax of the last stage's probabilities, revised by
:func:`one_story` (a page has one story region; a page with no body line gets
its best prose line).

The model file is JSON (optionally gzip-compressed), holding only numbers and
names — never code.  Weight and tree arrays are base64 strings of little-endian
int32 / float64 values (:func:`encode_arrays`), read with ``np.frombuffer`` and a
dtype fixed here, never taken from the file: parsing a quarter of a million
numbers from JSON text took ~0.2 s of every start-up.  :func:`load_model` refuses
anything unexpected: another format or version, a feature spec that does not
match :mod:`cleaner.features`, unknown keys, malformed or non-finite arrays, pickles.

Blank lines are not classified: their prediction is ``Label.OTHER`` with every
probability ``None`` (:data:`BLANK`), so ``predict`` returns exactly one
prediction per input line.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from cleaner import features
from cleaner.document import Label, Line

if TYPE_CHECKING:
    import scipy.sparse as sp

FORMAT = "cleaner.line_model"
FORMAT_VERSION = 2
"""2: arrays as base64 (:func:`encode_arrays`); 1 had JSON lists of numbers."""
LABELS = (Label.BODY, Label.TITLE, Label.OTHER)
"""Column order of every probability matrix and weight row."""
DEFAULT_NAME = "line_model.json.gz"
MAX_FILE_BYTES = 32 * 1024 * 1024


def default_model_path() -> Path:
    """The model shipped with the package.

    In a checkout (or an editable install) it is the repository's
    ``models/line_model.json.gz``; a regular install puts that folder inside the
    package as ``cleaner/models/`` (see ``package-dir`` in pyproject.toml).
    """
    here = Path(__file__).resolve().parent
    installed = here / "models" / DEFAULT_NAME
    return installed if installed.exists() else here.parent / "models" / DEFAULT_NAME


class ModelError(ValueError):
    """A model file that cannot be used (wrong format, version, features, or content)."""


@dataclass(frozen=True, init=False)
class LinePrediction:
    """The classifier's verdict on one line.

    ``probability`` is the probability of ``label``; all three are ``None`` for a
    blank line (not classified, label OTHER).
    """

    label: Label
    probability: float | None
    p_body: float | None
    p_title: float | None

    def __init__(self, label: Label, probability: float | None, p_body: float | None, p_title: float | None) -> None:
        # one per line: the frozen dataclass's own __init__ costs twice this (see cleaner.document.Line)
        self.__dict__.update(label=label, probability=probability, p_body=p_body, p_title=p_title)


BLANK = LinePrediction(Label.OTHER, None, None, None)


# --- validation -------------------------------------------------------------------


def _keys(obj: object, where: str, required: set[str], optional: set[str] = frozenset()) -> dict:
    if not isinstance(obj, dict):
        raise ModelError(f"{where}: expected an object, got {type(obj).__name__}")
    missing = required - obj.keys()
    unknown = obj.keys() - required - optional
    if missing:
        raise ModelError(f"{where}: missing key(s) {sorted(missing)}")
    if unknown:
        raise ModelError(f"{where}: unknown key(s) {sorted(unknown)}")
    return obj


INT_ARRAYS = frozenset({"hash_index", "roots", "tree_class", "feature", "left", "right", "leaf", "missing_left"})
"""Array fields of a model stage that hold integers (int32 in files); the others are float64."""
STAGES = ("linear", "trees", "smooth")
"""Model sections whose lists are arrays (the HTML model has ``trees`` and ``smooth`` too)."""


def _array_dtype(integer: bool) -> str:
    return "<i4" if integer else "<f8"


def encode_arrays(model: dict) -> dict:
    """The model with every array of its stages as base64 of little-endian int32 / float64.

    What ``cleaner.train`` writes; the loaders also take plain lists (models built in memory).
    """
    out = dict(model)
    for stage in STAGES:
        if isinstance(model.get(stage), dict):
            out[stage] = {key: base64.b64encode(np.asarray(value, dtype=_array_dtype(key in INT_ARRAYS)).tobytes()).decode("ascii")
                          if isinstance(value, list) else value for key, value in model[stage].items()}
    return out


def _numbers(values: object, where: str, *, integer: bool = False, length: int | None = None) -> np.ndarray:
    """A validated int64 / float64 array from a base64 string (files) or a list of numbers (in memory)."""
    if isinstance(values, str):
        array = _decoded(values, where, integer)
    elif isinstance(values, list):
        allowed = {int} if integer else {int, float}
        if not set(map(type, values)) <= allowed:
            bad = next(v for v in values if type(v) not in allowed)
            raise ModelError(f"{where}: non-numeric value {bad!r}")
        try:
            array = np.asarray(values, dtype=np.int64 if integer else np.float64)
        except OverflowError:
            raise ModelError(f"{where}: value out of range") from None
    else:
        raise ModelError(f"{where}: expected an array, got {type(values).__name__}")
    if not integer and not np.isfinite(array).all():
        raise ModelError(f"{where}: non-finite value")
    if length is not None and len(array) != length:
        raise ModelError(f"{where}: expected {length} values, got {len(array)}")
    return array


def _decoded(text: str, where: str, integer: bool) -> np.ndarray:
    dtype = np.dtype(_array_dtype(integer))
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ModelError(f"{where}: not a base64 array") from None
    if len(data) % dtype.itemsize:
        raise ModelError(f"{where}: {len(data)} bytes is not a whole number of {dtype.itemsize}-byte values")
    return np.frombuffer(data, dtype=dtype).astype(np.int64 if integer else np.float64)


def _integer(value: object, where: str) -> int:
    if type(value) is not int:
        raise ModelError(f"{where}: expected an integer, got {value!r}")
    return value


def _plain(value: object, where: str) -> None:
    """Metadata may hold strings, numbers, booleans, null and lists/objects of those."""
    if value is None or type(value) in (str, int, float, bool):
        return
    if isinstance(value, list):
        for i, v in enumerate(value):
            _plain(v, f"{where}[{i}]")
        return
    if isinstance(value, dict):
        for k, v in value.items():
            if k.startswith("__"):
                raise ModelError(f"{where}: refused key {k!r}")
            _plain(v, f"{where}.{k}")
        return
    raise ModelError(f"{where}: unexpected value of type {type(value).__name__}")


class _Linear:
    def __init__(self, raw: object, n_dense: int):
        raw = _keys(raw, "linear", {"hash_index", "hash_coef", "dense_mean", "dense_scale", "dense_coef", "intercept"})
        k = len(LABELS)
        index = _numbers(raw["hash_index"], "linear.hash_index", integer=True)
        if len(index) and (index.min() < 0 or index.max() >= features.N_HASH):
            raise ModelError("linear.hash_index: column out of range")
        coef = _numbers(raw["hash_coef"], "linear.hash_coef", length=len(index) * k).reshape(len(index), k)
        # stored per class, (k, N_HASH): taking from a 1-d row is numpy's fast path (see _hashed_scores)
        self._hash_coef_columns = np.zeros((k, features.N_HASH))
        self._hash_coef_columns[:, index] = coef.T
        self.mean = _numbers(raw["dense_mean"], "linear.dense_mean", length=n_dense)
        scale = _numbers(raw["dense_scale"], "linear.dense_scale", length=n_dense)
        if (scale <= 0).any():
            raise ModelError("linear.dense_scale: scales must be positive")
        self.inv_scale = 1.0 / scale
        self.dense_coef = _numbers(raw["dense_coef"], "linear.dense_coef", length=n_dense * k).reshape(n_dense, k)
        self.intercept = _numbers(raw["intercept"], "linear.intercept", length=k)

    @property
    def hash_coef(self) -> np.ndarray:
        """(N_HASH, k) coefficients of the hashed n-gram columns (a view of the per-class rows)."""
        return self._hash_coef_columns.T

    def scores(self, dense: np.ndarray, hashed: features.Ngrams | sp.csr_matrix) -> np.ndarray:
        """(n, 3) class scores; ``hashed`` is any CSR matrix (its data/indices/indptr arrays)."""
        return self._hashed_scores(hashed, len(dense)) + ((dense - self.mean) * self.inv_scale) @ self.dense_coef + self.intercept

    def _hashed_scores(self, hashed: features.Ngrams | sp.csr_matrix, n: int) -> np.ndarray:
        """``hashed @ hash_coef`` without scipy: per row, entry by entry in storage order,
        as scipy's CSR product adds them (``np.bincount`` sums in index order), so the
        result is bit-identical to it."""
        row = np.repeat(np.arange(n), np.diff(hashed.indptr))
        return np.column_stack([np.bincount(row, weights=coef.take(hashed.indices) * hashed.data, minlength=n)
                                for coef in self._hash_coef_columns])


class _Unsupported(Exception):
    """A tree shape :meth:`_Trees._build_masks` does not describe."""


class _Trees:
    """A multiclass gradient-boosted tree ensemble, evaluated all trees at once with numpy."""

    KEYS = {"n_features", "baseline", "roots", "tree_class", "max_depth",
            "feature", "threshold", "left", "right", "leaf", "value", "missing_left"}

    def __init__(self, raw: object, where: str):
        raw = _keys(raw, where, self.KEYS)
        k = len(LABELS)
        self.n_features = _integer(raw["n_features"], f"{where}.n_features")
        self.baseline = _numbers(raw["baseline"], f"{where}.baseline", length=k)
        self.roots = _numbers(raw["roots"], f"{where}.roots", integer=True)
        self.tree_class = _numbers(raw["tree_class"], f"{where}.tree_class", integer=True, length=len(self.roots))
        self.max_depth = _integer(raw["max_depth"], f"{where}.max_depth")
        self.feature = _numbers(raw["feature"], f"{where}.feature", integer=True)
        n = len(self.feature)
        self.threshold = _numbers(raw["threshold"], f"{where}.threshold", length=n)
        self.left = _numbers(raw["left"], f"{where}.left", integer=True, length=n)
        self.right = _numbers(raw["right"], f"{where}.right", integer=True, length=n)
        self.leaf = _numbers(raw["leaf"], f"{where}.leaf", integer=True, length=n).astype(bool)
        self.value = _numbers(raw["value"], f"{where}.value", length=n)
        self.missing_left = _numbers(raw["missing_left"], f"{where}.missing_left", integer=True, length=n).astype(bool)
        inner = ~self.leaf
        if (
            (self.tree_class < 0).any() or (self.tree_class >= k).any()
            or (self.roots < 0).any() or (self.roots >= n).any()
            or (self.feature[inner] < 0).any() or (self.feature[inner] >= self.n_features).any()
            or (self.left[inner] < 0).any() or (self.left[inner] >= n).any()
            or (self.right[inner] < 0).any() or (self.right[inner] >= n).any()
            or not 0 <= self.max_depth <= 64
        ):
            raise ModelError(f"{where}: node indices out of range")
        self.feature[self.leaf] = 0
        self.left[self.leaf] = np.flatnonzero(self.leaf)  # a leaf points to itself
        self.right[self.leaf] = np.flatnonzero(self.leaf)
        # Trees grouped by class (stable order within a class): each class's sum is then one
        # row-wise sum over a column slice.  A matrix product with a one-hot (tree, class)
        # matrix does the same, but BLAS may start threads for it, and on a busy machine a
        # 400-line page paid ~0.7 ms for them (measured with OpenBLAS, 2 cores).
        order = np.argsort(self.tree_class, kind="stable")
        self.roots, self.tree_class = self.roots[order], self.tree_class[order]
        end = np.searchsorted(self.tree_class, np.arange(k), side="right").tolist()
        self._class_slices = [slice(a, b) for a, b in zip([0, *end[:-1]], end)]  # class c's trees
        self._build_masks()

    def _build_masks(self) -> None:
        """The tables of :meth:`_exit_leaves` (``_masks`` is None for ensembles it cannot describe).

        Every tree's leaves are numbered left to right; each inner node keeps the mask
        of its tree's leaves that survive when its test fails: all but those of its
        left subtree.  Slot s of every tree holds its s-th inner node (placeholders,
        which keep every leaf, pad the smaller trees).  Tests are deduplicated by
        (feature, threshold): trees share most of their splits.  A tree whose walk could
        stop at an inner node after ``max_depth`` levels, or with more than 64 leaves,
        is left to the plain walk.
        """
        self._masks = None
        leaf, left, right = self.leaf.tolist(), self.left.tolist(), self.right.tolist()
        trees = []  # per tree: its leaves, and (node, first, end) per inner node: its left subtree's leaves

        def visit(node: int, depth: int, leaves: list[int], inner: list[tuple[int, int, int]]) -> None:
            if leaf[node]:
                leaves.append(node)
                return
            if depth == self.max_depth:
                raise _Unsupported
            first = len(leaves)
            visit(left[node], depth + 1, leaves, inner)
            inner.append((node, first, len(leaves)))
            visit(right[node], depth + 1, leaves, inner)

        for root in self.roots.tolist():
            leaves, inner = [], []
            try:
                visit(root, 0, leaves, inner)
            except _Unsupported:
                return
            trees.append((leaves, inner))
        width = max(len(leaves) for leaves, _ in trees)
        dtype = next((np.dtype(t) for t in (np.uint8, np.uint16, np.uint32, np.uint64) if width <= 8 * np.dtype(t).itemsize), None)
        if dtype is None:
            return
        bits = 8 * dtype.itemsize
        slots = max(1, max(len(inner) for _, inner in trees))
        node = np.tile(self.roots, (slots, 1))  # a placeholder's test does not matter: it keeps every leaf
        keep = np.full(node.shape, (1 << bits) - 1, dtype=dtype)
        values = np.zeros((len(trees), bits))
        for t, (leaves, inner) in enumerate(trees):
            for s, (n, first, end) in enumerate(inner):
                node[s, t] = n
                keep[s, t] ^= (1 << end) - (1 << first)
            values[t, : len(leaves)] = self.value[leaves]
        pairs = np.column_stack([self.feature[node.ravel()], self.threshold[node.ravel()]])
        tests, which = np.unique(pairs, axis=0, return_inverse=True)
        self._test_feature = tests[:, 0].astype(np.int64)
        self._slot_test = which.ravel()  # (slot, tree) flattened → test
        # repeated for CHUNK rows: numpy broadcasts a column by copying it, which cost more than the comparison
        self._test_threshold = np.repeat(tests[:, 1:], self.CHUNK, axis=1)
        self._slot_keep = np.repeat(keep[:, :, None], self.CHUNK, axis=2)
        self._leaf_value = values.ravel()
        # the float64 of 2**k has biased exponent 1023 + k: leaf k of tree t is entry t * bits + k
        self._leaf_base = np.arange(len(trees)) * bits - 1023
        self._masks = dtype

    CHUNK = 128
    """Rows evaluated together by :meth:`_exit_leaves`."""

    def _exit_leaves(self, x: np.ndarray) -> np.ndarray:
        """(n, n_trees) indices into ``_leaf_value`` of the leaf each row reaches in each tree.

        QuickScorer (Lucchese et al., SIGIR 2015) with numpy: every distinct test is
        evaluated for every row, a tree's mask of surviving leaves is the AND of the
        masks of its failed tests, and the exit leaf is the lowest surviving one (a
        leaf left of the exit leaf lies in the left subtree of a failed test on the
        path; the exit leaf lies in none).  The same comparisons as the walk, so the
        same leaves.  On daniel pages both ensembles took 7.2 M instructions a page
        instead of 19.6 M for the level-by-level walk (top 3 levels looked up, then
        only unfinished paths walked).  Slots rather than ``np.bitwise_and.reduceat``
        over each tree's nodes: reduceat along the first axis cost as much as all the rest.
        """
        if len(x) > self.CHUNK:
            return np.concatenate([self._exit_leaves(x[i : i + self.CHUNK]) for i in range(0, len(x), self.CHUNK)])
        n = len(x)
        held = np.take(np.ascontiguousarray(x.T), self._test_feature, axis=0) <= self._test_threshold[:, :n]  # (tests, n)
        passed = held.astype(self._masks)
        np.negative(passed, out=passed)  # every bit set where the test held
        factor = np.take(passed, self._slot_test, axis=0).reshape(*self._slot_keep.shape[:2], n)  # (slot, tree, n)
        factor |= self._slot_keep[:, :, :n]
        # (n, tree), made contiguous while the masks are 2 bytes: the steps below and the
        # caller's take and row sums then run on contiguous rows (on the transposed view,
        # with take copying the index array, they cost 1.58 M instead of 1.31 M instructions
        # for 128 rows of the first tree stage, of ~4 M in all)
        surviving = np.ascontiguousarray(np.bitwise_and.reduce(factor, axis=0).T)
        surviving &= np.negative(surviving)  # its lowest bit: 2**k for leaf k
        leaf = surviving.astype(np.float64).view(np.int64)
        np.right_shift(leaf, 52, out=leaf)
        leaf += self._leaf_base
        return leaf

    def raw_scores(self, x: np.ndarray) -> np.ndarray:
        """Sum of leaf values per class + baseline.

        Without missing values, by :meth:`_exit_leaves`; otherwise (rare: daniel features
        never hold NaN) all trees are walked together, one level per step, honouring
        each node's missing-value direction.
        """
        if x.shape[1] != self.n_features:
            raise ModelError(f"tree input has {x.shape[1]} features, model expects {self.n_features}")
        if self._masks is not None and not np.isnan(x).any():
            # every index is a leaf of its tree by construction: "wrap" spares take's bounds check
            values = np.take(self._leaf_value, self._exit_leaves(np.asarray(x, dtype=np.float64)), mode="wrap")
        else:
            node = np.broadcast_to(self.roots, (len(x), len(self.roots))).copy()
            rows = np.arange(len(x))[:, None]
            for _ in range(self.max_depth):
                value = x[rows, self.feature[node]]
                go_left = np.where(np.isnan(value), self.missing_left[node], value <= self.threshold[node])
                node = np.where(go_left, self.left[node], self.right[node])
            values = np.take(self.value, node)
        return np.column_stack([values[:, trees].sum(axis=1) for trees in self._class_slices]) + self.baseline

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        return softmax(self.raw_scores(x))


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


# --- the model ----------------------------------------------------------------------

_PROSE_COLUMN = features.DENSE_NAMES.index("prose")  # looked up once, not per page

TOP_KEYS = {"format", "format_version", "labels", "feature_spec", "sklearn_version", "training",
            "linear", "trees", "smooth"}


class LineModel:
    """A loaded line model.  Build with :meth:`load` (a file) or :meth:`from_dict`."""

    def __init__(self, raw: dict):
        raw = _keys(raw, "model", TOP_KEYS)
        if raw["format"] != FORMAT:
            raise ModelError(f"not a cleaner line model (format {raw['format']!r})")
        if raw["format_version"] != FORMAT_VERSION:
            raise ModelError(f"model format version {raw['format_version']!r} is not supported (expected {FORMAT_VERSION})")
        if raw["labels"] != [label.value for label in LABELS]:
            raise ModelError(f"model labels {raw['labels']!r} do not match {[l.value for l in LABELS]}")
        spec = features.feature_spec()
        if raw["feature_spec"] != spec:
            got = raw["feature_spec"].get("hash") if isinstance(raw["feature_spec"], dict) else None
            raise ModelError(f"model was trained on other features (spec {got!r}, this code has {spec['hash']!r}); retrain it")
        if not isinstance(raw["sklearn_version"], str):
            raise ModelError("sklearn_version: expected a string")
        _plain(raw["training"], "training")
        n_dense = len(features.DENSE_NAMES)
        self.training = raw["training"]
        self.sklearn_version = raw["sklearn_version"]
        self.linear = _Linear(raw["linear"], n_dense)
        self.trees = _Trees(raw["trees"], "trees") if raw["trees"] is not None else None
        self.smooth = _Trees(raw["smooth"], "smooth") if raw["smooth"] is not None else None

    @classmethod
    def from_dict(cls, raw: dict) -> "LineModel":
        return cls(raw)

    @classmethod
    def load(cls, path: Path | str | None = None) -> "LineModel":
        """Load a model file; ``None`` = the shipped default.

        Loaded models are cached by (path, size, modification time): the pipeline
        asks for its model once per document, and parsing the JSON costs ~0.1 s.
        """
        if path is None:
            return _default_model()
        path = Path(path).resolve()
        stat = path.stat()
        return _cached_model(str(path), stat.st_size, stat.st_mtime_ns)

    def probabilities(self, feats: features.Features) -> np.ndarray:
        """(n, 3) probabilities of (body, title, other) for the featurized non-blank lines."""
        if len(feats.rows) == 0:
            return np.zeros((0, len(LABELS)))
        scores = self.linear.scores(feats.dense, feats.ngrams)
        if self.trees is not None:  # the linear stage's own probabilities are needed only without it
            probs = self.trees.probabilities(features.stacked_inputs(feats.dense, scores))
        else:
            probs = softmax(scores)
        if self.smooth is not None:
            probs = self.smooth.probabilities(features.smoothing_inputs(feats.dense, probs))
        return probs

    @staticmethod
    def labels(probs: np.ndarray, feats: features.Features) -> np.ndarray:
        """Class index (column of :data:`LABELS`) per featurized line: argmax, then :func:`one_story`."""
        return one_story(probs, feats.dense[:, _PROSE_COLUMN] > 0)

    def predict(self, lines: Sequence[Line]) -> list[LinePrediction]:
        """One prediction per input line, in order (blank lines → :data:`BLANK`)."""
        feats = features.featurize(lines)
        probs = self.probabilities(feats)
        out = [BLANK] * len(lines)
        best = self.labels(probs, feats)
        for row, i, p in zip(feats.rows.tolist(), best.tolist(), probs.tolist()):
            out[row] = LinePrediction(LABELS[i], p[i], p[0], p[1])
        return out


PROMOTE_MIN_P = 0.1
"""A page without body lines gets its best prose line as body only from this p(body) up."""
REGION_GAP_COST = 0.5
"""In :func:`one_story`, a non-body line costs half a body line: the story region spans
a caption or a heading between paragraphs, not a strip of navigation."""
REGION_MARGIN = 3
"""Body lines up to this many lines outside the story region keep their label."""
REGION_KEEP_P = 0.9
"""Farther body lines keep it only with p(body) at least this."""
# Tuned on the out-of-fold probabilities of four differently trained models
# (benchmarks/cv.py, site-grouped 5-fold on daniel): on average +0.006 mean body F1,
# +0.025 p10 body F1 and +0.006 line F1 over plain argmax (on one of the four it cost
# 0.003 mean); neighbouring values (margin 1–5, cost 0.3–1, p 0.9–0.97) and
# length-weighted region gains moved the averages by less than ±0.003.


def one_story(probs: np.ndarray, prose: np.ndarray | None = None) -> np.ndarray:
    """Argmax labels, revised by two page-level facts about a news page.

    * A page has a story: when no line's argmax is body, the prose line
      (``features`` column ``prose``) with the highest p(body) is body if that is at
      least :data:`PROMOTE_MIN_P` (a one-paragraph brief often scores ~0.35 — the
      line is right, the page has nothing better).
    * A story is one region: body lines form one contiguous run (maximum-sum
      run of +1 per body line, −:data:`REGION_GAP_COST` per other line); a
      body line more than :data:`REGION_MARGIN` lines outside it — a comment,
      a teaser snippet, a footer disclaimer that reads like prose — is other
      unless p(body) ≥ :data:`REGION_KEEP_P`.
    """
    labels = probs.argmax(axis=1)
    if len(labels) == 0:
        return labels
    body_col = LABELS.index(Label.BODY)
    other_col = LABELS.index(Label.OTHER)
    p_body = probs[:, body_col]
    is_body = labels == body_col
    if not is_body.any():
        # never turn the headline into body, nor a line that does not read as prose:
        # a page of navigation has no story and stays empty
        candidates = np.flatnonzero((labels == other_col) & (prose if prose is not None else True)
                                    & (p_body >= PROMOTE_MIN_P))
        if len(candidates):
            labels[candidates[int(np.argmax(p_body[candidates]))]] = body_col
        return labels
    first, last = features._max_run(np.where(is_body, 1.0, -REGION_GAP_COST), int(np.argmax(p_body)))
    idx = np.arange(len(labels))
    far = (idx < first - REGION_MARGIN) | (idx > last + REGION_MARGIN)
    labels[is_body & far & (p_body < REGION_KEEP_P)] = other_col
    return labels


def read_model_file(path: Path) -> dict:
    """The JSON object in a model file (``.json`` or gzip-compressed), refusing anything else."""
    data = path.read_bytes()
    if len(data) > MAX_FILE_BYTES:
        raise ModelError(f"{path}: {len(data)} bytes is too large for a line model")
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise ModelError(f"{path}: broken gzip data: {exc}") from None
        if len(data) > 4 * MAX_FILE_BYTES:
            raise ModelError(f"{path}: too large once decompressed")
    if not data.lstrip()[:1] == b"{":
        raise ModelError(f"{path}: not a JSON model file (pickles and other formats are refused)")

    def no_constants(name: str) -> float:
        raise ModelError(f"{path}: non-finite number {name} in model file")

    def no_duplicates(pairs: list[tuple[str, object]]) -> dict:
        keys = [k for k, _ in pairs]
        if len(set(keys)) != len(keys):
            raise ModelError(f"{path}: duplicate keys in model file")
        return dict(pairs)

    try:
        raw = json.loads(data.decode("utf-8"), parse_constant=no_constants, object_pairs_hook=no_duplicates)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path}: not valid JSON: {exc}") from None
    if not isinstance(raw, dict):
        raise ModelError(f"{path}: expected a JSON object")
    return raw


@lru_cache(maxsize=4)
def _cached_model(path: str, size: int, mtime_ns: int) -> LineModel:
    return LineModel(read_model_file(Path(path)))


@lru_cache(maxsize=1)
def _default_model() -> LineModel:
    path = default_model_path()
    if not path.exists():
        raise FileNotFoundError(f"no shipped line model at {path}; train one with `cleaner train`")
    return LineModel(read_model_file(path))
