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
    """False = heuristics only (no trained classifier)."""

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
    # (thresholds owned by layout.py; tuned on seeds/003 and generated pages)

    # --- boilerplate heuristics (heuristics.py / revise.py) -----------------
    # (thresholds owned by the heuristic rules; tuned on seeds + daniel)

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
