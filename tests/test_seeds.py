"""The five seed pages are the first regression tests (SPEC §2–§6 on real pages).

Each runs with the heuristics only and with the shipped model (when present),
so neither path can silently regress.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner.metrics import body_prf, canonical, paragraph_exact
from cleaner.samples import Sample, load_samples

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SAMPLES = {s.name[:3]: s for s in load_samples(SEEDS)}
WEB = ["000", "001", "002", "004"]
MODES = [pytest.param(False, id="heuristics"), pytest.param(True, id="model")]


def _clean(sample: Sample, use_model: bool) -> cleaner.Document:
    return cleaner.clean_text(sample.text_path.read_bytes(), doc_id=sample.name, use_model=use_model)


@pytest.mark.parametrize("use_model", MODES)
@pytest.mark.parametrize("key", WEB)
def test_web_seed_body_f1(key: str, use_model: bool) -> None:
    sample = SAMPLES[key]
    doc = _clean(sample, use_model)
    predicted = "\n".join(a.text for a in doc.articles)
    assert body_prf(predicted, sample.gold_body).f1 >= 0.97
    assert len(doc.articles) == 1


@pytest.mark.parametrize("use_model", MODES)
@pytest.mark.parametrize("key", WEB)
def test_web_seed_line_labels(key: str, use_model: bool) -> None:
    """Line F1 over the gold-labeled lines (positive class: body or heading)."""
    sample = SAMPLES[key]
    doc = _clean(sample, use_model)
    kept = {n for d in doc.decisions if d.label.in_body for n in range(d.first, d.last + 1)}
    gold = {n for n, label in sample.line_labels.items() if label.in_body}
    tp = len(kept & gold)
    f1 = 2 * tp / (len(kept) + len(gold))
    assert f1 >= 0.95, sorted(kept ^ gold)


def test_print_seed_is_detected_and_split_into_its_stories() -> None:
    sample = SAMPLES["003"]
    doc = _clean(sample, use_model=False)
    assert doc.layout is cleaner.Layout.PRINT
    assert len(doc.articles) == len(sample.articles) == 6
    predicted = [p for a in doc.articles for p in a.paragraphs]
    hits, total = paragraph_exact(predicted, [p for a in sample.articles for p in a.body])
    assert hits / total >= 0.95


def test_print_seed_articles_in_order_with_their_titles_and_authors() -> None:
    sample = SAMPLES["003"]
    doc = _clean(sample, use_model=False)
    for got, gold in zip(doc.articles, sample.articles):
        assert (canonical(got.title) if got.title else None) == (canonical(gold.title) if gold.title else None)
        assert got.authors == list(gold.authors or ())
        assert got.kind.value == gold.kind
        assert body_prf(got.text, "\n".join(gold.body)).f1 >= 0.97
    captions = [c for a in doc.articles for c in a.captions]
    assert sorted(map(canonical, captions)) == sorted(map(canonical, sample.captions))


FIELDS = ("title", "date", "source", "authors", "editors", "dateline", "original_title", "column", "keywords")


def _field_cases():
    for key, sample in sorted(SAMPLES.items()):
        for index, gold in enumerate(sample.articles):
            for name in FIELDS:
                if name in gold.has:
                    yield pytest.param(key, index, name, id=f"{key}-{index}-{name}")


def _value(value):
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    return canonical(value) if isinstance(value, str) else value


@pytest.mark.parametrize("key,index,name", list(_field_cases()))
def test_seed_metadata_fields_exact(key: str, index: int, name: str) -> None:
    sample = SAMPLES[key]
    doc = _clean(sample, use_model=False)
    gold = getattr(sample.articles[index], name)
    assert _value(getattr(doc.articles[index], name)) == _value(gold)


@pytest.mark.parametrize("key", sorted(SAMPLES))
def test_cleaning_cleaned_text_changes_nothing(key: str) -> None:
    doc = _clean(SAMPLES[key], use_model=False)
    for article in doc.articles:
        again = cleaner.clean_text(article.text, layout="web", use_model=False)
        assert [a.text for a in again.articles] == [article.text]


@pytest.mark.parametrize("key", sorted(SAMPLES))
def test_every_record_has_the_spec_fields(key: str) -> None:
    doc = _clean(SAMPLES[key], use_model=False)
    for record in doc.to_records():
        assert set(record) >= {
            "doc_id", "article_index", "kind", "title", "subtitle", "column", "date", "source", "authors",
            "editors", "dateline", "original_title", "keywords", "captions", "text", "lines",
        }
        first, last = record["lines"]
        assert 1 <= first <= last
        assert record["text"].strip()


def test_no_metadata_leaks_into_the_body() -> None:
    doc = _clean(SAMPLES["004"], use_model=False)
    text = doc.articles[0].text
    for leak in ("原标题", "关键词", "(曹政)", "2025-07-28"):
        assert leak not in text


def test_page_without_article_yields_an_empty_record() -> None:
    doc = cleaner.clean_text("首页\n新闻\n体育\n登录\n注册\n版权所有", doc_id="nav")
    (record,) = doc.to_records()
    assert record["kind"] == "empty" and record["reason"]
