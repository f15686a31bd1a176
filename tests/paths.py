"""Where the tests find the project's seeds and the shared data (read in place, never copied)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
DANIEL = SHARED / "data" / "daniel"
