"""`cleaner bench`: every SPEC §6 metric, for the toolkit and the baselines, side by side.

    run_bench([Path("seeds"), Path("../shared/data/daniel")], ["cleaner", "keepall"])

1. Each data folder is a *corpus* of labeled samples (SPEC §3), fingerprinted
   (sha256 over the sorted sample names and their files' hashes).
2. Each system runs on each corpus in its **own fresh process**, one after the
   other (never two at once), on the same inputs: that gives its docs/s, MB/s and
   peak RSS (see :mod:`cleaner.baselines`).
3. The parent scores every output against the gold (:func:`score_document`) and
   aggregates per corpus and system (:func:`summarize`).
4. :func:`check_floors` compares the scores with ``benchmarks/floors.json``.

How every number is computed is written out in ``benchmarks/README.md``; the
formulas are the ones in :mod:`cleaner.metrics`, which this module only applies.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer

from cleaner import baselines
from cleaner.baselines import META_FIELDS, DocInput, System, SystemOutput
from cleaner.metrics import PRF, body_prf, canonical, line_prf, paragraph_exact, percentile
from cleaner.samples import GoldArticle, Sample, load_samples

TOOLKIT = "cleaner"
WORKER_TIMEOUT_S = 3600  # one system on one corpus; a hang is an error, not a stuck CI job

# Metrics that may carry a floor (speed is reported, never asserted).
GATED_PREFIXES = ("line_", "body_", "seg_", "meta_", "para_")


# --------------------------------------------------------------------------- corpus


@dataclass
class Corpus:
    name: str
    path: Path
    samples: list[Sample]
    fingerprint: str


def fingerprint(samples: list[Sample]) -> str:
    """sha256 over the sorted sample names, each followed by the sha256 of its
    ``.gold.json``, ``.txt`` and (when present) ``.html`` file."""
    digest = hashlib.sha256()
    for sample in sorted(samples, key=lambda s: s.name):
        digest.update(sample.name.encode("utf-8") + b"\0")
        paths = [sample.text_path.with_name(f"{sample.name}.gold.json"), sample.text_path, sample.html_path]
        for path in paths:
            file_hash = hashlib.sha256(path.read_bytes()).hexdigest() if path and path.exists() else "-"
            digest.update(file_hash.encode("ascii") + b"\0")
    return digest.hexdigest()


def load_corpus(path: Path, name: str | None = None) -> Corpus:
    samples = load_samples(path)
    return Corpus(name or path.resolve().name, path, samples, fingerprint(samples))


def _doc_input(sample: Sample) -> DocInput:
    return DocInput(sample.name, sample.text_path, sample.html_path, sample.layout)


# --------------------------------------------------------------------------- scoring


_DATE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*[T ]?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?"
)


def parse_date(value: str | None) -> tuple[tuple[int, int, int], tuple[int, int, int] | None] | None:
    """(date, time or None) of an ISO-8601-like date; seconds default to 0.

    >>> parse_date("2025-07-28T08:23")
    ((2025, 7, 28), (8, 23, 0))
    >>> parse_date("2025-02-15")
    ((2025, 2, 15), None)
    >>> parse_date("2025年2月15日 10:30") is not None
    True
    """
    if not value:
        return None
    match = _DATE.search(unicodedata.normalize("NFKC", str(value)))
    if not match:
        return None
    y, mo, d, h, mi, s = match.groups()
    clock = (int(h), int(mi), int(s or 0)) if h is not None else None
    return (int(y), int(mo), int(d)), clock


def date_match(predicted: str | None, gold: str | None) -> bool:
    """Same date part; and the same time too when the gold gives one.

    >>> date_match("2025-03-31", "2025-03-31T20:14:29"), date_match("2025-03-31T20:14:29", "2025-03-31")
    (False, True)
    """
    g, p = parse_date(gold), parse_date(predicted)
    if g is None or p is None:
        return g is None and p is None and not (gold or "").strip() and not (predicted or "").strip()
    if g[0] != p[0]:
        return False
    return g[1] is None or g[1] == p[1]


def _canonical_or_none(value: Any) -> str | None:
    text = canonical(str(value)) if value is not None else ""
    return text or None


def _canonical_set(values: Any) -> frozenset[str]:
    if values is None:
        return frozenset()
    if isinstance(values, str):
        values = [values]
    return frozenset(c for c in (canonical(str(v)) for v in values) if c)


_SET_FIELDS = frozenset({"authors", "editors", "keywords"})


def field_match(name: str, predicted: Any, gold: Any) -> bool:
    """One metadata field of one article: ``date`` by :func:`date_match`,
    ``authors``/``editors``/``keywords`` as sets of canonical strings, everything
    else (title, source, dateline, original_title, column) canonical-exact.  Only
    called where the gold states a value (see :func:`_states`)."""
    if name == "date":
        return date_match(predicted, gold)
    if name in _SET_FIELDS:
        return _canonical_set(predicted) == _canonical_set(gold)
    return _canonical_or_none(predicted) == _canonical_or_none(gold)


def _states(article: GoldArticle, name: str) -> bool:
    """Does the gold give this field a value?  A key that is absent, None or an
    empty list is not scored: the metric says how often a stated value is found,
    not whether a system stays silent where the page has nothing."""
    value = getattr(article, name)
    return name in article.has and value is not None and value != "" and value != ()


def _gold_value(article: GoldArticle, name: str) -> Any:
    return getattr(article, name)


def _predicted_value(article: baselines.OutputArticle | None, name: str) -> Any:
    if article is None:
        return None
    return article.title if name == "title" else article.meta.get(name)


@dataclass
class DocResult:
    """The scores of one system on one document (``output`` is kept in memory for
    the report, not written to JSON)."""

    corpus: str
    name: str
    layout: str
    status: str  # ok | error | skipped
    error: str | None = None
    seconds: float = 0.0
    bytes: int = 0
    body: PRF | None = None
    line_counts: tuple[int, int, int] | None = None  # tp, predicted, gold
    line: PRF | None = None
    n_predicted: int = 0
    n_gold: int = 0
    seg_best: list[float] = field(default_factory=list)  # per gold article
    meta: dict[str, list[bool]] = field(default_factory=dict)  # field → per gold article stating it
    titles: tuple[str | None, str | None] = (None, None)  # gold, predicted (first article)
    para: tuple[int, int] | None = None  # hits, gold paragraphs (print layout only)
    output: SystemOutput | None = None

    @property
    def evaluated(self) -> bool:
        return self.status != "skipped"

    def to_json(self) -> dict:
        prf = lambda x: None if x is None else {"p": x.precision, "r": x.recall, "f1": x.f1}  # noqa: E731
        return {
            "doc": self.name,
            "layout": self.layout,
            "status": self.status,
            "error": self.error,
            "seconds": self.seconds,
            "bytes": self.bytes,
            "body": prf(self.body),
            "line": prf(self.line),
            "line_counts": self.line_counts,
            "articles": {"predicted": self.n_predicted, "gold": self.n_gold},
            "seg_best_f1": self.seg_best,
            "meta": self.meta,
            "title": {"gold": self.titles[0], "predicted": self.titles[1]},
            "paragraphs": None if self.para is None else {"exact": self.para[0], "gold": self.para[1]},
        }


def best_matches(output: SystemOutput, gold: tuple[GoldArticle, ...]) -> list[tuple[float, int | None]]:
    """For each gold article: (body F1 against its best-matching predicted article,
    index of that article).  Best = highest F1, first on ties; a predicted article
    may be the best match of several gold articles.  No predicted article → (0, None)."""
    matches = []
    for article in gold:
        gold_body = "\n".join(article.body)
        best: tuple[float, int | None] = (0.0, None)
        for i, predicted in enumerate(output.articles):
            f1 = body_prf(predicted.body, gold_body).f1
            if best[1] is None or f1 > best[0]:
                best = (f1, i)
        matches.append(best)
    return matches


def score_document(
    sample: Sample,
    output: SystemOutput | None,
    system: System,
    *,
    corpus: str = "",
    status: str = "ok",
    error: str | None = None,
    seconds: float = 0.0,
    size: int = 0,
) -> DocResult:
    """Every per-document metric of SPEC §6.  A failed document (``output`` None,
    status ``error``) is scored as an empty output: it costs the system, it is not
    left out."""
    result = DocResult(corpus, sample.name, sample.layout, status, error, seconds, size)
    if status == "skipped":
        return result
    if output is None:
        output = SystemOutput([], {} if system.line_decisions else None)
    result.output = output
    # Body: bigram multiset P/R/F1 of all predicted bodies vs all gold bodies.
    result.body = body_prf("\n".join(a.body for a in output.articles), sample.gold_body)
    # Lines: only for systems that decide per line, only on samples with line labels.
    if system.line_decisions and sample.line_labels is not None:
        gold_lines = {n: label.in_body for n, label in sample.line_labels.items()}
        result.line_counts = line_prf(output.line_decisions or {}, gold_lines)
        result.line = PRF.from_counts(*result.line_counts)
    # Segmentation.
    result.n_predicted, result.n_gold = len(output.articles), len(sample.articles)
    matches = best_matches(output, sample.articles)
    result.seg_best = [f1 for f1, _ in matches]
    # Metadata: each gold article stating the field vs its best-matching prediction.
    for gold_article, (_, index) in zip(sample.articles, matches):
        predicted = output.articles[index] if index is not None else None
        for name in META_FIELDS:
            if name in system.reports and _states(gold_article, name):
                ok = field_match(name, _predicted_value(predicted, name), _gold_value(gold_article, name))
                result.meta.setdefault(name, []).append(ok)
    first = output.articles[0].title if output.articles else None
    result.titles = (sample.articles[0].title if sample.articles else None, first)
    # Paragraphs (print layout).
    if sample.layout == "print":
        gold_paragraphs = [p for a in sample.articles for p in a.body]
        result.para = paragraph_exact((p for a in output.articles for p in a.paragraphs), gold_paragraphs)
    return result


# --------------------------------------------------------------------------- summary


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def summarize(docs: list[DocResult], system: System) -> dict[str, Any]:
    """Aggregate one system's per-document results on one corpus (flat dict; None = n/a)."""
    scored = [d for d in docs if d.evaluated]
    s: dict[str, Any] = {
        "docs": len(scored),
        "skipped": sum(d.status == "skipped" for d in docs),
        "errors": sum(d.status == "error" for d in docs),
    }
    lines = [d for d in scored if d.line is not None]
    s["line_docs"] = len(lines)
    if lines:
        s["line_p_macro"] = _mean([d.line.precision for d in lines])  # type: ignore[union-attr]
        s["line_r_macro"] = _mean([d.line.recall for d in lines])  # type: ignore[union-attr]
        s["line_f1_macro"] = _mean([d.line.f1 for d in lines])  # type: ignore[union-attr]
        pooled = PRF.from_counts(*(sum(d.line_counts[i] for d in lines) for i in range(3)))  # type: ignore[index]
        s["line_p_pooled"], s["line_r_pooled"], s["line_f1_pooled"] = pooled.precision, pooled.recall, pooled.f1
    else:
        for key in ("line_p_macro", "line_r_macro", "line_f1_macro", "line_p_pooled", "line_r_pooled", "line_f1_pooled"):
            s[key] = None
    bodies = [d.body for d in scored if d.body is not None]
    s["body_p_mean"] = _mean([b.precision for b in bodies])
    s["body_r_mean"] = _mean([b.recall for b in bodies])
    s["body_f1_mean"] = _mean([b.f1 for b in bodies])
    s["body_f1_p10"] = percentile([b.f1 for b in bodies], 10) if bodies else None
    s["seg_count_share"] = _mean([float(d.n_predicted == d.n_gold) for d in scored])
    all_best = [f for d in scored for f in d.seg_best]
    s["seg_best_f1_mean"] = _mean(all_best)
    s["seg_gold_articles"] = len(all_best)
    for name in META_FIELDS:
        hits = [ok for d in scored for ok in d.meta.get(name, [])]
        s[f"meta_{name}"] = _mean([float(h) for h in hits])
        s[f"meta_{name}_n"] = len(hits)
    print_docs = [d for d in scored if d.para is not None]
    hits, total = sum(d.para[0] for d in print_docs), sum(d.para[1] for d in print_docs)  # type: ignore[index]
    s["para_exact"] = hits / total if total else None
    s["para_gold"] = total
    if scored and all(d.status == "error" for d in scored):
        # Nothing ran: zeros would read as scores.  n/a, with the error count.
        s.update({k: None for k in s if k.startswith(("line_", "body_", "seg_", "meta_", "para_")) and not k.endswith(("_n", "_docs", "_gold", "_articles"))})
        s["speed_seconds"] = s["speed_docs_per_s"] = s["speed_mb_per_s"] = None
        return s
    ran = [d for d in docs if d.status != "skipped"]
    seconds = sum(d.seconds for d in ran)
    s["speed_seconds"] = seconds
    s["speed_docs_per_s"] = len(ran) / seconds if ran and seconds > 0 else None
    s["speed_mb_per_s"] = sum(d.bytes for d in ran) / 1e6 / seconds if ran and seconds > 0 else None
    return s


