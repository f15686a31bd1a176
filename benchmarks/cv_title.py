"""Title accuracy of the text pipeline under site-grouped cross-validation.

    python benchmarks/cv_title.py [DATA_DIR] [--models DIR] [--misses FILE]

The same folds as ``benchmarks/cv.py`` (``GroupKFold`` on the site): per fold a
model is trained on the other folds' pages and ``cleaner.clean_text`` runs on
the held-out pages with it.  Prints title accuracy (canonical exact match of the
first article's title with the gold headline) with body F1 mean and p10 as a
cross-check.  Training the five fold models takes about 10 minutes on one core;
with ``--models DIR`` they are kept and reused (see ``cv.fold_models``), and a
rerun after a change to the pipeline (not to training) takes seconds.
``--misses FILE`` writes every page whose title is wrong, gold next to predicted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

import cleaner
from cleaner import train
from cleaner.metrics import percentile
from cleaner.samples import load_samples

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cv import DANIEL, held_out_models, title_and_body  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DANIEL)
    parser.add_argument("--models", type=Path, metavar="DIR", help="keep/reuse the fold models here")
    parser.add_argument("--misses", type=Path, metavar="FILE", help="write the pages with a wrong title here")
    args = parser.parse_args(argv)
    samples = [s for s in load_samples(args.data) if s.line_labels is not None and s.layout == "web"]
    by_name = {s.name: s for s in samples}
    pages = train.load_pages(samples)
    hits: list[bool] = []
    f1s: list[float] = []
    misses: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        models = held_out_models(pages, args.models or Path(tmp), log=lambda m: print(m, file=sys.stderr))
        for name, path in models.items():
            sample = by_name[name]
            doc = cleaner.clean_text(sample.text_path.read_bytes(), doc_id=sample.name, model=path)
            title, hit, f1 = title_and_body(doc, sample)
            hits.append(hit)
            f1s.append(f1)
            if not hit:
                misses.append(f"{sample.name}\n  gold: {sample.articles[0].title or ''}\n  got:  {title}\n")
    if args.misses:
        args.misses.write_text("\n".join(misses), encoding="utf-8")
    print(f"pages {len(hits)}  title accuracy {statistics.mean(hits):.4f}  "
          f"body F1 mean {statistics.mean(f1s):.4f}  p10 {percentile(f1s, 10):.4f}")


if __name__ == "__main__":
    main()
