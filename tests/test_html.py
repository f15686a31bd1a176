"""HTML input: decoding, rendering with DOM evidence, the HTML model, metadata merge, bad pages.

Bad-page tests assert structure and time (a result or a clear error record, in
seconds), never exact text, so they hold for any trained model.
"""

from __future__ import annotations

import gzip
import json
import os
import pickle
import time
from pathlib import Path

import pytest

import cleaner
from cleaner import batch, html_model
from cleaner.config import Config
from cleaner.document import Label
from cleaner.html import decode_html, render_page

from paths import DANIEL  # noqa: E402  (tests/ is on sys.path)
PARA = (
    "新华社北京3月12日电 记者从国家统计局获悉，今年前两个月，全国规模以上工业增加值同比增长5.9%，"
    "社会消费品零售总额增长5.5%，市场销售保持平稳，就业形势总体稳定。"
)
PARA2 = "国家统计局新闻发言人表示，国民经济延续回升向好态势，但外部环境依然复杂严峻，仍需加大宏观政策调控力度。"
TITLE = "前两个月国民经济运行总体平稳"


def news_page(charset: str = "utf-8") -> str:
    nav = "".join(f'<li><a href="/c{i}">频道{i}</a></li>' for i in range(12))
    related = "".join(f'<li><a href="/n{i}">相关新闻标题第{i}条</a></li>' for i in range(8))
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f'<title>{TITLE}_新浪财经_新浪网</title><meta property="og:title" content="{TITLE}"></head><body>'
        f'<div id="nav"><ul>{nav}</ul></div><div class="crumb"><a href="/">首页</a> &gt; 财经 &gt; 正文</div>'
        f'<div class="article"><h1>{TITLE}</h1><div class="info">2025年03月12日 10:30 来源：新华社</div>'
        f'<div id="content"><p>{PARA}</p><p>{PARA2}</p><p>{PARA}{PARA2}</p></div>'
        f'<div class="share">分享到：微博 微信</div></div>'
        f'<div class="related"><h3>相关新闻</h3><ul>{related}</ul></div>'
        f'<div class="footer">Copyright 新浪网 版权所有</div></body></html>'
    )


# --- decoding ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data,encoding",
    [
        (news_page("gb2312").encode("gb18030"), "gb18030"),
        (news_page("gbk").encode("gbk"), "gb18030"),
        (news_page("utf-8").encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + news_page("gbk").encode("utf-8"), "utf-8"),  # the BOM wins over the meta
        ('<html><head><meta charset="big5"></head><body><p>中央社記者台北15日電，行政院今天召開院會。</p></body></html>'.encode("big5"), "big5hkscs"),
    ],
)
def test_decode_html_reads_the_declared_or_bom_encoding(data: bytes, encoding: str):
    text, found = decode_html(data)
    assert found == encoding
    assert "新华社" in text or "中央社" in text


def test_gb2312_page_with_gbk_characters_is_read_as_gb18030():
    page = '<meta charset="gb2312"><p>朱镕基说：“碁”与“堃”都不在GB2312里。</p>'.encode("gb18030")
    assert "镕" in decode_html(page)[0] and "堃" in decode_html(page)[0]


def test_undeclared_gbk_is_detected():
    data = f"<html><body><p>{PARA}</p></body></html>".encode("gbk")
    text, encoding = decode_html(data)
    assert encoding == "gb18030" and PARA[:10] in text


# --- rendering -----------------------------------------------------------------------


def test_render_gives_one_line_per_block_with_evidence():
    page = render_page(news_page())
    texts = [line.text for line in page.lines]
    assert TITLE in texts and PARA in texts
    assert not any("function" in t for t in texts)
    assert page.head_title.startswith(TITLE) and page.h1 == [TITLE]
    by_text = dict(zip(texts, page.evidence))
    assert by_text[PARA].tag == "p" and by_text[PARA].link_chars == 0
    assert by_text["频道3"].link_chars == by_text["频道3"].chars and by_text["频道3"].in_list
    content_bit = 1 << html_model.HINTS.index("content")
    nav_bit = 1 << html_model.HINTS.index("nav")
    assert by_text[PARA].inherited & content_bit
    assert by_text["频道3"].inherited & nav_bit


def test_scripts_styles_and_hidden_elements_are_not_text():
    html = (
        "<html><head><style>p{color:red}</style></head><body><script>var a='隐藏脚本';</script>"
        "<p>看得见的文字。</p><div style='display: none'>看不见的文字</div><!-- 注释 --></body></html>"
    )
    assert [line.text for line in render_page(html).lines] == ["看得见的文字。"]


def test_strip_site_name():
    assert html_model.strip_site_name("标题在这里_新浪网") == "标题在这里"
    assert html_model.strip_site_name("标题在这里-中新网") == "标题在这里"
    assert html_model.strip_site_name("標題在這裡 | 聯合新聞網") == "標題在這裡"
    assert html_model.strip_site_name("没有网站名的标题") == "没有网站名的标题"


