"""Framing lexicons: the shipped word lists under data/framing/en/, plus a user's own.

Each file is plain text, one term a line, '#' for comments; files with a second column
(attribution_verbs.txt, epithets.txt, literal_particles.txt, literal_places.txt, loaded.txt) map a term to a tag; place_senses.txt has
tab-separated columns of comma-separated words. A user's `lexicon_dir` may hold
files of the same names: their terms are added to the shipped ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

LANGUAGE = "en"
FILES = ("loaded", "hedges", "attribution_verbs", "channels", "label_heads", "state_heads", "epithets", "physical_nouns", "literal_particles",
         "actor_nouns", "literal_adjectives", "place_senses", "literal_places", "literal_compounds", "non_labels")


@dataclass(frozen=True)
class Lexicon:
    """Every framing word list, lower-cased."""

    loaded: frozenset[str]
    # term -> the only use it is loaded in: an upper-case spaCy POS, MODIFIER (before a noun) or PEOPLE (said of people)
    loaded_pos: dict[str, str]
    hedges: frozenset[str]
    attribution_verbs: dict[str, str]
    channels: frozenset[str]
    label_heads: frozenset[str]
    state_heads: frozenset[str]
    epithets: dict[str, str]
    physical_nouns: frozenset[str]  # a dramatising verb with one of these as subject or object is literal
    literal_particles: dict[str, frozenset[str]]  # verb lemma -> particles of its literal sense ("cave in")
    literal_places: dict[str, frozenset[str]]  # verb lemma -> places of its literal sense ("entombed in the crypt")
    literal_adjectives: frozenset[str]  # loaded adjectives that plainly describe a physical thing ("the smoke was toxic")
    people_nouns: frozenset[str]  # nouns naming people or groups (actor_nouns.txt): "according to a source" names a speaker
    # verb lemma -> (prepositions of its loaded sense, forms always loaded): "lies outside the channel" is a place (place_senses.txt)
    place_senses: dict[str, tuple[frozenset[str], frozenset[str]]]
    literal_compounds: frozenset[str] = frozenset()  # names of kinds holding a loaded word ("killer whale"): no flag
    non_labels: frozenset[str] = frozenset()  # descriptions of a study's parts, never an actor ("placebo group")


def _rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if "\t" in line:
            rows.append([part.strip().lower() for part in line.split("\t") if part.strip()])
        else:
            # "lemma   tag" columns are space-aligned; a phrase without a tag keeps its spaces
            parts = line.rsplit(None, 1)
            rows.append([p.lower() for p in parts] if len(parts) == 2 and "  " in line else [line.lower()])
    return rows


def read_rows(name: str, user_dir: Path | None = None) -> list[list[str]]:
    """Rows of the word list `name` (data/framing/en/<name>.txt, plus a user's file of that name), lower-cased;
    for lists other modules keep beside the Lexicon's (wording.py's actor_nouns)."""
    shipped = resources.files("newsprism").joinpath("data", "framing", LANGUAGE, f"{name}.txt")
    rows = _rows(shipped.read_text(encoding="utf-8"))
    if user_dir is not None:
        for candidate in (Path(user_dir) / f"{name}.txt", Path(user_dir) / LANGUAGE / f"{name}.txt"):
            if candidate.is_file():
                rows += _rows(candidate.read_text(encoding="utf-8"))
    return rows


@lru_cache(maxsize=8)
def load_lexicon(user_dir: Path | None = None) -> Lexicon:
    """Return the shipped lexicons with the terms of `user_dir`'s files added (cached per folder)."""
    sets = {name: read_rows(name, user_dir) for name in FILES}
    words = lambda name: frozenset(row[0] for row in sets[name])  # noqa: E731
    tagged = lambda name, default: {row[0]: (row[1] if len(row) > 1 else default) for row in sets[name]}  # noqa: E731
    return Lexicon(
        loaded=words("loaded"),
        loaded_pos={row[0]: row[1].upper() for row in sets["loaded"] if len(row) > 1},
        hedges=words("hedges"),
        attribution_verbs=tagged("attribution_verbs", "neutral"),
        # rows tagged 'anonymous' name unnamed speakers ("sources"), no relaying medium (channels.py reads them)
        channels=frozenset(row[0] for row in sets["channels"] if len(row) < 2 or row[1] != "anonymous"),
        label_heads=words("label_heads"),
        state_heads=words("state_heads"),
        epithets=tagged("epithets", ""),
        physical_nouns=words("physical_nouns"),
        literal_particles={verb: frozenset(row[1] for row in sets["literal_particles"] if row[0] == verb and len(row) > 1) for verb in words("literal_particles")},
        literal_places={verb: frozenset(row[1] for row in sets["literal_places"] if row[0] == verb and len(row) > 1) for verb in words("literal_places")},
        people_nouns=words("actor_nouns"),
        literal_adjectives=words("literal_adjectives"),
        place_senses={row[0]: (_listed(row, 1), _listed(row, 2)) for row in sets["place_senses"]},
        literal_compounds=words("literal_compounds"),
        non_labels=words("non_labels"),
    )


def _listed(row: list[str], k: int) -> frozenset[str]:
    """The comma-separated words of column `k` of a row (none when the row is shorter)."""
    return frozenset(w.strip() for w in row[k].split(",") if w.strip()) if len(row) > k else frozenset()
