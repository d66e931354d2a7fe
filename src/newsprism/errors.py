"""Errors: one hierarchy and one catalogue of coded messages.

Every failure newsprism records names a code from `MESSAGES`, so a user can
search for it and tests can check it. Input errors concern one input (or one
record of it) and never stop the batch.
"""

from __future__ import annotations

MESSAGES = {
    "NP000": "unexpected error: {error}",
    "NP101": "file is empty",
    "NP102": "looks like a binary file, not text or HTML",
    "NP103": "unsupported file type '{ext}' (supported: {supported})",
    "NP104": "malformed JSON ({error})",
    "NP105": "no article text (looked for {fields})",
    "NP106": "web archive is truncated or corrupt ({error})",
    "NP107": "could not fetch URL ({error})",
    "NP108": "response too large (over {limit} bytes)",
    "NP109": "path does not exist",
    "NP110": "could not decode text ({error})",
    "NP111": "feed could not be parsed ({error})",
    "NP112": "no articles found in {what}",
    "NP113": "JSON is malformed ({error})",
    "NP114": "line {line}: not an http(s) URL ({text})",
    "NP115": "could not read ({error})",
    "NP201": "no article text left after cleaning ({chars} chars in)",
    "NP301": "store error: {error}",
    "NP401": "no story with id '{story_id}' in the report",
    "NP302": "no store at {path} (create one with `newsprism ingest` or `newsprism analyze --db`)",
    "NP303": "cannot open store {path}: {error}",
    "NP304": "store {path} has layout version {found}, newer than this newsprism knows ({supported}); upgrade newsprism",
    "NP305": "store {path} has layout version {found}, older than {supported}; open it once for writing (e.g. `newsprism ingest`) to upgrade it",
}


class NewsprismError(Exception):
    """Base class: carries a code from the catalogue and the formatted message."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        template = MESSAGES.get(code, "{error}")
        try:
            self.message = template.format(**fields)
        except KeyError:
            self.message = template
        super().__init__(f"{code}: {self.message}")


class InputError(NewsprismError):
    """One input (file, record or URL) could not be read."""


class StageError(NewsprismError):
    """A stage could not produce output for one item."""


class StoreError(NewsprismError):
    """The DuckDB store could not be read or written."""
