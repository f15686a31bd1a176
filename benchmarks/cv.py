"""Site-grouped cross-validation of the line classifier, at classifier and at pipeline level.

    python benchmarks/cv.py [DATA_DIR] [--folds 5] [--set tree_iter=80 ...] [--out /tmp/cv/NAME] [--models DIR]

For each of K site-grouped folds (``GroupKFold`` on ``Sample.site``: no site is
in both the training and the evaluation pages) a model is trained on the other
folds' pages, written to a temporary file, and scored on the held-out pages twice:

* **classifier** — the model's own line labels (``LineModel.probabilities``,
  argmax revised by ``classify.one_story``): lines labeled body are the body, in page order;
* **pipeline** — ``cleaner.clean_text(raw_bytes, doc_id=…, model=fold_file)``:
  body F1 from the articles' text, line P/R/F1 from ``Document.decisions``
  (``Decision.label.in_body`` over each decision's lines) against the gold labels.

The heuristics (``use_model=False``) are run on the same pages for comparison
(no training: in-sample by construction).  Metrics are SPEC §6: line P/R/F1
macro over pages and pooled, body F1 mean and 10th percentile.

``meta cost``: daniel labels some metadata lines (bylines, date/source lines
after the headline) as body, while the pipeline marks them META on purpose
(SPEC: metadata never leaks into the body).  The report shows how much the
pipeline scores would rise if those gold-body lines marked META were counted
as body — the price of not leaking metadata, not an error to fix.

Output: the tables on stdout (Markdown) and, in ``--out``, ``pages.json`` (per
page scores for error analysis), ``probs.npz`` (out-of-fold probabilities) and
``tables.md``.  Uses one process; a 5-fold run takes several minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from cleaner import classify, train
from cleaner.document import Label
from cleaner.metrics import PRF, body_prf, canonical, line_prf
from cleaner.samples import load_samples

ROOT = Path(__file__).resolve().parents[1]
DANIEL = ROOT.parent / "shared" / "data" / "daniel"
METRICS = train.METRICS


def classifier_scores(page: train.Page, probs: np.ndarray) -> tuple[int, int, int, float]:
    rows = page.feats.rows[classify.LineModel.labels(probs, page.feats) == 0].tolist()
    predicted = {page.lines[r].number: True for r in rows}
    tp, pred, gold = line_prf(predicted, page.gold_in_body)
    text = "\n".join(page.lines[r].text for r in rows)
    return tp, pred, gold, body_prf(text, page.gold_body).f1


def pipeline_scores(sample, **options) -> dict:
    """Scores of ``clean_text`` on one sample, and of the same output with gold-body META lines kept."""
    from cleaner import clean_text

    doc = clean_text(sample.text_path.read_bytes(), doc_id=sample.name, **options)
    predicted: dict[int, bool] = {}
    meta_gold_body: list[str] = []
    for d in doc.decisions:
        for n in range(d.first, d.last + 1):
            predicted[n] = d.label.in_body
        if d.label is Label.META and any(sample.line_labels.get(n, Label.OTHER).in_body for n in range(d.first, d.last + 1)):
            meta_gold_body.append(d.text)
    gold_in_body = {n: label.in_body for n, label in sample.line_labels.items()}
    text = "\n".join(a.text for a in doc.articles)
    tp, pred, gold = line_prf(predicted, gold_in_body)
    with_meta = dict(predicted)
    for d in doc.decisions:
        if d.label is Label.META:
            for n in range(d.first, d.last + 1):
                if gold_in_body.get(n):
                    with_meta[n] = True
    mtp, mpred, _ = line_prf(with_meta, gold_in_body)
    return {
        "counts": (tp, pred, gold), "body_f1": body_prf(text, sample.gold_body).f1,
        "meta_counts": (mtp, mpred, gold),
        "meta_body_f1": body_prf(text + "\n" + "\n".join(meta_gold_body), sample.gold_body).f1,
        "meta_lines": len(meta_gold_body),
    }


def format_table(rows: dict[str, dict[str, float]]) -> str:
    out = ["| system | " + " | ".join(METRICS) + " |", "|" + "---|" * (len(METRICS) + 1)]
    for name, row in rows.items():
        out.append(f"| {name} | " + " | ".join(f"{row[k]:.4f}" for k in METRICS) + " |")
    return "\n".join(out)


def fold_models(pages: list[train.Page], folds: int, cand: train.Candidate, keep: Path,
                log=print) -> list[tuple[Path, np.ndarray]]:
    """One model per site-grouped fold, trained on the other folds' pages, as files in ``keep``.

    A file is reused when its name key matches: the training pages' fingerprint, the
    candidate, the feature spec and the model file format (training is deterministic,
    so the same key means the same model).  Change ``cleaner/train.py`` itself and you must empty ``keep``.
    Returns (model file, indices of the held-out pages) per fold.
    """
    from cleaner import features

    keep.mkdir(parents=True, exist_ok=True)
    made = []
    for k, (train_idx, eval_idx) in enumerate(train._site_folds(pages, folds)):
        part = [pages[i] for i in train_idx]
        key = hashlib.sha256(repr((train.fingerprint(part), cand, features.feature_spec()["hash"],
                                   classify.FORMAT_VERSION)).encode()).hexdigest()[:12]
        path = keep / f"fold{k}-{key}.json.gz"
        if not path.exists():
            t0 = time.time()
            tmp = path.with_name(path.name.replace(".json.gz", ".tmp.json.gz"))  # compressed like the final name
            train.write_model(train.train(part, seed=0, candidate=cand), tmp)
            tmp.replace(path)
            log(f"fold {k}: trained in {time.time() - t0:.0f}s -> {path}")
        made.append((path, eval_idx))
    return made



def held_out_models(pages: list[train.Page], keep: Path, folds: int = 5, log=print) -> dict[str, Path]:
    """Page name → the model of the fold that held the page out (the shipped candidate,
    trained into ``keep`` if missing: :func:`fold_models`)."""
    cand = next(c for c in train.CANDIDATES if c.name == train.CHOSEN)
    return {pages[i].name: path for path, eval_idx in fold_models(pages, folds, cand, keep, log=log)
            for i in eval_idx.tolist()}


def title_and_body(doc, sample) -> tuple[str | None, bool, float]:
    """A cleaned page against its gold: the first article's title, whether it matches the gold
    headline (canonical exact match), and the body F1 of all articles."""
    title = doc.articles[0].title if doc.articles else None
    hit = bool(title) and canonical(title) == canonical(sample.articles[0].title or "")
    return title, hit, body_prf("\n".join(a.text for a in doc.articles), sample.gold_body).f1

def run(data: Path, folds: int, cand: train.Candidate, out: Path, *, pipeline: bool = True,
        heuristics: bool = True, log=print, keep: Path | None = None) -> dict[str, dict[str, float]]:
    samples = [s for s in load_samples(data) if s.line_labels is not None and s.layout == "web"]
    by_name = {s.name: s for s in samples}
    pages = train.load_pages(samples)
    out.mkdir(parents=True, exist_ok=True)
    tallies = {k: train.Scores() for k in ("classifier", "pipeline", "pipeline+meta", "heuristics")}
    per_page: dict[str, dict] = {}
    oof: dict[str, np.ndarray] = {}
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        for k, (path, eval_idx) in enumerate(fold_models(pages, folds, cand, keep or Path(tmp), log=log)):
            lm = classify.LineModel.load(path)
            for i in eval_idx.tolist():
                page = pages[i]
                probs = lm.probabilities(page.feats)
                oof[page.name] = probs
                *counts, f1 = classifier_scores(page, probs)
                prf = tallies["classifier"].add_counts(*counts, f1)
                rec = per_page.setdefault(page.name, {"fold": k, "site": page.site})
                rec["clf"] = (round(prf.f1, 4), round(f1, 4))
                if pipeline:
                    res = pipeline_scores(by_name[page.name], model=path)
                    prf = tallies["pipeline"].add_counts(*res["counts"], res["body_f1"])
                    tallies["pipeline+meta"].add_counts(*res["meta_counts"], res["meta_body_f1"])
                    rec["pipe"] = (round(prf.f1, 4), round(res["body_f1"], 4))
                    rec["meta_lines"] = res["meta_lines"]
            log(f"fold {k}: {len(eval_idx)} pages, {time.time() - t0:.0f}s")
    if heuristics:
        for page in pages:
            res = pipeline_scores(by_name[page.name], use_model=False)
            prf = tallies["heuristics"].add_counts(*res["counts"], res["body_f1"])
            per_page[page.name]["heur"] = (round(prf.f1, 4), round(res["body_f1"], 4))
    rows = {name: t.row() for name, t in tallies.items() if t.body_f1}
    (out / "pages.json").write_text(json.dumps(per_page, indent=0, sort_keys=True), encoding="utf-8")
    np.savez_compressed(out / "probs.npz", **oof)
    (out / "tables.md").write_text(format_table(rows) + "\n", encoding="utf-8")
    return rows


WEB_SEEDS = ("000", "001", "002", "004")


def seed_rows(model_path: Path, seeds: Path = ROOT / "seeds") -> dict[str, dict[str, float]]:
    """Body F1 and line F1 of the model (classifier output and pipeline) on each web seed."""
    samples = [s for s in load_samples(seeds) if s.name[:3] in WEB_SEEDS]
    pages = {p.name: p for p in train.load_pages(samples)}
    lm = classify.LineModel.load(model_path)
    rows = {}
    for s in samples:
        tp, pred, gold, f1 = classifier_scores(pages[s.name], lm.probabilities(pages[s.name].feats))
        res = pipeline_scores(s, model=model_path)
        rows[s.name[:3]] = {"clf_line_F1": PRF.from_counts(tp, pred, gold).f1, "clf_body_F1": f1,
                            "pipe_line_F1": PRF.from_counts(*res["counts"]).f1, "pipe_body_F1": res["body_f1"]}
    return rows


def format_seeds(rows_by_model: dict[str, dict[str, dict[str, float]]]) -> str:
    cols = ("clf_line_F1", "clf_body_F1", "pipe_line_F1", "pipe_body_F1")
    out = ["| model | seed | " + " | ".join(cols) + " |", "|---|---|" + "---|" * len(cols)]
    for model, rows in rows_by_model.items():
        for seed, row in rows.items():
            out.append(f"| {model} | {seed} | " + " | ".join(f"{row[c]:.4f}" for c in cols) + " |")
    return "\n".join(out)


def speed(data: Path = DANIEL, model_path: Path | None = None, repeats: int = 2) -> dict[str, float]:
    """Warm single-process docs/s of ``clean_text`` on every dump, and the classifier's ms/doc."""
    import os
    import resource

    from cleaner import clean_text, features
    from cleaner.document import Line

    paths = sorted(data.glob("*.txt"))
    raw = [p.read_bytes() for p in paths]
    lm = classify.LineModel.load(model_path)
    for data_bytes, path in zip(raw[:20], paths):
        clean_text(data_bytes, doc_id=path.stem, model=model_path)
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for data_bytes, path in zip(raw, paths):
            clean_text(data_bytes, doc_id=path.stem, model=model_path)
        best = min(best, time.perf_counter() - t0)
    docs = [[Line(i + 1, t) for i, t in enumerate(b.decode("utf-8").splitlines())] for b in raw]
    t_feat = t_all = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for lines in docs:
            features.featurize(lines)
        t1 = time.perf_counter()
        for lines in docs:
            lm.predict(lines)
        t2 = time.perf_counter()
        t_feat, t_all = min(t_feat, t1 - t0), min(t_all, t2 - t1)
    return {
        "docs": len(raw), "docs_per_s": len(raw) / best, "ms_per_doc": best / len(raw) * 1e3,
        "classifier_ms_per_doc": t_all / len(raw) * 1e3, "featurize_ms_per_doc": t_feat / len(raw) * 1e3,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "load_avg_1min": os.getloadavg()[0],
    }


