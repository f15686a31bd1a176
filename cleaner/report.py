"""The benchmark report: one self-contained HTML page, or the same tables in Markdown.

The HTML page needs no network: CSS is inline, plots are inline SVG drawn by
matplotlib (Agg backend), and there is no script.  It holds, per corpus, the
summary table (every system side by side), the sorted per-document body F1 of
each system, a speed/quality scatter, and then the ten worst documents of the
toolkit with a side-by-side diff of gold and output, so a maintainer sees why
they fail.
"""

from __future__ import annotations

import difflib
import html
import io
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cleaner.baselines import META_FIELDS
from cleaner.bench import TOOLKIT, BenchResult, DocResult

WORST_SHOWN = 10
DIFF_MAX_LINES = 300  # per side; longer outputs are cut (said in the page)


# --------------------------------------------------------------------------- tables


def _num(value: Any, digits: int = 3) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _speed(value: Any) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}" if value >= 1 else f"{value:.2f}"


Column = tuple[str, str, Callable[[dict], str]]


def _tables(result: BenchResult, corpus: str) -> list[tuple[str, list[Column]]]:
    """The summary tables of one corpus: (caption, columns).  Text quality and speed
    first; metadata and paragraphs second, with only the fields its gold states."""
    rows = [s for _, s in result.summary_rows(corpus)]
    columns: list[Column] = [
        ("docs", "documents scored (skipped ones excluded)", lambda s: str(s["docs"])),
        ("err", "documents the system failed on (scored as empty output)", lambda s: str(s["errors"])),
        ("line P", "line precision, macro over documents", lambda s: _num(s["line_p_macro"])),
        ("line R", "line recall, macro over documents", lambda s: _num(s["line_r_macro"])),
        ("line F1", "line F1, macro over documents", lambda s: _num(s["line_f1_macro"])),
        ("line F1 pooled", "line F1 over the pooled line counts", lambda s: _num(s["line_f1_pooled"])),
        ("body P", "body bigram precision, mean over documents", lambda s: _num(s["body_p_mean"])),
        ("body R", "body bigram recall, mean over documents", lambda s: _num(s["body_r_mean"])),
        ("body F1", "body bigram F1, mean over documents", lambda s: _num(s["body_f1_mean"])),
        ("body F1 p10", "10th percentile of the per-document body F1", lambda s: _num(s["body_f1_p10"])),
        ("seg #", "share of documents with the right number of articles", lambda s: _num(s["seg_count_share"])),
        ("seg F1", "per gold article: body F1 of its best-matching predicted article (mean)", lambda s: _num(s["seg_best_f1_mean"])),
    ]
    columns += [
        ("docs/s", "documents per second (extract calls only, one process)", lambda s: _speed(s["speed_docs_per_s"])),
        ("MB/s", "input MB (10^6 bytes of the file the system reads) per second", lambda s: _speed(s["speed_mb_per_s"])),
        ("peak MB", "peak RSS of the system's own worker process, MiB", lambda s: _num(s["speed_peak_rss_mb"], 0)),
    ]
    meta: list[Column] = []
    for name in META_FIELDS:
        if any(s.get(f"meta_{name}_n") for s in rows):
            meta.append(
                (name, f"{name}: share of gold articles stating it that the system matches (n = articles)",
                 lambda s, n=name: "n/a" if s.get(f"meta_{n}") is None else f"{s[f'meta_{n}']:.3f} ({s[f'meta_{n}_n']})")
            )
    if any(s.get("para_gold") for s in rows):
        meta.append(
            ("paragraphs", "print layout: share of gold paragraphs reproduced exactly (n = gold paragraphs)",
             lambda s: "n/a" if s.get("para_exact") is None else f"{s['para_exact']:.3f} ({s['para_gold']})")
        )
    tables = [("text and speed", columns)]
    if meta:
        tables.append(("metadata (share matched, n = gold articles stating the field) and paragraphs", meta))
    return tables


def markdown_summary(result: BenchResult) -> str:
    """The summary tables, one per corpus, as Markdown (also printed by the CLI)."""
    out = []
    for corpus in result.corpora:
        out.append(f"### {corpus.name} — {len(corpus.samples)} documents, fingerprint `{corpus.fingerprint[:12]}`\n")
        for caption, columns in _tables(result, corpus.name):
            out.append(f"{caption}:\n")
            out.append("| system | " + " | ".join(c[0] for c in columns) + " |")
            out.append("|---|" + "---:|" * len(columns))
            for name, summary in result.summary_rows(corpus.name):
                out.append(f"| {name} | " + " | ".join(c[2](summary) for c in columns) + " |")
            out.append("")
    if result.notes:
        out.append("Notes:\n")
        out.extend(f"- {note}" for note in result.notes)
    return "\n".join(out)


def worst_documents(result: BenchResult, system: str = TOOLKIT, count: int = WORST_SHOWN) -> list[DocResult]:
    """The ``count`` documents with the lowest body F1 for ``system`` (failed ones first)."""
    runs = [result.runs.get(c.name, {}).get(system) for c in result.corpora]
    docs = [d for run in runs if run is not None for d in run.docs if d.evaluated]
    return sorted(docs, key=lambda d: (d.status != "error", d.body.f1 if d.body else 0.0, d.name))[:count]


