"""The ``cleaner`` command line: formats, inputs, workers, explain, exit codes.

Assertions are on structure (records, doc_ids, kinds, exit codes), not on the
cleaned text, which the pipeline owns.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import batch
from cleaner.cli import app, explain_lines
from cleaner.document import Article, Decision, Document, Edit, Label, Layout

PAGE = """\
首页 | 新闻 | 财经 | 体育
国家统计局：前两个月国民经济运行总体平稳
2025-03-12 10:30 来源：新华社
新华社北京3月12日电 记者从国家统计局获悉，今年前两个月，全国规模以上工业增加值同比增长5.9%，社会消费品零售总额增长5.5%。

国家统计局新闻发言人表示，国民经济延续回升向好态势，但外部环境依然复杂严峻。
责任编辑：王明
分享到：微信 微博
"""

runner = CliRunner()


def invoke(*args: str, input: bytes | None = None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def records_of(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    (pages / "sub").mkdir(parents=True)
    (pages / "b_page.txt").write_text(PAGE, encoding="utf-8")
    (pages / "a_page.txt").write_text(PAGE.replace("\n", "\r\n"), encoding="utf-8")
    (pages / "sub" / "c_page.txt").write_bytes(PAGE.encode("gbk"))
    (pages / "notes.json").write_text("{}", encoding="utf-8")  # not an input suffix
    return pages


def test_clean_folder_to_jsonl(folder: Path):
    result = invoke("clean", folder)
    assert result.exit_code == 0, result.output
    records = records_of(result.stdout)
    assert [r["doc_id"] for r in records if r["article_index"] == 0] == ["a_page", "b_page", "c_page"]
    assert all(r["kind"] in ("article", "brief", "photo", "empty") for r in records)
    assert all(isinstance(r["text"], str) and len(r["lines"]) == 2 for r in records)


def test_clean_reports_its_speed_on_stderr(folder: Path):
    result = invoke("clean", folder)
    assert result.exit_code == 0, result.output
    speed = result.stderr.strip().splitlines()[-1]
    assert re.fullmatch(r"cleaned 3 documents \(0\.0 MB\) in \d+\.\d\d s: [\d.]+ docs/s, [\d.]+ MB/s \(\+\d+\.\d\d s start-up\)", speed), speed
    assert "cleaned" not in result.stdout


def test_batch_counts_input_bytes(folder: Path, tmp_path: Path):
    result = batch.clean_batch([str(folder)], config=batch.Config(), output=tmp_path / "out.jsonl")
    sizes = sum(p.stat().st_size for p in folder.rglob("*.txt"))
    assert (result.total, result.input_bytes) == (3, sizes) and result.seconds > 0 and result.startup_seconds > 0


def test_warm_up_leaves_no_trace(folder: Path, tmp_path: Path):
    """The warm-up page is cleaned before the clock starts; it is never an output record."""
    result = batch.clean_batch([str(folder)], config=batch.Config(), output=tmp_path / "out.jsonl")
    records = records_of((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert result.total == 3 and "warm-up" not in {r["doc_id"] for r in records}


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_readable_formats(folder: Path, fmt: str):
    result = invoke("clean", folder / "b_page.txt", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "国家统计局" in result.stdout and "{" not in result.stdout
    if fmt == "md":
        assert result.stdout.startswith("# ")


def test_render_md_and_txt_show_metadata():
    record = Article("d", title="标题", date="2025-03-12", source="新华社", authors=["李贞"], paragraphs=["一段。", "二段。"]).to_record()
    assert batch.render_md(record) == "# 标题\n\n*2025-03-12 · 新华社 · 李贞*\n\n一段。\n\n二段。\n\n"
    assert batch.render_txt(record) == "标题\n2025-03-12 · 新华社 · 李贞\n一段。\n二段。\n\n"


def test_output_file_is_written_atomically(folder: Path, tmp_path: Path, monkeypatch):
    out = tmp_path / "out.jsonl"
    result = invoke("clean", folder, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    complete = out.read_bytes()
    assert len(records_of(complete.decode())) >= 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "pages"]  # no temp file left

    # A run that dies half-way leaves the previous output untouched and no temp file.
    calls = iter(range(100))

    def failing_render(record, fmt):
        if next(calls) == 1:
            raise RuntimeError("disk on fire")
        return json.dumps(record) + "\n"

    monkeypatch.setattr(batch, "render", failing_render)
    result = invoke("clean", folder, "-o", out)
    assert result.exit_code != 0
    assert out.read_bytes() == complete
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "pages"]


def test_stdin_text():
    result = invoke("clean", "-", input=PAGE.encode("gb18030"))
    assert result.exit_code == 0, result.output
    assert {r["doc_id"] for r in records_of(result.stdout)} == {"stdin"}


def test_stdin_jsonl():
    lines = [json.dumps({"id": f"r{i}", "text": PAGE}, ensure_ascii=False) for i in range(3)]
    result = invoke("clean", "-", input="\n".join(lines).encode())
    assert result.exit_code == 0, result.output
    assert [r["doc_id"] for r in records_of(result.stdout) if r["article_index"] == 0] == ["r0", "r1", "r2"]


def test_jsonl_file_with_text_records_and_a_bad_line(tmp_path: Path):
    path = tmp_path / "batch.jsonl"
    rows = [json.dumps({"id": "x1", "text": PAGE}, ensure_ascii=False), "{not json", "", json.dumps({"text": PAGE}, ensure_ascii=False)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = invoke("clean", path)
    assert result.exit_code == 1
    records = [r for r in records_of(result.stdout) if r["article_index"] == 0]
    assert [r["doc_id"] for r in records] == ["x1", "batch:2", "batch:4"]
    assert records[1]["kind"] == "error" and records[1]["origin"].endswith("batch.jsonl:2")
    assert "1 of 3 inputs failed" in result.stderr


def test_workers_give_the_same_output(tmp_path: Path, folder: Path):
    for i in range(40):  # more units than one chunk per worker
        (folder / f"n{i:02d}.txt").write_text(PAGE.replace("5.9", str(i)), encoding="utf-8")
    (folder / "z_binary.txt").write_bytes(b"%PDF-1.4\n\x00\x01")
    one = invoke("clean", folder, "--workers", "1")
    two = invoke("clean", folder, "--workers", "2")
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert len(records_of(one.stdout)) >= 44


def test_options_reach_the_config(folder: Path, monkeypatch):
    seen = {}

    def spy(inputs, *, config, **kwargs):
        seen["config"] = config
        return batch.BatchResult(total=1)

    monkeypatch.setattr(batch, "clean_batch", spy)
    result = invoke("clean", folder, "--layout", "print", "--script", "simplified", "--no-model")
    assert result.exit_code == 0, result.output
    config = seen["config"]
    assert (config.layout, config.script, config.use_model) == ("print", "simplified", False)


def test_nonexistent_path_is_a_usage_error(folder: Path, monkeypatch):
    monkeypatch.chdir(folder)
    result = invoke("clean", "b_page.txt", "missing.txt")
    assert result.exit_code == 2
    assert "missing.txt" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args", [["--format", "pdf"], ["--layout", "sideways"], ["--workers", "0"]])
def test_bad_option_values_are_usage_errors(folder: Path, args):
    assert invoke("clean", folder, *args).exit_code == 2


def test_explain_runs_on_a_page(folder: Path):
    result = invoke("explain", folder / "sub" / "c_page.txt")
    assert result.exit_code == 0, result.output
    assert "gb18030" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour when piped
    numbered = [line.split()[0] for line in result.stdout.splitlines() if line[:5].strip().isdigit()]
    assert numbered[:3] == ["1", "2", "3"]


def test_explain_shows_decisions_reasons_and_edits():
    lines = PAGE.splitlines()
    decisions = [
        Decision(1, 1, lines[0], Label.BOILERPLATE, "navigation words", probability=0.93),
        Decision(2, 2, lines[1], Label.TITLE, "first heading-like line", rule="title_before_dateline"),
        Decision(3, 3, lines[2], Label.META, "date and source"),
        Decision(4, 6, lines[3] + lines[5], Label.BODY, "long sentence", probability=0.88),
        Decision(7, 8, lines[6], Label.BOILERPLATE, "share buttons"),
    ]
    edits = [Edit("spaces", 4, 4, "5.9 %", "5.9%")]
    document = Document("p", Layout.WEB, [Article("p", title=lines[1], first_line=2, last_line=6)], decisions, edits)
    shown = "\n".join(explain_lines(lines, document))
    assert "dropped" in shown and "navigation words" in shown and "p=0.93" in shown
    assert "title" in shown and "rule: title_before_dateline" in shown
    assert "body" in shown and "(same block as line 4)" in shown
    assert "spaces (line 4): '5.9 %' → '5.9%'" in shown
    rows = explain_lines(lines, document)
    assert "" in rows[rows.index(next(r for r in rows if r.lstrip().startswith("4 "))):]  # blank line 5 shown blank


def test_explain_shows_every_layout_reason_in_full():
    """A print block's join notes are its reasons: each on its own row, never cut short."""
    long_note = "column break after '家都助' continued at line 9 (the word 助力 runs across the break)"
    edits = [Edit("layout", 1, 11, "", "; ".join(["joined 7 wrapped lines", long_note]))]
    document = Document("p", Layout.PRINT, [Article("p", first_line=1, last_line=11)], [], edits)
    rows = explain_lines([], document)
    assert rows[-3:] == ["  layout (line 1–11):", "      joined 7 wrapped lines", f"      {long_note}"]