def test_label_lines_follows_the_daniel_rule():
    labels = html_model.label_lines(
        ["首页", TITLE, PARA, "（编辑）", PARA2[:20] + "外加一段侧栏文字占了很多很多字符的内容", "分享"],
        TITLE,
        [PARA, PARA2],
    )
    assert labels == [Label.OTHER, Label.TITLE, Label.BODY, Label.OTHER, Label.OTHER, Label.OTHER]


# --- clean_html end to end -----------------------------------------------------------


def test_clean_html_finds_title_body_and_sources():
    doc = cleaner.clean_html(news_page().encode("utf-8"), "https://finance.sina.com.cn/a.html")
    article = doc.articles[0]
    assert article.kind.value == "article"
    assert article.title == TITLE
    assert PARA2 in article.text
    assert "频道3" not in article.text and "版权所有" not in article.text
    assert "title" in doc.field_sources


def test_clean_html_without_model_still_runs():
    doc = cleaner.clean_html(news_page(), use_model=False)
    assert doc.articles and doc.articles[0].title == TITLE


def test_explain_shows_field_sources(tmp_path: Path):
    from typer.testing import CliRunner

    from cleaner.cli import app

    path = tmp_path / "page.html"
    path.write_text(news_page(), encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", str(path)])
    assert result.exit_code == 0, result.output
    assert "fields from: title ←" in result.output


def test_page_without_article_is_empty_with_a_reason():
    html = "<html><head><title>导航</title></head><body>" + "".join(f"<a href='/{i}'>栏目{i}</a>" for i in range(30)) + "</body></html>"
    records = cleaner.clean_html(html).to_records()
    assert len(records) == 1 and records[0]["kind"] == "empty" and records[0]["reason"]


# --- bad pages: a result or an error record, in seconds ------------------------------

BAD_PAGES = {
    "truncated": news_page().encode("utf-8")[:1500],
    "binary": b"\x89PNG\r\n\x1a\n" + os.urandom(4000),
    "nul_bytes": news_page().encode("utf-8").replace(b"<p>", b"<p>\x00\x00"),
    "deep_10000": ("<html><body>" + "<div>" * 10_000 + f"<p>{PARA}</p>" + "</div>" * 10_000 + "</body></html>").encode(),
    "deep_unclosed": ("<html><body>" + "<div><span>" * 10_000 + f"<p>{PARA}").encode(),
    "empty": b"",
    "no_body": b"<html><head><title>t</title></head></html>",
    "tag_soup": b"<<<>>><p <div>>" + PARA.encode() + b"</td></tr></table></html></html>",
    "xml_declaration": f'<?xml version="1.0" encoding="utf-8"?><html><body><p>{PARA}</p></body></html>'.encode(),
}


@pytest.mark.parametrize("name", sorted(BAD_PAGES))
def test_bad_html_gives_a_result_or_an_error_record(name: str):
    start = time.perf_counter()
    records = batch.process_unit(batch.Unit(name, name, "html", payload=BAD_PAGES[name]), Config())
    assert time.perf_counter() - start < 3.0
    assert records and all(r["kind"] in ("article", "brief", "photo", "empty", "error") for r in records)
    if name == "binary":
        assert records[0]["kind"] == "error" and "PNG" in records[0]["error"]
    if name.startswith("deep"):  # the text below libxml2's depth limit is not lost
        assert PARA in [line.text for line in render_page(BAD_PAGES[name]).lines]
    if records[0]["kind"] == "empty":
        assert records[0]["reason"]


def test_20_mb_page_is_cleaned_in_seconds():
    row = f"<div class='list'><a href='/x'>链接文字</a></div><p>{PARA}</p>"
    html = ("<html><body>" + row * (20_000_000 // len(row.encode())) + "</body></html>").encode()
    assert len(html) > 19_000_000
    start = time.perf_counter()
    records = batch.process_unit(batch.Unit("big", "big", "html", payload=html), Config())
    assert time.perf_counter() - start < 6.0
    assert records[0]["kind"] == "article" and PARA[:12] in records[0]["text"]


# --- the model file ------------------------------------------------------------------


def test_shipped_model_loads_and_is_plain_json():
    path = html_model.default_model_path()
    raw = json.loads(gzip.decompress(path.read_bytes()))
    assert raw["format"] == html_model.FORMAT
    model = html_model.HtmlModel.load(path)
    assert model.training["pages"] > 100


def test_model_loader_refuses_pickles_and_unknown_keys(tmp_path: Path):
    bad = tmp_path / "evil.json.gz"
    bad.write_bytes(gzip.compress(pickle.dumps({"format": html_model.FORMAT})))
    with pytest.raises(html_model.ModelError):
        html_model.HtmlModel.load(bad)
    raw = json.loads(gzip.decompress(html_model.default_model_path().read_bytes()))
    raw["extra"] = 1
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps(raw))
    with pytest.raises(html_model.ModelError):
        html_model.HtmlModel.load(odd)
    raw.pop("extra")
    raw["trees"]["threshold"] = "__import__('os')"  # arrays are base64 strings (format 2)
    odd.write_text(json.dumps(raw))
    with pytest.raises(html_model.ModelError):
        html_model.HtmlModel.load(odd)


@pytest.mark.skipif(not DANIEL.is_dir(), reason="daniel data not available")
def test_daniel_pages_smoke():
    """Three real pages (in-sample for the shipped model: a smoke test, not a score)."""
    from cleaner.samples import load_samples

    for sample in load_samples(DANIEL)[:3]:
        doc = cleaner.clean_html(sample.html_path.read_bytes(), doc_id=sample.name)
        assert doc.articles and doc.articles[0].kind.value == "article"


# --- title choice in merge_metadata (constructed pages; the model's labels are given) ---


def _merged_title(html: str, labels: dict[int, Label]) -> tuple[str | None, str | None]:
    """merge_metadata on a rendered page whose line labels are given (unlisted lines: other)."""
    from cleaner.config import DEFAULT
    from cleaner.document import Article, Decision, Document, Layout

    page = render_page(html)
    meta = html_model.read_meta_tags(page)
    decisions = [Decision(l.number, l.number, l.text, labels.get(i, Label.OTHER), "test") for i, l in enumerate(page.lines)]
    body = [d.text for d in decisions if d.label is Label.BODY]
    document = Document("t", Layout.WEB, [Article("t", paragraphs=body)], decisions)
    html_model.merge_metadata(document, page, meta, DEFAULT)
    return document.articles[0].title, document.field_sources.get("title")


def test_title_that_is_only_the_site_name_gives_way_to_the_line_above_the_body():
    html = (
        "<html><head><title>中國廣播公司全球資訊網</title></head><body>"
        '<div><a href="/">首頁</a> <a href="/n">新聞總覽</a> 南投抽驗年節食品不合格</div>'
        "<div>南投抽驗年節食品不合格</div><div>【2012/01/12 17:21 報導】</div>"
        "<p>南投縣衛生局針對傳統市場抽驗年節食品，一共抽驗90件，只有2件不合格，不合格率百分之2點2。</p>"
        "<p>衛生局將持續加強抽驗年節食品。</p></body></html>"
    )
    # lines: 0 breadcrumb (links), 1 headline, 2 dateline, 3-4 body
    title, source = _merged_title(html, {2: Label.META, 3: Label.BODY, 4: Label.BODY})
    assert title == "南投抽驗年節食品不合格"
    assert "only the site name" in source


def test_site_name_only_needs_a_short_one_part_title_foreign_to_the_body():
    body = "南投縣衛生局針對傳統市場抽驗年節食品，一共抽驗90件，只有2件不合格。"
    assert html_model._site_name_only("中國廣播公司全球資訊網", body)
    assert not html_model._site_name_only("南投抽驗年節食品不合格", body)  # a headline shares the body's words
    assert not html_model._site_name_only("中国广播公司 - 全球资讯网", body)  # an "A - B" title is not one name


def test_title_with_a_channel_word_matches_the_rendered_headline():
    html = (
        "<html><head><title>满记甜品芒果布丁被查细菌超标 上海_新闻中心_解放牛网</title></head><body>"
        '<div><a href="/">首页</a> | <a href="/sh">上海</a> | <a href="/cj">财经</a></div>'
        "<div>满记甜品芒果布丁被查细菌超标</div>"
        "<p>满记甜品也因产品质量问题被曝光，北京市质监局抽查发现芒果布丁菌落总数超标。</p></body></html>"
    )
    title, source = _merged_title(html, {2: Label.BODY})
    assert title == "满记甜品芒果布丁被查细菌超标"
    assert "channel" in source
    # the trailing word is dropped only when it is a navigation entry
    assert html_model._rendered_title(render_page(html.replace('<a href="/sh">上海</a>', "")), "满记甜品芒果布丁被查细菌超标 上海") is None


def test_title_matches_a_headline_with_a_bracketed_column_tag():
    html = (
        "<html><head><title>途牛发布春节出游调查报告 六成受调者选择自助游_新闻中心_解放牛网</title></head><body>"
        "<h1>【记者即时播报】途牛发布春节出游调查报告 六成受调者选择自助游</h1>"
        "<p>龙年将至，不少市民已经提前安排好了春节出游计划，途牛旅游网进行了问卷调查。</p></body></html>"
    )
    title, _ = _merged_title(html, {1: Label.BODY})
    assert title == "【记者即时播报】途牛发布春节出游调查报告 六成受调者选择自助游"