def _toolkit(result: BenchResult) -> str | None:
    if TOOLKIT in result.systems:
        return TOOLKIT
    return result.systems[0] if result.systems else None


def _worst_rows(docs: list[DocResult]) -> list[list[str]]:
    rows = []
    for d in docs:
        body = d.body
        rows.append(
            [
                d.corpus, d.name, d.status,
                _num(body.precision if body else None), _num(body.recall if body else None), _num(body.f1 if body else None),
                _num(d.line.f1 if d.line else None), f"{d.n_predicted}/{d.n_gold}", d.error or "",
            ]
        )
    return rows


_WORST_HEADER = ["corpus", "document", "status", "body P", "body R", "body F1", "line F1", "articles pred/gold", "error"]


def markdown_report(result: BenchResult) -> str:
    parts = [
        "# cleaner bench",
        f"\nRun {result.started}, {result.elapsed_s:.1f} s. Metrics: see benchmarks/README.md.\n",
        markdown_summary(result),
    ]
    system = _toolkit(result)
    if system:
        parts.append(f"\n## The {WORST_SHOWN} worst documents for `{system}` (lowest body F1)\n")
        parts.append("| " + " | ".join(_WORST_HEADER) + " |")
        parts.append("|" + "---|" * len(_WORST_HEADER))
        for row in _worst_rows(worst_documents(result, system)):
            parts.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    return "\n".join(parts) + "\n"


# --------------------------------------------------------------------------- plots


def _svg(figure: Any) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def _plots(result: BenchResult, corpus: str) -> list[tuple[str, str]]:
    """(caption, inline SVG) for one corpus: sorted body-F1 curves and speed vs quality."""
    try:
        import matplotlib
    except ImportError:  # the `bench` extra is not installed: tables only
        return []
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.fonttype"] = "none"  # text stays text: small files, searchable
    runs = result.runs.get(corpus, {})
    plots = []
    figure, axes = plt.subplots(figsize=(7, 4))
    for name, run in runs.items():
        scores = sorted(d.body.f1 for d in run.docs if d.evaluated and d.body is not None)
        if not scores or run.summary.get("body_f1_mean") is None:
            continue
        xs = [(i + 0.5) / len(scores) for i in range(len(scores))]
        axes.plot(xs, scores, label=f"{name} (n={len(scores)})", linewidth=1.6, marker="." if len(scores) < 30 else None)
    axes.set_xlabel("share of documents (sorted by body F1)")
    axes.set_ylabel("body F1")
    axes.set_ylim(-0.02, 1.02)
    axes.grid(alpha=0.3)
    axes.legend(fontsize=8, loc="lower right")
    plots.append((f"{corpus}: per-document body F1, each system's documents sorted", _svg(figure)))
    plt.close(figure)

    figure, axes = plt.subplots(figsize=(7, 4))
    for name, run in runs.items():
        speed, quality = run.summary.get("speed_docs_per_s"), run.summary.get("body_f1_mean")
        if speed is None or quality is None:
            continue
        axes.scatter([speed], [quality], s=40)
        axes.annotate(name, (speed, quality), textcoords="offset points", xytext=(5, 4), fontsize=8)
    axes.set_xscale("log")
    axes.set_xlabel("documents per second (log)")
    axes.set_ylabel("mean body F1")
    axes.set_ylim(-0.02, 1.05)
    axes.grid(alpha=0.3, which="both")
    plots.append((f"{corpus}: speed vs quality", _svg(figure)))
    plt.close(figure)
    return plots


# --------------------------------------------------------------------------- diffs


def _light(text: str) -> str:
    """NFKC and single spaces: enough to line gold and output up, script kept."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _diff_table(doc: DocResult, gold: list[str]) -> str:
    predicted = [p for a in (doc.output.articles if doc.output else []) for p in a.paragraphs]
    left = [_light(p) for p in gold if _light(p)]
    right = [_light(p) for p in predicted if _light(p)]
    cut = len(left) > DIFF_MAX_LINES or len(right) > DIFF_MAX_LINES
    differ = difflib.HtmlDiff(wrapcolumn=48)
    table = differ.make_table(
        left[:DIFF_MAX_LINES], right[:DIFF_MAX_LINES], "gold body", "output", context=True, numlines=2
    )
    note = f"<p class=note>cut to the first {DIFF_MAX_LINES} lines per side</p>" if cut else ""
    return note + table


def _gold_of(result: BenchResult, doc: DocResult) -> tuple[list[str], str | None]:
    for corpus in result.corpora:
        if corpus.name == doc.corpus:
            for sample in corpus.samples:
                if sample.name == doc.name:
                    title = sample.articles[0].title if sample.articles else None
                    return [p for a in sample.articles for p in a.body], title
    return [], None


# --------------------------------------------------------------------------- HTML

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Noto Sans",sans-serif;margin:24px;color:#222;max-width:1500px}
h1{font-size:1.5em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1.05em}
table.summary{border-collapse:collapse;font-size:13px;margin:8px 0}
table.summary th,table.summary td{border:1px solid #ccc;padding:3px 6px;text-align:right;white-space:nowrap}
table.summary th{background:#f0f0f0;cursor:help}table.summary td:first-child,table.summary th:first-child{text-align:left}
tr.toolkit td{background:#eef6ff;font-weight:600}
.note{color:#666;font-size:12px}.plots{display:flex;flex-wrap:wrap;gap:16px}.plots figure{margin:0}
figcaption{font-size:12px;color:#444}
table.diff{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;border:1px solid #ccc;border-collapse:collapse;margin:6px 0 18px}
table.diff td{padding:1px 4px;vertical-align:top}.diff_header{background:#eee;color:#666}td.diff_next{background:#f4f4f4}
.diff_add{background:#aaffaa}.diff_chg{background:#ffff77}.diff_sub{background:#ffaaaa}
.wide{overflow-x:auto}table.worst td{text-align:left}
details{margin:6px 0}summary{cursor:pointer}
"""


