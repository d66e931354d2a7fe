"""The working record of one entity mention while the entities stage builds entities.

Kept apart from `entities.py` so that `coref.py` (pronouns and descriptions) and
`entities.py` (names) share it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Mention kinds that refer to an entity without naming it: never a canonical name or alias.
REFERENCE_KINDS = frozenset({"pronoun", "description"})


@dataclass(eq=False)
class Found:
    """A mention while the stage works on it (not a model: it is mutated while clustering)."""

    article_id: str
    text: str
    start: int
    end: int
    sentence_index: int
    label: str
    kind: str = "name"
    country: str | None = None
    titles: list[str] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)
    first_token: int = 0  # token index in the doc, for ordering and dependency checks
    headline: bool = False  # found in a Title Case line, where the tagger is unreliable
    after_place_word: bool = False  # one word right after "in", "near", "between"...: maybe a place the tagger called a person
    # a PERSON name's context: "person" (a title, role, given name, speech verb), "place" ("village of X"),
    # "group" ("the side X", "supporters of X"); data/understand/name_contexts.csv
    evidence: set[str] = field(default_factory=set)
    event_before: int = -1  # a pronoun "it": token index of the last event noun ("a fire") before it in its sentence
    last_token: int = 0  # token index of the mention's head (its last token)
    # names: title and role words seen with the name in this article ("president", "actress")
    roles: set[str] = field(default_factory=set)
    subject: bool = False  # the mention is a clause subject (salient for a later pronoun)
    dep_object: bool = False  # the mention is an object ("X praised him": him cannot be X)
    # pronouns and descriptions
    refers_to: Found | None = None  # the earlier mention a pronoun (or an appositive) stands for
    head: str = ""  # a description's head noun lemma ("president", "company")
    refers: str = ""  # what a description stands for: person, named_org, any_org, country, government
    words: tuple[str, ...] = ()  # a description's folded modifier words ("north", "korean")
    owner: Found | None = None  # the name or pronoun inside a government description ("the Trump administration")
    gender: str = "any"
    plural: bool = False
    number: str = "any"  # a pronoun's number: singular, plural or any
    owned_by_name: int = -1  # a possessive pronoun inside a name's apposition ("X, his brother"): X's head token
    parent: int = -1  # token index of the syntactic head of the mention's head ("X praised him": both hang on "praised")
