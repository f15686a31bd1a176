"""Inside a crawler: a Scrapy item pipeline that cleans each fetched page.

    # settings.py of a Scrapy project (pip install "cleaner[crawler]" or just scrapy)
    ITEM_PIPELINES = {"cleaner.crawler.CleanerPipeline": 300}

An item carries the page as ``item["html"]`` (str or bytes) or as a response
(``item["response"]``, anything with ``.body`` and ``.url``), and optionally
``item["url"]`` and ``item["id"]``.  The pipeline adds ``item["articles"]``: the
SPEC §2 records of :func:`cleaner.clean_html` — one per article, a ``kind:
"empty"`` record with a reason when the page has none, an error record
(``kind: "error"``) when the page cannot be read.  It never raises on a bad
page: the crawl goes on.

Scrapy is not needed to import this module (items may be dicts or Scrapy
``Item`` objects; both support ``item[key]``).  Options: ``CLEANER_OPTIONS`` in
the Scrapy settings (a dict of :class:`cleaner.config.Config` fields), and
``CLEANER_OUTPUT_FIELD`` for the name of the added field.
"""

from __future__ import annotations

import hashlib
from typing import Any

from cleaner.config import DEFAULT, Config
from cleaner.document import error_record


class CleanerPipeline:
    """Scrapy item pipeline: ``process_item(item, spider)`` adds the cleaned records."""

    def __init__(self, config: Config | None = None, output_field: str = "articles"):
        self.config = config or DEFAULT
        self.output_field = output_field

    @classmethod
    def from_crawler(cls, crawler: Any) -> "CleanerPipeline":
        settings = getattr(crawler, "settings", None)
        options = dict(settings.getdict("CLEANER_OPTIONS")) if settings is not None else {}
        field = settings.get("CLEANER_OUTPUT_FIELD", "articles") if settings is not None else "articles"
        return cls(DEFAULT.with_options(**options) if options else DEFAULT, field)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        html, url = _page_of(item)
        doc_id = _get(item, "id") or _doc_id(url, html)
        if html is None:
            records = [error_record(str(doc_id), 'item has no "html" and no "response" with a body', url)]
        else:
            records = clean_records(html, url, doc_id=str(doc_id), config=self.config)
        item[self.output_field] = records
        return item


def clean_records(html: str | bytes, url: str | None, *, doc_id: str, config: Config = DEFAULT) -> list[dict]:
    """The records of one fetched page; a page that cannot be cleaned gives one error record."""
    from cleaner.pipeline import clean_html

    if len(html) > config.max_bytes:
        return [error_record(doc_id, f"page larger than the max_bytes limit ({config.max_bytes} bytes)", url)]
    try:
        return clean_html(html, url, doc_id=doc_id, config=config).to_records()
    except Exception as exc:  # a crawler must not stop on one bad page
        return [error_record(doc_id, f"{type(exc).__name__}: {exc}"[:500], url)]


def _get(item: Any, key: str) -> Any:
    try:
        return item[key]
    except (KeyError, TypeError, IndexError):
        return getattr(item, key, None) if not isinstance(item, dict) else None


def _page_of(item: Any) -> tuple[str | bytes | None, str | None]:
    """(html, url) of an item: ``item["html"]`` first, else ``item["response"].body``."""
    html = _get(item, "html")
    url = _get(item, "url")
    response = _get(item, "response")
    if html is None and response is not None:
        html = getattr(response, "body", None)
        if html is None:
            html = getattr(response, "text", None)
    if url is None and response is not None:
        url = getattr(response, "url", None)
    return html, url


def _doc_id(url: str | None, html: str | bytes | None) -> str:
    """A stable id: a hash of the URL (or of the page when there is no URL)."""
    data = (url or "").encode("utf-8") if url else (html.encode("utf-8", "replace") if isinstance(html, str) else (html or b""))
    return hashlib.sha256(data).hexdigest()[:16]
