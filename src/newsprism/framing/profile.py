"""Framing profile: the entries of one story arranged per outlet, for the report.

An outlet × actor table of labels (one row per entity, whatever its spelling), and per outlet
its loaded words and hedges with counts, its attribution verbs and its channels; every term
keeps the evidence sentences it came from, and words in quotes are kept apart from the
outlet's own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from newsprism.models import (
    CleanArticle,
    Evidence,
    FramingEntry,
    FramingProfile,
    FramingTerm,
    LabelRow,
    OutletFraming,
    Story,
    article_label,
)

# entry category -> OutletFraming field
_FIELDS = {"loaded": "loaded", "hedge": "hedges", "attribution_verb": "attribution_verbs", "channel": "channels", "scare_quote": "scare_quotes"}


def outlet_name(article: CleanArticle) -> str:
    """Return the outlet an article is shown under: the report's one name for it (`models.article_label`)."""
    return article_label(article)


def _terms(entries: Iterable[FramingEntry]) -> list[FramingTerm]:
    grouped: dict[tuple[str, str, str | None], list[FramingEntry]] = defaultdict(list)
    for e in entries:
        grouped[(e.term.lower(), e.voice, e.speaker_entity_id)].append(e)
    terms = []
    for (_, voice, speaker), group in grouped.items():
        evidence: list[Evidence] = []
        for e in group:
            if all((ev.article_id, ev.start) != (e.evidence.article_id, e.evidence.start) for ev in evidence):
                evidence.append(e.evidence)
        terms.append(FramingTerm(term=group[0].term, category=group[0].category, count=len(group), voice=voice, speaker_entity_id=speaker, evidence=evidence))
    # the outlet's own words first; quoted ones are worth showing, but apart
    terms.sort(key=lambda t: (t.voice != "outlet", -t.count, t.term.lower()))
    return terms


def framing_profile(story: Story, articles: list[CleanArticle]) -> FramingProfile:
    """Return the story's framing per outlet: labels per actor beside the other outlets', and counted terms."""
    by_id = {a.id: a for a in articles if a.id in set(story.article_ids)}
    outlet_of = {aid: outlet_name(a) for aid, a in by_id.items()}
    outlets = list(dict.fromkeys(outlet_of[aid] for aid in story.article_ids if aid in outlet_of))
    entries = [e for e in story.framing if e.article_id in outlet_of]

    profiles = []
    for outlet in outlets:
        own = [e for e in entries if outlet_of[e.article_id] == outlet]
        profile = OutletFraming(outlet=outlet, article_ids=[aid for aid in story.article_ids if outlet_of.get(aid) == outlet])
        for category, field in _FIELDS.items():
            setattr(profile, field, _terms(e for e in own if e.category == category))
        profiles.append(profile)

    names = {e.id: e.name for e in story.entities}
    cells: dict[str, dict[str, list[FramingEntry]]] = defaultdict(lambda: defaultdict(list))
    for e in entries:
        if e.category == "label" and e.target_entity_id:
            cells[e.target_entity_id][outlet_of[e.article_id]].append(e)
    label_rows = [
        LabelRow(
            entity_id=entity_id,
            entity_name=names.get(entity_id, entity_id),
            labels={outlet: _terms(cell) for outlet, cell in by_outlet.items()},
        )
        for entity_id, by_outlet in cells.items()
    ]
    label_rows.sort(key=lambda r: (-sum(t.count for terms in r.labels.values() for t in terms), r.entity_name))
    return FramingProfile(story_id=story.id, outlets=profiles, labels=label_rows)
