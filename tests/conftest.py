"""Shared fixtures; in CI (REQUIRE_OFFICE=1) a missing LibreOffice fails the run instead of skipping."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# No test may depend on the machine's speed: Hypothesis's per-example deadline (200 ms) and its
# too-slow health check are both timings, so neither applies to any property test.
settings.register_profile("any-machine", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("any-machine")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "inputs").glob("*.yaml"))


def pytest_sessionstart(session):
    if os.environ.get("REQUIRE_OFFICE") == "1":
        missing = [tool for tool in ("soffice", "pdftotext", "pdftoppm") if shutil.which(tool) is None]
        if missing:
            raise pytest.UsageError(f"REQUIRE_OFFICE=1 but {', '.join(missing)} not installed")


@pytest.fixture(scope="session")
def example_paths() -> list[Path]:
    return EXAMPLES


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(autouse=True)
def messages_in_english(monkeypatch):
    """Messages follow the locale (pipeline.words.messages); the tests read them in English unless they choose."""
    monkeypatch.setenv("DEALDOCS_LANG", "en")
