"""Where the tests find the project: its root, the example deals, the tests' own data."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
INPUTS = ROOT / "inputs"
