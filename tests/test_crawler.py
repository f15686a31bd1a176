"""The Scrapy item pipeline, with fake items and responses (no Scrapy, no network)."""

from __future__ import annotations

import os
import subprocess
import sys

from cleaner.crawler import CleanerPipeline

PARA = "新华社北京3月12日电 记者从国家统计局获悉，今年前两个月，全国规模以上工业增加值同比增长5.9%，市场销售保持平稳。"
PAGE = (
    '<html><head><meta charset="gbk"><title>国民经济运行总体平稳_新华网</title></head><body>'
    '<div class="nav"><a href="/">首页</a> <a href="/c">财经</a></div>'
    f"<h1>国民经济运行总体平稳</h1><div class='content'><p>{PARA}</p><p>{PARA}</p></div>"
    "<div class='footer'>版权所有</div></body></html>"
)


class FakeResponse:
    def __init__(self, body: bytes, url: str):
        self.body = body
        self.url = url


class FakeItem:
    """Like scrapy.Item: item[key] works, missing keys raise KeyError."""

    def __init__(self, **fields):
        self._fields = dict(fields)

    def __getitem__(self, key):
        return self._fields[key]

    def __setitem__(self, key, value):
        self._fields[key] = value


def test_item_with_html_gets_article_records():
    item = {"html": PAGE.encode("gbk"), "url": "http://www.xinhuanet.com/a.htm", "id": "a1"}
    out = CleanerPipeline().process_item(item, spider=None)
    assert out is item
    record = item["articles"][0]
    assert record["doc_id"] == "a1" and record["kind"] == "article"
    assert record["title"] == "国民经济运行总体平稳"
    assert PARA[:15] in record["text"] and "版权所有" not in record["text"]


def test_item_with_a_response_object():
    item = FakeItem(response=FakeResponse(PAGE.encode("gbk"), "http://www.xinhuanet.com/b.htm"))
    CleanerPipeline(output_field="cleaned").process_item(item, spider=object())
    records = item["cleaned"]
    assert records[0]["kind"] == "article" and len(records[0]["doc_id"]) == 16


def test_bad_items_give_error_or_empty_records_never_raise():
    pipeline = CleanerPipeline()
    binary = pipeline.process_item({"html": b"%PDF-1.5\n" + os.urandom(2000), "url": "http://x/y.pdf"}, None)
    assert binary["articles"][0]["kind"] == "error" and "PDF" in binary["articles"][0]["error"]
    missing = pipeline.process_item({"url": "http://x/"}, None)
    assert missing["articles"][0]["kind"] == "error"
    empty = pipeline.process_item({"html": "<html><body></body></html>"}, None)
    assert empty["articles"][0]["kind"] == "empty" and empty["articles"][0]["reason"]


def test_from_crawler_reads_settings():
    class Settings(dict):
        def getdict(self, name):
            return dict(self.get(name) or {})

    class Crawler:
        settings = Settings(CLEANER_OPTIONS={"script": "simplified"}, CLEANER_OUTPUT_FIELD="clean")

    pipeline = CleanerPipeline.from_crawler(Crawler())
    assert pipeline.config.script == "simplified" and pipeline.output_field == "clean"


def test_importing_the_module_does_not_need_scrapy():
    code = "import sys; sys.modules['scrapy'] = None; import cleaner.crawler; print('ok')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "ok", done.stderr
