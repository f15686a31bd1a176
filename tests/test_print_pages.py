"""Generated print pages (benchmarks/print_pages.py, GitHub issue 4).

A handful of pages is typeset into PDF and extracted with pdftotext and
pdfminer.six in a temporary folder; skipped cleanly when reportlab, pdfminer,
pdftotext or the CJK font are missing.  The issue's targets are not met yet:
they are an xfail, and floors pinned on these pages guard against regressions.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import regex

from paths import ROOT  # noqa: E402  (tests/ is on sys.path)
sys.path.insert(0, str(ROOT / "benchmarks"))

import print_eval  # noqa: E402
import print_pages  # noqa: E402

pytestmark = [
    pytest.mark.skipif(bool(print_pages.missing_tools()), reason=f"missing: {', '.join(print_pages.missing_tools())}"),
    pytest.mark.skipif(not print_pages.DANIEL.is_dir(), reason="shared daniel corpus not present"),
]

PAGES = 6


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("print_pages")
    print_pages.generate(out, PAGES, seed=0)
    return out


@pytest.fixture(scope="module")
def table(pages: Path) -> dict[str, dict[str, float]]:
    result, _ = print_eval.evaluate(pages)
    return result


def test_generator_is_deterministic(tmp_path: Path) -> None:
    print_pages.generate(tmp_path / "a", 1, seed=3)
    print_pages.generate(tmp_path / "b", 1, seed=3)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == ["p03_0000_pdfminer.gold.json", "p03_0000_pdfminer.txt", "p03_0000_pdftotext.gold.json", "p03_0000_pdftotext.txt"]
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_pages_are_detected_as_print(table: dict[str, dict[str, float]]) -> None:
    assert table["all"]["pages"] == 2 * PAGES
    assert table["all"]["print"] >= 0.8


def test_floors(table: dict[str, dict[str, float]]) -> None:
    """Regression floors, pinned below the scores of seed 0's first 6 pages with the
    realistic generator of issue 4 (independent subheadings kept with their text
    and broken like headlines, stories as rectangles on the column grid, titles
    broken like headlines): articles 0.833, article F1 0.950, paragraphs 0.922
    (before the reading-order and title rules of this round: 0.750 / 0.920 / 0.867;
    older generator: 0.667 / 0.917 / 0.803).  Since leads in traditional script are
    kept out of story middles (session 5) these pages score 1.000 / 0.980 / 0.899;
    since the word list and the link cap (session 9) 1.000 / 0.987 / 0.966.  Titles
    exact 0.788 before session 9's title rules, 0.827 after (pdftotext reads a
    headline set across columns line by line among the columns' text), 0.865 after
    session 10's (photo titles joined and placed, headlines stacked over a row)."""
    row = table["all"]
    assert row["print"] == 1.0
    assert row["articles"] >= 0.8
    assert row["article_f1"] >= 0.94
    assert row["paragraphs"] >= 0.88
    assert row["titles"] >= 0.84


def test_subheadings_are_not_their_paragraph_opening() -> None:
    """Generator realism: a subheading is a phrase of its own, never the first
    clause of the paragraph it introduces (real pages do not repeat it)."""
    import random

    sources = print_pages.load_sources()
    rng = random.Random(7)
    seen = 0
    for n in range(300):
        story = print_pages.make_main(sources[n % len(sources)], rng)
        for i in story.headings:
            seen += 1
            heading, paragraph = story.paragraphs[i], story.paragraphs[i + 1]
            assert not paragraph.startswith(heading)
            assert 5 <= len(heading) <= 12
    assert seen > 20


def test_titles_span_their_story() -> None:
    """Generator realism: a story takes only the grid columns its text fills and its
    title is never wider than the story."""
    import random

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = print_pages.find_font()
    if "CJKtest" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("CJKtest", str(font), subfontIndex=0))
    setter = print_pages.Setter("CJKtest")
    sources = print_pages.load_sources()
    rng = random.Random(5)
    for n in range(40):
        story = print_pages.make_brief(sources[n], rng)
        box = print_pages.layout_story(setter, story, print_pages._grid_width(8), rng)
        assert print_pages._grid_units(box.width) <= 8
        for item in box.items:
            if item.size > print_pages.BODY:  # title lines
                assert item.x + setter.natural(item.tokens, item.size) <= box.width + 0.5


