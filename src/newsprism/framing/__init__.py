"""Framing: Understanding -> [FramingEntry] (labels, loaded words, hedges, scare quotes, channels).

STUB: returns no entries; the real stage replaces this module.
"""

from __future__ import annotations

from newsprism.models import FramingEntry, Understanding
from newsprism.settings import FramingSettings


def frame_story(understanding: Understanding, settings: FramingSettings | None = None) -> list[FramingEntry]:
    """Return how each outlet frames the story's actors."""
    return []
