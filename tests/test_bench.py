"""`cleaner bench`: every metric checked against a computation done by hand.

The tiny corpus below has three documents; the fake system's outputs are fixed,
so every number in the summary can be worked out on paper (comments show how).
Canonical text deletes whitespace, so bigrams run across paragraph breaks.
"""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest
import typer

from cleaner import baselines, bench, report
from cleaner.baselines import OutputArticle, System, SystemOutput
from cleaner.bench import check_floors, date_match, field_match, run_bench
from cleaner.metrics import percentile

from paths import ROOT, SEEDS  # noqa: E402  (tests/ is on sys.path)


def write_sample(folder: Path, name: str, lines: list[str], gold: dict) -> None:
    (folder / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / f"{name}.gold.json").write_text(json.dumps({"file": f"{name}.txt", **gold}, ensure_ascii=False), encoding="utf-8")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "tiny"
    folder.mkdir()
    # a: a 5-line web page, one article with title, date+time and two authors.
    write_sample(
        folder, "a", ["首页 | 新闻", "欢迎", "北京欢迎", "你", "返回顶部"],
        {
            "layout": "web",
            "line_labels": {"1": "boilerplate", "2": "title", "3": "body", "4": "body", "5": "other"},
            "articles": [{"title": "欢迎", "body": ["北京欢迎你"], "date": "2025-03-31T20:14:29", "authors": ["李贞", "王梦瑶"]}],
        },
    )
    # b: a print page with two stories (no line labels in print gold).
    write_sample(
        folder, "b", ["北京欢迎你", "", "上海欢迎你"],
        {
            "layout": "print",
            "articles": [
                {"title": "北京", "body": ["北京欢迎你"]},
                {"title": None, "body": ["上海欢迎你"], "date": "2025-02-15"},
            ],
        },
    )
    # c: the system fails on it.
    write_sample(
        folder, "c", ["丙", "正文丙"],
        {"layout": "web", "line_labels": {"1": "title", "2": "body"}, "articles": [{"title": "丙", "body": ["正文丙"]}]},
    )
    return folder


class Fixed(System):
    """A system with hand-written outputs."""

    name = "fixed"
    reports = frozenset({"title", "date", "authors"})
    line_decisions = True

    def extract(self, doc, data=None):
        if doc.name == "a":
            article = OutputArticle(" 欢 迎 ", "北京欢迎", {"date": "2025-03-31", "authors": ["王梦瑶", "李 贞"]})
            return SystemOutput([article], {1: True, 3: True})
        if doc.name == "b":
            return SystemOutput([OutputArticle(None, "北京欢迎你\n上海欢迎", {"date": "2025-02-15T10:00"})])
        raise RuntimeError("cannot read this one")


@pytest.fixture()
def result(corpus: Path) -> bench.BenchResult:
    return run_bench([corpus], [Fixed()], isolate=False)


def docs_of(result: bench.BenchResult) -> dict[str, bench.DocResult]:
    return {d.name: d for d in result.runs["tiny"]["fixed"].docs}


def test_body_bigram_f1_by_hand(result):
    docs = docs_of(result)
    # a: "北京欢迎" vs "北京欢迎你": bigrams 3 vs 4, overlap 3 → P 1, R 0.75, F1 6/7.
    a = docs["a"].body
    assert (a.precision, a.recall) == (1.0, 0.75)
    assert a.f1 == pytest.approx(6 / 7) and round(a.f1, 3) == 0.857
    # b: "北京欢迎你上海欢迎" (8 bigrams) vs "北京欢迎你上海欢迎你" (9: 迎你 twice), overlap 8.
    b = docs["b"].body
    assert (b.precision, b.recall, b.f1) == pytest.approx((1.0, 8 / 9, 16 / 17))
    # c: failed → empty output → 0 predicted bigrams, P = R = F1 = 0.
    assert docs["c"].status == "error" and "cannot read" in docs["c"].error
    assert (docs["c"].body.precision, docs["c"].body.f1) == (0.0, 0.0)
    s = result.runs["tiny"]["fixed"].summary
    assert s["errors"] == 1 and s["docs"] == 3
    assert s["body_f1_mean"] == pytest.approx((6 / 7 + 16 / 17 + 0) / 3)
    assert s["body_p_mean"] == pytest.approx((1 + 1 + 0) / 3)
    # 10th percentile of [0, 6/7, 16/17]: rank (3-1)*0.1 = 0.2 → 0 + 0.2*(6/7 - 0).
    assert s["body_f1_p10"] == pytest.approx(0.2 * 6 / 7)