# --------------------------------------------------------------------------- running


@dataclass
class SystemRun:
    system: str
    about: str
    summary: dict[str, Any]
    docs: list[DocResult]
    peak_rss_mb: float | None = None
    setup_rss_mb: float | None = None
    rss_measure: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class BenchResult:
    corpora: list[Corpus]
    systems: list[str]
    runs: dict[str, dict[str, SystemRun]]  # corpus name → system name → run
    notes: list[str]
    elapsed_s: float = 0.0
    started: str = ""

    def summary_rows(self, corpus: str) -> list[tuple[str, dict[str, Any]]]:
        return [(name, run.summary) for name, run in self.runs.get(corpus, {}).items()]

    def to_json(self) -> dict:
        return {
            "started": self.started,
            "elapsed_s": self.elapsed_s,
            "python": sys.version.split()[0],
            "cpu_count": os.cpu_count(),
            "notes": self.notes,
            "corpora": [
                {
                    "name": c.name,
                    "path": str(c.path),
                    "docs": len(c.samples),
                    "fingerprint": c.fingerprint,
                    "systems": {
                        name: {
                            "about": run.about,
                            "summary": run.summary,
                            "peak_rss_mb": run.peak_rss_mb,
                            "setup_rss_mb": run.setup_rss_mb,
                            "rss_measure": run.rss_measure,
                            "notes": run.notes,
                            "docs": [d.to_json() for d in run.docs],
                        }
                        for name, run in self.runs.get(c.name, {}).items()
                    },
                }
                for c in self.corpora
            ],
        }


