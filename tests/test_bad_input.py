"""Inputs that are not clean UTF-8 pages: the batch reads what it can, reports the rest.

Assertions are on structure (records, doc_ids, kinds, exit codes), so they hold
for any pipeline behind ``clean_text``.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import batch
from cleaner.cli import app
from cleaner.config import Config

from news_texts import SIMPLIFIED, TRADITIONAL  # noqa: E402  (tests/ is on sys.path)

SIMPLIFIED_PAGE = f"首页 > 财经 > 正文\n前两个月国民经济运行总体平稳\n来源：新华社\n{SIMPLIFIED}\n分享到：\n"
TRADITIONAL_PAGE = f"首頁 > 政治 > 新聞\n行政院會通過總預算案\n中央社\n{TRADITIONAL}\n分享：\n"

runner = CliRunner()


def clean(*args: object):
    return runner.invoke(app, ["clean", *map(str, args)])


def records_of(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def first_records(text: str) -> dict[str, dict]:
    """doc_id → its first record."""
    return {r["doc_id"]: r for r in records_of(text) if r["article_index"] == 0}


@pytest.mark.parametrize(
    "name,data",
    [
        ("gbk", SIMPLIFIED_PAGE.encode("gbk")),
        ("gb18030_crlf", SIMPLIFIED_PAGE.replace("\n", "\r\n").encode("gb18030")),
        ("big5", TRADITIONAL_PAGE.encode("big5")),
        ("big5_cr", TRADITIONAL_PAGE.replace("\n", "\r").encode("big5")),
        ("utf16le", b"\xff\xfe" + SIMPLIFIED_PAGE.encode("utf-16-le")),
        ("utf16be", b"\xfe\xff" + TRADITIONAL_PAGE.encode("utf-16-be")),
        ("utf8bom", b"\xef\xbb\xbf" + SIMPLIFIED_PAGE.encode("utf-8")),
    ],
)
def test_legacy_encodings_are_cleaned(tmp_path: Path, name: str, data: bytes):
    (tmp_path / f"{name}.txt").write_bytes(data)
    result = clean(tmp_path / f"{name}.txt")
    assert result.exit_code == 0, result.output
    record = first_records(result.stdout)[name]
    assert record["kind"] != "error"
    body = SIMPLIFIED if "gb" in name or name in ("utf16le", "utf8bom") else TRADITIONAL
    assert body[:8] in result.stdout  # decoded right (not mojibake), whatever the pipeline keeps


def test_binary_file_is_an_error_record(tmp_path: Path):
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.5\n" + os.urandom(2000))
    result = clean(tmp_path / "scan.txt")
    assert result.exit_code == 1
    record = first_records(result.stdout)["scan"]
    assert record["kind"] == "error" and "PDF" in record["error"]
    assert "1 of 1 inputs failed" in result.stderr


def test_empty_file_is_accounted_for(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = clean(tmp_path / "empty.txt")
    assert result.exit_code == 0, result.output
    assert [r["doc_id"] for r in records_of(result.stdout)] == ["empty"]


def test_50mb_single_line(tmp_path: Path):
    """One 50 MB line of real text without a newline: completes, no crash."""
    path = tmp_path / "huge.txt"
    sentence = SIMPLIFIED.encode("utf-8")
    path.write_bytes(sentence * (50 * 2**20 // len(sentence) + 1))
    assert path.stat().st_size > 50 * 2**20
    out = tmp_path / "huge.jsonl"
    started = time.perf_counter()
    result = clean(path, "-o", out)
    elapsed = time.perf_counter() - started
    assert result.exit_code in (0, 1), result.output  # a refusal must be an error record, not a crash
    records = records_of(out.read_text(encoding="utf-8"))
    assert records and {r["doc_id"] for r in records} == {"huge"}
    assert elapsed < 120, f"50 MB line took {elapsed:.0f}s"
    print(f"50 MB single line: {elapsed:.1f}s")


def test_oversize_input_is_an_error_record(tmp_path: Path):
    (tmp_path / "big.txt").write_bytes(SIMPLIFIED.encode() * 10)
    (tmp_path / "ok.txt").write_bytes(SIMPLIFIED.encode())
    units = batch.iter_units([str(tmp_path)], max_bytes=2000)
    results = list(batch.run(units, Config(max_bytes=2000)))
    assert results[0][0]["kind"] == "error" and "max_bytes" in results[0][0]["error"]
    assert results[1][0]["kind"] != "error"


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in folder.iterdir()
        if p.is_file()
    }


@pytest.mark.parametrize("workers", [1, 2])
def test_folder_with_bad_entries_goes_on(tmp_path: Path, workers: int):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a_good.txt").write_text(SIMPLIFIED_PAGE, encoding="utf-8")
    (pages / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(3000))
    (pages / "c_big5.txt").write_bytes(TRADITIONAL_PAGE.encode("big5"))
    (pages / "d_broken.txt").symlink_to(pages / "does-not-exist.txt")
    (pages / "e_undecodable.txt").write_bytes(b"\x80\xff" * 400)
    (pages / "f_good.txt").write_text(TRADITIONAL_PAGE, encoding="utf-8")
    before = _snapshot(pages)

    out = tmp_path / "out.jsonl"
    result = clean(pages, "-o", out, "--workers", workers)

    assert result.exit_code == 1
    records = first_records(out.read_text(encoding="utf-8"))
    assert list(records) == ["a_good", "b_binary", "c_big5", "d_broken", "e_undecodable", "f_good"]
    kinds = {doc_id: r["kind"] for doc_id, r in records.items()}
    assert [d for d, k in kinds.items() if k == "error"] == ["b_binary", "d_broken", "e_undecodable"]
    assert "PNG" in records["b_binary"]["error"]
    assert records["d_broken"]["origin"].endswith("d_broken.txt")
    assert "3 of 6 inputs failed" in result.stderr
    assert _snapshot(pages) == before  # inputs untouched (bytes and mtimes)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "pages"]


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="the crash is injected through fork")
def test_worker_crash_is_an_error_record(tmp_path: Path, monkeypatch):
    """A worker killed mid-page (OOM, native crash) costs that page only."""
    real = batch.clean_text

    def crashing(text, *, doc_id, config, **options):
        if doc_id == "p07":
            os._exit(9)
        return real(text, doc_id=doc_id, config=config, **options)

    monkeypatch.setattr(batch, "clean_text", crashing)
    for i in range(30):
        (tmp_path / f"p{i:02d}.txt").write_text(SIMPLIFIED_PAGE, encoding="utf-8")
    units = batch.iter_units([str(tmp_path)], max_bytes=Config().max_bytes)
    results = list(batch.run(units, Config(), workers=2))
    assert [r[0]["doc_id"] for r in results] == [f"p{i:02d}" for i in range(30)]
    failed = [r[0]["doc_id"] for r in results if r[0]["kind"] == "error"]
    assert failed == ["p07"]
    assert "worker process died" in results[7][0]["error"]


def test_endless_input_streams_with_bounded_memory():
    """Results come out while input is still being read: nothing drains the whole input first."""
    endless = (batch.Unit(f"r{i}", f"<gen>:{i}", payload=SIMPLIFIED_PAGE) for i in itertools.count())
    results = batch.run(endless, Config(), workers=2)
    assert [r[0]["doc_id"] for r in itertools.islice(results, 50)] == [f"r{i}" for i in range(50)]
    results.close()  # shuts the pool down