def test_explain_nonexistent_file_is_a_usage_error(tmp_path: Path):
    assert invoke("explain", tmp_path / "nope.txt").exit_code == 2


def test_console_script_entry_point(folder: Path):
    """The real process: module entry point, piped stdout, exit code 0."""
    done = subprocess.run(
        [sys.executable, "-m", "cleaner.cli", "clean", str(folder / "b_page.txt")],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},  # output must not depend on the locale
    )
    assert done.returncode == 0, done.stderr
    assert records_of(done.stdout.decode("utf-8"))[0]["doc_id"] == "b_page"


def test_a_users_model_file_is_used_by_clean_and_explain(folder: Path, tmp_path: Path):
    """--model takes a model file written by `cleaner train`; here the shipped one, copied and
    re-written uncompressed, must give the same output as the default."""
    from cleaner import classify, train

    own = tmp_path / "own_model.json"
    train.write_model(classify.read_model_file(classify.default_model_path()), own)
    default = invoke("clean", folder)
    with_own = invoke("clean", folder, "--model", own)
    assert with_own.exit_code == default.exit_code == 0, with_own.output
    assert with_own.stdout == default.stdout
    explained = invoke("explain", folder / "b_page.txt", "--model", own)
    assert explained.exit_code == 0 and "classifier" in explained.stdout


@pytest.mark.parametrize("content", [b"\x80\x04\x95 not json, a pickle", b'{"format": "cleaner.line_model", "format_version": 99}'])
def test_a_bad_model_file_is_a_usage_error_before_any_work(folder: Path, tmp_path: Path, content: bytes):
    bad = tmp_path / "bad_model.json"
    bad.write_bytes(content)
    for command in (["clean", folder], ["explain", folder / "b_page.txt"]):
        result = invoke(*command, "--model", bad)
        assert result.exit_code == 2, result.output
        assert "--model" in result.output and "Traceback" not in result.output
