"""TEMPORARY scaffold so other modules can be developed against the API; replaced by the real stage list."""
from __future__ import annotations
from cleaner.config import DEFAULT, Config
from cleaner.document import Article, Document, Layout


def clean_text(text: str | bytes, *, doc_id: str = "doc", config: Config | None = None, **options: object) -> Document:
    config = (config or DEFAULT).with_options(**options)
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    paras = [l.strip() for l in text.splitlines() if l.strip()]
    return Document(doc_id, Layout.WEB, [Article(doc_id, paragraphs=paras, first_line=1, last_line=len(paras))])


def clean_html(html: str | bytes, url: str | None = None, *, doc_id: str = "doc", config: Config | None = None, **options: object) -> Document:
    raise NotImplementedError
