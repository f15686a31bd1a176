"""The systems `cleaner bench` compares: the toolkit itself and the baselines.

Every system sits behind one small interface (:class:`System`): a name, the input
it needs (``"text"`` = the page's ``NAME.txt`` dump, ``"html"`` = ``NAME.html``),
the metadata fields it reports, whether it decides line by line, and
``extract(doc, data) -> SystemOutput``.  A baseline whose package is missing is
reported as unavailable, never a crash; a document a system cannot handle (no
HTML for an HTML system) is skipped with a reason.

This module is also the benchmark *worker*: ``cleaner bench`` runs each system in
its own fresh interpreter (``python -P -c … baselines.py spec.json out.json``) so
that its speed and peak memory (RSS) are its own.  For that reason nothing here
imports the ``cleaner`` package at module level — a baseline's process must not
pay for the toolkit's imports — and the worker speaks JSON, not pickle.
"""

from __future__ import annotations

import html as html_lib
import importlib.util
import json
import resource
import sys
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Metadata fields the benchmark scores (SPEC §6), in display order.
META_FIELDS = ("title", "date", "authors", "source", "editors", "dateline", "original_title", "column", "keywords")


@dataclass
class OutputArticle:
    """One article as a system returns it: title, body text (paragraphs joined by
    ``\\n``) and whatever other metadata the system reports (keys of META_FIELDS)."""

    title: str | None
    body: str
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n") if p.strip()]


@dataclass
class SystemOutput:
    """What a system made of one document.

    ``articles`` may be given as ``(title, body_text)`` pairs.  ``line_decisions``
    maps 1-based input line numbers to "kept in an article body"; None for systems
    that do not decide per line of the text dump (they get no line metric).
    """

    articles: list[OutputArticle]
    line_decisions: dict[int, bool] | None = None

    def __post_init__(self) -> None:
        self.articles = [a if isinstance(a, OutputArticle) else OutputArticle(a[0], a[1]) for a in self.articles]

    def to_json(self) -> dict:
        return {
            "articles": [{"title": a.title, "body": a.body, "meta": a.meta} for a in self.articles],
            "line_decisions": None
            if self.line_decisions is None
            else [n for n, kept in sorted(self.line_decisions.items()) if kept],
        }

    @staticmethod
    def from_json(raw: dict) -> "SystemOutput":
        lines = raw.get("line_decisions")
        return SystemOutput(
            [OutputArticle(a["title"], a["body"], a.get("meta") or {}) for a in raw["articles"]],
            None if lines is None else {int(n): True for n in lines},
        )


@dataclass(frozen=True)
class DocInput:
    """The part of a labeled sample a system may see (never its gold)."""

    name: str
    text_path: Path
    html_path: Path | None
    layout: str = "web"


class System(ABC):
    """One system under test.  Subclasses set the class attributes and ``extract``."""

    name: str = ""
    needs: str = "text"  # "text" or "html"
    requires: tuple[str, ...] = ()  # importable modules; missing → system unavailable
    reports: frozenset[str] = frozenset()  # metadata fields it outputs (others: n/a)
    line_decisions: bool = False  # does it decide per line of NAME.txt?
    about: str = ""

    def missing(self) -> str | None:
        """Why the system cannot run here (a missing package), or None."""
        for module in self.requires:
            if importlib.util.find_spec(module) is None:
                return f"package '{module}' is not installed"
        return None

    def setup(self) -> None:
        """Import what the system needs (outside the timed loop)."""

    def input_path(self, doc: DocInput) -> Path | None:
        return doc.html_path if self.needs == "html" else doc.text_path

    def skip_reason(self, doc: DocInput) -> str | None:
        if self.input_path(doc) is None:
            return f"no {doc.name}.html" if self.needs == "html" else "no input"
        return None

    @abstractmethod
    def extract(self, doc: DocInput, data: bytes | None = None) -> SystemOutput:
        """Run on one document; ``data`` is the input file's bytes (read if None)."""

    def _data(self, doc: DocInput, data: bytes | None) -> bytes:
        if data is not None:
            return data
        path = self.input_path(doc)
        assert path is not None
        return path.read_bytes()