def test_line_prf_by_hand(result):
    docs = docs_of(result)
    # a: gold body lines {3, 4}; kept {1, 3} → tp 1, predicted 2, gold 2.
    assert docs["a"].line_counts == (1, 2, 2)
    assert (docs["a"].line.precision, docs["a"].line.recall, docs["a"].line.f1) == (0.5, 0.5, 0.5)
    assert docs["b"].line is None  # print gold has no line labels
    assert docs["c"].line_counts == (0, 0, 1)  # failed: nothing kept
    s = result.runs["tiny"]["fixed"].summary
    assert s["line_docs"] == 2
    assert (s["line_p_macro"], s["line_r_macro"], s["line_f1_macro"]) == (0.25, 0.25, 0.25)
    # pooled: tp 1, predicted 2, gold 3 → P 1/2, R 1/3, F1 2·(1/6)/(5/6) = 0.4.
    assert (s["line_p_pooled"], s["line_r_pooled"], s["line_f1_pooled"]) == pytest.approx((0.5, 1 / 3, 0.4))


def test_segmentation_by_hand(result):
    docs = docs_of(result)
    # b: one predicted article for two gold ones.  Each gold story (4 bigrams) is
    # wholly inside the prediction (8 bigrams): P 1/2, R 1 → F1 2/3.
    assert (docs["b"].n_predicted, docs["b"].n_gold) == (1, 2)
    assert docs["b"].seg_best == pytest.approx([2 / 3, 2 / 3])
    s = result.runs["tiny"]["fixed"].summary
    assert s["seg_count_share"] == pytest.approx(1 / 3)  # only a has the right count
    assert s["seg_gold_articles"] == 4
    assert s["seg_best_f1_mean"] == pytest.approx((6 / 7 + 2 / 3 + 2 / 3 + 0) / 4)


def test_metadata_by_hand(result):
    s = result.runs["tiny"]["fixed"].summary
    # title: a " 欢 迎 " = "欢迎" ✓; b story 1 "北京" vs None ✗ (story 2 states none: not scored); c failed ✗.
    assert (s["meta_title"], s["meta_title_n"]) == (pytest.approx(1 / 3), 3)
    # date: a gold has a time, prediction only the day ✗; b story 2 gold is a day, prediction has a time ✓.
    assert (s["meta_date"], s["meta_date_n"]) == (0.5, 2)
    # authors: a {李贞, 王梦瑶} = {王梦瑶, 李 贞} ✓ (order and spaces do not count).
    assert (s["meta_authors"], s["meta_authors_n"]) == (1.0, 1)
    assert s["meta_source"] is None and s["meta_source_n"] == 0  # no gold states a source


def test_paragraph_exact_by_hand(result):
    # b (print): gold 北京欢迎你 ✓, 上海欢迎你 ✗ (output 上海欢迎) → 1 of 2.
    assert docs_of(result)["b"].para == (1, 2)
    assert docs_of(result)["a"].para is None  # web layout
    s = result.runs["tiny"]["fixed"].summary
    assert (s["para_exact"], s["para_gold"]) == (0.5, 2)