_WORKER_BOOT = (
    "import importlib.util, sys\n"
    "spec = importlib.util.spec_from_file_location('_cleaner_bench_worker', sys.argv[1])\n"
    "module = importlib.util.module_from_spec(spec); sys.modules[spec.name] = module\n"
    "spec.loader.exec_module(module)\n"
    "module.worker_main(sys.argv[2], sys.argv[3])\n"
)


def _run_isolated(system: System, docs: list[DocInput]) -> dict:
    """Run one system in a fresh interpreter that loads only ``baselines.py`` by file
    path (``-P``: no script folder on sys.path, so the ``cleaner/`` folder cannot
    shadow the standard library) and whatever the system imports."""
    package_root = str(Path(baselines.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (env.get("PYTHONPATH"), package_root) if p)
    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp:
        spec_path, out_path = Path(tmp, "spec.json"), Path(tmp, "out.json")
        spec = {
            "system": system.name,
            "docs": [
                {"name": d.name, "text_path": str(d.text_path), "html_path": str(d.html_path) if d.html_path else None, "layout": d.layout}
                for d in docs
            ],
        }
        spec_path.write_text(json.dumps(spec), encoding="utf-8")
        command = [sys.executable, "-P", "-c", _WORKER_BOOT, baselines.__file__, str(spec_path), str(out_path)]
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=WORKER_TIMEOUT_S)
        if done.returncode != 0 or not out_path.exists():
            tail = (done.stderr or "").strip().splitlines()[-5:]
            raise RuntimeError(f"worker for {system.name} exited with {done.returncode}: " + " | ".join(tail))
        return json.loads(out_path.read_text(encoding="utf-8"))


