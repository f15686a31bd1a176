"""Train the line classifier on labeled samples, choose it by site-grouped CV, write the model file.

    python -m cleaner.train ../shared/data/daniel seeds -o models/line_model.json.gz

Labels are mapped to three classes: ``body`` and ``heading`` → body, ``title`` →
title, everything else (meta, caption, boilerplate, other) → other.  Print-layout
samples and samples without line labels are skipped.

Model selection: every candidate in :data:`CANDIDATES` is scored by 5-fold
cross-validation grouped by site (``Sample.site``, no site in both the training
and the evaluation folds), on the SPEC §6 metrics: line P/R/F1 (macro over pages
and pooled) and body F1 (mean, 10th percentile).  The candidate with the best
mean body F1 is trained on all data and written.  Stacked stages (trees on linear
scores, smoothing on tree probabilities) are trained on out-of-fold inputs from an
inner site-grouped split, so they learn from scores like those seen at prediction.

Training is deterministic: pages are sorted by name, every random_state is fixed,
the JSON is written with sorted keys and rounded weights, gzip with mtime 0 —
the same data give a byte-identical file.
"""

from __future__ import annotations

import datetime as _dt
import gzip
import hashlib
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import typer

from cleaner import classify, features
from cleaner.document import Label, Line
from cleaner.metrics import PRF, body_prf, percentile
from cleaner.samples import Sample, load_samples

CLASS_OF = {Label.BODY: 0, Label.HEADING: 0, Label.TITLE: 1}  # everything else → 2 (other)


@dataclass(frozen=True)
class Candidate:
    """One model configuration compared by cross-validation."""

    name: str
    stages: tuple[str, ...]  # subset of ("linear", "trees", "smooth"), in order
    C: float = 1.0
    """Inverse L2 strength of the linear stage (tuned by CV on daniel: 0.3–3 differ little)."""
    min_sites: int = 3
    """A hashed n-gram column is used only if it occurs on pages of at least this many
    sites in the training data: vocabulary must carry across sites, not name one."""
    tree_iter: int = 150
    smooth_iter: int = 60
    learning_rate: float = 0.1
    """Boosting rounds and learning rate of the two tree stages (each round is one tree per
    class).  Prediction cost is rows × trees × depth.  Tuned by site-grouped CV on daniel
    (benchmarks/cv.py): 60/30 rounds at 0.2, depth 5 (≈ 40% of the tree cost) lost 0.013
    mean body F1 and 0.046 p10; 100/40 at 0.15 lost as much.  See models/README.md."""
    max_leaf_nodes: int = 15
    max_depth: int = 6
    augment: bool = True
    """Train also on each page as another text renderer would dump it (:func:`rerendered`).
    Site-grouped CV on daniel (benchmarks/cv.py, benchmarks/renderers.py): on the daniel
    dumps' own renderer body F1 0.955 → 0.950, p10 0.872 → 0.856, title 0.938 → 0.912; on
    the four other renderings mean body F1 0.937 → 0.952, p10 0.818 → 0.866, title 0.862 →
    0.889 (no indent: 0.931 → 0.949; blank line after every block: 0.927 → 0.957).  The
    seeds are dumped without indentation, two with a blank line after every line: the
    pages this toolkit meets are not all drawn like daniel's."""


CANDIDATES = (
    Candidate("linear", ("linear",)),
    Candidate("linear+trees", ("linear", "trees")),
    Candidate("linear+trees+smooth", ("linear", "trees", "smooth")),
)
CHOSEN = "linear+trees+smooth"


@dataclass(frozen=True)
class Page:
    """A labeled page, featurized once."""

    name: str
    site: str
    lines: tuple[Line, ...]
    feats: features.Features
    y: np.ndarray  # class per featurized row; -1 = no gold label
    gold_in_body: dict[int, bool]
    gold_body: str


