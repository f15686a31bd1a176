#!/usr/bin/env python
"""CI benchmark gate (.ci/run calls it): the toolkit on seeds/ and, when present,
../shared/data/daniel, checked against benchmarks/floors.json.

Exit 1 when a score is below its floor or a corpus fingerprint changed.  Only the
toolkit runs (floors are on the toolkit; baselines are for the report:
``python benchmarks/run.py --report report.html``).  Speed is printed, never asserted.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402  (benchmarks/run.py)

if __name__ == "__main__":
    sys.exit(run.main(["--toolkit-only", *sys.argv[1:]]))
