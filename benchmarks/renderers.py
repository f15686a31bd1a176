"""Body F1 and title accuracy on the same pages as dumped by other text renderers.

    python benchmarks/renderers.py [DATA_DIR] [--models DIR] [--min-body F1] [--min-p10 F1]

The daniel ``*.txt`` dumps all come from one renderer (indented, a blank line
between paragraphs but not between list items).  Crawls are dumped by many:
``innerText``-like one line per block, html2text/trafilatura-like a blank line
after every block, BeautifulSoup ``get_text("\\n")``-like one line per text
node (a link or a bold run inside a paragraph breaks it).  This script renders
each daniel HTML page those ways, cleans each rendering with ``clean_text``
and scores it against the page's gold body (SPEC §6 body F1) and gold title.

The model is never trained on these renderings, and with ``--models DIR`` (the
fold models of ``benchmarks/cv.py``, trained once and kept there) each page is
cleaned by the model of the fold that did not see its site: unseen sites *and*
an unseen renderer.  Without ``--models`` the shipped model is used (its
training saw these sites, so only the renderer is new).  ``heuristics`` rows
use no model; ``keep all`` is the rendering itself taken as the body.

``--min-body`` / ``--min-p10``: exit 1 when cleaner's mean / 10th-percentile body F1
on any rendering is below (``.ci/run`` uses them with the shipped model as a
regression floor; the pages' sites are in that model's training data).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

import cleaner
from cleaner import train
from cleaner.decode import decode_bytes
from cleaner.html import render_page
from cleaner.metrics import body_prf, percentile
from cleaner.samples import Sample, load_samples

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cv import DANIEL, held_out_models, title_and_body  # noqa: E402

_SKIP = frozenset("script style noscript template head title iframe select option textarea button".split())


def _text_nodes(tree) -> list[str]:
    """Every non-blank text node, stripped, in document order (``get_text("\\n", strip=True)``)."""
    out: list[str] = []
    skipped: set = set()
    for el in tree.iter():
        tag = el.tag if isinstance(el.tag, str) else None
        parent = el.getparent()
        inside_skip = parent is not None and parent in skipped
        if tag in _SKIP or inside_skip:
            skipped.add(el)
        elif tag and el.text and el.text.strip():
            out.append(el.text.strip())
        if el.tail and el.tail.strip() and not inside_skip:
            out.append(el.tail.strip())
    return out


def renderings(sample: Sample) -> dict[str, str]:
    """The page's text as each renderer would give it."""
    dump = decode_bytes(sample.text_path.read_bytes()).text
    page = render_page(sample.html_path.read_bytes())
    blocks = [line.text for line in page.lines]
    return {
        "daniel dump": dump,
        "dump, no indent": "\n".join(line.strip() for line in dump.split("\n")),
        "one line per block": "\n".join(blocks),
        "blank line after every block": "\n\n".join(blocks),
        "one line per text node": "\n".join(_text_nodes(page.tree)) if page.tree is not None else "",
    }


def score(text: str, sample: Sample, **options) -> tuple[float, bool]:
    _, hit, f1 = title_and_body(cleaner.clean_text(text, doc_id=sample.name, **options), sample)
    return f1, hit


def run(samples: list[Sample], model_for: Callable[[Sample], Path | None]) -> dict[tuple[str, str], list[tuple[float, bool]]]:
    results: dict[tuple[str, str], list[tuple[float, bool]]] = {}
    for sample in samples:
        model = model_for(sample)
        for name, text in renderings(sample).items():
            systems = {
                "cleaner": score(text, sample, **({"model": model} if model else {})),
                "heuristics": score(text, sample, use_model=False),
                "keep all": (body_prf(text, sample.gold_body).f1, False),
            }
            for system, value in systems.items():
                results.setdefault((name, system), []).append(value)
    return results


def format_table(results: dict[tuple[str, str], list[tuple[float, bool]]]) -> str:
    rows = ["| rendering | system | pages | body F1 mean | body F1 p10 | title accuracy |", "|---|---|---|---|---|---|"]
    for (name, system), values in results.items():
        f1s = [f for f, _ in values]
        title = f"{statistics.mean(t for _, t in values):.3f}" if system != "keep all" else "–"
        rows.append(f"| {name} | {system} | {len(values)} | {statistics.mean(f1s):.3f} | {percentile(f1s, 10):.3f} | {title} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DANIEL)
    parser.add_argument("--models", type=Path, metavar="DIR",
                        help="fold models of benchmarks/cv.py (trained into DIR if missing): each page cleaned by the model that did not see its site")
    parser.add_argument("--min-body", type=float, default=0.0, help="floor on cleaner's mean body F1, every rendering")
    parser.add_argument("--min-p10", type=float, default=0.0, help="floor on cleaner's p10 body F1, every rendering")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"{args.data}: not found, nothing to score")
        return 0
    samples = [s for s in load_samples(args.data) if s.html_path and s.line_labels is not None and s.layout == "web"]
    if args.models is None:
        results = run(samples, lambda s: None)
    else:
        by_name = {s.name: s for s in samples}
        models = held_out_models(train.load_pages(samples), args.models, log=lambda m: print(m, file=sys.stderr))
        results = run([by_name[name] for name in models], lambda s: models[s.name])
    print(f"model: {'site-grouped CV fold models in ' + str(args.models) if args.models else 'shipped (in-sample sites)'}")
    print(format_table(results))
    low = []
    for (name, system), values in results.items():
        f1s = [f for f, _ in values]
        if system == "cleaner" and (statistics.mean(f1s) < args.min_body or percentile(f1s, 10) < args.min_p10):
            low.append(f"{name}: body F1 mean {statistics.mean(f1s):.3f} (floor {args.min_body}), "
                       f"p10 {percentile(f1s, 10):.3f} (floor {args.min_p10})")
    for line in low:
        print("BELOW FLOOR", line)
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
