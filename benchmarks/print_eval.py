"""Evaluate the toolkit on generated print pages (GitHub issue 4).

For every labeled print sample in OUT_DIR (``benchmarks/print_pages.py``
output), clean the text with ``cleaner.clean_text(text, layout="auto")`` and
report, per extractor and overall (SPEC §6):

- layout: share of pages detected as PRINT;
- articles: share of pages with exactly the gold number of articles;
- article F1: mean over gold articles of the body F1 against the best-matching
  predicted article;
- paragraphs: share of gold paragraphs reproduced exactly (canonical text),
  pooled over pages;
- titles: share of gold titles that the best-matching predicted article carries
  exactly (canonical text), pooled (SPEC §6 metadata: title exact match).

Targets (issue 4): articles ≥ 0.90, article F1 ≥ 0.95, paragraphs ≥ 0.95.

Usage::

    python benchmarks/print_eval.py OUT_DIR [--worst 10] [--misses 20]

``--misses`` lists gold paragraphs not reproduced, each with the predicted
paragraph holding its opening (``-`` when none does): a split, a merge or a
wrong continuation shows at a glance.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from cleaner import clean_text
from cleaner.document import Layout
from cleaner.layout import detect_layout
from cleaner.document import Line
from cleaner.decode import split_lines
from cleaner.metrics import body_prf, canonical, paragraph_exact
from cleaner.samples import Sample, load_samples

TARGETS = {"articles": 0.90, "article_f1": 0.95, "paragraphs": 0.95}


@dataclass(frozen=True)
class PageScore:
    name: str
    extractor: str
    print_layout: bool
    gold_articles: int
    predicted_articles: int
    article_f1: tuple[float, ...]  # one per gold article
    paragraphs_hit: int
    paragraphs: int
    titles_hit: int
    titles: int
    missed: tuple[tuple[str, str], ...] = ()  # (gold paragraph, predicted paragraph holding its opening)


def extractor_of(name: str) -> str:
    return name.rsplit("_", 1)[-1] if "_" in name else "?"


def score_page(sample: Sample) -> PageScore:
    text = sample.read_text()
    lines = [Line(i, t) for i, t in enumerate(split_lines(text), start=1)]
    doc = clean_text(text, doc_id=sample.name, layout="auto")
    f1s, titles_hit = [], 0
    for g in sample.articles:  # each gold article against its best-matching prediction
        scored = [(body_prf(a.text, "\n".join(g.body)).f1, a) for a in doc.articles]
        f1, best = max(scored, key=lambda fa: fa[0], default=(0.0, None))
        f1s.append(f1)
        titles_hit += bool(g.title) and best is not None and best.title is not None and canonical(best.title) == canonical(g.title)
    paragraphs = [p for a in doc.articles for p in a.paragraphs]
    gold = [p for g in sample.articles for p in g.body]
    hit, total = paragraph_exact(paragraphs, gold)
    return PageScore(
        sample.name,
        extractor_of(sample.name),
        detect_layout(lines) is Layout.PRINT,
        len(sample.articles),
        len(doc.articles),
        tuple(f1s),
        hit,
        total,
        titles_hit,
        sum(bool(g.title) for g in sample.articles),
        missed_paragraphs(paragraphs, gold),
    )


def missed_paragraphs(predicted: list[str], gold: list[str]) -> tuple[tuple[str, str], ...]:
    """Gold paragraphs not reproduced exactly, each with the predicted paragraph
    that holds its first characters ("-" when none does)."""
    keys = {canonical(p): p for p in predicted}
    out = []
    for paragraph in gold:
        key = canonical(paragraph)
        if key in keys:
            continue
        near = next((p for k, p in keys.items() if key[:8] in k), "-")
        out.append((paragraph, near))
    return tuple(out)


def summarize(scores: list[PageScore]) -> dict[str, float]:
    f1s = [f for s in scores for f in s.article_f1]
    return {
        "pages": len(scores),
        "print": sum(s.print_layout for s in scores) / len(scores),
        "articles": sum(s.gold_articles == s.predicted_articles for s in scores) / len(scores),
        "article_f1": sum(f1s) / len(f1s) if f1s else 0.0,
        "paragraphs": sum(s.paragraphs_hit for s in scores) / max(1, sum(s.paragraphs for s in scores)),
        "titles": sum(s.titles_hit for s in scores) / max(1, sum(s.titles for s in scores)),
    }


def evaluate(folder: Path) -> tuple[dict[str, dict[str, float]], list[PageScore]]:
    samples = [s for s in load_samples(folder) if s.layout == "print"]
    scores = [score_page(s) for s in samples]
    groups: dict[str, list[PageScore]] = defaultdict(list)
    for s in scores:
        groups[s.extractor].append(s)
    table = {name: summarize(group) for name, group in sorted(groups.items())}
    table["all"] = summarize(scores)
    return table, scores


def format_table(table: dict[str, dict[str, float]]) -> str:
    head = f"{'extractor':<10} {'pages':>5} {'PRINT':>6} {'articles':>9} {'article F1':>11} {'paragraphs':>11} {'titles':>7}"
    rows = [head, "-" * len(head)]
    for name, row in table.items():
        rows.append(
            f"{name:<10} {row['pages']:>5} {row['print']:>6.3f} {row['articles']:>9.3f} {row['article_f1']:>11.3f} {row['paragraphs']:>11.3f} {row['titles']:>7.3f}"
        )
    rows.append(f"{'target':<10} {'':>5} {'':>6} {TARGETS['articles']:>9.2f} {TARGETS['article_f1']:>11.2f} {TARGETS['paragraphs']:>11.2f}")
    return "\n".join(rows)


def meets_targets(row: dict[str, float]) -> bool:
    return all(row[key] >= floor for key, floor in TARGETS.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    parser.add_argument("--misses", type=int, default=0, help="list the gold paragraphs missed on the first N pages with misses")
    args = parser.parse_args(argv)
    table, scores = evaluate(args.folder)
    print(format_table(table))
    if args.worst:
        print()
        ranked = sorted(scores, key=lambda s: (s.gold_articles == s.predicted_articles, min(s.article_f1, default=1), s.paragraphs_hit - s.paragraphs))
        for s in ranked[: args.worst]:
            print(f"{s.name}: articles {s.predicted_articles}/{s.gold_articles}, min F1 {min(s.article_f1, default=0):.3f}, paragraphs {s.paragraphs_hit}/{s.paragraphs}")
    if args.misses:
        print()
        for s in [s for s in scores if s.missed][: args.misses]:
            for gold, near in s.missed:
                print(f"{s.name}: gold {gold[:40]}…\n{'':>{len(s.name) + 2}}near {near[:40]}…")
    return 0 if meets_targets(table["all"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
