"""Fixtures for the export tests: the dev documents with gold events, linked (see tests/link)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))

from dw_gold_fixtures import linked_store  # noqa: E402,F401 - a pytest fixture
