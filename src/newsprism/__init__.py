"""newsprism: how different outlets reported the same news event.

The same pipeline as the command line, for notebooks and other tools::

    import newsprism
    report = newsprism.analyze(["examples/"])          # paths, folders, URLs or Article objects
    print(report.stories[0].summary)

Stages (each a plain function from one model to the next) are importable too:
`read_inputs`, `clean_article`, `group_articles`, `understand_story`,
`compare_story`, `frame_story`, `write_reports`.
"""

from newsprism.clean import clean_article
from newsprism.compare import compare_story
from newsprism.framing import frame_story
from newsprism.group import group_articles
from newsprism.ingest import read_inputs
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
from newsprism.pipeline import analyze
from newsprism.report import write_reports
from newsprism.settings import Settings, load_settings
from newsprism.understand import understand_story

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION", "Article", "CleanArticle", "Comparison", "Failure", "FramingEntry", "Report",
    "Settings", "Story", "StoryGroup", "Understanding", "analyze", "clean_article", "compare_story",
    "frame_story", "group_articles", "load_settings", "read_inputs", "understand_story", "write_reports",
]
