"""newsprism: how different outlets reported the same news event.

The same pipeline as the command line, for notebooks and other tools::

    import newsprism
    report = newsprism.analyze(["examples/"])          # paths, folders, URLs or Article objects
    print(report.stories[0].summary)

Stages (each a plain function from one model to the next) are importable too:
`read_inputs`, `clean_article`, `group_articles`, `understand_story`,
`compare_story`, `frame_story`, `write_reports`.
"""

from importlib import import_module

from newsprism.models import (
    SCHEMA_VERSION,
    Article,
    CleanArticle,
    Comparison,
    Failure,
    FramingEntry,
    Report,
    Story,
    StoryGroup,
    Understanding,
)
from newsprism.settings import Settings, load_settings

# Stage functions load their models (spaCy, the sentence encoder) on import, so they are
# imported on first use: `newsprism serve`, `stories` and the store start without them.
_LAZY = {
    "analyze": "newsprism.pipeline",
    "read_inputs": "newsprism.ingest",
    "clean_article": "newsprism.clean",
    "group_articles": "newsprism.group",
    "understand_story": "newsprism.understand",
    "compare_story": "newsprism.compare",
    "frame_story": "newsprism.framing",
    "write_reports": "newsprism.report",
}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newsprism' has no attribute {name!r}")


__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION", "Article", "CleanArticle", "Comparison", "Failure", "FramingEntry", "Report",
    "Settings", "Story", "StoryGroup", "Understanding", "analyze", "clean_article", "compare_story",
    "frame_story", "group_articles", "load_settings", "read_inputs", "understand_story", "write_reports",
]
