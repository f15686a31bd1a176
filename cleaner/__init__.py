"""cleaner: messy Chinese news text (web dumps, newspaper PDFs, HTML) → clean articles.

    >>> import cleaner
    >>> doc = cleaner.clean_text("（经济观察）标题\n\n正文第一段，说了些什么。")
    >>> doc.articles[0].to_record()["kind"]
    'article'

The entry points are imported lazily, so ``import cleaner.metrics`` (or a
worker process) does not pay for loading the pipeline, OpenCC or the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["Article", "Config", "Document", "Label", "Layout", "clean_html", "clean_text"]
__version__ = "0.1.0"

if TYPE_CHECKING:
    from cleaner.config import Config
    from cleaner.document import Article, Document, Label, Layout
    from cleaner.pipeline import clean_html, clean_text

_HOMES = {
    "Config": "cleaner.config",
    "Article": "cleaner.document",
    "Document": "cleaner.document",
    "Label": "cleaner.document",
    "Layout": "cleaner.document",
    "clean_text": "cleaner.pipeline",
    "clean_html": "cleaner.pipeline",
}


def __getattr__(name: str) -> object:
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