def test_date_and_field_matching():
    assert date_match("2025-03-31T20:14:29", "2025-03-31T20:14:29")
    assert not date_match("2025-03-31", "2025-03-31T20:14:29")  # gold has a time: it must match
    assert date_match("2025-03-31T08:00", "2025-03-31")  # gold has only the day
    assert date_match("2025-07-28T08:23", "2025-07-28T08:23:00")  # missing seconds = :00
    assert not date_match("2025-07-28T08:23", "2025-07-28T08:23:30")
    assert not date_match("2025-03-30", "2025-03-31")
    assert not date_match(None, "2025-03-31")
    assert field_match("title", "北京 ２０２４ 年", "北京2024年")
    assert field_match("keywords", ["软件业", "人工智能"], ["人工智能", "软件业"])
    assert not field_match("authors", ["李贞"], ["李贞", "王梦瑶"])
    assert field_match("source", "新華社", "新华社")  # canonical: t2s


def test_percentile_agrees_with_numpy():
    numpy = pytest.importorskip("numpy")
    values = [0.1, 0.9, 0.4, 0.35, 1.0, 0.0, 0.75]
    for q in (0, 10, 50, 90, 100):
        assert percentile(values, q) == pytest.approx(float(numpy.percentile(values, q)))


def test_systems_that_do_not_decide_lines_get_no_line_metric(corpus):
    class TextOnly(Fixed):
        name = "text-only"
        line_decisions = False

    s = run_bench([corpus], [TextOnly()], isolate=False).runs["tiny"]["text-only"].summary
    assert s["line_docs"] == 0 and s["line_f1_macro"] is None


def test_system_failing_everywhere_is_na_not_zero(corpus):
    class Broken(System):
        name = "broken"

        def extract(self, doc, data=None):
            raise NotImplementedError

    s = run_bench([corpus], [Broken()], isolate=False).runs["tiny"]["broken"].summary
    assert s["errors"] == 3 and s["body_f1_mean"] is None and s["speed_docs_per_s"] is None


def test_html_system_skips_pages_without_html(corpus):
    result = run_bench([corpus], ["trafilatura"], isolate=False)
    run = result.runs["tiny"]["trafilatura"]
    assert run.summary["skipped"] == 3 and run.summary["docs"] == 0
    assert any("skipped" in note for note in result.notes)


def test_unknown_system_is_an_error_and_missing_package_a_note(corpus, monkeypatch):
    with pytest.raises(ValueError, match="unknown system"):
        run_bench([corpus], ["nope"], isolate=False)
    monkeypatch.setattr(baselines.Readability, "requires", ("surely_not_installed_pkg",))
    result = run_bench([corpus], ["readability"], isolate=False)
    assert result.systems == [] and "not installed" in result.notes[0]


def test_keepall_and_dump_wrapping():
    doc = baselines.DocInput("x", Path("x.txt"), None)
    out = baselines.KeepAll().extract(doc, "导航\n\n  正文一\n正文二\n".encode())
    assert out.line_decisions == {1: True, 3: True, 4: True}
    assert out.articles[0].body == "导航\n正文一\n正文二"
    assert doctest.testmod(baselines).failed == 0
    assert doctest.testmod(bench).failed == 0


def test_fingerprint_and_floors(corpus, result):
    fp = result.corpora[0].fingerprint
    assert fp == bench.load_corpus(corpus).fingerprint  # deterministic
    floors = {"corpora": {"tiny": {"fingerprint": fp, "floors": {"fixed": {"body_f1_mean": 0.5, "line_f1_macro": 0.3, "speed_docs_per_s": 1}}}}}
    failures, notes = check_floors(result, floors)
    assert failures == ["tiny/fixed: line_f1_macro = 0.2500 < floor 0.3"]
    assert any("never asserted" in n for n in notes)
    (corpus / "a.txt").write_text("changed\n", encoding="utf-8")
    assert bench.load_corpus(corpus).fingerprint != fp
    stale = {"corpora": {"tiny": {"fingerprint": "0" * 64, "docs": 3, "floors": {"fixed": {"body_f1_mean": 0.0}}}}}
    failures, _ = check_floors(result, stale)
    assert len(failures) == 1 and "fingerprint" in failures[0] and "not compared" in failures[0]


