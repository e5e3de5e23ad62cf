"""Where the tests find the repository and their data files, so a test file's folder depth does not matter."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
GOLDEN = DATA / "golden"  # one output file per format; UPDATE_GOLDEN=1 rewrites them (test_samples.py)
SCHEMAS = REPO / "resources" / "schemas"
