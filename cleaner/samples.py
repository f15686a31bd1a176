"""Labeled samples (SPEC §3): ``NAME.txt`` + ``NAME.gold.json`` (+ ``NAME.html``).

Used by training, tests and benchmarks.  Samples are read in place from any
number of folders; nothing is copied.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from cleaner.document import Label

# Second-level suffixes under which the registrable domain has three labels
# (finance.sina.com.cn → sina.com.cn).  Used to group pages by site for CV.
_SECOND_LEVEL = {"com", "net", "org", "gov", "edu", "co", "ac"}


@dataclass(frozen=True)
class GoldArticle:
    title: str | None
    body: tuple[str, ...]
    kind: str = "article"
    authors: tuple[str, ...] | None = None
    date: str | None = None
    source: str | None = None
    editors: tuple[str, ...] | None = None
    dateline: str | None = None
    original_title: str | None = None
    column: str | None = None
    keywords: tuple[str, ...] | None = None
    has: frozenset[str] = frozenset()  # which metadata keys the gold states


@dataclass(frozen=True)
class Sample:
    name: str
    text_path: Path
    html_path: Path | None
    layout: str
    line_labels: dict[int, Label] | None
    articles: tuple[GoldArticle, ...]
    captions: tuple[str, ...]
    site: str  # the group for site-grouped cross-validation

    def read_text(self) -> str:
        return self.text_path.read_text(encoding="utf-8")

    @property
    def gold_body(self) -> str:
        return "\n".join(p for a in self.articles for p in a.body)


def site_of(name: str) -> str:
    """The registrable domain a sample comes from, or the sample name itself.

    >>> site_of("20111209_finance.huanqiu.com_1a3c")
    'huanqiu.com'
    >>> site_of("20111209_news.sina.com.cn_ff00")
    'sina.com.cn'
    >>> site_of("003_9ef4fa18b4692ddf")
    'seed:003_9ef4fa18b4692ddf'
    """
    parts = name.split("_")
    if len(parts) >= 3 and "." in parts[1]:
        labels = parts[1].lower().split(".")
        if labels[0] == "big5":  # big5.xinhuanet.com is xinhuanet.com
            labels = labels[1:]
        keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
        return ".".join(labels[-keep:])
    return f"seed:{name}"


def _tuple(value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)  # type: ignore[union-attr]


def _article(raw: dict) -> GoldArticle:
    return GoldArticle(
        title=raw.get("title"),
        body=tuple(raw.get("body", ())),
        kind=raw.get("kind", "article"),
        authors=_tuple(raw.get("authors")),
        date=raw.get("date"),
        source=raw.get("source"),
        editors=_tuple(raw.get("editors")),
        dateline=raw.get("dateline"),
        original_title=raw.get("original_title"),
        column=raw.get("column"),
        keywords=_tuple(raw.get("keywords")),
        has=frozenset(k for k in raw if k not in ("body",)),
    )


def load_sample(gold_path: Path) -> Sample:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    name = gold_path.name[: -len(".gold.json")]
    text_path = gold_path.with_name(gold.get("file") or f"{name}.txt")
    html_path = gold_path.with_name(f"{name}.html")
    labels = gold.get("line_labels")
    return Sample(
        name=name,
        text_path=text_path,
        html_path=html_path if html_path.exists() else None,
        layout=gold.get("layout", "web"),
        line_labels={int(k): Label(v) for k, v in labels.items()} if labels else None,
        articles=tuple(_article(a) for a in gold.get("articles", ())),
        captions=tuple(gold.get("captions", ())),
        site=site_of(name),
    )


def load_samples(*folders: Path | str) -> list[Sample]:
    """Every labeled sample in the given folders (sorted by name, deterministic)."""
    samples: list[Sample] = []
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            raise FileNotFoundError(f"not a folder of labeled samples: {folder}")
        samples.extend(load_sample(p) for p in sorted(folder.glob("*.gold.json")))
    return samples
