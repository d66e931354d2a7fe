"""Compare: Understanding -> Comparison (facts, conflicts, exclusives, omissions, timeline, summary).

STUB: returns an empty Comparison; the real stage replaces this module.
"""

from __future__ import annotations

from newsprism.models import Comparison, Understanding
from newsprism.settings import CompareSettings


def compare_story(understanding: Understanding, settings: CompareSettings | None = None) -> Comparison:
    """Compare the outlets of one story."""
    return Comparison()