def _summary_html(result: BenchResult, corpus: str) -> str:
    return "".join(
        f'<h3>{html.escape(caption)}</h3><div class="wide">{_table_html(result, corpus, columns)}</div>'
        for caption, columns in _tables(result, corpus)
    )


def _table_html(result: BenchResult, corpus: str, columns: list[Column]) -> str:
    head = "<tr><th>system</th>" + "".join(f'<th title="{html.escape(c[1])}">{html.escape(c[0])}</th>' for c in columns) + "</tr>"
    body = []
    for name, summary in result.summary_rows(corpus):
        css = ' class="toolkit"' if name == TOOLKIT else ""
        about = html.escape(result.runs[corpus][name].about)
        cells = "".join(f"<td>{html.escape(c[2](summary))}</td>" for c in columns)
        body.append(f'<tr{css}><td title="{about}">{html.escape(name)}</td>{cells}</tr>')
    return f'<table class="summary">{head}{"".join(body)}</table>'


def html_report(result: BenchResult) -> str:
    parts = [
        "<!DOCTYPE html><html lang=zh><head><meta charset=utf-8><title>cleaner bench</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>cleaner bench</h1>",
        f"<p class=note>Run {html.escape(result.started)}, {result.elapsed_s:.1f} s, systems run one after the other, "
        "each in its own process. Hover a column header for its definition; every metric is defined in "
        "benchmarks/README.md. n/a = not applicable (no line decisions, no gold for the field, or nothing ran).</p>",
    ]
    for corpus in result.corpora:
        parts.append(f"<h2>{html.escape(corpus.name)} — {len(corpus.samples)} documents</h2>")
        parts.append(f"<p class=note>{html.escape(str(corpus.path))}, fingerprint <code>{corpus.fingerprint}</code></p>")
        parts.append(_summary_html(result, corpus.name))
        parts.append('<div class="plots">')
        for caption, svg in _plots(result, corpus.name):
            parts.append(f"<figure>{svg}<figcaption>{html.escape(caption)}</figcaption></figure>")
        parts.append("</div>")
    if result.notes:
        parts.append("<h2>Notes</h2><ul>" + "".join(f"<li>{html.escape(n)}</li>" for n in result.notes) + "</ul>")
    system = _toolkit(result)
    if system:
        parts.append(f"<h2>The {WORST_SHOWN} worst documents for {html.escape(system)} (lowest body F1)</h2>")
        head = "".join(f"<th>{html.escape(h)}</th>" for h in _WORST_HEADER)
        worst = worst_documents(result, system)
        rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in _worst_rows(worst))
        parts.append(f'<div class="wide"><table class="summary worst"><tr>{head}</tr>{rows}</table></div>')
        parts.append(
            "<p class=note>Each diff: gold body paragraphs (left) vs the system's body paragraphs (right), "
            "NFKC with whitespace collapsed; only changed regions with two lines of context. "
            "Green = only in the output, red = only in the gold, yellow = changed.</p>"
        )
        for doc in worst:
            gold, title = _gold_of(result, doc)
            predicted_title = doc.titles[1]
            f1 = doc.body.f1 if doc.body else 0.0
            parts.append(
                f"<details open><summary><b>{html.escape(doc.corpus)}/{html.escape(doc.name)}</b> — body F1 {f1:.3f}, "
                f"articles {doc.n_predicted}/{doc.n_gold}{', error: ' + html.escape(doc.error) if doc.error else ''}</summary>"
                f"<p class=note>gold title: {html.escape(title or '—')} · predicted title: {html.escape(predicted_title or '—')}</p>"
                f"{_diff_table(doc, gold)}</details>"
            )
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(result: BenchResult, path: Path) -> None:
    """``.html``/``.htm`` → the self-contained page; ``.md`` → Markdown tables."""
    suffix = Path(path).suffix.lower()
    if suffix in (".md", ".markdown"):
        text = markdown_report(result)
    elif suffix in (".html", ".htm"):
        text = html_report(result)
    else:
        raise ValueError(f"report must end in .html or .md, not '{suffix}'")
    Path(path).write_text(text, encoding="utf-8")
