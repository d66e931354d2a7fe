"""Shared fixtures: paths to the shared seeds and data sets, and small helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    return SEEDS


def seed_path(prefix: str) -> Path:
    """Return the seed file whose name starts with `prefix` (e.g. '001')."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))