# --------------------------------------------------------------------------- toolkit


def _output_of_document(document: Any, with_lines: bool) -> SystemOutput:
    """A cleaner Document → SystemOutput (empty-kind records are not articles)."""
    articles = []
    for a in document.articles:
        if getattr(a.kind, "value", a.kind) == "empty":
            continue
        meta = {
            "date": a.date,
            "authors": list(a.authors),
            "source": a.source,
            "editors": list(a.editors),
            "dateline": a.dateline,
            "original_title": a.original_title,
            "column": a.column,
            "keywords": list(a.keywords),
        }
        articles.append(OutputArticle(a.title, "\n".join(a.paragraphs), meta))
    lines = None
    if with_lines:
        lines = {}
        for d in document.decisions:
            for n in range(d.first, d.last + 1):
                lines[n] = lines.get(n, False) or d.label.in_body
    return SystemOutput(articles, lines)


class Cleaner(System):
    name = "cleaner"
    needs = "text"
    reports = frozenset(META_FIELDS)
    line_decisions = True
    about = "the toolkit: cleaner.clean_text on the NAME.txt bytes"

    def setup(self) -> None:
        import cleaner  # noqa: F401

    def extract(self, doc: DocInput, data: bytes | None = None) -> SystemOutput:
        import cleaner

        document = cleaner.clean_text(self._data(doc, data), doc_id=doc.name)
        return _output_of_document(document, with_lines=True)


class CleanerHtml(System):
    name = "cleaner-html"
    needs = "html"
    reports = frozenset(META_FIELDS)
    about = "the toolkit on HTML: cleaner.clean_html on the NAME.html bytes (no line metric: its lines are not the dump's)"

    def setup(self) -> None:
        import cleaner  # noqa: F401

    def extract(self, doc: DocInput, data: bytes | None = None) -> SystemOutput:
        import cleaner

        document = cleaner.clean_html(self._data(doc, data), None, doc_id=doc.name)
        return _output_of_document(document, with_lines=False)


class CleanerHtmlCV(CleanerHtml):
    """clean_html with site-grouped cross-validated HTML models: each page is cleaned by the
    fold model that never saw its site (``python -m cleaner.html_model train --cv-models DIR``;
    DIR in the environment variable CLEANER_HTML_CV_MODELS).  Same code path and speed as
    clean_html; honest scores on the corpus the shipped model was trained on."""

    name = "cleaner-html-cv"
    about = "clean_html with the site-grouped CV fold model of each page's site (no site in both train and eval)"

    def missing(self) -> str | None:
        import os

        folder = os.environ.get("CLEANER_HTML_CV_MODELS")
        if not folder or not Path(folder, "folds.json").exists():
            return "CLEANER_HTML_CV_MODELS does not name a folder of CV fold models (python -m cleaner.html_model train --cv-models DIR)"
        return None

    def extract(self, doc: DocInput, data: bytes | None = None) -> SystemOutput:
        import os

        from cleaner import html_model
        from cleaner.config import DEFAULT
        from cleaner.html import render_page
        from cleaner.samples import site_of

        model = html_model.cv_model(os.environ["CLEANER_HTML_CV_MODELS"], site_of(doc.name))
        page = render_page(self._data(doc, data))
        meta = html_model.read_page_metadata(page)
        document = html_model.clean_page(page, model=model, meta=meta, doc_id=doc.name, config=DEFAULT)
        return _output_of_document(document, with_lines=False)


# --------------------------------------------------------------------------- baselines


