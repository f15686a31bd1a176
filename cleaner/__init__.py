"""cleaner: messy Chinese news text (web dumps, newspaper PDFs, HTML) → clean articles.

    >>> import cleaner
    >>> doc = cleaner.clean_text(open("seeds/001_a80061007dd89433.txt", "rb").read())
    >>> [a.title for a in doc.articles]                     # doctest: +SKIP
    ['中国多地竞相打造“人工智能之城”']
"""

from cleaner.config import Config
from cleaner.document import Article, Document, Label, Layout
from cleaner.pipeline import clean_html, clean_text

__all__ = ["Article", "Config", "Document", "Label", "Layout", "clean_html", "clean_text"]
__version__ = "0.1.0"
