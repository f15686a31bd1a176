"""Every option and threshold of the toolkit, in one place, with how it was set.

Users pass options as keyword arguments (``clean_text(text, layout="print")``)
or on the command line; both build a :class:`Config`.  Thresholds carry a note
on how they were tuned and on which data.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Literal

LayoutOption = Literal["auto", "web", "print"]
ScriptOption = Literal["keep", "simplified", "traditional"]


@dataclass(frozen=True)
class Config:
    # --- user options -----------------------------------------------------
    layout: LayoutOption = "auto"
    """`auto` detects print layout (hard-wrapped newspaper text) per document."""
    script: ScriptOption = "keep"
    """Output script: keep as given, or convert with OpenCC (t2s / s2t)."""
    model: Path | None = None
    """Line-classifier model file; None = the model shipped in ``models/``."""
    use_model: bool = True
    """True = label web lines with the trained classifier, False = heuristics only."""

    # --- normalization switches (SPEC §4), all on by default ---------------
    strip_invisible: bool = True
    """Delete BOM, zero-width and control characters."""
    fix_width: bool = True
    """Full-width ASCII letters and digits → half-width."""
    fix_punctuation: bool = True
    """Half-width , ; : ? ! ( ) next to CJK → full-width."""
    fix_spaces: bool = True
    """Delete spaces next to CJK punctuation, between CJK and digits/Latin, in letter-spaced runs."""
    dedupe_repeats: bool = True
    """A line that repeats itself (X X) is kept once."""
    strip_markers: bool = True
    """Remove (完), trailing (author) tags, 原标题: (moved to metadata)."""

    # --- input limits -------------------------------------------------------
    max_bytes: int = 64 * 1024 * 1024
    """Inputs larger than this are refused with an error record (a 50 MB single
    line is accepted and processed; see tests/test_bad_input.py)."""

    # --- layout detection and repair (layout.py) ---------------------------
    # Widths are in CJK cells (Han 1, CJK punctuation and ASCII ½, spaces 0).  Set
    # detection on seeds 000–004 and the 386 daniel pages; repair on seeds/003
    # (paragraph exact match) and on its gold re-wrapped at 10–36 cells with
    # column breaks every 7–29 lines (tests/test_layout.py).
    layout_min_lines: int = 4
    """Fewer non-blank lines than this is never called print layout."""
    layout_wrap_width: tuple[float, float] = (8.0, 40.0)
    """A hard-wrapped line is this wide (SPEC: wraps every 10–36 characters, with slack)."""
    layout_min_wrapped_share: float = 0.45
    """Print if at least this share of lines are wrapped mid-sentence: daniel's highest
    web page is 0.36, seed 003 0.70, seed 003 re-wrapped at 10 cells 0.50."""
    layout_min_wrapped_share_narrow: float = 0.3
    """…or at least this share when no line is wider than `layout_wrap_width` (40 cells):
    generated pages of short paragraphs in 11-cell columns go down to 0.36 wrapped, and
    every daniel web page has lines over 40 cells (so none takes this route)."""
    layout_long_width: float = 60.0
    layout_max_long_share: float = 0.2
    """…and at most this share are longer than `layout_long_width` (seed 003: 0.3%)."""
    layout_short_line_ratio: float = 0.85
    """A sentence-ending line narrower than this share of its column ends the paragraph
    (justified lines are full width ±1 cell; seed 003's short ends are ≤ 0.6)."""
    layout_heading_ratio: float = 0.7
    """A heading directly above text (or inside a column break) is at most this share of
    the column width (a paragraph's indented first line is width − 2 cells ≥ 0.8)."""
    layout_indent_cells: float = 2.0
    """A paragraph's first line is indented this much (People's Daily: 2 cells)."""
    layout_column_tolerance: float = 1.5
    """Two pieces of a paragraph cut by a column break are set in columns whose widths
    differ by at most this many cells (justified lines are column ±1 cell; a piece's
    width is its widest of the three rows at the cut).  Generated pages, not swept.
    Also: a lone full-width line followed by text wider than its column by more than
    this is a title over that text, not a line cut by a column break; and lines below
    a piece's first line that differ by more than this say nothing of its indent."""
    layout_link_backward: float = 30.0
    layout_link_other_column: float = 30.0
    layout_link_punct_start: float = 5.0
    layout_link_other_script: float = 30.0
    layout_link_short_line: float = 20.0
    layout_link_open_start: float = 25.0
    """Costs of linking a paragraph cut mid-sentence to a piece of text (plus the distance
    in pieces): a piece read before the cut, one in another column width, and a bonus
    for a piece opening with punctuation.  Set on 100 generated pages (seed 0, both
    extractors; right links 983/1124 for "always the next piece", 998/1124 with these;
    the result is flat for backward 20–100, other-column 8–20, punctuation 0–20).
    Other-script (a cut in simplified text resumed in traditional, or back; a sentence
    never switches script): more than the distances on a page.  Short-line (a one-line
    piece stopping mid-sentence, narrower than the cut's column by more than
    ``layout_column_tolerance``: a stray title).  Generated pages, paragraphs seed 0 /
    seed 1 with everything else as shipped: other-script 0
    0.879/0.865, 30 0.883/0.868; short-line 0 0.883/0.866, 20 0.883/0.868 (100: no
    better when added).  (A cost for a piece closing a quote or bracket the cut piece
    never opened was tried: paragraphs +0.001–0.002 on seeds 0–2, −0.003 on seed 3, one
    article lost on seed 0 — not kept.)  Re-tuned once reading found more titles and
    first lines (session 3; seeds 0–2 articles + article F1 + paragraphs summed, with
    seed 003's 47/47 paragraphs as a constraint): backward 50 → 7.930, 30 → 7.949;
    lower is better on generated pages (12 → 7.956, with other-column 30 → 7.965:
    pdfminer reads a story's first column after its others) but loses seed 003, whose
    stories go on in a column of another width a piece or two further on: backward
    must stay above other-column.  (25, 25) → 7.951 and (30, 25) → 7.947 are as
    good; seed 3 0.810/0.938/0.889 → 0.815/0.938/0.889 at (30, 20).
    Open-start (session 3): taken off the backward cost when the piece surely opens
    mid-paragraph (first line as wide as the lines below it, all measured sure: a
    paragraph's first line is indented; 1107 of 1148 such candidate pieces on seeds 0–2
    are continuations, 1 a paragraph start), so pdfminer's first column read after the
    others is found without lowering backward for every piece (seed 003).  Seeds 0–2
    summed (articles + article F1 + paragraphs): 0 7.950, 10 7.952, 20 7.963, 25 7.975,
    28 7.971, 30 7.887 (a backward piece then ties the next piece), 35 7.365; seed 3
    2.643 → 2.645 at 25.  With the final code, 0 → 25: 7.999 → 8.024, seed 3 2.660 →
    2.666.  (Also as a bonus in both directions: 5 7.940, 20 7.943 — worse; backward
    25/30/40 × other-column 20/25 × open-start 20/25 is flat within ±0.01 except
    (25, 20/25, 25): ties, 7.88.)
    Other-column re-tuned with the link cap (session 9, ``layout_link_max_cost`` 35:
    another column's piece is now linked only when near and forward, or with a word
    across the break), articles / article F1 / paragraphs, 20 → 30: g0 0.915/0.977/0.952
    → 0.920/0.978/0.951, g1 0.900/0.968/0.932 → 0.910/0.969/0.933, g2 0.840/0.953/0.922 →
    0.840/0.954/0.924, g3 0.885/0.955/0.931 → 0.885/0.956/0.932 (12 and 25: no better; 40:
    articles up more, paragraphs down on four held-out sets).  Held out g4–g15:
    paragraphs up or equal on all 12, articles +0.020 net (g9 −0.015), article F1 down
    only on g6 and g9; seed 003 keeps its 47/47 paragraphs."""
    layout_link_word: float = 40.0
    layout_link_word_gain: float = 3.5
    layout_link_word_slope: float = 25.0
    """What a word across a column break takes off the cost of a (cut, piece) link
    (``layout._word_bonus``; 0 = off).  ``lexicon.join_gain`` tells how much likelier
    (natural log) the cut's last three characters and the piece's first three read as
    one text than as two: a common word crosses the junction (``…，助`` ⏎⏎ ``力通用模型…``).
    The bonus is ``layout_link_word_slope`` per unit of gain above
    ``layout_link_word_gain``, at most ``layout_link_word``.

    Why: two cuts that take each other's continuation were the largest class of
    paragraph misses, and the layout cannot tell them apart.  On random cuts of the
    generated pages' paragraphs (g0), 27 % of true junctions gain ≥ 1 and 1.5 % of false
    ones do; of 5,000 random pairs of cuts, the summed gains pick the right pairing 2,397
    times, the wrong one 34 times, and tie 2,569 times.

    Why graded: a step of 25 at gain 3 let a barely common word (``…靠近小`` ⏎⏎ ``說``,
    3.25) beat the next piece, and was too small for a strong word (擔憂, 9.5) to reach a
    piece pdfminer read before the cut (backward cost 30).  The cap, above the backward
    cost, lets a strong word do that.

    Tuned on g0–g2 (session 8).  Link level (3,475 cuts whose continuation the gold
    tells), wrong links: off 218; step 25 at gain 3: 168, at gain 4: 158; graded: the
    plateau gain 3.5–4 × slope 15–35 × cap 35–45 gives 139–146, here 141.  Judging 4
    characters each side instead of 3: ±2.  Judging word links jointly (no bonus when the
    piece is another cut's only plausible continuation, or swapping two links when
    cheaper): 148–155, rejected.
    Articles / article F1 / paragraphs, off → here: g0 0.915/0.974/0.939 →
    0.915/0.976/0.948, g1 0.905/0.966/0.925 → 0.900/0.966/0.931, g2 0.825/0.947/0.899 →
    0.830/0.950/0.914; checked g3 0.885/0.950/0.921 → 0.885/0.954/0.928.  Step bonuses on
    g0 / g1 / g2 for comparison: (3, gain 1) 0.910/0.974/0.943, 0.910/0.967/0.924,
    0.830/0.949/0.902; (25, 2) 0.915/0.976/0.949, 0.910/0.967/0.927, 0.830/0.949/0.906;
    (25, 3) 0.915/0.976/0.948, 0.905/0.966/0.929, 0.830/0.950/0.907; (60, 1) 0.920/0.974/0.941,
    0.910/0.966/0.927, 0.825/0.946/0.904.  Held out, off → here: paragraphs exact rose on
    every set (g4–g9 +0.009…+0.018; g10 and g11, generated after this was fixed, +0.013
    and +0.009), article F1 on all but g7 (−0.001) and g11 (equal); articles exact g4 0, g5 +0.005, g6
    −0.030, g7 0, g8 −0.005, g9 +0.010, g10 −0.010, g11 0.  g12 and g13, generated
    after the session's last rule: paragraphs +0.003 / +0.004, article F1 −0.001 / 0,
    articles −0.015 / 0 (on g12 three wrong words won: 较|大, 步|步道, 以|及).  On the pages read where
    the count fell, a link made right left a story's later piece to a segmentation that
    then kept it apart, or a page whose count was right by chance while its text was
    misread changed count."""
    layout_script_rows: int = 3
    """The script (simplified / traditional) of a cut and of a candidate piece is read
    on this many rows where they would meet (the cut's last, the piece's first), not
    on the whole piece: a story may open with a dateline in the other script
    (``本报讯（记者…）不少民眾…`` reads ``mixed`` as a whole, so the other-script cost
    never fired).  Session 4, generated pages (articles / article F1 / paragraphs,
    both extractors), seeds 0 / 1 / 2 — whole piece: 0.885/0.961/0.908,
    0.855/0.950/0.895, 0.790/0.926/0.870; 3 rows: 0.885/0.961/0.907,
    0.855/0.950/0.895, 0.790/0.927/0.872 (2 rows: g0 0.908, g2 0.795/0.927/0.871;
    5 and 8 rows within 0.001 of 3).  Held out, seeds 3–6 paragraphs: 0.898 → 0.898,
    0.895 → 0.896, 0.876 → 0.878, 0.899 → 0.900 (seed 5 articles 0.805 → 0.800).
    3 rows keep enough telling characters in a narrow column; the effect is small."""
    layout_link_max_cost: float = 35.0
    """A cut paragraph whose every candidate piece costs more than this
    (``layout._continuation_cost``) is left open, ending mid-sentence: a wrong link
    splices another story's text into it and takes that text from where it belongs,
    while an open end costs one paragraph.  35 lets a piece read before the cut
    (``layout_link_backward``) in only when it is near or has evidence of its own (a
    word across the break, an open start).  Generated pages g0–g3 (both extractors),
    4,674 cuts whose continuation the gold tells, linked by cost with no cap (and the
    indent measured on lines of sure measure, ``layout._opens_paragraph``): right links
    cost < 10 in 4,409 of 4,479, wrong ones ≥ 20 in 52 of 187; with the cap 166 wrong,
    38 left open.  Articles / article F1 /
    paragraphs without a cap → 35: g0 0.915/0.976/0.949 → 0.920/0.978/0.952, g1
    0.900/0.966/0.931 → 0.900/0.967/0.932, g2 0.830/0.950/0.914 → 0.840/0.953/0.921,
    g3 0.885/0.954/0.930 → 0.885/0.955/0.931 (30: g3 articles 0.880; 32 like 35; 38: g2
    paragraphs 0.919).  Held out, g4–g13: paragraphs up 0.000–0.002 on every set,
    articles +0.025 net (g5 +0.010, five sets +0.005; g6 −0.010, g13 −0.005), article
    F1 up on 8 sets (to +0.003), down 0.001 on g9."""
    layout_link_window: int = 80
    """A cut paragraph's rest is looked for at most this many pieces away (a newspaper
    page has fewer; bounds the work on long inputs)."""
    web_cut_max_pieces: int = 3
    """Web text (``layout.web_blocks``): a sentence cut where no mark tells (a renderer that puts
    each text node on its own line) is rejoined across at most this many short pieces."""
    web_cut_evidence: int = 1
    """With no piece between (the rest of the sentence right on the next line), only on a page
    where this many lines are cut at a clause mark: the renderer cuts at inline elements.  Drawn
    one block per line a paragraph may end without a full stop above a caption or the next
    paragraph.  Checked with ``benchmarks/renderers.py --models`` (text-node / block rendering
    body F1): without the page test 0.9614 / 0.9701, with it 0.9608 / 0.9713 (as before: 0.9581 / 0.9711)."""
    web_cut_min_chars: int = 16
    """A line cut inside a sentence has at least this many letters/digits: a headline or a
    subheading with a comma is shorter.  Only 16 was tried (from the headlines of daniel: most under 25,
    with a comma under 16); with no minimum a subheading took the paragraph below it (sports.163.com)."""
    web_cut_piece_chars: int = 15
    """A piece of a cut sentence (a link, a bold run, a number) has at most this many letters/digits.
    Not tuned."""
    layout_heading_max_width: float = 40.0
    """No heading or title is wider than this."""
    layout_latin_gap_cells: float = 1.0
    """Width in cells of each extractor space beside Latin letters or digits when a
    column is measured for a dropped indent (``上涨 4.2%，低于去年 11 月`` measures
    short: justification widens those gaps).  Only a first-line candidate without
    Latin or digits is compared with such a column.  Generated pages, paragraphs
    seed 0 / seed 1 when added: off 0.867/0.857, 0.25 0.872/0.858, 0.5 0.872/0.858,
    1.0 0.873/0.860, 1.5 0.872/0.860 (median shortfall of a full line with two such
    spaces: 1–1.5 cells); as shipped, 0 → 1.0: 0.879/0.865 → 0.883/0.868."""
    layout_latin_gap_first_line: float = 0.5
    """The same for the line tested as a dropped-indent first line (so ``为超级本投入已超
    3 亿`` is not taken for one): smaller, as a false first line splits a paragraph.
    Paragraphs seed 0 / seed 1 when added: 0 0.873/0.860, 0.25 and 0.5 0.876/0.861,
    0.75 0.872/0.858, 1.0 0.865/0.858; as shipped, 0 → 0.5: 0.881/0.867 → 0.883/0.868.
    Also counted for the second line of a two-line title candidate (``一旦发现问题`` ⏎
    ``2019 年秋季学期起``: a first line with digits, not a title line): paragraphs seed 0
    / seed 1 0.883/0.868 → 0.886/0.869, articles seed 1 0.785 → 0.795, no page worse."""
    layout_title_overhang: float = 1.5
    """A heading-like line directly above text and wider than that column by more than
    this many cells is a title set across columns (justified lines are column ±1 cell).
    Set on generated pages (benchmarks/print_pages.py, pdftotext keeps titles in the
    block of their text)."""
    layout_title_across_not_below_text: bool = True
    """A heading-like row wider than the text below it is no title set across columns
    when it follows a line of text directly and is as wide as that line (within a
    cell: :func:`layout._as_wide_as_text_above`): it is a line of that column, the rows
    below measuring short (letter-spaced, Latin, a sentence's last line).  A switch.
    Session 6 (sets /tmp/s5/gen, with ``print_photo_title_in_text`` on), off → on
    (articles / article F1 / paragraphs): g0 0.905/0.972/0.933 → 0.910/0.972/0.933, g1
    0.895/0.964/0.918 unchanged (one page better, one page of a scrambled reading order
    worse), g2 0.890 → 0.891 paragraphs; checked g3 0.875/0.948/0.915 →
    0.880/0.948/0.916; held out g4 unchanged, g5 0.855/0.954/0.902 → 0.870/0.954/0.904,
    g6 0.890/0.961/0.912 → 0.900/0.961/0.913 (12 pages change, 11 better in every
    column).  Found on the tuned sets, where the five pages it changes set one source
    sentence; on g3–g6 it changes seven pages, all better.  The tolerance (1 cell)
    swept 0.5 / 1.5 / 2: the same figures on all seven sets."""
    layout_first_line_at_break: bool = True
    """A line (or two) with no punctuation directly above a paragraph's indented first
    line is a heading also when a column break follows that first line (the first
    line, with clause punctuation, measured against the column after the break):
    ``蒟蒻乾等低熱`` ⏎ ``量零食作替代`` ⏎ ``金惠民舉例，夏威夷`` ⏎⏎ ``火山豆…``.  A switch, not a
    threshold.  Generated pages (benchmarks/print_pages.py), paragraphs hit off → on:
    seeds 0–2 +6 (g0 0.918 → 0.920, g2 +2), seeds 3–6 +7 (g4 +1, g5 +6), articles unchanged.
    The first line must be narrower than the lines after the break by the indent exactly
    (first tried: at least the indent — a continuation in a wider column of another
    story made a first line of a full one, seed 6: −1 paragraph, −1 article F1)."""
    layout_measure_by_agreement: bool = True
    """Whether a line above a paragraph's first line is as wide as a full line of that
    column (so text, not a heading) is judged only under the punctuation measures
    under which the wrapped lines below agree in width (``layout_column_tolerance``):
    ``并怀抱幼熊猫亲密合影`` (10 cells) over lines of 8.5/9.5/10.5 cells as set but
    10/11/11 with punctuation a full cell is no full line.  A switch, not a threshold.
    Generated pages: seeds 0–2 +2 paragraphs (g2), seeds 3–6 unchanged."""
    layout_heading_after_cut: bool = True
    """A heading-like line alone after a blank line that follows a cut (a line stopping
    mid-sentence), directly above a paragraph's indented first line, is a heading
    (``…唱着总是讨`` ⏎⏎ ``她真就是这样希望`` ⏎ ``除了语言类和歌舞类``): as the cut's rest it
    would have to end a sentence before that first line.  Typesetters move a subheading
    from the foot of a column to the top of the next, so it often follows a cut.  A
    switch, not a threshold.  Session 5 (sets before the generator's lead fix), generated pages (articles / article F1 /
    paragraphs) with the sure-measure change in ``layout._above_first_line`` in both
    runs, off → on: g0 0.895/0.962/0.920 → 0.890/0.962/0.921, g1 0.898 → 0.900
    paragraphs, g2 unchanged; held out g3 unchanged, g4 0.815/0.948/0.896 →
    0.820/0.949/0.897, g5 0.805/0.938/0.883 → 0.810/0.938/0.884, g6 0.825/0.949/0.899 →
    0.820/0.949/0.901 (one page each on g0 and g6 splits a story at the heading it now
    finds; on g0 that heading is right and the page had lost a story before)."""
    layout_first_line_before_word: bool = True
    """:func:`layout._first_line_above_full_line` also takes a row for a first line when it
    stops short because the Latin word or number opening the full line below would not fit
    after it (:func:`layout._stopped_by_word`): the word and its gap
    (``layout_latin_gap_cells``) overrun the column less the indent.  A switch.  Session 5,
    on top of ``layout_first_line_break_below``: paragraphs g0 0.932 → 0.932, g1 0.916 →
    0.917, g2 0.890 → 0.890; held out g3 0.914 → 0.915, g4 0.907 → 0.908, g5 0.901 →
    0.902, g6 0.912 → 0.912 (article F1 g1/g3/g5 +0.001)."""
    layout_first_line_break_below: bool = True
    """:func:`layout._first_line_above_full_line` also when a column break comes two
    lines down (``由 2002 年 至 2006`` ⏎ ``年間，呂愛平在國家四大`` ⏎⏎): the one line below,
    a wrapped line, must be a full line of the column that the lines of sure measure just
    above row i (same run, not ending a sentence) measure, and row i a first line of it
    (short by the indent, or of unsure measure).  A switch.  Session 5 (HEAD 390a319,
    regenerated sets): paragraphs g0 0.930 → 0.932, g1 0.916 → 0.916, g2 0.888 → 0.890;
    held out g3 0.913 → 0.914, g4 0.904 → 0.907, g5 0.901 → 0.901, g6 0.908 → 0.912."""
    layout_first_line_column_above: bool = True
    """A line above a paragraph's first line is measured for :func:`layout._above_first_line`
    also when a column break comes two lines down, and with fewer than two lines of
    sure measure below the first line the wrapped lines just above that line measure
    the column too (a subheading sits in the column of the text around it:
    ``…周围有五色祥云围绕。`` ⏎ ``龙袍上的蝙蝠寓意福`` ⏎ ``设计师蔡先生表示，`` ⏎
    ``特意在龙袍内加插蝙蝠图`` ⏎⏎).  A switch.  Session 5 (sets before the generator's lead fix), on top of
    ``layout_heading_after_cut``: paragraphs g0 0.921 → 0.923, g1 0.900 → 0.900, g2
    0.879 → 0.882; held out g3 0.901 → 0.902, g4 0.897 → 0.898, g5 0.884 → 0.884,
    g6 0.901 → 0.901; articles and article F1 unchanged."""
    layout_first_line_at_foot: bool = True
    """A heading-like line directly below a line ending a sentence (no blank line
    between) and last before a blank line is text when as wide as a line of the
    column above, or narrower by the indent only, or of unsure measure
    (:func:`layout._first_line_at_column_foot`): a paragraph's first line cut by a
    column break.  Typesetters set a subheading off by space and never leave one at
    a column's foot.  A switch.  Generated pages (sets before the generator's lead fix), seeds 0–2: of the heading-like
    lines read as a heading or title there (both extractors), all 27 directly below
    a sentence end were text.  Session 5, with ``layout_cut_column_above`` on, off →
    on (articles / article F1 / paragraphs): g0 0.895/0.963/0.926 → 0.895/0.964/0.927,
    g1 0.865/0.952/0.900 → 0.865/0.953/0.903, g2 0.820/0.932/0.883 →
    0.820/0.933/0.885; held out g3 0.835/0.940/0.902 → 0.840/0.940/0.904, g4
    0.820/0.950/0.899 → 0.820/0.949/0.902, g5 0.810/0.938/0.884 → 0.820/0.940/0.888,
    g6 0.815/0.949/0.901 → 0.835/0.951/0.903."""
    layout_cut_column_above: bool = True
    """A paragraph cut after its first row is measured for its column (and script)
    with the rows of the paragraph directly above it in its run
    (:func:`layout._cut_piece`).  A switch.  Session 5 (sets before the generator's lead fix), with
    ``layout_first_line_at_foot`` on, off → on (articles / article F1 / paragraphs):
    g0 0.890/0.963/0.925 → 0.895/0.964/0.927, g1 0.855/0.951/0.901 →
    0.865/0.953/0.903, g2 0.825/0.931/0.883 → 0.820/0.933/0.885 (one page splits a
    story where segmentation misses a title the repair now keeps whole); held out
    g3 0.840/0.940/0.904 unchanged, g4 0.820/0.948/0.901 → 0.820/0.949/0.902, g5
    0.820/0.940/0.888 unchanged, g6 0.840/0.950/0.903 → 0.835/0.951/0.903.  Without
    it ``layout_first_line_at_foot`` links many such first lines to the nearest piece
    in a wider column (g1 articles 0.865 → 0.855)."""
    layout_first_lines_at_foot: bool = True
    """Two heading-like lines directly below a sentence end and last before a blank
    line are a paragraph's first two lines cut by a column break, not a two-line
    title, when the first is narrower than the column above by the indent and the
    second as wide as it or one cell short (:func:`layout._first_lines_at_column_foot`)."""
    layout_heading_over_foot_first_line: bool = True
    """A heading-like line after a sentence end, directly above the last line before a
    column break that is narrower than the column above by the indent and stops
    mid-sentence (a paragraph's first line cut by the break), is a subheading, not the
    first line of a two-line title (:func:`layout._heading_over_first_line_at_foot`),
    when no blank line sets it off from the text above and the line after the break
    goes on as running text of that column.  A switch, not a threshold.  Session 7,
    generated pages (articles / article F1 / paragraphs), off → on: g0
    0.915/0.974/0.938 → 0.915/0.974/0.939, g1 unchanged, g2 0.825/0.947/0.898 →
    0.825/0.947/0.899; held out g3 0.885/0.950/0.920 → 0.885/0.950/0.921, g4–g6 and
    fresh g7–g9 unchanged (3 pages change, all for the better).  In g0–g2 it fires 3
    times, each right.  Without the blank-line condition it also splits a two-line
    title read over another story's column (g2 article F1 0.947 → 0.946); without
    the condition on the line after the break it also fires where the extractor
    reads another story after the break (g4 paragraphs 0.916 → 0.917, but one g0
    page then takes the subheading for its story's title); the first draft, with none
    of these conditions, split 45 two-line titles in g0–g2 against 14 subheadings
    found (g4 articles 0.860 → 0.855)."""
    layout_heading_half_cell_short: bool = True
    """A heading-like row above a paragraph's indented first line
    (:func:`layout._above_first_line`) is read as text only when wider than the
    column less half a cell, not when exactly half a cell short: full lines with one
    half-cell comma measure 10.5 in an 11-cell column, and a row of whole characters
    10 cells wide is a cell short of them, a subheading
    (``也提高了免费送货门槛`` ⏎ ``目前在京东商城购物`` ⏎ ``完毕以后，已经可以选择``).  A
    switch.  Session 5 (regenerated sets /tmp/s5/gen), off → on alone (articles /
    article F1 / paragraphs): g0 0.875/0.968/0.925 → 0.875/0.968/0.929, g1
    0.880/0.961/0.912 → 0.880/0.961/0.914, g2 0.800/0.942/0.879 → 0.795/0.941/0.879;
    held out g3 0.909 → 0.910, g4 0.840/0.956/0.899 → 0.845/0.957/0.901, g5 0.895 →
    0.897, g6 unchanged.  Kept with ``layout_heading_unsure_above_first_line``, with
    which g2 gains too (figures there)."""
    layout_letter_spaced_first_line: bool = True
    """A letter-spaced row (``据 现 场 检 查 人 员 介``, pdfminer's reading of a line
    justification stretched) whose cells, punctuation a full cell, fit the column less
    the indent, above a row opening with a Han character, is an indented first line
    (:func:`layout._spaced_first_line`), so a heading-like row directly above it is a
    heading (:func:`layout._above_first_line`).  A switch.  Session 5 (regenerated
    sets /tmp/s5/gen, tuned on g0–g2), off → on alone (articles / article F1 /
    paragraphs): g0, g1 unchanged, g2 0.815/0.944/0.884 → 0.815/0.944/0.885; held out
    g3 0.910 → 0.911, g5 0.899 → 0.900, g4 and g6 unchanged."""
    layout_digit_first_line_cells: bool = True
    """The same for a first line of unsure measure with digits but no Latin letters
    (``去年 7 月，謝煥桂``): its cells count each extractor space beside a digit as
    ``layout_latin_gap_first_line`` (:func:`layout._spaced_cells`), and the column must
    be measured by lines of sure measure.  A switch.  Session 5, on top of
    ``layout_letter_spaced_first_line``: g0 0.930 (+1 paragraph), g1 unchanged, g2
    0.815/0.944/0.885 → 0.815/0.944/0.888; held out g3 0.911 → 0.913, g4 0.903 → 0.904,
    g5 0.855/0.953/0.900 → 0.850/0.952/0.901 (one page's story split downstream),
    g6 0.906 → 0.908."""
    layout_heading_unsure_above_first_line: bool = True
    """A heading-like row of unsure measure (Latin, digits, letter-spacing:
    ``去年一年上涨了近 50``) directly above a paragraph's indented first line of sure
    measure is a heading too (:func:`layout._above_first_line`): row ``i`` need not be
    measured, the first line decides (text above it would have to end a sentence).
    Not when the line after that first line opens with a Latin word or a number: the
    first line may stop short because the word does not break there.  A switch.
    Session 5 (regenerated sets), off → on alone: g0 0.875/0.968/0.925 →
    0.875/0.969/0.926, g1 0.912 → 0.913, g2 0.800/0.942/0.879 → 0.805/0.943/0.884;
    held out g3 unchanged, g4 0.899 → 0.901, g5 0.951/0.895 → 0.952/0.896, g6
    0.907 → 0.906.  Both switches on (against both off): g0 0.875/0.968/0.925 →
    0.875/0.969/0.930, g1 0.880/0.961/0.912 → 0.880/0.961/0.916, g2 0.800/0.942/0.879
    → 0.800/0.942/0.884; held out g3 0.860/0.946/0.909 → 0.860/0.947/0.910, g4
    0.840/0.956/0.899 → 0.845/0.957/0.903, g5 0.840/0.951/0.895 → 0.840/0.952/0.899,
    g6 0.845/0.956/0.907 → 0.845/0.956/0.906."""
    layout_first_line_own_run: bool = True
    """A row below a sentence end is measured as a first line whose indent pdftotext
    dropped (:func:`layout._narrow_first_line`) against the column above it and the
    wrapped rows after it in its own run only (:func:`layout._column_width` without
    ``other_runs``), not
    rows of the next run: a paragraph that ends a line or two below is often followed
    by a wider column, which made a full line look indented and split the paragraph at
    a sentence end.  A switch.  Session 6 (sets /tmp/s5/gen, tuned on g0–g2), off → on
    alone, paragraphs: g0 0.932 → 0.932, g1 0.917 → 0.919, g2 0.890 → 0.892; held out
    g3 0.915 → 0.915, g4 0.908 → 0.912, g5 0.902 → 0.903, g6 0.912 → 0.912; articles and
    article F1 unchanged on every set."""
    layout_link_closed_full_line: bool = True
    """After the cuts are linked, a piece left unclaimed that surely opens
    mid-paragraph (:func:`layout._open_start`: first line as wide as the lines below)
    continues the piece directly before it when that one ends a sentence on a full
    line of the same column (:func:`layout._closed_at_full_line`): the column break
    fell right after a sentence.  On g0–g2 it adds 7 links, 6 of them one paragraph in
    the gold.  A switch.  Session 6, off → on alone, paragraphs: g0 0.932 → 0.932, g1 0.917 →
    0.918, g2 0.890 → 0.891; held out g3 0.915 → 0.917, g4 0.908 → 0.910, g5 and g6
    unchanged; articles and article F1 unchanged on every set."""
    layout_first_line_kinsoku: bool = True
    """The second row of a two-line title candidate directly above text
    (:func:`layout._title_above_text`) is text (a paragraph's indented first line) also
    when it falls short of the indented measure by the first character of the row
    below, which line breaking moved down with the punctuation after it
    (:func:`layout._pushed_down`: ``京东商城介绍页面`` ⏎ ``称，地铁自提…``; a comma may not
    start a line).  A switch.  Session 7 (sets /tmp/s5/gen, tuned on g0–g2), off → on
    alone, paragraphs: g0 +2, g1 unchanged, g2 +3; held out g3–g5
    unchanged, g6 +2 (one page); articles and article F1 unchanged on every set."""
    layout_first_line_full_after: bool = True
    """A row below a sentence end is measured as a dropped-indent first line
    (:func:`layout._narrow_first_line`) with punctuation a full cell against the
    wrapped rows after it in its run as well as those above it, as the column as set
    already is: in a wide column the lines above may fall a cell or two short
    (``…職業風險的一種補償。`` ⏎ ``但與此同時，…``, 36 cells under lines of 37 and 38).
    A switch.  Session 7, off → on alone: g0 +6 paragraphs (article F1 +0.001, one
    page), g1 +8 paragraphs, g2 +4; held out g3
    articles −1 page (p03_0007: 6 → 7 articles, its F1 0.896 → 0.948), +5 paragraphs,
    g4 +1 article, +6 paragraphs, g5 +8, g6 +14 paragraphs; no page loses a paragraph."""
    layout_spaced_line_cut_by_break: bool = True
    """A heading-like row of unsure measure (letter-spaced, digits, Latin) alone
    between blank lines after a sentence end, whose cells fill the column less the
    indent or more, above a full line of running text after the break, is a first
    line cut by a column break (:func:`layout._spaced_line_cut_by_column_break`), as
    ``_cut_by_column_break`` finds rows of sure measure (``自 2009 年 10 月以`` ⏎⏎
    ``來，政大停止捕狗而以``).  A switch.  Session 7, off → on alone: g0 +1
    paragraph, g1 0.924 → 0.925, g2 0.897 → 0.898 (4 pages); held out g3, g4, g5,
    g6 +1 paragraph each (one page each); articles and article F1 unchanged on
    every set, no page worse.  On g0–g2 the shape took 6 such first lines and one
    real heading (over a line one cell short of the column, as set: a full line
    as set is required)."""
    layout_label_max_chars: int = 4
    """A lone heading this short is a section label (资讯速览); it never joins a title."""

    # --- boilerplate heuristics (heuristics.py / revise.py) -----------------
    # Tuned by grid search on the 386 daniel pages (mean body F1, heuristics
    # only: `python -m benchmarks.tune_heuristics`), then checked on the seeds.
    text_min_chars: int = 12
    """A punctuated line with at least this many letters/Han/digits counts as prose."""
    text_unpunctuated_chars: int = 60
    """An unpunctuated line this long still counts as prose (run-on paragraphs)."""
    menu_min_items: int = 4
    """A line of at least this many space-separated short items (and no sentence) is a menu."""
    chrome_max_chars: int = 40
    """A chrome word marks a line as chrome only if the line is shorter than this."""
    stop_max_chars: int = 12
    """A 'related articles' header is a short line; longer lines merely mention it."""
    short_penalty: float = 8.0
    """Weight of a short line: small, so a subheading does not split the body."""
    list_penalty: float = 20.0
    """Weight of a list/navigation line (at least this, or its length)."""
    chrome_penalty: float = 60.0
    title_lookback: int = 15
    """How many lines above the body the headline is searched in."""
    title_min_chars: int = 4
    title_max_chars: int = 60
    title_min_score: float = 0.8
    title_body_window: int = 600
    """Characters of body text the headline's words are compared with."""
    meta_window_before: int = 6
    """Metadata lines are looked for this many lines above the headline/body."""
    meta_window_after: int = 6
    """…and this many lines below the last body line (bylines, editors, keywords)."""
    meta_body_edge: int = 3
    """Only the first and last few body lines can be metadata (a byline under the
    text, a date line the first pass took for prose); lines deeper inside are not read."""
    column_max_chars: int = 8
    """A label this short between headline and body is the column name (a portal column such as 财经观察)."""
    heading_max_chars: int = 30
    """A subheading is an unpunctuated body line at most this long."""
    prose_min_chars: int = 40
    prose_reach: int = 4
    prose_min_han_share: float = 0.5
    """``prose_next_to_body``: a dropped line with at least ``prose_min_chars`` letters, two
    clause marks and a 。, mostly Han (share of non-space characters), within ``prose_reach``
    blocks of a body block, is body.  Tuned on site-grouped CV of daniel with the five fold
    models (reach 1–4 × min chars 20–100 × Han share 0.5/0.6): reach 3 / 40 chars gave body F1
    0.948 → 0.955, p10 0.864 → 0.872, line F1 0.907 → 0.913, better or equal in every fold.
    Re-tuned once the later rules (tail lists, edge trimming, sign-off) were in: reach 3 → 4 gave
    line F1 macro 0.9299 → 0.9316, body F1 mean 0.9645 → 0.9659, p10 0.9148 → 0.9157, 3 pages of
    3 sites better (paragraphs separated from the body by a subheading and a photo link), none
    worse, no fold lower; reach 5 adds nothing and makes one page worse."""
    tail_min_blocks: int = 3
    tail_max_blocks: int = 60
    """``run_to_end_tag``: at least ``tail_min_blocks`` lines, read within ``tail_max_blocks`` blocks
    after the last body block, join the body when the story's closing tag follows them.  Site-grouped
    CV on daniel with the five cached fold models (pipeline line F1 macro / pooled): min 1 → 0.923 /
    0.930, 2 → 0.925 / 0.932, 3–6 → 0.925 / 0.933 (single stray lines before a tag are mostly
    furniture); max 20 → 0.922 / 0.923, 40–100 → 0.925 / 0.933 (a ranking of 40 rows).  Without the
    rule 0.919 / 0.919.  Chosen from the plateau; every fold better or equal."""
    list_min_items: int = 3
    list_max_gap: int = 2
    """``marked_list_after_body``: at least ``list_min_items`` rows opening with the same list mark,
    read from the last body block past at most ``list_max_gap`` unmarked lines at a time, join the
    body with the lines between.  Site-grouped CV on daniel with the five cached fold models
    (pipeline line F1 macro / pooled, body F1 mean / p10): without the rule 0.9253 / 0.9330,
    0.9635 / 0.9115; min items 2–4 × gap 1–3 → 0.9275 / 0.9352, 0.9640 / 0.9148 (min 2 with gap 3:
    0.9273 / 0.9342, a stray pair of rows), gap 0 → 0.9264 / 0.9342 (a list's own heading sits
    between the story and its items).  Chosen from the middle of the plateau; two pages of two
    sites change (★ tips, (一) rules), no fold drops."""
    edge_blocks: int = 2
    """``trim_story_edges``: how many body blocks at each end of the story are checked for a
    site notice or site furniture.  Site-grouped CV on daniel (cached fold models, pipeline
    line F1 macro / body F1 mean / p10): 1 → 0.915 / 0.956 / 0.884, 2 → 0.919 / 0.960 /
    0.903, 3 → 0.918 / 0.960 / 0.903.  The notice pattern (``revise._NOTICE``) was written
    from the misses of all five folds: the rule is not out-of-fold, the model is."""

    # --- web headline (revise.py: pick_headline, headline_atop_body; fields.py title text) ---
    # Owned by the headline rules.  Checked with benchmarks/cv_title.py (site-grouped
    # 5-fold CV on daniel, cached fold models): values were chosen on the pages of
    # folds 0–2 and checked on folds 3–4; no change was kept for a single page.
    headline_lookback: int = 15
    """How many non-blank lines above the first body line the headline is looked for in
    (as `title_lookback`; folds 0–2: 10 → 0.892, 15 → 0.944, 20 → 0.944)."""
    headline_min_chars: int = 4
    headline_max_chars: int = 60
    """A headline has this many letters/Han/digits (its main piece, see ``headline_piece``)."""
    headline_body_window: int = 400
    """Characters of body text (from its start) the headline's character pairs are compared with
    (folds 0–2: 400 and 600 both 0.944; not swept further)."""
    headline_shared_weight: float = 4.0
    """Score per share of the line's character pairs found in the body start."""
    headline_copy_weight: float = 1.5
    """Score per copy of the line elsewhere on the page (at most 2 counted; only for a
    line that shares words with the body)."""
    headline_distance_cost: float = 0.1
    """Score lost per line between the candidate and the body.  The three weights are
    heuristics.py's `_title_score`, kept: on folds 0–2, shared 3/5 → 0.935/0.948,
    copies 1/2 → 0.944/0.944, distance 0.05/0.2 → 0.948/0.931 (4/1.5/0.1: 0.944);
    the +1 page of 5 or 0.05 is a single page."""
    headline_min_score: float = 0.5
    """A line is taken for the headline from this score up.  Folds 0–2: 0.25 → 0.948,
    0.5 → 0.944, 0.75 → 0.935, 1.0 → 0.935, 1.5 → 0.927 (folds 3–4: 0.929 at 0.25 and
    0.5, 0.909 at 1.0); not 0.25 for one page, and so fewer weak lines become titles."""
    headline_gap_spaces: int = 6
    """A run of at least this many spaces inside a line separates page columns: the
    headline is its longest piece (``标题      论坛热帖``).  Flat from 3 to 10 on daniel
    (headline words are set 1–2 spaces apart, columns 10 and more)."""

    # --- print-page segmentation (segment.py) -------------------------------
    # Set on seeds/003 (a People's Daily page); re-checked on generated pages.
    print_title_max_chars: int = 40
    """A print title/heading is an unpunctuated block at most this long."""
    print_title_min_overlap: float = 0.35
    """Share of a title's bigrams that must occur in a story for the title to be its own."""
    print_title_lines: bool = True
    """A title no story took, read right above or below a story's own title and naming
    that story's text, is the title's other line (``segment._join_title_lines``)."""
    print_title_line_min_overlap: float = 0.15
    """…naming it with at least this share of its bigrams: a headline's two lines say
    different things (``郭德纲受访向伤者道歉`` / ``称艺人生存现状很悲催``), and a
    section label (``资讯速览``) shares next to nothing with a story.  Title exact
    (the gold title of each article's best-matching prediction), generated pages g0–g3
    / held out g4–g6 + g10–g13 (of 3,242 / 5,602), with the two-line title test
    taking 、 (``layout._TITLE_INNER_PUNCT``): 0.35 → 2,481 / 4,414, 0.25 → – / 4,427,
    0.2 → 2,506 / 4,446, 0.15 → 2,508 / 4,463, 0.1 → 2,501 / 4,463, 0.01 → 2,491 / –.
    Joining any adjacent title regardless: 2,233 on g0–g3 (at 0.35 before the 、
    change, against 2,468).  Session 10: photo stories (a title over a caption; two
    thirds of the generated ones have a two-line title) are no longer left out of
    either join: titles exact on g0–g3 2,700 → 2,732 of 3,242 (titles of another
    story 118 → 117), held out g4–g6 + g10–g13 4,762 → 4,792 of 5,602 (189 → 188);
    no other figure moves on g0–g15."""
    print_title_far_lines: bool = True
    """…and so is one read anywhere on the page that names the story as a title does
    (``print_title_min_overlap``) and no other story as much (pdftotext reads a
    headline set across columns line by line among the columns' text).  Title exact
    on g0–g3 2,581 → 2,592 of 3,242 (titles of another story 118 → 115), held out
    4,575 → 4,604 of 5,602 (206 → 193)."""
    print_title_near_min_overlap: float = 0.01
    """A story left without a title once the stories are settled takes the title no
    story took read right above it, or else the first read right below it (when that
    one names it more than the story after), if the title shares this share of its
    bigrams with it: in practice one character pair (``segment._titles_by_place``;
    above 1.0 the step is off).  Title exact / titles of another story on generated
    pages, g0–g3 of 3,242 gold titles — above only: off 2,508 / 111, 0.1 → 2,559 /
    115, 0.05 → 2,575 / 118, 0.01 → 2,581 / 118 (held out, g4–g6 + g10–g13 of 5,602:
    off 4,463 / 198, 0.1 → 4,540 / 203, 0.01 → 4,575 / 206); of the 81 titles it
    changed on g0–g3, 73 became exact, the wrong ones sit over text the extractor
    glued to another story.  Then below too (after ``print_title_far_lines``): 2,592 /
    115 → 0.15: 2,673 / 121, 0.05: 2,685 / 121, 0.01: 2,687 / 121; held out 4,604 / 193
    → 0.15: 4,705 / 196, 0.05: 4,724 / 197, 0.01: 4,730 / 197.  Raising
    ``print_title_adjacency`` instead (0.2 → 0.3) titled as many as "above" but changed
    the segmentation: articles exact −0.055 summed over 14 sets.  Session 10, last a
    title read above the run of titled stories right before the untitled one (naming
    it more than any of them): g0–g3 2,732 → 2,798 of 3,242 exact (another story's
    title 117 → 119), held out g4–g6 + g10–g13 4,792 → 4,889 of 5,602 (188 → 190).
    Looking only one story up: 2,782 on g0–g3.  Then photo stories take part too:
    2,798 → 2,809 (119 → 120), held out 4,889 → 4,912 (190 → 191)."""
    print_title_adjacency: float = 0.2
    """Bonus for the story that directly follows a title (the usual, undisplaced case)."""
    print_title_split_before: float = 0.5
    """A title no story took opens a story at a later paragraph of another story when the
    text before that paragraph holds at most this share of what the text from it on holds
    of the title's bigrams (see ``segment._split_at_free_titles``).  Generated pages,
    articles seeds 0 / 1 / 2 / 3 (lead 0.2): off 0.870 / 0.795 / 0.710 / 0.800, 0.3, 0.5
    and 0.7 → 0.870 / 0.800 / 0.735 / 0.810 (flat: the other conditions decide)."""
    print_title_split_lead: float = 0.2
    """…and when the paragraph the story would open with holds at least this share (a
    lede repeats its title's words; text cut from the middle of a story does not).
    Articles seeds 0 / 1 / 2 / 3: 0 → 0.870 / 0.795 / 0.735 / 0.810, 0.2 → 0.870 / 0.800 /
    0.735 / 0.810, 0.35 → 0.875 / 0.800 / 0.725 / 0.805 (tuned on seeds 1 and 2)."""
    print_title_pair_split: bool = True
    """A story whose own title, read right above it, names its text from some paragraph
    on while a title no story took names the text before is two stories glued at that
    paragraph (``segment._title_pair_split``): titles of stories set side by side are
    read one above the other, and the text of the second follows the first's with
    nothing between.  The own title must hold ``print_title_pair_min_own`` of its bigrams
    in its part (the free title ``print_title_pair_min_free``), each at most
    ``print_title_pair_max_cross`` in the other.  A switch.
    Session 7 (HEAD 6217483, sets /tmp/s5/gen), off → on (articles / article F1 /
    paragraphs): g0 0.910/0.973/0.938 → 0.915/0.974/0.938, g1 0.895/0.964/0.924 →
    0.905/0.966/0.924, g2 0.820/0.945/0.897 → 0.825/0.947/0.897; checked g3
    0.875/0.949/0.920 → 0.885/0.950/0.920; held out g4–g6 unchanged at three decimals
    (one g4 page's article F1 better).  Eight pages change, all better; five on g0–g2
    (four now exact).  Of the 44 gold stories there that came out inside another
    (art.py "under"), 9 were this shape (5 split; 4 fail one of the tests above or
    the vocabulary test); in the rest the title was read into a paragraph or caption, as a
    subheading, or names its story below the overlap bar."""
    print_title_pair_max_cross: float = 0.1
    """…at most this share of a title's bigrams in the other part: the chance level.  A
    gold title holds more than 0.1 of its bigrams in another story of its page in 3 %
    of the pairs on g0–g2 (median 0, 95th percentile 0.08), its own story's at least
    0.15 in 95 %.  A title's second line or a deck read apart names words of both parts
    of its one story (0.11 on a g3 page).  Swept 0.05 / 0.1 / 0.15 / 0.25: g0–g2 the
    same five pages; g3 +2 pages at 0.1, +1 at 0.05, +2 −1 at 0.15 and 0.25."""
    print_title_pair_min_free: float = 0.15
    """…the title no story took needs this share of its bigrams in its part (0.35, the
    bar of ``print_title_min_overlap``, until session 10): a brief's headline often paraphrases its few lines (``交警支招 春运雾雪天气
    如何保证行车安全`` over a brief that says 春运 … 交通 … 雾 …: 0.18), and the other
    conditions — the own title names the part after, neither title names the other part
    (``print_title_pair_max_cross``), the parts share no vocabulary — keep a deck or a
    title's second line whole.  Session 10 (HEAD 07e4aec), 0.35 → 0.15, articles / article
    F1 / titles exact: g0 0.920/0.978/0.855 → 0.915/0.978/0.857, g1 0.910/0.969/0.832 →
    0.920/0.971/0.837, g2 and g3 unchanged; 0.25 and 0.2 split fewer, 0.1 the same pages
    as 0.15.  All nine pages that changed on g0–g1 and g4–g5 are split where the gold
    splits them; the four whose article count fell had been counted right by chance
    (another story split in two elsewhere on the page).  Held out g4–g15: articles
    −0.005 summed over 12 sets, article F1 +0.009, titles exact +0.019, paragraphs
    −0.001."""
    print_title_pair_min_own: float = 0.2
    """…and the story's own title this share in its part (0.35 until session 10): it
    took the glued text by adjacency, and its story's part is only part of that text.
    The own title must be longer than a section label (``今被起訴``, a title's second
    line that took a story by adjacency, cut it in two on a g2 page at this bar).
    With it, the free title may also name the text after the cut, when it is the lower
    of two titles read right above the story (``先有話語權再談職業病`` under
    ``崔永元缺席中国慈善年会…``, whose one-paragraph story comes first: a g1 page).
    Session 10 (after ``print_title_pair_min_free``), articles summed over g0–g3:
    own bar 0.2 alone +0.005, with the text-after case +0.010 (g1 +0.005, g3 +0.005,
    g0/g2 unchanged; 0.15 and 0.25 the same); held out g4–g15: articles +0.020, article
    F1 +0.013, titles exact +0.024, paragraphs unchanged (g11 and g12 −0.010: two pages
    split right but counted right by chance before, one subheading-led part cut off)."""
    print_photo_min_overlap: float = 0.1
    """Share of a free title's bigrams that must occur in a stray photo caption for the two
    to make a photo story (a caption describes its photo's headline, in other words:
    generated captions share 0.1–0.4 of their title's bigrams).  Only titles no story
    took and captions no title is above are paired, so a low bar is safe.  Swept on
    100 generated pages (seed 0): 0.5 → 0.2 +3.5 points articles, 0.1 = 0.2; seed 003
    unchanged (no stray caption paired).  Session 10, 0.2 → 0.1 (two photos set side
    by side: both headlines read over both captions, ``中国在复杂形势中持续铁腕治理年关
    欠薪`` holding 0.18 of its bigrams in its caption), articles / article F1 /
    paragraphs summed: g0–g3 +0.020 / +0.007 / +0.003 (0.15: +0.005; 0.05 and 0.01 the
    same as 0.1), held out g4–g15 +0.045 / +0.013 / +0.005, no set down."""
    print_photo_title_in_text: bool = True
    """A subheading read inside a story that names a stray photo caption (at least
    ``print_photo_min_overlap`` of its bigrams there, more than in the rest of that
    story) is the photo's title (``segment._photo_titles_in_text``): a photo set inside
    a story's columns, its title read between the story's paragraphs.  A switch.
    Session 6 (HEAD d3f5af3, sets /tmp/s5/gen), off → on (articles / article F1 /
    paragraphs): g0 0.895/0.970/0.932 → 0.905/0.972/0.933, g1 0.890/0.962/0.917 →
    0.895/0.964/0.918, g2 unchanged; checked g3 unchanged; held out g4 unchanged, g5
    0.850/0.953/0.902 → 0.855/0.954/0.902, g6 0.880/0.958/0.912 → 0.890/0.961/0.912.
    Seven pages change, each better in all three columns.  On g0–g2 the subheadings
    that hold ≥ 0.1 of their bigrams in a stray caption are 4, all photo titles
    (0.36–0.81 there): the bar does not decide; one names its story at 0.18 and the
    caption at 0.36, so the story test is "more than", not a second bar."""
    print_story_context_chars: int = 400
    print_story_context_min_pairs: int = 20
    print_story_min_shared: float = 0.03
    """A short block between two body paragraphs is a title, not a subheading, when the
    character pairs of the (at most ``print_story_context_chars``) body characters below
    it and above it share less than this share of the smaller set (each side needs
    ``print_story_context_min_pairs`` pairs to say anything).  On generated pages (seed 0)
    true titles there score 0.00–0.03, subheadings mostly above 0.05.  Swept on seed 0,
    checked on seed 1: 0.02 / 0.03 / 0.04 gave articles 0.770 / 0.780 / 0.775 (seed 1:
    0.685 / 0.690 / 0.690)."""
    print_heading_min_shared: float = 0.1
    """A short block read after another title, between two paragraphs, is a subheading
    of the story above (the title between belongs to a story set beside) only when
    the text around it shares at least this much vocabulary (see
    ``print_story_min_shared``).  Seed 0 / seed 1 articles: 0.05 → 0.790 / 0.725,
    0.1 → 0.800 / 0.715, 0.15 → 0.785 / 0.705 (chosen on seed 0)."""
    print_piece_min_shared: float = 0.07
    """A piece with no title, metadata or dateline joins the story holding at least this
    share of its character pairs (see ``segment._merge_loose_pieces``): a displaced title
    or a column break left it apart.  Pieces of one story share 0.08–0.25 there, pieces
    of other stories 0.00–0.04.  Generated pages, articles seed 0 (tuned) / seed 1:
    off 0.845 / 0.725, 0.03 → 0.855 / 0.770, 0.05 and 0.07 → 0.865 / 0.790,
    0.1 → 0.860 / 0.780, 0.2 → 0.860 / 0.745, 0.3 → 0.850 / 0.730.
    The same bar cuts the rest of another story off a brief (``segment._cut_foreign_rests``;
    session 5, sets before the generator's lead fix):
    article F1 on g0–g6, off → 0.07: 0.962 / 0.952 / 0.931 / 0.940 / 0.948 / 0.938 / 0.949
    → 0.968 / 0.963 / 0.940 / 0.944 / 0.955 / 0.944 / 0.958 (0.1 and 0.15 gain less:
    0.966 / 0.963 / 0.939 and 0.964 / 0.958 / 0.936 on g0–g2)."""
    print_byline_piece_min_shared: float = 0.1
    """A piece under a byline with no title right above it (see ``segment._is_byline_piece``)
    joins, as its lede, the story with no byline of its own that holds at least this share
    of its character pairs: a byline is set under its story's title, so one read with no
    title above was taken apart from it (pdfminer reads a story's later columns first).
    Such pieces mostly share 0.1–0.9 with their story (15 of the 58 untitled pieces left
    alone on g0–g2 sat under such a byline; this places 12 of them).  Session 5 (regenerated sets), articles g0 / g1 / g2 (tuned) / g3:
    off 0.875 / 0.880 / 0.800 / 0.860, 0.07 → 0.895 / 0.885 / 0.810 / 0.865,
    0.1 → 0.895 / 0.890 / 0.815 / 0.870, 0.15 → 0.890 / 0.885 / 0.815 / 0.865,
    0.2 → 0.890 / 0.870 / 0.810 / 0.865 (article F1 and paragraphs flat ±0.002).  Letting
    a story that has a byline take the piece too: 0.890 / 0.890 / 0.815 / 0.870."""
    print_subheading_piece_min_shared: float = 0.1
    """A piece under a short block no story took as its title joins the story holding at
    least this share of its character pairs, the block as its subheading (see
    ``segment._merge_loose_pieces``): a subheading is followed by more of the same story,
    a new story whose title did not match its text changes the topic.  Higher than
    ``print_piece_min_shared``: the block above is more evidence of a story start than
    nothing.  On g0–g2 such pieces under true subheadings (or under another story's
    displaced title) share 0.06–0.33, pieces that truly open a story 0.04–0.18.
    Generated pages g0 / g1 / g2 articles (tuned there): off 0.885 / 0.850 / 0.790,
    0.05 and 0.07 → 0.890 / 0.870 / 0.825, 0.1 and 0.13 → 0.895 / 0.865 / 0.825,
    0.2 → 0.890 / 0.855 / 0.805 (paragraphs +0.001–0.003 at 0.1)."""
    section_max_chars: int = 6
    """An unmatched title this short is a section label (资讯速览), not a lost title."""

    # --- classifier (classify.py) -------------------------------------------
    # (thresholds owned by the classifier; tuned by site-grouped CV)

    def with_options(self, **options: object) -> "Config":
        """A copy with the given options; unknown names are an error, not ignored."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(options) - known)
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        if "model" in options and options["model"] is not None:
            options["model"] = Path(options["model"])  # type: ignore[arg-type]
        return replace(self, **options)  # type: ignore[arg-type]


DEFAULT = Config()