def _run_in_process(system: System, docs: list[DocInput]) -> dict:
    result = baselines.run_system(system, docs)
    result["rss_measure"] = "peak RSS of the bench process itself (in-process run: not the system's own)"
    return result


def run_bench(
    data_dirs: list[Path] | list[str],
    systems: list[str | System],
    *,
    isolate: bool = True,
    progress: Any = None,
) -> BenchResult:
    """Run every system on every corpus and score it.

    ``systems`` are names from :data:`cleaner.baselines.SYSTEMS` or System objects.
    ``isolate=True`` runs each (system, corpus) in its own process, back to back;
    ``False`` runs in this process (tests; speed and memory are then not the
    system's own).  ``progress`` is an optional ``print``-like callable.
    """
    began = time.perf_counter()
    say = progress or (lambda *_: None)
    notes: list[str] = []
    corpora: list[Corpus] = []
    for path in map(Path, data_dirs):
        name = path.resolve().name
        while any(c.name == name for c in corpora):
            name += "'"
        corpora.append(load_corpus(path, name))
    resolved: list[System] = []
    for item in systems:
        system = baselines.get_system(item) if isinstance(item, str) else item
        if any(s.name == system.name for s in resolved):
            continue
        missing = system.missing()
        if missing:
            notes.append(f"{system.name}: not run — {missing}")
            continue
        resolved.append(system)
    runs: dict[str, dict[str, SystemRun]] = {}
    for corpus in corpora:
        runs[corpus.name] = {}
        by_name = {s.name: s for s in corpus.samples}
        docs = [_doc_input(s) for s in corpus.samples]
        for system in resolved:
            say(f"{corpus.name}: {system.name} on {len(docs)} documents …")
            run_notes: list[str] = []
            try:
                # Registered systems can be rebuilt by name in a worker; ad-hoc objects run here.
                registered = baselines.SYSTEMS.get(system.name) is type(system)
                raw = _run_isolated(system, docs) if isolate and registered else _run_in_process(system, docs)
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                notes.append(f"{corpus.name}/{system.name}: run failed — {exc}")
                raw = {"docs": [{"name": d.name, "status": "error", "error": str(exc)[:300], "seconds": 0.0, "bytes": 0} for d in docs]}
            results = []
            for doc in raw["docs"]:
                output = SystemOutput.from_json(doc["output"]) if doc.get("output") is not None else None
                results.append(
                    score_document(
                        by_name[doc["name"]], output, system, corpus=corpus.name, status=doc["status"],
                        error=doc.get("error"), seconds=doc["seconds"], size=doc["bytes"],
                    )
                )
            summary = summarize(results, system)
            ran = any(d.status != "skipped" for d in results)
            summary["speed_peak_rss_mb"] = raw.get("peak_rss_mb") if ran else None
            skipped = [d for d in results if d.status == "skipped"]
            if skipped:
                run_notes.append(f"{len(skipped)}/{len(results)} documents skipped ({skipped[0].error}, …)")
            errors = [d for d in results if d.status == "error"]
            if errors:
                run_notes.append(f"{len(errors)} documents failed (scored as empty output), e.g. {errors[0].name}: {errors[0].error}")
            for note in run_notes:
                notes.append(f"{corpus.name}/{system.name}: {note}")
            runs[corpus.name][system.name] = SystemRun(
                system.name, system.about, summary, results, raw.get("peak_rss_mb"), raw.get("setup_rss_mb"),
                raw.get("rss_measure", ""), run_notes,
            )
    return BenchResult(
        corpora, [s.name for s in resolved], runs, notes, time.perf_counter() - began,
        time.strftime("%Y-%m-%dT%H:%M:%S"),
    )