def read_table(path: Path) -> dict[str, dict[str, float]]:
    """Rows of a ``tables.md`` written by :func:`run`."""
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[cells[0]] = dict(zip(METRICS, map(float, cells[1:])))
    return rows


def card_sections(before: Path | None, after: Path, seeds: dict, fast: dict, folds: int,
                  before_name: str = "previous model", after_name: str = "this model") -> str:
    """Markdown sections of the model card: CV before/after side by side, seeds, speed."""
    rows = {}
    after_rows = read_table(after / "tables.md")
    before_rows = read_table(before / "tables.md") if before else {}
    for name in ("classifier", "pipeline", "pipeline+meta"):
        if name in before_rows:
            rows[f"{name} ({before_name})"] = before_rows[name]
        rows[f"{name} ({after_name})"] = after_rows[name]
    heur = after_rows.get("heuristics") or before_rows.get("heuristics")
    if heur:
        rows["heuristics (`use_model=False`)"] = heur
    targets = {"line_F1_macro": 0.95, "line_F1_pooled": 0.95, "body_F1_mean": 0.95, "body_F1_p10": 0.85}
    this = {k: v for k, v in rows.items() if f"({after_name})" in k and "+meta" not in k}
    met = [f"{m} ≥ {t}: " + ", ".join(f"{k.split(' ')[0]} {'yes' if r[m] >= t else 'no'} ({r[m]:.3f})"
                                     for k, r in this.items()) for m, t in targets.items()]
    return f"""
## Cross-validation on daniel (SPEC §6), site-grouped {folds}-fold, no site in both train and eval
Produced by `benchmarks/cv.py`: per fold a model is trained on the other folds' pages and written to a
temporary file; **classifier** = the model's own line labels, **pipeline** =
`cleaner.clean_text(raw_bytes, doc_id=…, model=fold_file)` (revise rules, segmentation, fields included),
line metrics from `Document.decisions`. **pipeline+meta** counts gold-body lines that the pipeline marks
META (bylines, date/source lines the daniel gold keeps) as body: the price of never leaking metadata,
paid on purpose. Heuristics: the same pages, no training (in-sample by construction).
"{before_name}" = an earlier state of the code or model, run by this script on the same folds.

{format_table(rows)}

Targets: {"; ".join(met)}.

## Seeds (web layout, body = body+heading lines)
`daniel+seeds` = the shipped model; `daniel only` = trained without the seeds (seeds held out).

{format_seeds(seeds)}

## Speed (`benchmarks/cv.py --speed`, one process, warm, all {fast['docs']} daniel dumps)
`clean_text` with the model: {fast['docs_per_s']:.0f} docs/s ({fast['ms_per_doc']:.2f} ms/doc); classifier
(`LineModel.predict`) {fast['classifier_ms_per_doc']:.2f} ms/doc of which featurization
{fast['featurize_ms_per_doc']:.2f} ms/doc; peak RSS {fast['peak_rss_mb']:.0f} MB; 1-minute load average
during the run {fast['load_avg_1min']:.1f} on 2 cores (other jobs were running: times are upper bounds).
"""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DANIEL)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--candidate", default=train.CHOSEN)
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                        help="override a Candidate field, e.g. tree_iter=80")
    parser.add_argument("--models", type=Path, metavar="DIR",
                        help="keep the fold models here and reuse them on the next run (same data, candidate, features)")
    parser.add_argument("--no-pipeline", action="store_true")
    parser.add_argument("--no-heuristics", action="store_true")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "cleaner_cv")
    parser.add_argument("--seeds", type=Path, nargs="*", metavar="MODEL",
                        help="only score the web seeds with these model files, then stop")
    parser.add_argument("--speed", type=Path, nargs="?", const=Path("-"), metavar="MODEL",
                        help="only measure speed (default model if none given), then stop")
    parser.add_argument("--card", action="store_true",
                        help="write models/README.md from --out (this model's CV), --before, the seeds and speed")
    parser.add_argument("--before", type=Path, help="CV output folder of an earlier state (for --card)")
    parser.add_argument("--before-name", default="previous model", help="its label in the card's tables")
    parser.add_argument("--after-name", default="this model", help="the label of --out in the card's tables")
    parser.add_argument("--daniel-only", type=Path, help="model trained without the seeds (for --card)")
    parser.add_argument("--notes", type=Path, help="Markdown file appended to the card's CV sections (for --card)")
    args = parser.parse_args(argv)
    if args.card:
        shipped = classify.default_model_path()
        seeds = {"daniel+seeds": seed_rows(shipped)}
        if args.daniel_only:
            seeds["daniel only"] = seed_rows(args.daniel_only)
        extra = card_sections(args.before, args.out, seeds, speed(args.data), args.folds,
                              args.before_name, args.after_name)
        if args.notes:
            extra += "\n" + args.notes.read_text(encoding="utf-8")
        model = classify.read_model_file(shipped)
        card = train.model_card(model, {}, model["training"]["candidate"], shipped, extra)
        (shipped.parent / "README.md").write_text(card, encoding="utf-8")
        print(card)
        return
    if args.seeds:
        print(format_seeds({str(m): seed_rows(m) for m in args.seeds}))
        return
    if args.speed:
        print(json.dumps(speed(args.data, None if str(args.speed) == "-" else args.speed), indent=1))
        return
    cand = next(c for c in train.CANDIDATES if c.name == args.candidate)
    for item in args.set:
        key, value = item.split("=", 1)
        kind = type(getattr(cand, key))
        cand = dataclasses.replace(cand, **{key: kind(value)})
    print(f"candidate: {cand}", file=sys.stderr)
    rows = run(args.data, args.folds, cand, args.out, pipeline=not args.no_pipeline,
               heuristics=not args.no_heuristics, log=lambda m: print(m, file=sys.stderr), keep=args.models)
    print(format_table(rows))


if __name__ == "__main__":
    main()