def load_pages(samples: Sequence[Sample]) -> list[Page]:
    """Featurize every web sample that has line labels (sorted by name)."""
    pages = []
    for s in sorted(samples, key=lambda s: (s.name, str(s.text_path))):
        if s.line_labels is None or s.layout != "web":
            continue
        text = s.read_text()
        lines = tuple(Line(i + 1, t) for i, t in enumerate(text.splitlines()))
        feats = features.featurize(lines)
        y = np.array(
            [CLASS_OF.get(s.line_labels[lines[r].number], 2) if lines[r].number in s.line_labels else -1
             for r in feats.rows.tolist()],
            dtype=np.int64,
        )
        gold_in_body = {n: label.in_body for n, label in s.line_labels.items()}
        pages.append(Page(s.name, s.site, lines, feats, y, gold_in_body, s.gold_body))
    return pages


RENDERINGS = ("no indent", "blank lines", "no indent, blank lines")
"""How :func:`rerendered` may redraw a page: the daniel dumps come from one renderer that
indents by nesting depth and puts blank lines between paragraphs only.  Other renderers
indent nothing, or put a blank line after every block (benchmarks/renderers.py)."""


def rerendered(page: Page) -> Page:
    """The page redrawn one of the :data:`RENDERINGS` ways (chosen by a hash of its name, so
    training stays deterministic), with the same label per non-blank line.

    Neither way adds, drops or reorders non-blank lines, so the featurized rows and
    their labels stay the page's own."""
    variant = RENDERINGS[int(hashlib.sha256(page.name.encode()).hexdigest(), 16) % len(RENDERINGS)]
    texts = [line.text for line in page.lines]
    if "no indent" in variant:
        texts = [t.strip() for t in texts]
    if "blank lines" in variant:
        texts = [t for text in texts for t in ((text, "") if text.strip() else (text,))]
    lines = tuple(Line(i + 1, t) for i, t in enumerate(texts))
    feats = features.featurize(lines)
    assert len(feats.rows) == len(page.y), "a redrawn page must keep its non-blank lines"
    return Page(f"{page.name} ({variant})", page.site, lines, feats, page.y, {}, page.gold_body)


def fingerprint(pages: Sequence[Page]) -> str:
    h = hashlib.sha256()
    for p in pages:
        h.update(p.name.encode())
        h.update("\n".join(line.text for line in p.lines).encode())
        h.update(p.y.tobytes())
    return h.hexdigest()[:16]


# --- fitting -----------------------------------------------------------------------


def _round(values: np.ndarray, digits: int = 6) -> list:
    return [float(f"{v:.{digits}g}") for v in np.asarray(values, dtype=float).ravel().tolist()]


def _site_folds(pages: Sequence[Page], folds: int) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import GroupKFold

    sites = [p.site for p in pages]
    folds = min(folds, len(set(sites)))
    if folds < 2:
        return []
    return list(GroupKFold(n_splits=folds).split(np.zeros(len(pages)), groups=sites))


def _stack(pages: Sequence[Page]) -> tuple[sp.csr_matrix, np.ndarray, np.ndarray]:
    import scipy.sparse as sp  # training only: `cleaner clean` starts without scipy

    hashed = sp.vstack([p.feats.hashed for p in pages], format="csr")
    dense = np.vstack([p.feats.dense for p in pages])
    y = np.concatenate([p.y for p in pages])
    return hashed, dense, y


