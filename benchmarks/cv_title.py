"""Title accuracy of the text pipeline under site-grouped cross-validation.

    python benchmarks/cv_title.py [DATA_DIR]

The same folds as ``benchmarks/cv.py`` (``GroupKFold`` on the site): per fold a
model is trained on the other folds' pages and ``cleaner.clean_text`` runs on
the held-out pages with it.  Prints title accuracy (canonical exact match of the
first article's title with the gold headline) with body F1 mean and p10 as a
cross-check.  Takes about 10–15 minutes on 2 cores.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import cleaner
from cleaner import train
from cleaner.metrics import body_prf, canonical, percentile
from cleaner.samples import load_samples

DANIEL = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "daniel"


def main(data: Path) -> None:
    samples = [s for s in load_samples(data) if s.line_labels is not None]
    by_name = {s.name: s for s in samples}
    pages = train.load_pages(samples)
    hits: list[bool] = []
    f1s: list[float] = []
    start = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        for k, (train_idx, eval_idx) in enumerate(train._site_folds(pages, 5)):
            path = Path(tmp) / f"fold{k}.json.gz"
            train.write_model(train.train([pages[i] for i in train_idx], seed=0), path)
            for i in eval_idx.tolist():
                sample = by_name[pages[i].name]
                doc = cleaner.clean_text(sample.text_path.read_bytes(), doc_id=sample.name, model=path)
                title = doc.articles[0].title if doc.articles else None
                hits.append(bool(title) and canonical(title) == canonical(sample.articles[0].title or ""))
                f1s.append(body_prf("\n".join(a.text for a in doc.articles), sample.gold_body).f1)
            print(f"fold {k}: {time.time() - start:.0f}s", file=sys.stderr)
    print(f"pages {len(hits)}  title accuracy {statistics.mean(hits):.4f}  "
          f"body F1 mean {statistics.mean(f1s):.4f}  p10 {percentile(f1s, 10):.4f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DANIEL)