# --------------------------------------------------------------------------- floors


def load_floors(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def check_floors(result: BenchResult, floors: dict) -> tuple[list[str], list[str]]:
    """(failures, notes).  A corpus whose fingerprint differs from the pinned one is
    a failure of its own (its floors are not compared blindly); a score below its
    floor, or n/a where a floor is set, is a failure; corpora or systems that were
    not run are notes."""
    failures: list[str] = []
    notes: list[str] = []
    by_name = {c.name: c for c in result.corpora}
    for corpus_name, pinned in floors.get("corpora", {}).items():
        corpus = by_name.get(corpus_name)
        if corpus is None:
            notes.append(f"{corpus_name}: not in this run, its floors were not checked")
            continue
        if pinned.get("fingerprint") and pinned["fingerprint"] != corpus.fingerprint:
            failures.append(
                f"{corpus_name}: corpus fingerprint {corpus.fingerprint[:12]}… ({len(corpus.samples)} docs) differs from "
                f"the pinned {pinned['fingerprint'][:12]}… ({pinned.get('docs', '?')} docs) — the corpus changed; "
                "floors not compared. Re-pin them (benchmarks/README.md)."
            )
            continue
        tag = " (provisional)" if pinned.get("provisional") else ""
        for system_name, metrics in pinned.get("floors", {}).items():
            run = result.runs.get(corpus_name, {}).get(system_name)
            if run is None:
                notes.append(f"{corpus_name}/{system_name}: not run, floors not checked")
                continue
            for metric, floor in metrics.items():
                if not metric.startswith(GATED_PREFIXES):
                    notes.append(f"{corpus_name}/{system_name}: '{metric}' cannot carry a floor (speed is never asserted)")
                    continue
                value = run.summary.get(metric)
                if value is None or (isinstance(value, float) and math.isnan(value)):
                    failures.append(f"{corpus_name}/{system_name}: {metric} is n/a, floor {floor}{tag}")
                elif value < floor - 1e-9:
                    failures.append(f"{corpus_name}/{system_name}: {metric} = {value:.4f} < floor {floor}{tag}")
    return failures, notes


def pinned_floors(result: BenchResult, systems: list[str], metrics: list[str], margin: float) -> dict:
    """New floors from a run: each score minus ``margin``, rounded down to 0.01."""
    corpora = {}
    for corpus in result.corpora:
        floors: dict[str, dict[str, float]] = {}
        for name in systems:
            run = result.runs.get(corpus.name, {}).get(name)
            if run is None:
                continue
            values = {m: run.summary.get(m) for m in metrics}
            floors[name] = {m: max(0.0, math.floor((v - margin) * 100) / 100) for m, v in values.items() if v is not None}
        corpora[corpus.name] = {"fingerprint": corpus.fingerprint, "docs": len(corpus.samples), "floors": floors}
    return corpora


# --------------------------------------------------------------------------- CLI


def command(
    data_dirs: list[Path] = typer.Argument(..., help="folders of labeled samples (NAME.txt + NAME.gold.json [+ NAME.html])"),
    baseline: list[str] = typer.Option([], "--baseline", help=f"add a system: {', '.join(baselines.SYSTEMS)} (repeatable; 'all' = every baseline)"),
    report: Path | None = typer.Option(None, "--report", help="write the report: .html (self-contained) or .md"),
    json_out: Path | None = typer.Option(None, "--json", help="write every per-document result as JSON"),
    floors: Path | None = typer.Option(None, "--floors", help="check scores against a floors file (benchmarks/floors.json); exit 1 below a floor"),
) -> None:
    """Benchmark the toolkit against baselines on labeled samples (every SPEC §6 metric)."""
    from cleaner import report as report_module

    names = [TOOLKIT]
    for item in baseline:
        names.extend(baselines.BASELINES if item == "all" else [item])
    try:
        result = run_bench(data_dirs, names, progress=lambda m: typer.echo(m, err=True))
    except (ValueError, FileNotFoundError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(report_module.markdown_summary(result))
    typer.echo(f"\nran in {result.elapsed_s:.1f} s")
    if json_out:
        json_out.write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
        typer.echo(f"wrote {json_out}")
    if report:
        report_module.write_report(result, report)
        typer.echo(f"wrote {report}")
    if floors:
        failures, notes = check_floors(result, load_floors(floors))
        for note in notes:
            typer.echo(f"note: {note}")
        if failures:
            typer.echo(f"{len(failures)} score(s) below their floor in {floors}:", err=True)
            for failure in failures:
                typer.echo(f"  FAIL {failure}", err=True)
            raise typer.Exit(1)
        typer.echo(f"all floors in {floors} are met")
