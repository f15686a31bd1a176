#!/usr/bin/env python
"""Run the standard benchmark: seeds/ and, when present, ../shared/data/daniel.

    python benchmarks/run.py                       # all baselines, gate on floors.json
    python benchmarks/run.py --report report.html --json results.json
    python benchmarks/run.py --baseline keepall    # fewer systems
    python benchmarks/run.py --pin                 # re-pin floors from this run (review the diff!)

Exit status 1 when a score is below its floor or a corpus fingerprint changed.
The daniel corpus is read in place (never copied); set CLEANER_DANIEL to point
elsewhere.  See benchmarks/README.md for every metric and for the floor policy.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from cleaner import baselines, report  # noqa: E402
from cleaner.bench import TOOLKIT, check_floors, load_floors, pinned_floors, run_bench  # noqa: E402

FLOORS = HERE / "floors.json"
# Metrics pinned by --pin for the toolkit (speed is reported, never asserted).
PINNED_METRICS = [
    "line_f1_macro", "line_f1_pooled", "body_f1_mean", "body_f1_p10", "seg_count_share", "seg_best_f1_mean",
    "meta_title", "meta_date", "meta_authors", "meta_source", "para_exact",
]


def standard_corpora() -> list[Path]:
    corpora = [ROOT / "seeds"]
    daniel = Path(os.environ.get("CLEANER_DANIEL", ROOT.parent / "shared" / "data" / "daniel"))
    if daniel.is_dir():
        corpora.append(daniel)
    else:
        print(f"note: {daniel} not found, benchmarking seeds/ only", file=sys.stderr)
    return corpora


def pin(result, floors_path: Path, margin: float, allow_lower: bool) -> int:
    """Write floors = this run's toolkit scores minus ``margin`` (rounded down)."""
    old = load_floors(floors_path) if floors_path.exists() else {"corpora": {}}
    new = pinned_floors(result, [TOOLKIT], PINNED_METRICS, margin)
    lowered = []
    for corpus, pinned in new.items():
        before = old.get("corpora", {}).get(corpus, {})
        if before.get("provisional") or before.get("fingerprint") != pinned["fingerprint"]:
            continue  # placeholders, or a changed corpus: nothing comparable to lower
        for system, metrics in pinned["floors"].items():
            for metric, value in metrics.items():
                previous = before.get("floors", {}).get(system, {}).get(metric)
                if previous is not None and value < previous:
                    lowered.append(f"{corpus}/{system}: {metric} {previous} → {value}")
    if lowered and not allow_lower:
        print("refusing to lower floors (pass --allow-lower and say why in the commit):", file=sys.stderr)
        for line in lowered:
            print(f"  {line}", file=sys.stderr)
        return 1
    for corpus, pinned in new.items():
        pinned["provisional"] = False
        old.setdefault("corpora", {})[corpus] = pinned
    floors_path.write_text(json.dumps(old, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"pinned floors in {floors_path}" + (f" (lowered: {'; '.join(lowered)})" if lowered else ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", action="append", help=f"baseline(s) to run (default: all of {', '.join(baselines.BASELINES)})")
    parser.add_argument("--toolkit-only", action="store_true", help="run only the toolkit (the CI gate: floors are on the toolkit)")
    parser.add_argument("--report", type=Path, help="write the report (.html or .md)")
    parser.add_argument("--json", type=Path, help="write every per-document result as JSON")
    parser.add_argument("--floors", type=Path, default=FLOORS, help="floors file (default: benchmarks/floors.json)")
    parser.add_argument("--no-floors", action="store_true", help="report only, do not gate")
    parser.add_argument("--pin", action="store_true", help="write floors from this run (toolkit scores minus --margin)")
    parser.add_argument("--margin", type=float, default=0.02, help="slack below the measured score when pinning")
    parser.add_argument("--allow-lower", action="store_true", help="let --pin lower an existing floor")
    args = parser.parse_args(argv)

    systems = [TOOLKIT] if args.toolkit_only else [TOOLKIT, *(args.baseline or baselines.BASELINES)]
    result = run_bench(standard_corpora(), systems, progress=lambda m: print(m, file=sys.stderr))
    print(report.markdown_summary(result))
    print(f"\nran in {result.elapsed_s:.1f} s")
    if args.json:
        args.json.write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    if args.report:
        report.write_report(result, args.report)
    if args.pin:
        return pin(result, args.floors, args.margin, args.allow_lower)
    if args.no_floors:
        return 0
    failures, notes = check_floors(result, load_floors(args.floors))
    for note in notes:
        print(f"note: {note}")
    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    print("floors: " + (f"{len(failures)} below floor" if failures else "all met"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