def fit_linear(pages: Sequence[Page], cand: Candidate, seed: int) -> dict:
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression

    hashed, dense, y = _stack(pages)
    site_ids = np.repeat(
        np.unique([p.site for p in pages], return_inverse=True)[1], [len(p.y) for p in pages]
    )
    coo = hashed.tocoo()
    pairs = np.unique(coo.col.astype(np.int64) * (site_ids.max() + 1) + site_ids[coo.row])
    site_count = np.bincount(pairs // (site_ids.max() + 1), minlength=features.N_HASH)
    cols = np.flatnonzero(site_count >= cand.min_sites)
    mean = dense.mean(axis=0)
    scale = dense.std(axis=0)
    scale[scale < 1e-6] = 1.0
    x = sp.hstack([hashed[:, cols], sp.csr_matrix((dense - mean) / scale)], format="csr")
    mask = y >= 0
    lr = LogisticRegression(C=cand.C, max_iter=100, tol=1e-3, random_state=seed)
    lr.fit(x[mask], y[mask])
    coef = np.zeros((x.shape[1], 3))
    coef[:, lr.classes_] = lr.coef_.T
    intercept = np.full(3, -30.0)
    intercept[lr.classes_] = lr.intercept_
    if len(lr.classes_) == 2:  # binary LR: one weight row for classes_[1]
        coef[:, lr.classes_[0]] = 0.0
        intercept[lr.classes_[0]] = 0.0
    hash_coef = coef[: len(cols)]
    used = np.abs(hash_coef).max(axis=1) > 1e-4
    return {
        "hash_index": [int(c) for c in cols[used]],
        "hash_coef": _round(hash_coef[used], 5),
        "dense_mean": _round(mean, 8),
        "dense_scale": _round(scale, 8),
        "dense_coef": _round(coef[len(cols):], 6),
        "intercept": _round(intercept, 8),
    }


def fit_trees(x: np.ndarray, y: np.ndarray, n_iter: int, seed: int, cand: Candidate | None = None) -> dict:
    """Gradient-boosted trees, exported to the JSON layout of ``classify._Trees``."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    cand = cand or Candidate("default", ())
    mask = y >= 0
    est = HistGradientBoostingClassifier(
        max_iter=n_iter, learning_rate=cand.learning_rate, max_leaf_nodes=cand.max_leaf_nodes,
        max_depth=cand.max_depth, min_samples_leaf=20,
        l2_regularization=1.0, early_stopping=False, random_state=seed,
    )
    est.fit(x[mask], y[mask])
    classes = [int(c) for c in est.classes_]
    baseline = np.full(3, -30.0)
    base = np.asarray(est._baseline_prediction, dtype=float).ravel()
    if len(classes) == 2:
        baseline[classes[0]], baseline[classes[1]] = 0.0, base[0]
        tree_classes = [classes[1]]
    else:
        baseline[classes] = base
        tree_classes = classes
    out: dict[str, list] = {k: [] for k in ("feature", "threshold", "left", "right", "leaf", "value", "missing_left")}
    roots, tree_class, depth = [], [], 0
    for iteration in est._predictors:
        for k, predictor in enumerate(iteration):
            nodes = predictor.nodes
            offset = len(out["feature"])
            roots.append(offset)
            tree_class.append(tree_classes[k])
            depth = max(depth, int(nodes["depth"].max()))
            leaf = nodes["is_leaf"].astype(bool)
            out["feature"] += np.where(leaf, 0, nodes["feature_idx"]).astype(int).tolist()
            out["threshold"] += [0.0 if lf else float(t) for lf, t in zip(leaf.tolist(), nodes["num_threshold"].tolist())]
            out["left"] += np.where(leaf, 0, nodes["left"].astype(np.int64) + offset).tolist()
            out["right"] += np.where(leaf, 0, nodes["right"].astype(np.int64) + offset).tolist()
            out["leaf"] += leaf.astype(int).tolist()
            out["value"] += _round(np.where(leaf, nodes["value"], 0.0), 7)
            out["missing_left"] += nodes["missing_go_to_left"].astype(int).tolist()
    return {"n_features": int(x.shape[1]), "baseline": _round(baseline, 10), "roots": roots,
            "tree_class": tree_class, "max_depth": depth, **out}


def _linear_scores(section: dict, pages: Sequence[Page]) -> list[np.ndarray]:
    lin = classify._Linear(section, len(features.DENSE_NAMES))
    return [lin.scores(p.feats.dense, p.feats.hashed) for p in pages]


def _tree_probs(section: dict, inputs: Sequence[np.ndarray]) -> list[np.ndarray]:
    trees = classify._Trees(section, "trees")
    return [trees.probabilities(x) for x in inputs]


def _oof(pages: Sequence[Page], folds: list, fit, apply) -> list[np.ndarray]:
    """Out-of-fold outputs per page: ``apply(fit(train_pages), eval_pages)``."""
    out: list[np.ndarray | None] = [None] * len(pages)
    for train_idx, eval_idx in folds:
        section = fit([pages[i] for i in train_idx])
        for i, value in zip(eval_idx, apply(section, [pages[i] for i in eval_idx])):
            out[i] = value
    return out  # type: ignore[return-value]


def train(samples: Sequence[Sample] | Sequence[Page], *, seed: int = 0, candidate: str | Candidate = CHOSEN,
          inner_folds: int = 5, sources: Sequence[str] = ()) -> dict:
    """Train one candidate on all given samples; returns the model as a JSON-ready dict."""
    import sklearn

    pages = samples if samples and isinstance(samples[0], Page) else load_pages(samples)  # type: ignore[arg-type]
    if not pages:
        raise ValueError("no web samples with line labels to train on")
    cand = candidate if isinstance(candidate, Candidate) else next(c for c in CANDIDATES if c.name == candidate)
    originals = len(pages)
    if cand.augment:
        pages = list(pages) + [rerendered(p) for p in pages]
    folds = _site_folds(pages, inner_folds)
    linear = fit_linear(pages, cand, seed)
    trees = smooth = None
    if "trees" in cand.stages:
        if folds:
            scores = _oof(pages, folds, lambda ps: fit_linear(ps, cand, seed), _linear_scores)
        else:
            scores = _linear_scores(linear, pages)
        stacked = [features.stacked_inputs(p.feats.dense, s) for p, s in zip(pages, scores)]
        y = np.concatenate([p.y for p in pages])
        trees = fit_trees(np.vstack(stacked), y, cand.tree_iter, seed, cand)
        if "smooth" in cand.stages:
            index = {id(p): i for i, p in enumerate(pages)}
            if folds:
                def fit_t(ps):
                    return fit_trees(np.vstack([stacked[index[id(p)]] for p in ps]),
                                     np.concatenate([p.y for p in ps]), cand.tree_iter, seed, cand)

                probs = _oof(pages, folds, fit_t, lambda sec, ps: _tree_probs(sec, [stacked[index[id(p)]] for p in ps]))
            else:
                probs = _tree_probs(trees, stacked)
            smooth_x = np.vstack([features.smoothing_inputs(p.feats.dense, pr) for p, pr in zip(pages, probs)])
            smooth = fit_trees(smooth_x, y, cand.smooth_iter, seed, cand)
    return {
        "format": classify.FORMAT,
        "format_version": classify.FORMAT_VERSION,
        "labels": [label.value for label in classify.LABELS],
        "feature_spec": features.feature_spec(),
        "sklearn_version": sklearn.__version__,
        "training": {
            "candidate": cand.name,
            "seed": seed,
            "pages": originals,
            "rerendered": len(pages) - originals,
            "sites": len({p.site for p in pages}),
            "lines": int(sum(int((p.y >= 0).sum()) for p in pages[:originals])),
            "fingerprint": fingerprint(pages),
            "sources": list(sources),
        },
        "linear": linear,
        "trees": trees,
        "smooth": smooth,
    }


def dumps(model: dict) -> bytes:
    """Deterministic JSON bytes of a model dict, its arrays as base64 (:func:`cleaner.classify.encode_arrays`)."""
    return json.dumps(classify.encode_arrays(model), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def write_model(model: dict, out: Path) -> None:
    data = dumps(model)
    if out.name.endswith(".gz"):
        data = gzip.compress(data, compresslevel=9, mtime=0)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)


# --- evaluation --------------------------------------------------------------------


@dataclass
class Scores:
    """SPEC §6 line and body metrics over a set of pages."""

    line_macro: list[PRF] = field(default_factory=list)
    tp: int = 0
    pred: int = 0
    gold: int = 0
    body_f1: list[float] = field(default_factory=list)
    per_page: dict[str, tuple[float, float]] = field(default_factory=dict)  # name → (line F1, body F1)

    def add_counts(self, tp: int, pred: int, gold: int, body_f1: float) -> PRF:
        """Add one page's line counts and body F1; returns the page's line P/R/F1."""
        prf = PRF.from_counts(tp, pred, gold)
        self.line_macro.append(prf)
        self.tp, self.pred, self.gold = self.tp + tp, self.pred + pred, self.gold + gold
        self.body_f1.append(body_f1)
        return prf

    def add(self, page: Page, predicted_body_rows: np.ndarray) -> None:
        numbers = {page.lines[r].number for r in page.feats.rows[predicted_body_rows].tolist()}
        tp = sum(1 for n, b in page.gold_in_body.items() if b and n in numbers)
        pred = sum(1 for n in numbers if n in page.gold_in_body)
        gold = sum(page.gold_in_body.values())
        text = "\n".join(page.lines[r].text for r in page.feats.rows[predicted_body_rows].tolist())
        f1 = body_prf(text, page.gold_body).f1
        prf = self.add_counts(tp, pred, gold, f1)
        self.per_page[page.name] = (prf.f1, f1)

    def row(self) -> dict[str, float]:
        pooled = PRF.from_counts(self.tp, self.pred, self.gold)
        n = max(len(self.line_macro), 1)
        return {
            "line_P_macro": sum(p.precision for p in self.line_macro) / n,
            "line_R_macro": sum(p.recall for p in self.line_macro) / n,
            "line_F1_macro": sum(p.f1 for p in self.line_macro) / n,
            "line_P_pooled": pooled.precision,
            "line_R_pooled": pooled.recall,
            "line_F1_pooled": pooled.f1,
            "body_F1_mean": float(np.mean(self.body_f1)) if self.body_f1 else float("nan"),
            "body_F1_p10": percentile(self.body_f1, 10),
            "pages": float(len(self.body_f1)),
        }


def evaluate(model: dict | classify.LineModel, pages: Sequence[Page], scores: Scores | None = None) -> Scores:
    lm = model if isinstance(model, classify.LineModel) else classify.LineModel.from_dict(model)
    scores = scores or Scores()
    for page in pages:
        probs = lm.probabilities(page.feats)
        scores.add(page, np.flatnonzero(lm.labels(probs, page.feats) == 0))
    return scores


def cross_validate(samples: Sequence[Sample] | Sequence[Page], folds: int = 5, *, seed: int = 0,
                   candidates: Sequence[str] | None = None, log=None) -> dict[str, dict[str, float]]:
    """Site-grouped K-fold CV of every candidate; returns {candidate: metric row}."""
    pages = samples if samples and isinstance(samples[0], Page) else load_pages(samples)  # type: ignore[arg-type]
    names = list(candidates or [c.name for c in CANDIDATES])
    table = {}
    for name in names:
        t0 = time.time()
        scores = Scores()
        for train_idx, eval_idx in _site_folds(pages, folds):
            model = train([pages[i] for i in train_idx], seed=seed, candidate=name)
            evaluate(model, [pages[i] for i in eval_idx], scores)
        table[name] = scores.row()
        if log:
            log(f"  {name}: {format_row(table[name])}  ({time.time() - t0:.0f}s)")
        table[name]["_scores"] = scores  # type: ignore[assignment]
    return table


METRICS = ("line_P_macro", "line_R_macro", "line_F1_macro", "line_P_pooled", "line_R_pooled",
           "line_F1_pooled", "body_F1_mean", "body_F1_p10")


def format_row(row: dict) -> str:
    return " ".join(f"{k}={row[k]:.4f}" for k in METRICS)


def format_table(table: dict[str, dict]) -> str:
    head = "| candidate | " + " | ".join(METRICS) + " |"
    lines = [head, "|" + "---|" * (len(METRICS) + 1)]
    for name, row in table.items():
        lines.append(f"| {name} | " + " | ".join(f"{row[k]:.4f}" for k in METRICS) + " |")
    return "\n".join(lines)


# --- command ------------------------------------------------------------------------


def command(
    data_dirs: list[Path],
    out: Path = typer.Option(..., "-o", "--out", help="model file to write (.json or .json.gz)"),
    folds: int = typer.Option(5, help="site-grouped CV folds; < 2 skips the CV"),
    seed: int = typer.Option(0, help="random_state of every estimator"),
) -> None:
    """Cross-validate the candidates, train the chosen one on all data, write model + card.

    Typer-compatible: the CLI registers it as ``cleaner train DATA_DIR... -o models/NAME``.
    """
    samples = load_samples(*data_dirs)
    pages = load_pages(samples)
    print(f"{len(pages)} web pages with line labels from {len({p.site for p in pages})} sites", file=sys.stderr)
    table = cross_validate(pages, folds, seed=seed, log=lambda m: print(m, file=sys.stderr)) if folds >= 2 else {}
    if table:
        print(format_table(table))
    chosen = max(table, key=lambda k: table[k]["body_F1_mean"]) if table else CHOSEN
    model = train(pages, seed=seed, candidate=chosen, sources=[Path(d).name for d in data_dirs])
    write_model(model, out)
    print(f"chose {chosen}; wrote {out} ({out.stat().st_size} bytes)", file=sys.stderr)
    card = out.parent / "README.md"
    card.write_text(model_card(model, table, chosen, out), encoding="utf-8")


def model_card(model: dict, table: dict, chosen: str, out: Path, extra: str = "") -> str:
    """The model card (``models/README.md``).  ``extra``: further Markdown sections
    (``benchmarks/cv.py --card`` adds the pipeline-level CV, the seeds and the speed)."""
    t = model["training"]
    cand = next((c for c in CANDIDATES if c.name == t["candidate"]), None)
    rows = format_table(table) if table else "(not run by `cleaner.train` for this file: `--folds 0`)"
    params = (f"linear C={cand.C}, n-grams on ≥ {cand.min_sites} training sites; trees {cand.tree_iter} rounds, "
              f"smoothing {cand.smooth_iter} rounds, learning rate {cand.learning_rate}, ≤ {cand.max_leaf_nodes} "
              f"leaves, depth ≤ {cand.max_depth}") if cand else ""
    redrawn = (f"  Each page is also trained on once more, redrawn as another text renderer would dump it "
               f"({t['rerendered']} pages: {' / '.join(RENDERINGS)}, `train.rerendered`).") if t.get("rerendered") else ""
    return f"""# Line classifier model card — `{out.name}`

Generated by `cleaner.train` on {_dt.date.today().isoformat()}; sklearn {model['sklearn_version']};
feature spec `{model['feature_spec']['hash']}` (version {model['feature_spec']['version']});
training fingerprint `{t['fingerprint']}`.

## Data
{t['pages']} web pages with line labels from {t['sites']} sites ({t['lines']} labeled lines),
folders: {', '.join(t['sources']) or '-'}.  Labels: body+heading → body, title → title,
everything else → other.{redrawn}

## Model
Candidate `{t['candidate']}`: {', '.join(s for s in ('linear', 'trees', 'smooth') if model[s] is not None)}
(see `cleaner/classify.py`); {params}.  {len(model['linear']['hash_index'])} hashed n-gram columns,
{len(features.DENSE_NAMES)} dense features.

## Candidates by `cleaner.train` CV (classifier output, site-grouped, all training folders)
{rows}
{extra}
## Reproduce
    # the shipped model (≈ 3 min on one core) and the seeds-held-out model
    python -m cleaner.train ../shared/data/daniel seeds -o models/line_model.json.gz --folds 0
    python -m cleaner.train ../shared/data/daniel -o /tmp/donly/line_model.json.gz --folds 0
    # site-grouped CV, classifier + pipeline + heuristics (≈ 10 min on one core to train the
    # five fold models, kept in --models and reused: a rerun after a pipeline change takes ~1 min)
    OMP_NUM_THREADS=1 python benchmarks/cv.py --models /tmp/cv/folds --out /tmp/cv/final
    # this card: CV tables (--before: an earlier CV folder, for comparison), seeds, speed
    python benchmarks/cv.py --card --out /tmp/cv/final --before /tmp/cv/base --daniel-only /tmp/donly/line_model.json.gz [--notes experiments.md]

Training is deterministic (byte-identical file for the same data and sklearn version).
"""


def main(argv: Sequence[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dirs", nargs="+", type=Path)
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    command(list(args.data_dirs), out=args.out, folds=args.folds, seed=args.seed)


if __name__ == "__main__":
    main()