def test_committed_floors_file_is_well_formed():
    floors = json.loads((ROOT / "benchmarks" / "floors.json").read_text(encoding="utf-8"))
    assert set(floors["corpora"]) >= {"seeds"}
    for pinned in floors["corpora"].values():
        assert len(pinned["fingerprint"]) == 64 and "provisional" in pinned
        for metrics in pinned["floors"].values():
            assert all(m.startswith(bench.GATED_PREFIXES) for m in metrics)  # never speed
            assert all(0.0 <= v <= 1.0 for v in metrics.values())


def test_bench_on_seeds_writes_json_and_both_reports(tmp_path, capsys):
    """The real thing: toolkit + keepall on seeds/, each in its own process."""
    html_path, md_path, json_path = tmp_path / "r.html", tmp_path / "r.md", tmp_path / "r.json"
    bench.command([SEEDS], ["keepall", "cleaner-html"], html_path, json_path, None)
    out = capsys.readouterr().out
    assert "| cleaner |" in out and "| keepall |" in out
    data = json.loads(json_path.read_text(encoding="utf-8"))
    (seeds,) = data["corpora"]
    assert seeds["name"] == "seeds" and seeds["docs"] == 5 and len(seeds["fingerprint"]) == 64
    assert set(seeds["systems"]) == {"cleaner", "keepall", "cleaner-html"}
    keepall = seeds["systems"]["keepall"]
    assert len(keepall["docs"]) == 5 and keepall["summary"]["line_r_macro"] == 1.0  # keeps every line
    assert keepall["peak_rss_mb"] > 5 and keepall["summary"]["speed_docs_per_s"] > 0
    assert seeds["systems"]["cleaner-html"]["summary"]["skipped"] == 5  # seeds have no HTML
    page = html_path.read_text(encoding="utf-8")
    assert page.count("<svg") >= 2 and "<table" in page and "worst documents" in page
    assert "<script" not in page and "http-equiv" not in page and 'src="http' not in page
    result = run_bench([SEEDS], ["cleaner", "keepall"])
    report.write_report(result, md_path)
    markdown = md_path.read_text(encoding="utf-8")
    assert "| system |" in markdown and "worst documents" in markdown
    with pytest.raises(ValueError):
        report.write_report(result, tmp_path / "r.txt")


def test_command_exits_1_listing_every_score_below_floor(tmp_path, capsys):
    fp = bench.load_corpus(SEEDS).fingerprint
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"corpora": {"seeds": {"fingerprint": fp, "floors": {"cleaner": {"body_f1_mean": 1.01, "body_f1_p10": 1.01}}}}}))
    with pytest.raises(typer.Exit) as exit_info:
        bench.command([SEEDS], [], None, None, floors)
    assert exit_info.value.exit_code == 1
    err = capsys.readouterr().err
    assert "body_f1_mean" in err and "body_f1_p10" in err and "2 score(s) below" in err
    floors.write_text(json.dumps({"corpora": {"seeds": {"fingerprint": fp, "floors": {"cleaner": {"body_f1_mean": 0.0}}}}}))
    bench.command([SEEDS], [], None, None, floors)  # met: no exit


def test_command_registers_with_typer(tmp_path):
    """The lead registers ``command`` as ``cleaner bench``: it must parse as typer sees it."""
    from typer.testing import CliRunner

    app = typer.Typer()
    app.command("bench")(bench.command)
    app.command("other")(lambda: None)  # two commands: `bench` is a subcommand, as in the real CLI
    md = tmp_path / "r.md"
    done = CliRunner().invoke(app, ["bench", str(SEEDS), "--baseline", "keepall", "--report", str(md), "--json", str(tmp_path / "r.json")])
    assert done.exit_code == 0, done.output
    assert md.exists() and (tmp_path / "r.json").exists()
    done = CliRunner().invoke(app, ["bench", str(SEEDS), "--baseline", "no-such-system"])
    assert done.exit_code == 2 and "unknown system" in done.output