def test_subheadings_stay_with_their_text_and_are_not_wrapped_like_text() -> None:
    """Generator realism: no column ends with a subheading (typesetters keep it with
    the text it introduces), a subheading wider than its column is broken into two
    balanced lines (never one character alone), and no gold paragraph holds a
    character the page cannot print (U+FFFD in the source)."""
    lines = [([c], True, "text") for c in "一二三四五六"] + [([], False, "space"), (["小"], False, "heading")] + [([c], True, "text") for c in "七八九十"]
    columns = print_pages._columns(lines, 2)
    assert [kind for *_, kind in columns[0]][-1] == "text"
    assert sum(map(len, columns)) == len(lines)

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "CJKtest" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("CJKtest", str(print_pages.find_font()), subfontIndex=0))
    setter = print_pages.Setter("CJKtest")
    heading = print_pages._heading_lines(setter, "她建议有关部门从机制入手", print_pages._grid_width(1), print_pages.BODY)
    assert len(heading) == 2 and min(map(len, heading)) >= 5
    assert not any("\ufffd" in p for source in print_pages.load_sources() for p in source.paragraphs)


@pytest.mark.xfail(reason="issue 4 targets not met yet (see benchmarks/print_eval.py)", strict=False)
def test_issue_targets(table: dict[str, dict[str, float]]) -> None:
    assert print_eval.meets_targets(table["all"])


def test_gold_holds_what_the_font_prints() -> None:
    """A character the font has no glyph for is not printed as the gold says: it is
    set as a drawable substitute in both (``•`` → ``·``), or the text is left out."""
    glyphs = print_pages.font_glyphs(print_pages.find_font())
    assert ord("•") not in glyphs and ord("·") in glyphs
    assert print_pages._clean_paragraph("俄罗斯天然气工业公司总裁阿列克谢•米勒在会晤中透露了这一消息。", glyphs) == "俄罗斯天然气工业公司总裁阿列克谢·米勒在会晤中透露了这一消息。"
    assert print_pages._clean_paragraph("他的父亲非常热爱集邮，因此趁\ue2e5在温哥华电影学院访问时购买了邮票。", glyphs) is None


def test_a_lead_in_either_script_is_no_middle_paragraph() -> None:
    """A source paragraph opening like a lead (a dateline or byline, simplified or
    traditional) is not set inside a story: the page would show a second story
    start where the gold has one story."""
    for lead in ("本报讯（记者刘立春）做了一次手术，术后恢复良好，医生说再观察一周就能出院。", "本報訊(記者劉立春)做了一次手術，術後恢復良好，醫生說再觀察一週就能出院。", "中央社台北1月3日電（記者王明）行政院今天通過明年度的預算案，總額較今年增加。"):
        assert print_pages._clean_paragraph(lead) is None
    assert print_pages._clean_paragraph("做了一次手術以後，術後恢復良好，醫生說再觀察一週就能出院。") is not None


def test_a_range_is_never_broken_at_its_dash() -> None:
    """``5~10`` is one token: no line starts with the dash of a range."""
    assert print_pages.Setter.tokens("休息5~10分鐘") == ["休", "息", "5~10", "分", "鐘"]


def test_no_title_is_joined_with_itself(pages: Path) -> None:
    """Cutting a story in two renumbers the stories after it: the title assignment
    must keep pointing at the same titles.  It once kept stale copies, so a title
    was then "joined" with itself (``lines 139 and 139 are one title``) on 46
    decisions of g0–g3 (one on these pages)."""
    from cleaner import clean_text

    for path in sorted(pages.glob("*.txt")):
        doc = clean_text(path.read_text(encoding="utf-8"), doc_id=path.stem)
        for d in doc.decisions:
            assert not regex.search(r"lines (\d+) and \1 are one title", d.reason), (path.name, d.reason)