class KeepAll(System):
    name = "keepall"
    needs = "text"
    line_decisions = True
    about = "the text dump as is: every non-blank line is body, one article, no title"

    def extract(self, doc: DocInput, data: bytes | None = None) -> SystemOutput:
        text = self._data(doc, data).decode("utf-8", errors="replace")
        lines = text.split("\n")
        kept = {i: True for i, line in enumerate(lines, 1) if line.strip()}
        body = "\n".join(line.strip() for line in lines if line.strip())
        return SystemOutput([OutputArticle(None, body)] if body else [], kept)


def _authors(value: str | None) -> list[str]:
    return [a.strip() for a in (value or "").split(";") if a.strip()]


def _trafilatura_output(result: Any) -> SystemOutput:
    if result is None or not (result.text or "").strip():
        return SystemOutput([])
    meta = {"date": result.date, "authors": _authors(result.author)}
    return SystemOutput([OutputArticle(result.title, result.text, meta)])


class Trafilatura(System):
    """``trafilatura.bare_extraction`` (what ``trafilatura.extract`` runs) with
    metadata on, so the title, date and author come with the text.  Comments are
    off (``include_comments=False``): gold bodies never contain reader comments.
    Everything else is trafilatura's default."""

    name = "trafilatura"
    needs = "html"
    requires = ("trafilatura",)
    reports = frozenset({"title", "date", "authors"})
    about = "trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)"

    def setup(self) -> None:
        import trafilatura  # noqa: F401

    def extract(self, doc: DocInput, data: bytes | None = None) -> SystemOutput:
        import trafilatura

        result = trafilatura.bare_extraction(self._data(doc, data), with_metadata=True, include_comments=False)
        return _trafilatura_output(result)


def dump_as_html(text: str) -> str:
    """The text dump's non-blank lines as ``<p>`` paragraphs of a minimal page.

    >>> dump_as_html("a<b\\n\\n  c")
    '<html><head><meta charset="utf-8"><title></title></head><body>\\n<p>a&lt;b</p>\\n<p>c</p>\\n</body></html>'
    """
    paragraphs = "".join(f"<p>{html_lib.escape(line.strip())}</p>\n" for line in text.split("\n") if line.strip())
    return f'<html><head><meta charset="utf-8"><title></title></head><body>\n{paragraphs}</body></html>'


class TrafilaturaText(Trafilatura):
    name = "trafilatura-text"
    needs = "text"
    about = "trafilatura on the text dump, its non-blank lines wrapped as <p> in a minimal page"

    def extract(self, doc: DocInput, data: bytes | None = None) -> SystemOutput:
        import trafilatura

        page = dump_as_html(self._data(doc, data).decode("utf-8", errors="replace"))
        result = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
        return _trafilatura_output(result)


class JusText(System):
    """jusText in its language-independent mode: an empty stoplist with
    ``stopwords_low = stopwords_high = 0`` (as jusText's docs advise).  Its
    length thresholds count characters and were set for European text
    (70/200); a CJK character carries roughly what 2.5–3 Latin characters do, so
    they are scaled to 25/70 — with the defaults almost no Chinese paragraph
    reaches "good" and the baseline returns nothing.  Not tuned on any corpus."""

    name = "justext"
    needs = "html"
    requires = ("justext",)
    about = "justext(html, empty stoplist, stopwords_low=stopwords_high=0, length_low=25, length_high=70)"

    def setup(self) -> None:
        import justext  # noqa: F401

    def extract(self, doc: DocInput, data: bytes | None = None) -> SystemOutput:
        import justext

        paragraphs = justext.justext(
            self._data(doc, data), frozenset(), length_low=25, length_high=70, stopwords_low=0, stopwords_high=0
        )
        body = "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
        return SystemOutput([OutputArticle(None, body)] if body.strip() else [])


_BLOCK_TAGS = frozenset("p div br li h1 h2 h3 h4 h5 h6 td tr pre blockquote section article table ul ol dd dt".split())


def html_block_text(fragment: str) -> str:
    """Visible text of an HTML fragment, one line per block element.

    >>> html_block_text("<div><p>甲 <b>乙</b></p><p>丙</p></div>")
    '甲 乙\\n丙'
    """
    import lxml.html

    if not fragment.strip():
        return ""
    root = lxml.html.fromstring(fragment)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


