"""The HTML report opens in a real browser (headless chromium) with its tables and
plots, no console errors and no network.  Skipped when chromium is not installed
(CI installs Debian's `chromium`)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from cleaner import report
from cleaner.bench import run_bench

from paths import ROOT  # noqa: E402  (tests/ is on sys.path)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0", *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def report_page(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    result = run_bench([ROOT / "seeds"], ["cleaner", "keepall", "trafilatura-text"])
    path = folder / "report.html"
    report.write_report(result, path)
    return path


def test_report_renders_with_tables_and_plots(report_page, tmp_path):
    done = chromium(tmp_path, "--dump-dom", report_page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert dom.count('<table class="summary') >= 2  # summary tables + worst documents
    assert "<th>system</th>" in dom and "cleaner" in dom and "keepall" in dom
    assert dom.count("<svg") >= 2  # body-F1 curves and the speed/quality scatter
    assert 'class="diff"' in dom  # the gold/output diffs
    console_errors = [
        line for line in done.stderr.splitlines() if "Uncaught" in line or ("CONSOLE" in line and "ERROR" in line)
    ]
    assert console_errors == []
    # No network: nothing in the page refers to an outside resource.
    assert "src=\"http" not in dom and "<link" not in dom and "@import" not in dom


def test_report_screenshot(report_page, tmp_path):
    png = tmp_path / "report.png"
    done = chromium(tmp_path, f"--screenshot={png}", "--window-size=1400,2000", report_page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    assert png.exists() and png.stat().st_size > 20_000  # a rendered page, not a blank one
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