class Readability(System):
    name = "readability"
    needs = "html"
    requires = ("readability", "lxml")
    reports = frozenset({"title"})
    about = "readability-lxml Document(html).summary() → text (one line per block), .short_title()"

    def setup(self) -> None:
        import readability  # noqa: F401

    def extract(self, doc: DocInput, data: bytes | None = None) -> SystemOutput:
        from readability import Document

        page = Document(self._data(doc, data))
        body = html_block_text(page.summary(html_partial=True))
        return SystemOutput([OutputArticle(page.short_title() or None, body)] if body else [])


SYSTEMS: dict[str, type[System]] = {
    cls.name: cls for cls in (Cleaner, CleanerHtml, CleanerHtmlCV, KeepAll, Trafilatura, TrafilaturaText, JusText, Readability)
}
BASELINES = tuple(name for name in SYSTEMS if not name.startswith("cleaner"))


def get_system(name: str) -> System:
    try:
        return SYSTEMS[name]()
    except KeyError:
        raise ValueError(f"unknown system '{name}'; known: {', '.join(SYSTEMS)}") from None


# --------------------------------------------------------------------------- running


def _peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB.

    On Linux this is ``VmHWM`` from /proc/self/status: the high-water mark of this
    process's own address space.  ``ru_maxrss`` is not used there because Linux
    keeps it across fork+exec, so a fresh worker would report its *parent's* RSS
    whenever that is larger.  Elsewhere ``ru_maxrss`` is the fallback (KiB on
    Linux/BSD, bytes on macOS).
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


WARMUP_DOCS = 3  # run untimed first: lazy imports and first-call caches of every system


def run_system(system: System, docs: list[DocInput], *, warmup: bool = True) -> dict:
    """Run ``system`` on every document; time each ``extract`` call on its own.

    Input files are read before the clock starts; the first WARMUP_DOCS runnable documents
    are run once untimed first (warm-up: lazy imports, caches), so the timings are
    steady-state.  An exception on a document is recorded as that document's error.
    """
    system.setup()
    runnable = [d for d in docs if system.skip_reason(d) is None]
    for doc in runnable[:WARMUP_DOCS] if warmup else []:
        try:
            system.extract(doc)
        except Exception:  # the timed run records it
            pass
    setup_rss = _peak_rss_mb()
    results = []
    for doc in docs:
        reason = system.skip_reason(doc)
        if reason:
            results.append({"name": doc.name, "status": "skipped", "error": reason, "seconds": 0.0, "bytes": 0})
            continue
        path = system.input_path(doc)
        assert path is not None
        data = path.read_bytes()
        start = time.perf_counter()
        try:
            output = system.extract(doc, data)
            error = None
        except Exception as exc:  # one failing document never stops the run
            output, error = None, f"{type(exc).__name__}: {exc}"[:500]
        seconds = time.perf_counter() - start
        results.append(
            {
                "name": doc.name,
                "status": "ok" if error is None else "error",
                "error": error,
                "seconds": seconds,
                "bytes": len(data),
                "output": output.to_json() if output is not None else None,
            }
        )
    return {"system": system.name, "setup_rss_mb": setup_rss, "peak_rss_mb": _peak_rss_mb(), "docs": results}


def worker_main(spec_path: str, out_path: str) -> None:
    """Entry point of the per-system worker process (see the module docstring)."""
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    docs = [
        DocInput(d["name"], Path(d["text_path"]), Path(d["html_path"]) if d["html_path"] else None, d["layout"])
        for d in spec["docs"]
    ]
    result = run_system(get_system(spec["system"]), docs, warmup=spec.get("warmup", True))
    result["rss_measure"] = "peak RSS (VmHWM) of the worker process: a fresh interpreter running only this system"
    Path(out_path).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    worker_main(sys.argv[1], sys.argv[2])
